import { streamText, type UIMessage, convertToModelMessages } from 'ai';
import { anthropic } from '@ai-sdk/anthropic';

export async function POST(req: Request) {
  const { messages }: { messages: UIMessage[] } = await req.json();

  const result = streamText({
    model: anthropic('claude-sonnet-4-5-20250929'),
    system: 'You are a helpful support assistant for Acme Cloud.',
    messages: convertToModelMessages(messages),
  });

  return result.toUIMessageStreamResponse();
}
