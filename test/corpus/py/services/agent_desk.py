"""A help desk on the OpenAI Agents SDK (imported as `agents`) beside the project's own `agents` package."""
from agents import Agent, RunConfig, Runner
from agents.research import research

triage = Agent(name="Triage", instructions="Route the question to the right team.")


async def answer(question: str) -> str:
    result = await Runner.run(triage, question, max_turns=6)
    return str(result.final_output)


def answer_now(question: str) -> str:
    return str(Runner.run_sync(triage, question, run_config=RunConfig(tracing_disabled=True)).final_output)


async def answer_live(question: str):
    streamed = Runner.run_streamed(triage, question)
    async for event in streamed.stream_events():
        yield event


async def deep_answer(question: str) -> str:
    return await research(question)


def describe() -> str:
    return triage.name
