import { complete } from './llm';

type Route = (body: string) => Promise<string>;
const routes = new Map<string, Route>();

/** Registers what it is given: the handlers run on requests, not while the app is configured. */
export function createApp(configure: (app: { post(path: string, route: Route): void }) => void) {
  configure({ post: (path, route) => routes.set(path, route) });
  return routes;
}

export const app = createApp((api) => {
  api.post('/summary', async (body) => complete(`Summarize: ${body}`));
});

/** Keeps the listener for later: subscribing sends nothing. */
export function onMessage(listeners: Set<(text: string) => void>, handler: (text: string) => Promise<string>) {
  listeners.add((text) => void handler(text));
}

export function subscribe(listeners: Set<(text: string) => void>) {
  onMessage(listeners, (text) => complete(text));
}
