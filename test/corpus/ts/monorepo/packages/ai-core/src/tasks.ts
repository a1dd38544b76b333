import { anthropic, createOpenAIClient, mistral } from './clients';

const openai = createOpenAIClient();

export async function classifyIntent(utterance: string): Promise<string> {
  const res = await openai.chat.completions.create({
    model: 'gpt-4o-mini-2024-07-18',
    max_completion_tokens: 10,
    messages: [
      { role: 'system', content: 'Reply with one word: billing, bug or other.' },
      { role: 'user', content: utterance },
    ],
  });
  return res.choices[0].message.content ?? 'other';
}

export async function summariseThread(thread: string[]) {
  const msg = await anthropic.messages.create({
    model: 'claude-3-5-haiku-20241022',
    max_tokens: 300,
    messages: [{ role: 'user', content: thread.join('\n') }],
  });
  return msg.content;
}

export async function translate(text: string, language: string) {
  return mistral.chat.complete({ model: 'mistral-small-2503', messages: [{ role: 'user', content: `Translate to ${language}: ${text}` }] });
}

export async function triage(utterance: string) {
  const intent = await classifyIntent(utterance);
  return intent === 'bug' ? 'engineering' : 'support';
}
