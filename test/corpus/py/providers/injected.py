"""Provider adapters that are handed their clients: constructor injection, typed fields, typed parameters."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Annotated, Optional, Union

import openai
from openai import AsyncOpenAI, AzureOpenAI, OpenAI

if TYPE_CHECKING:
    from anthropic import AsyncAnthropic


class DraftWriter:
    def __init__(self, client: AsyncOpenAI, model: str) -> None:
        self.client = client
        self.model = model

    async def draft(self, brief: str) -> str:
        reply = await self.client.chat.completions.create(model=self.model, messages=[{"role": "user", "content": brief}])
        return reply.choices[0].message.content or ""


class Router:
    client: OpenAI | AzureOpenAI

    def __init__(self, settings) -> None:
        self.client = settings.build_client()

    def route(self, text: str) -> str:
        out = self.client.responses.create(model="gpt-4.1-mini-2025-04-14", input=text, max_output_tokens=50)
        return out.output_text


class Critic:
    def __init__(self, backend: Optional["AsyncAnthropic"] = None) -> None:
        self._backend: Optional[AsyncAnthropic] = backend

    async def critique(self, essay: str) -> str:
        msg = await self._backend.messages.create(model="claude-3-5-haiku-20241022", max_tokens=300, messages=[{"role": "user", "content": essay}])
        return msg.content[0].text


@dataclass
class Embedder:
    client: "openai.Client" = field(default_factory=lambda: None)
    cache: dict[str, list[float]] = field(default_factory=dict)

    def vector(self, text: str) -> list[float]:
        if text in self.cache:
            return self.cache[text]
        result = self.client.embeddings.create(model="text-embedding-3-small", input=text)
        return result.data[0].embedding


def classify(client: Union[openai.AsyncClient, None], label_set: list[str], text: str):
    return client.chat.completions.create(model="gpt-4o-mini-2024-07-18", messages=[{"role": "user", "content": f"{label_set}: {text}"}])


def shared_client() -> OpenAI:
    return _registry["default"]


def headline(story: str) -> str:
    response = shared_client().chat.completions.create(model="gpt-4o-2024-08-06", messages=[{"role": "user", "content": story}])
    return response.choices[0].message.content


def with_dependency(client: Annotated[OpenAI, "injected"], text: str):
    return client.moderations.create(model="omni-moderation-2024-09-26", input=text)


class Archive:
    """Not AI: typed collections of clients and an unrelated typed store."""

    clients: list[OpenAI]
    store: "DocumentStore"

    def save(self, doc) -> None:
        self.store.create(doc)
        self.clients.append(doc)


_registry: dict[str, OpenAI] = {}
