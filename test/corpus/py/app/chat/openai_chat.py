"""The OpenAI provider: implements the base's abstract completion with a model request."""
from openai import AsyncOpenAI

from app.chat.base import BaseChat


class OpenAIChat(BaseChat):
    def __init__(self, model: str = "gpt-4o-mini") -> None:
        self.client = AsyncOpenAI(timeout=30, max_retries=2)
        self.model = model

    async def _complete(self, messages: list[dict]) -> str:
        response = await self.client.chat.completions.create(model=self.model, messages=messages, max_tokens=512)
        return response.choices[0].message.content or ""
