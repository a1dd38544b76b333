import { generateText } from './text-utils';
import { embed } from '../lib/vector-math';
import { chat } from './chat-ui';
import EventEmitter from 'node:events';

// Objects shaped like AI clients that are not: fakes, UI helpers, local utilities.
const openai = {
  chat: { completions: { create: async (input: { messages: string[] }) => ({ choices: input.messages }) } },
};
const anthropic = { messages: { create: (body: unknown) => body } };
const fakeLlm = { invoke: async (input: string) => input.toUpperCase() };

export async function notAi(input: string) {
  await openai.chat.completions.create({ messages: [input] });
  anthropic.messages.create({ text: input });
  await fakeLlm.invoke(input);
  generateText({ template: 'Hello {name}', values: { name: input } });
  embed([1, 2, 3], [4, 5, 6]);
  chat.send(input);
  const bus = new EventEmitter();
  bus.emit('chat', input);
  const chain = { invoke: (x: string) => x, stream: (x: string) => [x], batch: (x: string[]) => x };
  chain.invoke(input);
  chain.stream(input);
  chain.batch([input]);
}

export function documents(db: { collection(name: string): { insertOne(doc: object): Promise<void> } }) {
  return db.collection('completions').insertOne({ model: 'gpt-4o', text: 'cached' });
}

export class Completions {
  create(body: { model: string }) {
    return body;
  }
}

export function useLocal(model: string) {
  const completions = new Completions();
  return completions.create({ model });
}

export function params(client: { generate(prompt: string): string }) {
  return client.generate('x');
}
