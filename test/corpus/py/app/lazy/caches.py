"""Clients built once per key and read back from a cache."""
from typing import Any

from anthropic import AsyncAnthropic
from openai import OpenAI

_clients: dict[str, Any] = {}
_labels: dict[str, str] = {}


def client_for(tenant: str) -> Any:
    if tenant not in _clients:
        _clients[tenant] = OpenAI(timeout=30, max_retries=2)
    return _clients[tenant]


def summarize(tenant: str, text: str) -> str:
    response = client_for(tenant).chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": text}], max_tokens=200)
    return response.choices[0].message.content


def label(tenant: str) -> str:
    _labels[tenant] = tenant.upper()
    # A cache of strings: `get` reads a label.
    return _labels.get(tenant).create()


class ClaudePool:
    def __init__(self) -> None:
        self._pool: dict[str, AsyncAnthropic] = {}

    def _get(self, region: str) -> AsyncAnthropic:
        if region not in self._pool:
            self._pool[region] = AsyncAnthropic(timeout=20, max_retries=3)
        return self._pool[region]

    async def ask(self, region: str, prompt: str) -> str:
        client = self._pool.get(region) or self._get(region)
        message = await client.messages.create(model="claude-3-5-haiku-latest", max_tokens=300, messages=[{"role": "user", "content": prompt}])
        return message.content[0].text
