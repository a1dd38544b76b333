// Runs of hand-built graphs are facts of their own: not call sites (the model calls are in the graph's nodes), with
// the run config read as call options are.
import * as assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { extractFacts } from '../../server/src/core/engine/analyzeFile';
import { optionAt } from '../../server/src/core/model';
import { loadPythonParser } from '../../server/src/node/python';

before(async () => assert.equal(await loadPythonParser(), undefined));

const TS = `import { MessagesAnnotation, StateGraph } from '@langchain/langgraph';
import * as langgraph from '@langchain/langgraph';
import { ChatOpenAI } from '@langchain/openai';
const model = new ChatOpenAI({ model: 'gpt-4o' });
const graph = new StateGraph(MessagesAnnotation)
  .addNode('agent', async (state) => ({ messages: [await model.invoke(state.messages)] }))
  .addEdge('__start__', 'agent')
  .compile();
const other = new langgraph.StateGraph(MessagesAnnotation).compile().withConfig({ recursionLimit: 10 });
export async function answer(input: string, config: { recursionLimit: number }) {
  await graph.invoke({ messages: [] }, config);
  await other.stream({ messages: [] });
  return graph.invoke({ messages: [['user', input]] }, { recursionLimit: Infinity });
}
`;

const PY = `from langchain_openai import ChatOpenAI
from langgraph.graph import MessagesState, StateGraph
import langgraph.graph as lg

llm = ChatOpenAI(model="gpt-4o")
builder = StateGraph(MessagesState)
builder.add_node("agent", lambda state: {"messages": [llm.invoke(state["messages"])]})
graph = builder.compile()
other = lg.StateGraph(MessagesState).compile().with_config(recursion_limit=10)


async def answer(question, config):
    graph.invoke({"messages": []}, config)
    await other.ainvoke({"messages": []})
    return graph.invoke({"messages": [("user", question)]}, config={"recursion_limit": float("inf")})
`;

describe('graph runs', () => {
  it('TypeScript: a compiled StateGraph run is a graph run, not a call site', () => {
    const facts = extractFacts('graph.ts', TS);
    assert.deepEqual(facts.callSites.map((site) => TS.slice(site.span.start, site.span.end)), ['model.invoke(state.messages)']);
    const runs = facts.graphRuns ?? [];
    assert.deepEqual(runs.map((run) => [run.method, run.module, run.sdk]), [
      ['withConfig', '@langchain/langgraph', 'langchain'],
      ['invoke', '@langchain/langgraph', 'langchain'],
      ['stream', '@langchain/langgraph', 'langchain'],
      ['invoke', '@langchain/langgraph', 'langchain'],
    ]);
    // A config held in a variable is not visible; no config is no option; a literal is read as options are.
    assert.deepEqual(optionAt(runs[1].config, 'recursionLimit'), { unknown: true });
    assert.deepEqual(optionAt(runs[2].config, 'recursionLimit'), { missing: true });
    const lifted = optionAt(runs[3].config, 'recursionLimit');
    assert.ok('found' in lifted && lifted.found.value.kind === 'expression' && lifted.found.value.text === 'Infinity');
  });

  it('Python: a compiled StateGraph run is a graph run, not a call site', () => {
    const facts = extractFacts('graph.py', PY);
    assert.deepEqual(facts.callSites.map((site) => PY.slice(site.span.start, site.span.end)), ['llm.invoke(state["messages"])']);
    const runs = facts.graphRuns ?? [];
    assert.deepEqual(runs.map((run) => [run.method, run.module]), [
      ['with_config', 'langgraph.graph'],
      ['invoke', 'langgraph.graph'],
      ['ainvoke', 'langgraph.graph'],
      ['invoke', 'langgraph.graph'],
    ]);
    const bound = optionAt(runs[0].config, 'recursion_limit');
    assert.ok('found' in bound && bound.found.value.kind === 'number' && bound.found.value.value === 10);
    assert.deepEqual(optionAt(runs[1].config, 'recursion_limit'), { unknown: true });
    assert.deepEqual(optionAt(runs[2].config, 'recursion_limit'), { missing: true });
    const lifted = optionAt(runs[3].config, 'recursion_limit');
    assert.ok('found' in lifted && lifted.found.value.kind === 'expression' && lifted.found.value.text === 'float("inf")');
  });

  it('a graph held by a class member is followed', () => {
    const ts = `import { MessagesAnnotation, StateGraph } from '@langchain/langgraph';
export class Assistant {
  private readonly graph;
  private readonly builder = new StateGraph(MessagesAnnotation).addNode('agent', async (state) => state);
  constructor() {
    this.graph = this.builder.compile();
  }
  answer(input: string) {
    return this.graph.invoke({ messages: [['user', input]] }, { recursionLimit: Infinity });
  }
}
`;
    assert.deepEqual((extractFacts('assistant.ts', ts).graphRuns ?? []).map((run) => run.method), ['invoke']);
    const py = `from langgraph.graph import MessagesState, StateGraph


class Assistant:
    def __init__(self):
        self.builder = StateGraph(MessagesState)
        self.builder.add_node("agent", lambda state: state)
        self.graph = self.builder.compile()

    def answer(self, question):
        return self.graph.stream({"messages": [("user", question)]}, {"recursion_limit": float("inf")})
`;
    assert.deepEqual((extractFacts('assistant.py', py).graphRuns ?? []).map((run) => run.method), ['stream']);
  });

  it('a file without hand-built graphs has no graph runs', () => {
    assert.equal(extractFacts('plain.ts', "import OpenAI from 'openai';\nconst openai = new OpenAI();\nexport const r = openai.chat.completions.create({ model: 'gpt-4o', messages: [] });\n").graphRuns, undefined);
  });
});
