"""Completion functions chosen at run time: factories hand back closures that call the model."""
from typing import Any, Callable

from openai import OpenAI

client = OpenAI(timeout=30, max_retries=2)


def _make_completion_fn(streaming: bool) -> Callable[..., Any]:
    def _complete(messages: list[dict]) -> str:
        response = client.chat.completions.create(model="gpt-4o-mini", messages=messages, max_tokens=400)
        return response.choices[0].message.content

    def _stream(messages: list[dict]) -> list[str]:
        chunks = client.chat.completions.create(model="gpt-4o-mini", messages=messages, max_tokens=400, stream=True)
        return [chunk.choices[0].delta.content or "" for chunk in chunks]

    return _stream if streaming else _complete


def _make_formatter() -> Callable[[str], str]:
    def _format(text: str) -> str:
        return text.strip()

    return _format


class Assistant:
    def __init__(self, streaming: bool = False):
        self.streaming = streaming

    def _completion_fn(self) -> Callable[..., Any]:
        return _make_completion_fn(self.streaming)

    def answer(self, question: str) -> Any:
        complete = self._completion_fn()
        return complete([{"role": "user", "content": question}])

    def tidy(self, text: str) -> str:
        # The factory hands back a formatter that makes no request.
        fmt = _make_formatter()
        return fmt(text)


def quick_answer(question: str) -> Any:
    run = _make_completion_fn(streaming=False)
    return run([{"role": "user", "content": question}])
