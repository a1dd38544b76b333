import { coverImage, researcher } from '@/lib/agents/researcher';

export const maxDuration = 120;

export async function POST(request: Request) {
  const { question, careful } = (await request.json()) as { question: string; careful?: boolean };
  const agent = researcher(careful ? 'careful' : 'fast');
  try {
    const result = await agent.stream({ prompt: question, abortSignal: request.signal });
    return result.toUIMessageStreamResponse();
  } catch (error) {
    console.error('research failed', error);
    return new Response('The research agent is unavailable.', { status: 503 });
  }
}

export async function PUT(request: Request) {
  const { title } = (await request.json()) as { title: string };
  const image = await coverImage(title);
  return Response.json({ image: image.base64 });
}
