"""An async research agent: plans with one model, answers with another."""
import asyncio
import logging

import backoff
import instructor
import openai
from anthropic import AsyncAnthropic
from openai import AsyncOpenAI
from pydantic import BaseModel

logger = logging.getLogger(__name__)
planner = AsyncOpenAI(timeout=45)
writer = AsyncAnthropic(timeout=90, max_retries=4)
extractor = instructor.from_openai(AsyncOpenAI(timeout=30))


class Plan(BaseModel):
    steps: list[str]


async def plan(question: str) -> Plan:
    return await extractor.chat.completions.create(
        model="gpt-4o-2024-08-06",
        response_model=Plan,
        max_retries=2,
        messages=[{"role": "user", "content": question}],
    )


@backoff.on_exception(backoff.expo, openai.RateLimitError, max_time=60)
async def step(instruction: str) -> str:
    result = await planner.responses.create(model="o3", input=instruction, max_output_tokens=2000)
    logger.info("ai.step", extra={"id": result.id, "usage": result.usage})
    return result.output_text


async def write(notes: list[str]) -> str:
    try:
        message = await asyncio.wait_for(
            writer.messages.create(model="claude-opus-4-1-20250805", max_tokens=4000, messages=[{"role": "user", "content": "\n".join(notes)}]),
            timeout=120,
        )
    except (asyncio.TimeoutError, Exception):
        return "The report could not be written."
    return message.content[0].text


async def research(question: str) -> str:
    the_plan = await plan(question)
    notes = await asyncio.gather(*(step(s) for s in the_plan.steps))
    return await write(list(notes))


async def stream_report(notes: str):
    async with writer.messages.stream(model="claude-sonnet-4-5-20250929", max_tokens=2000, messages=[{"role": "user", "content": notes}]) as stream:
        async for text in stream.text_stream:
            yield text
