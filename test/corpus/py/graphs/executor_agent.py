"""Billing answers from a classic LangChain AgentExecutor, and a LangGraph agent capped once with with_config."""
from langchain.agents import AgentExecutor, create_tool_calling_agent
from langchain_core.prompts import ChatPromptTemplate
from langchain_openai import ChatOpenAI
from langgraph.prebuilt import create_react_agent

llm = ChatOpenAI(model="gpt-4o-2024-08-06", timeout=30, max_retries=3)
prompt = ChatPromptTemplate.from_messages([("system", "You answer billing questions."), ("human", "{input}"), ("placeholder", "{agent_scratchpad}")])
executor = AgentExecutor(agent=create_tool_calling_agent(llm, [], prompt), tools=[], max_iterations=8)
legacy = AgentExecutor.from_agent_and_tools(agent=create_tool_calling_agent(llm, [], prompt), tools=[])
capped = create_react_agent(llm, tools=[]).with_config(recursion_limit=20)


def billing(question: str):
    return executor.invoke({"input": question})


async def billing_async(question: str):
    return await legacy.ainvoke({"input": question})


def billing_graph(question: str):
    return capped.invoke({"messages": [("user", question)]}, {"configurable": {"thread_id": "billing"}})


def render(question: str):
    return prompt.invoke({"input": question})
