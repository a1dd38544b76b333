import { ruleTester } from '../ruleTester';

const header = `import OpenAI from 'openai';
const openai = new OpenAI();
declare function runTool(name: string, args: string): Promise<string>;
type Message = OpenAI.Chat.Completions.ChatCompletionMessageParam;
const tools: OpenAI.Chat.Completions.ChatCompletionTool[] = [];
`;

const executor = (module: string) => `import { ChatOpenAI } from '@langchain/openai';
import { AgentExecutor, createToolCallingAgent } from '${module}';
import { ChatPromptTemplate } from '@langchain/core/prompts';
const prompt = ChatPromptTemplate.fromMessages([['system', 'Answer.'], ['human', '{input}'], ['placeholder', '{agent_scratchpad}']]);
const agent = await createToolCallingAgent({ llm: new ChatOpenAI({ model: 'gpt-4o', timeout: 30_000 }), tools: [], prompt });
`;

const graphHeader = `import { MessagesAnnotation, StateGraph } from '@langchain/langgraph';
import { ChatOpenAI } from '@langchain/openai';
const model = new ChatOpenAI({ model: 'gpt-4o', timeout: 30_000, maxTokens: 512 });
`;
// A hand-built agent loop: the model node and the tool node call each other until the model stops asking for tools.
const cyclicGraph = `${graphHeader}const graph = new StateGraph(MessagesAnnotation)
  .addNode('agent', async (state) => ({ messages: [await model.invoke(state.messages)] }))
  .addNode('tools', async () => ({ messages: [] }))
  .addEdge('__start__', 'agent')
  .addConditionalEdges('agent', (state) => (state.messages.length > 8 ? '__end__' : 'tools'))
  .addEdge('tools', 'agent')
  .compile();
`;
const builtGraph = `${graphHeader}const builder = new StateGraph(MessagesAnnotation);
builder.addNode('agent', async (state) => ({ messages: [await model.invoke(state.messages)] }));
builder.addEdge('__start__', 'agent');
builder.addEdge('agent', '__end__');
const graph = builder.compile();
`;

