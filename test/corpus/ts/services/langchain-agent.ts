import { ChatOpenAI, OpenAIEmbeddings } from '@langchain/openai';
import { ChatAnthropic } from '@langchain/anthropic';
import { ChatPromptTemplate } from '@langchain/core/prompts';
import { StringOutputParser } from '@langchain/core/output_parsers';
import { HumanMessage, SystemMessage } from '@langchain/core/messages';

const gpt = new ChatOpenAI({ model: 'gpt-4o-mini-2024-07-18', temperature: 0, timeout: 20_000, maxRetries: 2 });
const claude = new ChatAnthropic({ model: 'claude-3-5-sonnet-20241022', maxTokens: 1024 });
const resilient = gpt.withRetry({ stopAfterAttempt: 3 }).withFallbacks([claude]);
const embeddings = new OpenAIEmbeddings({ model: 'text-embedding-3-small' });

const prompt = ChatPromptTemplate.fromMessages([
  ['system', 'Answer using the context.'],
  ['human', '{question}\n\nContext: {context}'],
]);

export async function answer(question: string, context: string) {
  const chain = prompt.pipe(gpt).pipe(new StringOutputParser());
  return chain.invoke({ question, context });
}

export async function chat(history: string[]) {
  const reply = await claude.invoke([new SystemMessage('Be brief.'), ...history.map((h) => new HumanMessage(h))]);
  return reply.content;
}

export async function* streamAnswer(question: string) {
  const stream = await resilient.stream(question);
  for await (const chunk of stream) yield chunk.content;
}

export async function bulk(questions: string[]) {
  return gpt.batch(questions, { maxConcurrency: 4 });
}

export async function index(docs: string[]) {
  const vectors = await embeddings.embedDocuments(docs);
  const probe = await embeddings.embedQuery(docs[0] ?? '');
  return { vectors, probe };
}

export async function legacy(question: string) {
  const model = new ChatOpenAI({ modelName: 'gpt-4-turbo-2024-04-09' });
  return model.call([new HumanMessage(question)]);
}
