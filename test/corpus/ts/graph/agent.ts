import { ChatAnthropic } from '@langchain/anthropic';
import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import { tool } from '@langchain/core/tools';
import { Annotation, InMemoryStore, StateGraph } from '@langchain/langgraph';
import { createReactAgent } from '@langchain/langgraph/prebuilt';
import { Client } from '@langchain/langgraph-sdk';
import { z } from 'zod';

const weather = tool(async ({ city }) => `Sunny in ${city}`, {
  name: 'weather',
  description: 'Current weather for a city',
  schema: z.object({ city: z.string() }),
});

const llm = new ChatAnthropic({ model: 'claude-sonnet-4-20250514', maxTokens: 1024, maxRetries: 3 });
const agent = createReactAgent({ llm, tools: [weather] });
const store = new InMemoryStore();

export async function ask(question: string) {
  const result = await agent.invoke({ messages: [{ role: 'user', content: question }] }, { recursionLimit: 8 });
  await store.put(['answers'], question, { text: String(result.messages.at(-1)?.content) });
  return result;
}

export async function* askStreaming(question: string) {
  const stream = await agent.stream({ messages: [{ role: 'user', content: question }] }, { streamMode: 'values' });
  for await (const state of stream) yield state.messages.at(-1);
}

export function agentFor(model: BaseChatModel) {
  return createReactAgent({ llm: model.bindTools([weather]), tools: [weather] });
}

export async function traced(model: BaseChatModel, question: string) {
  const scoped = agentFor(model);
  const events = createReactAgent({ llm: model, tools: [weather] }).streamEvents({ messages: [['user', question]] }, { version: 'v2' });
  for await (const event of events) console.debug(event.event);
  return scoped.invoke({ messages: [['user', 'Summarise the weather.']] });
}

const Counter = Annotation.Root({ count: Annotation<number>() });
const counter = new StateGraph(Counter)
  .addNode('inc', (state) => ({ count: state.count + 1 }))
  .addEdge('__start__', 'inc')
  .compile();

export async function bookkeeping(threadId: string) {
  const counted = await counter.invoke({ count: 0 });
  const previous = await store.get(['answers'], threadId);
  const remote = new Client({ apiUrl: process.env.LANGGRAPH_API_URL });
  const thread = await remote.threads.create();
  await remote.threads.getState(thread.thread_id);
  return { counted, previous };
}
