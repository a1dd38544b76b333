"""A help-desk agent on LangGraph: a prebuilt ReAct agent around a chat model, and a hand-built graph."""
from typing import TypedDict

from langchain_anthropic import ChatAnthropic
from langchain_community.vectorstores import FAISS
from langchain_core.tools import tool
from langgraph.graph import END, START, StateGraph
from langgraph.prebuilt import create_react_agent


@tool
def refund(order_id: str, amount: float) -> str:
    """Issue a refund for an order."""
    return f"refunded {amount} on {order_id}"


claude = ChatAnthropic(model="claude-sonnet-4-5", max_tokens=1024, timeout=60)
agent = create_react_agent(claude, [refund], prompt="You resolve refund requests politely.")


def handle(message: str):
    return agent.invoke({"messages": [("user", message)]})


async def handle_async(message: str):
    return await agent.ainvoke({"messages": [("user", message)]})


async def handle_streaming(message: str):
    async for event in agent.astream({"messages": [("user", message)]}, stream_mode="values"):
        yield event


def build_agent(tools):
    model = ChatAnthropic(model="claude-haiku-4-5", max_tokens=512).bind_tools(tools)
    return create_react_agent(model=model, tools=tools)


def handle_with(tools, message: str):
    helper = build_agent(tools)
    return helper.stream({"messages": [("user", message)]})


class State(TypedDict):
    question: str
    answer: str


def lookup(state: State) -> State:
    return {"question": state["question"], "answer": "see the FAQ"}


workflow = StateGraph(State)
workflow.add_node("lookup", lookup)
workflow.add_edge(START, "lookup")
workflow.add_edge("lookup", END)
faq_graph = workflow.compile()


def faq(question: str):
    return faq_graph.invoke({"question": question, "answer": ""})


def search_policies(store: FAISS, question: str):
    retriever = store.as_retriever(search_kwargs={"k": 4})
    return retriever.invoke(question)


def refund_directly(order_id: str):
    return refund.invoke({"order_id": order_id, "amount": 10.0})
