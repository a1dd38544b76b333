"""A provider layer that keeps litellm optional: typed for the checker, loaded when first used."""
from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import litellm

litellm = None
_router = None


def _ensure_litellm():
    global litellm
    if litellm is None:
        litellm = importlib.import_module("litellm")
    return litellm


def complete(messages: list[dict[str, Any]], model: str = "gpt-4o-mini-2024-07-18") -> str:
    _ensure_litellm()
    response = litellm.completion(model=model, messages=messages, timeout=30, max_tokens=400)
    return response.choices[0].message.content


async def acomplete(messages: list[dict[str, Any]]) -> str:
    response = await litellm.acompletion(model="claude-3-5-haiku-20241022", messages=messages)
    return response.choices[0].message.content


def vectors(texts: list[str]) -> list[list[float]]:
    result = litellm.embedding(model="text-embedding-3-small", input=texts)
    return [item["embedding"] for item in result.data]


def router():
    global _router
    if _router is None:
        lib = importlib.import_module("litellm")
        _router = lib.Router(model_list=[{"model_name": "fast", "litellm_params": {"model": "gpt-4o-mini-2024-07-18"}}], num_retries=2)
    return _router


async def routed(messages: list[dict[str, Any]]) -> str:
    response = await router().acompletion(model="fast", messages=messages)
    return response.choices[0].message.content


def local_import(prompt: str) -> str:
    from litellm import completion

    return completion(model="ollama/llama3.1:8b", messages=[{"role": "user", "content": prompt}]).choices[0].message.content


def dunder_import(prompt: str):
    client = __import__("openai").OpenAI(timeout=15)
    return client.responses.create(model="gpt-4.1-mini-2025-04-14", input=prompt)


def lookalike(job) -> None:
    """Not AI: a task queue's completion hook loaded the same way."""
    queue = importlib.import_module("app.queue")
    queue.completion(job)
