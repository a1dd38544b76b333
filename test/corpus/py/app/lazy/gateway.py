"""The gateway module: LiteLLM reached through a cached accessor."""
import functools
from typing import Any

from app.lazy.loader import load_settings, require


@functools.cache
def get_gateway() -> Any:
    gateway = require("litellm", hint="pip install litellm")
    gateway.drop_params = True
    return gateway


def _gw():
    return get_gateway()


def complete(prompt: str) -> str:
    response = _gw().completion(model="gpt-4o-mini", messages=[{"role": "user", "content": prompt}], timeout=30, max_tokens=300)
    return response.choices[0].message.content


async def embed(texts: list[str]) -> list[list[float]]:
    result = await get_gateway().aembedding(model="text-embedding-3-small", input=texts, timeout=20)
    return [item["embedding"] for item in result.data]


def settings_completion() -> Any:
    # A dictionary from a file, not a model gateway.
    return load_settings("gateway").completion("draft")
