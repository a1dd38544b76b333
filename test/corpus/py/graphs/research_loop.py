"""A research agent built by hand on LangGraph: a model node and a tool node that call each other."""
import math

from langchain_core.messages import ToolMessage
from langchain_openai import ChatOpenAI
from langgraph.graph import END, START, MessagesState, StateGraph

llm = ChatOpenAI(model="gpt-4o-2024-08-06", timeout=30, max_tokens=1024)


def search(query: str) -> str:
    return f"results for {query}"


def call_model(state: MessagesState):
    return {"messages": [llm.invoke(state["messages"])]}


def run_tools(state: MessagesState):
    calls = state["messages"][-1].tool_calls
    return {"messages": [ToolMessage(search(call["args"]["query"]), tool_call_id=call["id"]) for call in calls]}


def route(state: MessagesState):
    return "tools" if state["messages"][-1].tool_calls else END


builder = StateGraph(MessagesState)
builder.add_node("model", call_model)
builder.add_node("tools", run_tools)
builder.add_edge(START, "model")
builder.add_conditional_edges("model", route)
builder.add_edge("tools", "model")
research = builder.compile()
patient = research.with_config(recursion_limit=math.inf)


def answer(question: str):
    return research.invoke({"messages": [("user", question)]}, config={"recursion_limit": 40})


async def answer_streaming(question: str):
    async for update in patient.astream({"messages": [("user", question)]}, stream_mode="updates"):
        yield update
