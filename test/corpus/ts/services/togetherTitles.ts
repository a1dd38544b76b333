// Chat titles from Together's own SDK, with a client per request and a stream read to the end.
import Together from 'together-ai';

export async function titleFor(message: string): Promise<string> {
  const together = new Together({ timeout: 15_000 });
  const response = await together.chat.completions.create({
    model: 'meta-llama/Llama-3.3-70B-Instruct-Turbo',
    max_tokens: 24,
    messages: [{ role: 'user', content: `A three-word title for: ${message}` }],
  });
  return response.choices[0]?.message?.content ?? 'New chat';
}

export async function draft(prompt: string): Promise<string> {
  const together = new Together();
  let text = '';
  const stream = await together.chat.completions.create({ model: 'Qwen/Qwen2.5-Coder-32B-Instruct', stream: true, messages: [{ role: 'user', content: prompt }] });
  for await (const chunk of stream) text += chunk.choices[0]?.delta?.content ?? '';
  return text;
}

export async function streamed(prompt: string): Promise<string> {
  const together = new Together({ timeout: 60_000 });
  const stream = together.chat.completions.stream({ model: 'Qwen/Qwen2.5-Coder-32B-Instruct', max_tokens: 4000, messages: [{ role: 'user', content: prompt }] });
  let text = '';
  for await (const chunk of stream) text += chunk.choices[0]?.delta?.content ?? '';
  return text;
}

export async function models(): Promise<number> {
  const together = new Together();
  const list = await together.models.list();
  return list.length;
}
