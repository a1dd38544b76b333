import { forward } from './gateway';
import { deliver } from './transport';

export async function chatRoute(request: { json(): Promise<{ provider: string; messages: unknown[] }> }, apiKey: string) {
  const { provider, messages } = await request.json();
  try {
    return await forward({ provider, operation: 'chat', options: { apiKey }, body: { messages } });
  } catch (error) {
    console.error('chat route failed', error);
    return new Response('upstream unavailable', { status: 502 });
  }
}

// The same transport for a webhook: not a model request.
export async function notify(hookUrl: string, event: object) {
  return deliver(hookUrl, { method: 'POST', body: JSON.stringify(event) }, 2);
}

export async function ping() {
  return deliver('https://status.example.com/api/ping', { method: 'GET' }, 1);
}
