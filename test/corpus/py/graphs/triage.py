"""Ticket triage on LangChain: models come from a factory or are injected, then wrapped before use."""
from langchain.chat_models import init_chat_model
from langchain_core.language_models import BaseChatModel, BaseLanguageModel
from langchain_core.output_parsers import StrOutputParser
from langchain_core.prompts import ChatPromptTemplate
from langchain_core.runnables import Runnable, RunnableLambda
from langchain_core.tools import tool
from langchain_openai import ChatOpenAI
from pydantic import BaseModel

triage_prompt = ChatPromptTemplate.from_messages([("system", "Sort support tickets."), ("human", "{ticket}")])


class Verdict(BaseModel):
    queue: str
    urgent: bool


@tool
def order_status(order_id: str) -> str:
    """Look up where an order is."""
    return f"order {order_id}: in transit"


def make_model(provider: str = "openai") -> BaseChatModel:
    return init_chat_model("gpt-4o-mini", model_provider=provider, timeout=20, max_tokens=600)


class TicketRouter:
    def __init__(self, llm: BaseChatModel, drafts: BaseLanguageModel | None = None):
        self.llm = llm
        self.drafts = drafts
        self.with_tools = llm.bind_tools([order_status])
        self.judge = llm.with_structured_output(Verdict).with_retry(stop_after_attempt=2)
        self.chain = triage_prompt | self.llm | StrOutputParser()

    def classify(self, ticket: str) -> Verdict:
        return self.judge.invoke(ticket)

    async def act(self, ticket: str):
        return await self.with_tools.ainvoke(ticket)

    def summary(self, ticket: str) -> str:
        return self.chain.invoke({"ticket": ticket})

    async def draft(self, ticket: str):
        async for chunk in self.drafts.astream(ticket):
            yield chunk

    def lookup(self, order_id: str) -> str:
        return order_status.invoke({"order_id": order_id})

    def render(self, ticket: str):
        return triage_prompt.invoke({"ticket": ticket})


class Escalations:
    llm: BaseChatModel

    def __init__(self, temperature: float = 0.0):
        self.writer = ChatOpenAI(model="gpt-4o", temperature=temperature, timeout=45)
        self.configured = self.writer.with_config(tags=["escalation"]).with_fallbacks([make_model("anthropic")])

    def write(self, notes: list[str]):
        return self.writer.batch(notes)

    async def write_many(self, notes: list[str]):
        return await self.configured.abatch(notes)

    def second_opinion(self, ticket: str):
        return self.llm.stream(ticket)


def quick_label(model: BaseChatModel, ticket: str) -> str:
    return model.invoke(f"One-word label for: {ticket}").content


def run_chain(chain: Runnable, ticket: str) -> str:
    return chain.invoke({"ticket": ticket})


def default_router() -> TicketRouter:
    return TicketRouter(make_model())


def factory_call(ticket: str):
    model = make_model("groq").with_retry()
    return model.invoke(ticket)


def direct_factory(ticket: str):
    return init_chat_model("claude-sonnet-4-5", model_provider="anthropic").invoke(ticket)


def normalise(ticket: str) -> str:
    cleaner = RunnableLambda(lambda text: text.strip().lower())
    return cleaner.invoke(ticket)


def preview(ticket: str) -> str:
    return triage_prompt.format(ticket=ticket)


class CannedModel(BaseChatModel):
    """A test double: answers from a fixed table, never over the network."""

    def _generate(self, messages, stop=None, run_manager=None, **kwargs):
        raise NotImplementedError

    @property
    def _llm_type(self) -> str:
        return "canned"


def offline_label(ticket: str):
    return CannedModel().invoke(ticket)
