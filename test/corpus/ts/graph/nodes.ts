import { initChatModel } from 'langchain';
import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import type { BaseLanguageModel } from '@langchain/core/language_models/base';
import { ChatPromptTemplate } from '@langchain/core/prompts';
import { RunnableLambda, RunnableSequence } from '@langchain/core/runnables';
import { StringOutputParser } from '@langchain/core/output_parsers';
import { tool } from '@langchain/core/tools';
import type { VectorStoreRetriever } from '@langchain/core/vectorstores';
import { z } from 'zod';
import { fastModel, modelFromSettings, type ModelSettings } from './models';

const lookupOrder = tool(async ({ id }) => `order ${id}: shipped`, {
  name: 'lookup_order',
  description: 'Find an order by id',
  schema: z.object({ id: z.string() }),
});

const titlePrompt = ChatPromptTemplate.fromMessages([
  ['system', 'Write a five-word title for the conversation.'],
  ['human', '{conversation}'],
]);

export async function routeQuestion(settings: ModelSettings, question: string) {
  const model = await modelFromSettings(settings, { maxTokens: 64 });
  const router = model.withStructuredOutput(z.object({ route: z.enum(['orders', 'billing', 'other']) }));
  return router.invoke([['human', question]]);
}

export async function answerWithTools(settings: ModelSettings, question: string) {
  const withTools = (await modelFromSettings(settings)).bindTools([lookupOrder]).withConfig({ runName: 'answer' });
  const reply = await withTools.invoke(question);
  for (const call of reply.tool_calls ?? []) {
    const result = await lookupOrder.invoke(call.args as { id: string });
    console.info('tool result', result);
  }
  return reply;
}

export async function summarise(text: string) {
  const model = (await initChatModel('claude-3-5-haiku-20241022', { modelProvider: 'anthropic', maxTokens: 300 })).withRetry({ stopAfterAttempt: 2 });
  const stream = await model.stream(`Summarise:\n${text}`);
  let out = '';
  for await (const chunk of stream) out += chunk.content;
  return out;
}

export async function titleFor(conversation: string) {
  const chain = RunnableSequence.from([titlePrompt, await fastModel(), new StringOutputParser()]);
  const formatted = await titlePrompt.format({ conversation });
  console.debug('title prompt', formatted);
  return chain.invoke({ conversation });
}

export async function titlesFor(conversations: string[]) {
  const chain = titlePrompt.pipe(await fastModel());
  return chain.batch(conversations.map((conversation) => ({ conversation })));
}

/** A node that receives the model its graph was built with. */
export async function critique(model: BaseChatModel, draft: string) {
  const cautious = model.withFallbacks([await fastModel()]);
  const events = cautious.streamEvents(`Critique this draft:\n${draft}`, { version: 'v2' });
  for await (const event of events) if (event.event === 'on_chat_model_end') return event.data;
  return undefined;
}

export async function context(retriever: VectorStoreRetriever, question: string) {
  const docs = await retriever.invoke(question);
  const messages = await titlePrompt.invoke({ conversation: question });
  const upper = RunnableLambda.from((input: string) => input.toUpperCase());
  return { docs, messages, shout: await upper.invoke(question) };
}

/** Graders are given their model when the graph is assembled. */
export class Grader {
  private readonly model: BaseLanguageModel;

  constructor(model: BaseLanguageModel) {
    this.model = model;
  }

  async grade(answer: string) {
    const verdict = await this.model.invoke(`Grade from 1 to 5:\n${answer}`);
    const normalise = RunnableSequence.from([titlePrompt, RunnableLambda.from((value: unknown) => String(value).trim())]);
    return { verdict, label: await normalise.invoke({ conversation: answer }) };
  }
}
