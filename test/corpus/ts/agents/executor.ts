// Billing answers from a LangChain.js AgentExecutor (langchain 0.3 and @langchain/classic in 1.x).
import { ChatOpenAI } from '@langchain/openai';
import { ChatPromptTemplate } from '@langchain/core/prompts';
import { AgentExecutor, createToolCallingAgent } from 'langchain/agents';
import { AgentExecutor as ClassicExecutor } from '@langchain/classic/agents';

const llm = new ChatOpenAI({ model: 'gpt-4o-2024-08-06', timeout: 30_000 });
const prompt = ChatPromptTemplate.fromMessages([['system', 'You answer billing questions.'], ['human', '{input}'], ['placeholder', '{agent_scratchpad}']]);
const agent = await createToolCallingAgent({ llm, tools: [], prompt });
const executor = new AgentExecutor({ agent, tools: [], maxIterations: 8 });
const classic = ClassicExecutor.fromAgentAndTools({ agent, tools: [] });

export const billing = (input: string) => executor.invoke({ input });

export async function* billingStream(input: string) {
  for await (const chunk of await classic.stream({ input })) yield chunk;
}

export const render = (input: string) => prompt.invoke({ input });