ruleTester('AIR015', {
  valid: [
    {
      name: 'a hand-written loop with a turn cap in its condition',
      code: `${header}const MAX_TURNS = 8;
export async function agent(messages: Message[]) {
  for (let turn = 0; turn < MAX_TURNS; turn++) {
    const r = await openai.chat.completions.create({ model: 'gpt-4o', messages, tools });
    const calls = r.choices[0].message.tool_calls ?? [];
    if (calls.length === 0) return r.choices[0].message.content;
    for (const call of calls) if (call.type === 'function') messages.push({ role: 'tool', tool_call_id: call.id, content: await runTool(call.function.name, call.function.arguments) });
  }
  throw new Error('agent did not finish');
}
`,
    },
    {
      name: 'while (true) with a step counter checked inside',
      code: `${header}export async function agent(messages: Message[]) {
  let steps = 0;
  while (true) {
    if (++steps > 10) throw new Error('too many steps');
    const r = await openai.chat.completions.create({ model: 'gpt-4o', messages, tools });
    const calls = r.choices[0].message.tool_calls;
    if (!calls?.length) return r;
    for (const call of calls) if (call.type === 'function') messages.push({ role: 'tool', tool_call_id: call.id, content: await runTool(call.function.name, call.function.arguments) });
  }
}
`,
    },
    {
      name: 'a retry loop that runs no tools is not an agent loop',
      code: `${header}export async function ask(messages: Message[]) {
  while (true) {
    try {
      return await openai.chat.completions.create({ model: 'gpt-4o', messages });
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  }
}
`,
    },
    {
      name: 'tool calls checked against their count, not a cap: the call is in a for…of over a list',
      code: `${header}export async function each(questions: string[]) {
  for (const q of questions) {
    const r = await openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: q }], tools });
    console.log(r.choices[0].message.tool_calls);
  }
}
`,
    },
    {
      name: 'Vercel AI SDK: tools with the default single step',
      code: `import { generateText, tool } from 'ai';
import { z } from 'zod';
export const answer = (prompt: string) =>
  generateText({ model: 'openai/gpt-4o', prompt, tools: { weather: tool({ inputSchema: z.object({ city: z.string() }), execute: async ({ city }) => city }) } });
`,
    },
    {
      name: 'Vercel AI SDK: a step count among the stop conditions',
      code: `import { generateText, hasToolCall, stepCountIs } from 'ai';
export const answer = (prompt: string) => generateText({ model: 'openai/gpt-4o', prompt, stopWhen: [hasToolCall('finalAnswer'), stepCountIs(10)] });
`,
    },
    {
      name: 'Vercel AI SDK: stop conditions held in a variable are not judged',
      code: `import { generateText, type StopCondition, type ToolSet } from 'ai';
declare const stopWhen: StopCondition<ToolSet>;
export const answer = (prompt: string) => generateText({ model: 'openai/gpt-4o', prompt, stopWhen });
`,
    },
    {
      name: 'Vercel AI SDK: a ToolLoopAgent with its default step cap',
      code: `import { ToolLoopAgent } from 'ai';
const agent = new ToolLoopAgent({ model: 'openai/gpt-4o', tools: {} });
export const answer = (prompt: string) => agent.generate({ prompt });
`,
    },
    {
      name: 'OpenAI Agents: a finite maxTurns',
      code: `import { Agent, run } from '@openai/agents-core';
const agent = new Agent({ name: 'Assistant', instructions: 'Help.' });
export const answer = (input: string) => run(agent, input, { maxTurns: 20 });
`,
    },
    {
      name: 'LangChain.js AgentExecutor with a finite maxIterations',
      code: `${executor('langchain/agents')}const executor = new AgentExecutor({ agent, tools: [], maxIterations: 8 });
export const answer = (input: string) => executor.invoke({ input });
`,
    },
    {
      name: 'LangChain.js AgentExecutor left at its default of 15 iterations',
      code: `${executor('@langchain/classic/agents')}const executor = AgentExecutor.fromAgentAndTools({ agent, tools: [] });
export const answer = (input: string) => executor.invoke({ input });
`,
    },
    {
      name: 'LangChain.js AgentExecutor: maxIterations null falls back to 15',
      code: `${executor('langchain/agents')}const executor = new AgentExecutor({ agent, tools: [], maxIterations: null });
export const answer = (input: string) => executor.invoke({ input });
`,
    },
    {
      name: 'LangChain.js AgentExecutor: a maxIterations from configuration is not judged',
      code: `${executor('langchain/agents')}export function answer(input: string, config: { maxSteps: number }) {
  const executor = new AgentExecutor({ agent, tools: [], maxIterations: config.maxSteps });
  return executor.invoke({ input });
}
`,
    },
    {
      name: 'LangGraph.js: no recursionLimit keeps the default of 25 steps',
      code: `import { createReactAgent } from '@langchain/langgraph/prebuilt';
import { ChatOpenAI } from '@langchain/openai';
const agent = createReactAgent({ llm: new ChatOpenAI({ model: 'gpt-4o' }), tools: [] });
export const answer = (input: string) => agent.invoke({ messages: [{ role: 'user', content: input }] });
`,
    },
    {
      name: 'LangGraph.js: a hand-built graph run with a finite recursionLimit',
      code: `${cyclicGraph}export const answer = (input: string) => graph.invoke({ messages: [{ role: 'user', content: input }] }, { recursionLimit: 40 });
`,
    },
    {
      name: 'LangGraph.js: a hand-built graph run with its cap from a parameter is not judged',
      code: `${cyclicGraph}export const answer = (input: string, steps: number) => graph.invoke({ messages: [{ role: 'user', content: input }] }, { recursionLimit: steps });
`,
    },
    {
      name: 'LangGraph.js: a hand-built graph run with no recursionLimit (a graph without a cycle ends anyway)',
      code: `${builtGraph}export const answer = (input: string) => graph.stream({ messages: [{ role: 'user', content: input }] }, { streamMode: 'values' });
`,
    },
    {
      name: "LangGraph.js: a project class named StateGraph is not LangGraph's",
      code: `class StateGraph {
  constructor(readonly name: string) {}
  compile() {
    return { invoke: async (input: string, config: { recursionLimit: number }) => \`\${this.name} \${input} \${config.recursionLimit}\` };
  }
}
export const answer = (input: string) => new StateGraph('local').compile().invoke(input, { recursionLimit: Infinity });
`,
    },
  ],
  invalid: [
    {
      name: 'while (true) running OpenAI tool calls with no cap',
      code: `${header}export async function agent(messages: Message[]) {
  while (true) {
    const r = await openai.chat.completions.create({ model: 'gpt-4o', messages, tools });
    const calls = r.choices[0].message.tool_calls;
    if (!calls?.length) return r.choices[0].message.content;
    for (const call of calls) if (call.type === 'function') messages.push({ role: 'tool', tool_call_id: call.id, content: await runTool(call.function.name, call.function.arguments) });
  }
}
`,
      errors: [{ messageId: 'handWritten', line: 7, column: 3, endLine: 7, endColumn: 15, data: { sdk: 'OpenAI' } }],
    },
    {
      name: 'an Anthropic loop until stop_reason is not tool_use',
      code: `import Anthropic from '@anthropic-ai/sdk';
const anthropic = new Anthropic();
declare function runTools(content: Anthropic.ContentBlock[]): Promise<Anthropic.ToolResultBlockParam[]>;
export async function agent(messages: Anthropic.MessageParam[]) {
  let done = false;
  while (!done) {
    const r = await anthropic.messages.create({ model: 'claude-sonnet-4-5-20250929', max_tokens: 1024, messages });
    done = r.stop_reason !== 'tool_use';
    if (!done) messages.push({ role: 'assistant', content: r.content }, { role: 'user', content: await runTools(r.content) });
  }
}
`,
      errors: [{ messageId: 'handWritten', line: 6, column: 3, data: { sdk: 'Anthropic' } }],
    },
    {
      name: 'Vercel AI SDK: stopWhen with no step count',
      code: `import { generateText, hasToolCall } from 'ai';
export const answer = (prompt: string) => generateText({ model: 'openai/gpt-4o', prompt, stopWhen: hasToolCall('finalAnswer') });
`,
      errors: [{ messageId: 'noStepCondition', line: 2, column: 90, data: { option: 'stopWhen', step: 'stepCountIs' } }],
    },
    {
      name: 'Vercel AI SDK: a ToolLoopAgent built with stop conditions that never count',
      code: `import { ToolLoopAgent, hasToolCall } from 'ai';
const agent = new ToolLoopAgent({ model: 'openai/gpt-4o', tools: {}, stopWhen: hasToolCall('done') });
export const answer = (prompt: string) => agent.generate({ prompt });
`,
      errors: [{ messageId: 'noStepCondition', line: 2, column: 70, data: { option: 'stopWhen' } }],
    },
    {
      name: 'OpenAI Agents: maxTurns lifted to Infinity',
      code: `import { Agent, run } from '@openai/agents-core';
const agent = new Agent({ name: 'Assistant', instructions: 'Help.' });
export const answer = (input: string) => run(agent, input, { maxTurns: Infinity });
`,
      errors: [{ messageId: 'liftedCap', line: 3, column: 62, data: { option: 'maxTurns', value: 'Infinity', default: 10 } }],
      fixTitles: [['Cap the loop at the SDK default (maxTurns: 10)']],
      output: `import { Agent, run } from '@openai/agents-core';
const agent = new Agent({ name: 'Assistant', instructions: 'Help.' });
export const answer = (input: string) => run(agent, input, { maxTurns: 10 });
`,
    },
    {
      name: 'LangGraph: recursionLimit lifted to Number.MAX_SAFE_INTEGER',
      code: `import { createReactAgent } from '@langchain/langgraph/prebuilt';
import { ChatOpenAI } from '@langchain/openai';
const agent = createReactAgent({ llm: new ChatOpenAI({ model: 'gpt-4o' }), tools: [] });
export const answer = (input: string) => agent.invoke({ messages: [{ role: 'user', content: input }] }, { recursionLimit: Number.MAX_SAFE_INTEGER });
`,
      errors: [{ messageId: 'liftedCap', line: 4, data: { option: 'recursionLimit', default: 25 } }],
      output: `import { createReactAgent } from '@langchain/langgraph/prebuilt';
import { ChatOpenAI } from '@langchain/openai';
const agent = createReactAgent({ llm: new ChatOpenAI({ model: 'gpt-4o' }), tools: [] });
export const answer = (input: string) => agent.invoke({ messages: [{ role: 'user', content: input }] }, { recursionLimit: 25 });
`,
    },
    {
      name: 'LangChain.js AgentExecutor with maxIterations: Infinity',
      code: `${executor('langchain/agents')}const executor = new AgentExecutor({ agent, tools: [], maxIterations: Infinity });
export const answer = (input: string) => executor.invoke({ input });
`,
      errors: [{ messageId: 'liftedCap', line: 6, column: 56, data: { option: 'maxIterations', value: 'Infinity', default: 15, sdk: 'LangChain AgentExecutor' } }],
      fixTitles: [['Cap the loop at the SDK default (maxIterations: 15)']],
      output: `${executor('langchain/agents')}const executor = new AgentExecutor({ agent, tools: [], maxIterations: 15 });
export const answer = (input: string) => executor.invoke({ input });
`,
    },
    {
      name: 'LangChain.js AgentExecutor.fromAgentAndTools with maxIterations: Number.MAX_SAFE_INTEGER',
      code: `${executor('@langchain/classic/agents')}const executor = AgentExecutor.fromAgentAndTools({ agent, tools: [], maxIterations: Number.MAX_SAFE_INTEGER });
export const answer = (input: string) => executor.stream({ input });
`,
      errors: [{ messageId: 'liftedCap', line: 6, data: { value: 'Number.MAX_SAFE_INTEGER' } }],
      output: `${executor('@langchain/classic/agents')}const executor = AgentExecutor.fromAgentAndTools({ agent, tools: [], maxIterations: 15 });
export const answer = (input: string) => executor.stream({ input });
`,
    },
    {
      name: 'LangGraph.js: a hand-built agent loop run with recursionLimit: Infinity',
      code: `${cyclicGraph}export const answer = (input: string) => graph.invoke({ messages: [{ role: 'user', content: input }] }, { recursionLimit: Infinity });
`,
      errors: [{ messageId: 'liftedCap', line: 11, column: 107, endColumn: 131, data: { option: 'recursionLimit', value: 'Infinity', default: 25, sdk: 'LangGraph' } }],
      fixTitles: [['Cap the loop at the SDK default (recursionLimit: 25)']],
      output: `${cyclicGraph}export const answer = (input: string) => graph.invoke({ messages: [{ role: 'user', content: input }] }, { recursionLimit: 25 });
`,
    },
    {
      name: 'LangGraph.js: a graph compiled from a builder variable, streamed with Number.MAX_SAFE_INTEGER',
      code: `${builtGraph}export async function* answer(input: string) {
  for await (const chunk of await graph.stream({ messages: [{ role: 'user', content: input }] }, { recursionLimit: Number.MAX_SAFE_INTEGER, streamMode: 'values' })) yield chunk;
}
`,
      errors: [{ messageId: 'liftedCap', line: 10, data: { value: 'Number.MAX_SAFE_INTEGER' } }],
      output: `${builtGraph}export async function* answer(input: string) {
  for await (const chunk of await graph.stream({ messages: [{ role: 'user', content: input }] }, { recursionLimit: 25, streamMode: 'values' })) yield chunk;
}
`,
    },
    {
      name: 'LangGraph.js: a cap lifted once by withConfig is fixed there',
      code: `${cyclicGraph}const endless = graph.withConfig({ recursionLimit: Infinity });
export const answer = (input: string) => endless.invoke({ messages: [{ role: 'user', content: input }] });
`,
      errors: [{ messageId: 'liftedCap', line: 11, column: 36, data: { value: 'Infinity' } }],
      output: `${cyclicGraph}const endless = graph.withConfig({ recursionLimit: 25 });
export const answer = (input: string) => endless.invoke({ messages: [{ role: 'user', content: input }] });
`,
    },
  ],
});
