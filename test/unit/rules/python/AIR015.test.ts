import { ruleTester } from '../../ruleTester';

const header = 'from openai import OpenAI\n\nclient = OpenAI(timeout=20)\nTOOLS: list = []\n\n\n';
const create = 'client.chat.completions.create(model="gpt-4o-2024-08-06", max_completion_tokens=500, messages=messages, tools=TOOLS)';
const runTools = '        for call in r.choices[0].message.tool_calls:\n            messages.append({"role": "tool", "tool_call_id": call.id, "content": run_tool(call)})\n';

const agents = 'from agents import Agent, Runner\n\nagent = Agent(name="Assistant", instructions="Help.")\n\n\n';
const graph = 'from langchain_openai import ChatOpenAI\nfrom langgraph.prebuilt import create_react_agent\n\nllm = ChatOpenAI(model="gpt-4o-2024-08-06", timeout=30, max_tokens=512)\nagent = create_react_agent(llm, tools=[])\n';
const executor = (module: string) => `from langchain_openai import ChatOpenAI\nfrom ${module} import AgentExecutor, create_tool_calling_agent\n\nllm = ChatOpenAI(model="gpt-4o-2024-08-06", timeout=30, max_tokens=512)\n`;

// A hand-built agent loop: the model node and the tool node call each other until the model stops asking for tools.
const builtGraph = `from langchain_openai import ChatOpenAI
from langgraph.graph import END, START, MessagesState, StateGraph

llm = ChatOpenAI(model="gpt-4o-2024-08-06", timeout=30, max_tokens=512)


def agent(state: MessagesState):
    return {"messages": [llm.invoke(state["messages"])]}


builder = StateGraph(MessagesState)
builder.add_node("agent", agent)
builder.add_node("tools", lambda state: {"messages": []})
builder.add_edge(START, "agent")
builder.add_conditional_edges("agent", lambda state: END if len(state["messages"]) > 8 else "tools")
builder.add_edge("tools", "agent")
graph = builder.compile()
`;

