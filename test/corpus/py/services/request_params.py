"""A chat service that assembles request options before sending them."""
from typing import Any

from anthropic import Anthropic
from openai import OpenAI

openai_client = OpenAI()
claude = Anthropic(timeout=20)


def reply(history: list[dict[str, str]], stream: bool = False) -> Any:
    params = {"model": "gpt-4o-mini-2024-07-18", "messages": history, "timeout": 30}
    if stream:
        params["stream"] = True
    params.update(max_completion_tokens=600)
    return openai_client.chat.completions.create(**params)


def summarise(text: str, **overrides: Any) -> str:
    request = dict(model="claude-3-5-haiku-20241022", messages=[{"role": "user", "content": text}])
    request.update({"max_tokens": 300})
    response = claude.messages.create(**request, **overrides)
    return response.content[0].text


def plain(text: str) -> str:
    options = {"model": "gpt-4.1-nano-2025-04-14", "input": text}
    return openai_client.responses.create(**options).output_text
