import Anthropic from '@anthropic-ai/sdk';
import pRetry from 'p-retry';
import { logger } from '../lib/logger';

const anthropic = new Anthropic({ timeout: 25_000, maxRetries: 0 });

export interface DraftInput {
  customerName: string;
  issue: string;
}

/** The one place this service talks to Claude. */
export async function askClaude(prompt: string, system = 'Be concise.'): Promise<string> {
  const message = await pRetry(
    () =>
      anthropic.messages.create({
        model: 'claude-sonnet-4-5-20250929',
        max_tokens: 1024,
        system,
        messages: [{ role: 'user', content: prompt }],
      }),
    { retries: 3 },
  );
  logger.info('claude call', { id: message.id, model: message.model, usage: message.usage });
  const block = message.content[0];
  return block.type === 'text' ? block.text : '';
}

export async function streamClaude(prompt: string, onText: (text: string) => void, signal: AbortSignal) {
  const stream = anthropic.messages.stream(
    { model: 'claude-sonnet-4-5-20250929', max_tokens: 2048, messages: [{ role: 'user', content: prompt }] },
    { signal },
  );
  stream.on('text', onText);
  stream.on('error', (error) => logger.error('stream failed', error));
  return stream.finalMessage();
}

export const draftReply = (input: DraftInput) => askClaude(`Draft a reply about: ${input.issue}`);

export async function countTokens(prompt: string) {
  return anthropic.messages.countTokens({ model: 'claude-sonnet-4-5-20250929', messages: [{ role: 'user', content: prompt }] });
}
