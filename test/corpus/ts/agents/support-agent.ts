import OpenAI from 'openai';
import Anthropic from '@anthropic-ai/sdk';
import { generateText, tool, stepCountIs } from 'ai';
import { createAnthropic } from '@ai-sdk/anthropic';
import { createAzure } from '@ai-sdk/azure';
import { bedrock } from '@ai-sdk/amazon-bedrock';
import { mistral } from '@ai-sdk/mistral';
import { groq } from '@ai-sdk/groq';
import { z } from 'zod';

const openai = new OpenAI({ timeout: 60_000 });
const claude = new Anthropic();
const anthropicProvider = createAnthropic({ apiKey: process.env.ANTHROPIC_KEY });
const azure = createAzure({ resourceName: 'contoso', apiKey: process.env.AZURE_API_KEY });

const lookupOrder = tool({
  description: 'Look up an order',
  inputSchema: z.object({ orderId: z.string() }),
  execute: async ({ orderId }) => ({ orderId, status: 'shipped' }),
});

export async function runAgent(question: string) {
  const { text, steps } = await generateText({
    model: anthropicProvider('claude-sonnet-4-5-20250929'),
    tools: { lookupOrder },
    stopWhen: stepCountIs(5),
    prompt: question,
  });
  return { text, steps: steps.length };
}

export async function runWithAzure(question: string) {
  return generateText({ model: azure('gpt-4o-prod'), prompt: question, maxOutputTokens: 400 });
}

export async function runOnBedrock(question: string) {
  return generateText({ model: bedrock('anthropic.claude-3-5-sonnet-20241022-v2:0'), prompt: question });
}

export async function runOnMistral(question: string) {
  return generateText({ model: mistral('mistral-large-2411'), prompt: question });
}

export async function runOnGroq(question: string) {
  return generateText({ model: groq('llama-3.3-70b-versatile'), prompt: question });
}

export async function toolLoop(question: string) {
  const messages: OpenAI.Chat.ChatCompletionMessageParam[] = [{ role: 'user', content: question }];
  for (let turn = 0; turn < 4; turn++) {
    const completion = await openai.chat.completions.create({
      model: 'gpt-4.1-2025-04-14',
      messages,
      tools: [{ type: 'function', function: { name: 'lookup_order', parameters: { type: 'object', properties: {} } } }],
    });
    const message = completion.choices[0].message;
    messages.push(message);
    if (!message.tool_calls?.length) return message.content;
  }
  return null;
}

export async function claudeTools(question: string) {
  const response = await claude.messages.create({
    model: 'claude-sonnet-4-5-20250929',
    max_tokens: 1024,
    tools: [{ name: 'lookup_order', description: 'Look up an order', input_schema: { type: 'object', properties: {} } }],
    messages: [{ role: 'user', content: question }],
  });
  return response.stop_reason;
}

export async function claudeStreamed(question: string) {
  const stream = await claude.messages.create({
    model: 'claude-3-7-sonnet-20250219',
    max_tokens: 1024,
    stream: true,
    messages: [{ role: 'user', content: question }],
  });
  for await (const event of stream) if (event.type === 'message_stop') break;
}

export async function runToolsHelper(question: string) {
  const runner = openai.chat.completions.runTools({
    model: 'gpt-4o-2024-08-06',
    messages: [{ role: 'user', content: question }],
    tools: [],
  });
  return runner.finalContent();
}