ruleTester('AIR015', {
  valid: [
    {
      name: 'python: a counted for loop',
      filename: 'case.py',
      code: `${header}def agent(messages: list, run_tool) -> str:\n    for _ in range(8):\n        r = ${create}\n        if not r.choices[0].message.tool_calls:\n            return r.choices[0].message.content\n${runTools}    raise RuntimeError("agent did not finish")\n`,
    },
    {
      name: 'python: while with a turn cap in its condition',
      filename: 'case.py',
      code: `${header}MAX_TURNS = 8\n\n\ndef agent(messages: list, run_tool) -> str:\n    turns = 0\n    while turns < MAX_TURNS:\n        turns += 1\n        r = ${create}\n        if not r.choices[0].message.tool_calls:\n            return r.choices[0].message.content\n${runTools}    raise RuntimeError("agent did not finish")\n`,
    },
    {
      name: 'python: while True with a step check inside',
      filename: 'case.py',
      code: `${header}def agent(messages: list, run_tool) -> str:\n    step = 0\n    while True:\n        step += 1\n        if step > 10:\n            raise RuntimeError("too many steps")\n        r = ${create}\n        if not r.choices[0].message.tool_calls:\n            return r.choices[0].message.content\n${runTools}`,
    },
    {
      name: 'python: a chat loop that runs no tools',
      filename: 'case.py',
      code: `${header}def chat(messages: list) -> None:\n    while True:\n        messages.append({"role": "user", "content": input("> ")})\n        r = client.chat.completions.create(model="gpt-4o-2024-08-06", max_completion_tokens=500, messages=messages)\n        print(r.choices[0].message.content)\n`,
    },
    {
      name: 'python: OpenAI Agents run with a finite max_turns',
      filename: 'case.py',
      code: `${agents}def answer(question: str) -> str:\n    return Runner.run_sync(agent, question, max_turns=20).final_output\n`,
    },
    {
      name: 'python: OpenAI Agents run left at the default cap of 10 turns',
      filename: 'case.py',
      code: `${agents}async def answer(question: str) -> str:\n    result = await Runner.run(agent, question)\n    return result.final_output\n`,
    },
    {
      name: 'python: OpenAI Agents max_turns from a parameter is not judged',
      filename: 'case.py',
      code: `${agents}def answer(question: str, limit: int) -> str:\n    return Runner.run_sync(agent, question, max_turns=limit).final_output\n`,
    },
    {
      name: 'python: LangGraph agent run with a recursion_limit in its config',
      filename: 'case.py',
      code: `${graph}\n\ndef answer(question: str):\n    return agent.invoke({"messages": [("user", question)]}, config={"recursion_limit": 40})\n`,
    },
    {
      name: 'python: LangGraph config given positionally',
      filename: 'case.py',
      code: `${graph}\n\nasync def answer(question: str):\n    return await agent.ainvoke({"messages": [("user", question)]}, {"recursion_limit": 40, "configurable": {"thread_id": "1"}})\n`,
    },
    {
      name: 'python: a LangGraph config held in a variable is not judged',
      filename: 'case.py',
      code: `${graph}\n\ndef answer(question: str, config: dict):\n    return agent.invoke({"messages": [("user", question)]}, config=config)\n`,
    },
    {
      name: 'python: a LangGraph agent capped once by with_config',
      filename: 'case.py',
      code: `${graph}capped = agent.with_config(recursion_limit=30)\n\n\ndef answer(question: str):\n    for chunk in capped.stream({"messages": [("user", question)]}, stream_mode="values"):\n        print(chunk)\n`,
    },
    {
      name: 'python: langchain 1.x create_agent with a recursion_limit',
      filename: 'case.py',
      code: 'from langchain.agents import create_agent\nfrom langchain_openai import ChatOpenAI\n\nagent = create_agent(ChatOpenAI(model="gpt-4o-2024-08-06", timeout=30, max_tokens=512), tools=[])\n\n\ndef answer(question: str):\n    return agent.invoke({"messages": [{"role": "user", "content": question}]}, {"recursion_limit": 25})\n',
    },
    {
      name: 'python: AgentExecutor with a finite max_iterations',
      filename: 'case.py',
      code: `${executor('langchain.agents')}executor = AgentExecutor(agent=create_tool_calling_agent(llm, [], PROMPT), tools=[], max_iterations=8)\n\n\ndef answer(question: str):\n    return executor.invoke({"input": question})\n`,
    },
    {
      name: 'python: AgentExecutor left at its default of 15 iterations',
      filename: 'case.py',
      code: `${executor('langchain_classic.agents')}executor = AgentExecutor(agent=create_tool_calling_agent(llm, [], PROMPT), tools=[])\n\n\nasync def answer(question: str):\n    return await executor.ainvoke({"input": question})\n`,
    },
    {
      name: 'python: AgentExecutor max_iterations from settings is not judged',
      filename: 'case.py',
      code: `${executor('langchain.agents')}\n\ndef answer(question: str, settings):\n    executor = AgentExecutor(agent=create_tool_calling_agent(llm, [], PROMPT), tools=[], max_iterations=settings.max_steps)\n    return executor.invoke({"input": question})\n`,
    },
    {
      name: 'python: a hand-built LangGraph graph run with a finite recursion_limit',
      filename: 'case.py',
      code: `${builtGraph}\n\ndef answer(question: str):\n    return graph.invoke({"messages": [("user", question)]}, config={"recursion_limit": 40})\n`,
    },
    {
      name: 'python: a hand-built LangGraph graph run with no recursion_limit (a graph without a cycle ends anyway)',
      filename: 'case.py',
      code: `${builtGraph}\n\nasync def answer(question: str):\n    return await graph.ainvoke({"messages": [("user", question)]})\n`,
    },
    {
      name: 'python: a hand-built LangGraph graph with recursion_limit from settings is not judged',
      filename: 'case.py',
      code: `${builtGraph}\n\ndef answer(question: str, settings):\n    return graph.invoke({"messages": [("user", question)]}, {"recursion_limit": settings.max_steps})\n`,
    },
    {
      name: 'python: recursion_limit=None keeps the LangGraph default (ensure_config drops empty values)',
      filename: 'case.py',
      code: `${builtGraph}\n\ndef answer(question: str):\n    return graph.invoke({"messages": [("user", question)]}, config={"recursion_limit": None})\n`,
    },
    {
      name: "python: a project class named StateGraph is not LangGraph's",
      filename: 'case.py',
      code: 'import math\n\n\nclass StateGraph:\n    def compile(self):\n        return self\n\n    def invoke(self, data, config=None):\n        return data\n\n\ngraph = StateGraph().compile()\n\n\ndef answer(question: str):\n    return graph.invoke(question, config={"recursion_limit": math.inf})\n',
    },
  ],
  invalid: [
    {
      name: 'python: while True running OpenAI tool calls',
      filename: 'case.py',
      code: `${header}def agent(messages: list, run_tool) -> str:\n    while True:\n        r = ${create}\n        if not r.choices[0].message.tool_calls:\n            return r.choices[0].message.content\n${runTools}`,
      errors: [{ messageId: 'handWritten', line: 8, column: 5, endLine: 8, endColumn: 16, data: { sdk: 'OpenAI' } }],
    },
    {
      name: 'python: Anthropic loop until stop_reason is not tool_use',
      filename: 'case.py',
      code: `from anthropic import Anthropic\n\nclient = Anthropic(timeout=20)\n\n\ndef agent(messages: list, run_tools) -> list:\n    done = False\n    while not done:\n        r = client.messages.create(model="claude-sonnet-4-5-20250929", max_tokens=1024, messages=messages)\n        done = r.stop_reason != "tool_use"\n        if not done:\n            messages.append({"role": "assistant", "content": r.content})\n            messages.append({"role": "user", "content": run_tools(r.content)})\n    return messages\n`,
      errors: [{ messageId: 'handWritten', line: 8, column: 5, data: { sdk: 'Anthropic' } }],
    },
    {
      name: 'python: OpenAI Agents max_turns=None disables the turn limit',
      filename: 'case.py',
      code: `${agents}def answer(question: str) -> str:\n    return Runner.run_sync(agent, question, max_turns=None).final_output\n`,
      errors: [{ messageId: 'liftedCap', line: 7, column: 45, data: { option: 'max_turns', value: 'None', default: 10, sdk: 'OpenAI Agents' } }],
      fixTitles: [['Cap the loop at the SDK default (max_turns: 10)']],
      output: `${agents}def answer(question: str) -> str:\n    return Runner.run_sync(agent, question, max_turns=10).final_output\n`,
    },
    {
      name: 'python: OpenAI Agents max_turns=float("inf")',
      filename: 'case.py',
      code: `${agents}async def answer(question: str) -> str:\n    result = await Runner.run(agent, question, max_turns=float("inf"))\n    return result.final_output\n`,
      errors: [{ messageId: 'liftedCap', line: 7, data: { value: 'float("inf")' } }],
      output: `${agents}async def answer(question: str) -> str:\n    result = await Runner.run(agent, question, max_turns=10)\n    return result.final_output\n`,
    },
    {
      name: 'python: OpenAI Agents streamed run with max_turns=sys.maxsize',
      filename: 'case.py',
      code: `import sys\n\n${agents}def answer(question: str):\n    return Runner.run_streamed(agent, question, max_turns=sys.maxsize)\n`,
      errors: [{ messageId: 'liftedCap', line: 9, data: { value: 'sys.maxsize' } }],
      output: `import sys\n\n${agents}def answer(question: str):\n    return Runner.run_streamed(agent, question, max_turns=10)\n`,
    },
    {
      name: 'python: LangGraph agent run with no recursion_limit (the default is 10007 steps)',
      filename: 'case.py',
      code: `${graph}\n\ndef answer(question: str):\n    return agent.invoke({"messages": [("user", question)]})\n`,
      errors: [{ messageId: 'weakDefault', line: 9, data: { option: 'config.recursion_limit', sdk: 'LangGraph', cap: 25 } }],
      fixTitles: [['Cap the loop at 25 steps (config.recursion_limit: 25)']],
      output: `${graph}\n\ndef answer(question: str):\n    return agent.invoke({"messages": [("user", question)]}, config={"recursion_limit": 25})\n`,
    },
    {
      name: 'python: a LangGraph agent built in another module, run here with no recursion_limit',
      filename: 'case.py',
      files: { 'app/agent.py': graph },
      code: 'from app.agent import agent\n\n\ndef answer(question: str):\n    return agent.invoke({"messages": [("user", question)]})\n',
      errors: [{ messageId: 'weakDefault', line: 5, data: { sdk: 'LangGraph' } }],
      output: 'from app.agent import agent\n\n\ndef answer(question: str):\n    return agent.invoke({"messages": [("user", question)]}, config={"recursion_limit": 25})\n',
    },
    {
      name: 'python: LangGraph config with no recursion_limit gets one',
      filename: 'case.py',
      code: `${graph}\n\nasync def answer(question: str, thread: str):\n    async for event in agent.astream({"messages": [("user", question)]}, {"configurable": {"thread_id": thread}}):\n        yield event\n`,
      errors: [{ messageId: 'weakDefault', line: 9 }],
      output: `${graph}\n\nasync def answer(question: str, thread: str):\n    async for event in agent.astream({"messages": [("user", question)]}, {"configurable": {"thread_id": thread}, "recursion_limit": 25}):\n        yield event\n`,
    },
    {
      name: 'python: LangGraph recursion_limit lifted to sys.maxsize',
      filename: 'case.py',
      code: `import sys\n\n${graph}\n\ndef answer(question: str):\n    return agent.invoke({"messages": [("user", question)]}, config={"recursion_limit": sys.maxsize})\n`,
      errors: [{ messageId: 'liftedCap', line: 11, data: { value: 'sys.maxsize', default: 10000 } }],
      fixTitles: [['Cap the loop at 25 steps (config.recursion_limit: 25)']],
      output: `import sys\n\n${graph}\n\ndef answer(question: str):\n    return agent.invoke({"messages": [("user", question)]}, config={"recursion_limit": 25})\n`,
    },
    {
      name: 'python: a LangGraph cap lifted in with_config is fixed there',
      filename: 'case.py',
      code: `${graph}endless = agent.with_config({"recursion_limit": float("inf")})\n\n\ndef answer(question: str):\n    return endless.invoke({"messages": [("user", question)]})\n`,
      errors: [{ messageId: 'liftedCap', line: 6, data: { value: 'float("inf")' } }],
      output: `${graph}endless = agent.with_config({"recursion_limit": 25})\n\n\ndef answer(question: str):\n    return endless.invoke({"messages": [("user", question)]})\n`,
    },
    {
      name: 'python: langchain 1.x create_agent streamed with no recursion_limit',
      filename: 'case.py',
      code: 'from langchain.agents import create_agent\nfrom langchain_openai import ChatOpenAI\n\nagent = create_agent(ChatOpenAI(model="gpt-4o-2024-08-06", timeout=30, max_tokens=512), tools=[])\n\n\ndef answer(question: str):\n    return agent.stream({"messages": [{"role": "user", "content": question}]}, stream_mode="updates")\n',
      errors: [{ messageId: 'weakDefault', line: 8 }],
      output: 'from langchain.agents import create_agent\nfrom langchain_openai import ChatOpenAI\n\nagent = create_agent(ChatOpenAI(model="gpt-4o-2024-08-06", timeout=30, max_tokens=512), tools=[])\n\n\ndef answer(question: str):\n    return agent.stream({"messages": [{"role": "user", "content": question}]}, stream_mode="updates", config={"recursion_limit": 25})\n',
    },
    {
      name: 'python: AgentExecutor with max_iterations=None',
      filename: 'case.py',
      code: `${executor('langchain.agents')}executor = AgentExecutor(agent=create_tool_calling_agent(llm, [], PROMPT), tools=[], max_iterations=None)\n\n\ndef answer(question: str):\n    return executor.invoke({"input": question})\n`,
      errors: [{ messageId: 'liftedCap', line: 5, data: { option: 'max_iterations', value: 'None', default: 15, sdk: 'LangChain AgentExecutor' } }],
      output: `${executor('langchain.agents')}executor = AgentExecutor(agent=create_tool_calling_agent(llm, [], PROMPT), tools=[], max_iterations=15)\n\n\ndef answer(question: str):\n    return executor.invoke({"input": question})\n`,
    },
    {
      name: 'python: AgentExecutor.from_agent_and_tools with max_iterations=math.inf',
      filename: 'case.py',
      code: `import math\n\n${executor('langchain_classic.agents')}executor = AgentExecutor.from_agent_and_tools(agent=create_tool_calling_agent(llm, [], PROMPT), tools=[], max_iterations=math.inf)\n\n\ndef answer(question: str):\n    return executor.run(question)\n`,
      errors: [{ messageId: 'liftedCap', line: 7, data: { value: 'math.inf' } }],
      output: `import math\n\n${executor('langchain_classic.agents')}executor = AgentExecutor.from_agent_and_tools(agent=create_tool_calling_agent(llm, [], PROMPT), tools=[], max_iterations=15)\n\n\ndef answer(question: str):\n    return executor.run(question)\n`,
    },
    {
      name: 'python: a hand-built LangGraph agent loop run with recursion_limit=float("inf")',
      filename: 'case.py',
      code: `${builtGraph}\n\ndef answer(question: str):\n    return graph.invoke({"messages": [("user", question)]}, config={"recursion_limit": float("inf")})\n`,
      errors: [{ messageId: 'liftedCap', line: 21, column: 69, data: { option: 'recursion_limit', value: 'float("inf")', default: 10000, sdk: 'LangGraph' } }],
      fixTitles: [['Cap the loop at 25 steps (recursion_limit: 25)']],
      output: `${builtGraph}\n\ndef answer(question: str):\n    return graph.invoke({"messages": [("user", question)]}, config={"recursion_limit": 25})\n`,
    },
    {
      name: 'python: a hand-built LangGraph graph streamed with its config given positionally, math.inf',
      filename: 'case.py',
      code: `import math\n\n${builtGraph}\n\nasync def answer(question: str):\n    async for event in graph.astream({"messages": [("user", question)]}, {"recursion_limit": math.inf}, stream_mode="updates"):\n        yield event\n`,
      errors: [{ messageId: 'liftedCap', line: 23, data: { value: 'math.inf' } }],
      output: `import math\n\n${builtGraph}\n\nasync def answer(question: str):\n    async for event in graph.astream({"messages": [("user", question)]}, {"recursion_limit": 25}, stream_mode="updates"):\n        yield event\n`,
    },
    {
      name: 'python: a hand-built LangGraph cap lifted by with_config(recursion_limit=sys.maxsize) is fixed there',
      filename: 'case.py',
      code: `import sys\n\n${builtGraph}endless = graph.with_config(recursion_limit=sys.maxsize)\n\n\ndef answer(question: str):\n    return endless.invoke({"messages": [("user", question)]})\n`,
      errors: [{ messageId: 'liftedCap', line: 20, column: 29, data: { value: 'sys.maxsize' } }],
      output: `import sys\n\n${builtGraph}endless = graph.with_config(recursion_limit=25)\n\n\ndef answer(question: str):\n    return endless.invoke({"messages": [("user", question)]})\n`,
    },
    {
      name: 'python: a chained StateGraph compiled and streamed with a with_config dict lifting the cap',
      filename: 'case.py',
      code: 'import math\n\nfrom langgraph.graph import START, MessagesState, StateGraph\n\nloop = StateGraph(MessagesState).add_node("echo", lambda state: state).add_edge(START, "echo").compile()\n\n\ndef answer(question: str):\n    return loop.with_config({"recursion_limit": math.inf}).stream({"messages": [("user", question)]})\n',
      errors: [{ messageId: 'liftedCap', line: 9, data: { value: 'math.inf' } }],
      output: 'import math\n\nfrom langgraph.graph import START, MessagesState, StateGraph\n\nloop = StateGraph(MessagesState).add_node("echo", lambda state: state).add_edge(START, "echo").compile()\n\n\ndef answer(question: str):\n    return loop.with_config({"recursion_limit": 25}).stream({"messages": [("user", question)]})\n',
    },
  ],
});
