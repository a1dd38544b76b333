import { openai } from './openai';
import type { ChatCompletionMessageParam } from 'openai/resources/chat/completions';

const MODEL = 'gpt-4o-2024-08-06';

export async function complete(messages: ChatCompletionMessageParam[], maxTokens = 500): Promise<string> {
  const completion = await openai.chat.completions.create({
    model: MODEL,
    messages,
    max_completion_tokens: maxTokens,
  });
  return completion.choices[0]?.message.content ?? '';
}

export async function embedText(text: string): Promise<number[]> {
  const res = await openai.embeddings.create({ model: 'text-embedding-3-small', input: text });
  return res.data[0].embedding;
}

export const summarise = (text: string) =>
  complete([
    { role: 'system', content: 'Summarise the text in three bullet points.' },
    { role: 'user', content: text },
  ]);
