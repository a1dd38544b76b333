"""Provider adapters that reach their client through methods of the class."""
import functools
import logging

from anthropic import Anthropic
from openai import AsyncOpenAI, OpenAI

logger = logging.getLogger("adapters")


class SummaryAdapter:
    def __init__(self, key: str) -> None:
        self._key = key
        self._openai = None

    def _get_client(self) -> OpenAI:
        if self._openai is None:
            self._openai = OpenAI(api_key=self._key, timeout=20)
        return self._openai

    def summarise(self, text: str) -> str:
        reply = self._get_client().chat.completions.create(model="gpt-4o-mini-2024-07-18", messages=[{"role": "user", "content": text}])
        return reply.choices[0].message.content


class ReviewAdapter:
    @property
    def client(self) -> Anthropic:
        return Anthropic(max_retries=3)

    def review(self, diff: str) -> str:
        message = self.client.messages.create(model="claude-sonnet-4-20250514", max_tokens=400, messages=[{"role": "user", "content": diff}])
        return message.content[0].text


class TaggingAdapter:
    @functools.cached_property
    def llm(self) -> AsyncOpenAI:
        return AsyncOpenAI()

    async def tag(self, ticket: str) -> str:
        result = await self.llm.responses.create(model="gpt-4.1-mini-2025-04-14", input=ticket)
        return result.output_text


class Inventory:
    """Not AI: a method returning a repository whose `create` stores a row."""

    def _rows(self):
        return self._store

    def add(self, name: str) -> None:
        self._rows().create(name=name)
