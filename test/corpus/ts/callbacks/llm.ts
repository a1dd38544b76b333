import OpenAI from 'openai';

const openai = new OpenAI({ timeout: 20_000, maxRetries: 2 });

export async function complete(prompt: string): Promise<string> {
  const response = await openai.chat.completions.create({
    model: 'gpt-4o-mini-2024-07-18',
    max_tokens: 300,
    messages: [{ role: 'user', content: prompt }],
  });
  return response.choices[0]?.message.content ?? '';
}
