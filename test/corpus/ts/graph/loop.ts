// A research agent built by hand on LangGraph.js: a model node and a tool node that call each other.
import { AIMessage, ToolMessage } from '@langchain/core/messages';
import { MessagesAnnotation, StateGraph } from '@langchain/langgraph';
import { ChatOpenAI } from '@langchain/openai';

const llm = new ChatOpenAI({ model: 'gpt-4o-2024-08-06', timeout: 30_000, maxTokens: 1024 });

const search = (query: string) => `results for ${query}`;

const builder = new StateGraph(MessagesAnnotation)
  .addNode('model', async (state) => ({ messages: [await llm.invoke(state.messages)] }))
  .addNode('tools', async (state) => {
    const last = state.messages.at(-1) as AIMessage;
    return { messages: (last.tool_calls ?? []).map((call) => new ToolMessage({ content: search(String(call.args.query)), tool_call_id: call.id ?? '' })) };
  })
  .addEdge('__start__', 'model')
  .addConditionalEdges('model', (state) => ((state.messages.at(-1) as AIMessage).tool_calls?.length ? 'tools' : '__end__'))
  .addEdge('tools', 'model');
const research = builder.compile();
const patient = research.withConfig({ recursionLimit: Number.MAX_SAFE_INTEGER });

export const answer = (question: string) => research.invoke({ messages: [['user', question]] }, { recursionLimit: 40 });

export async function* answerStreaming(question: string) {
  for await (const update of await patient.stream({ messages: [['user', question]] }, { streamMode: 'updates' })) yield update;
}
