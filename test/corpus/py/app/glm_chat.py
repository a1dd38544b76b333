"""Chat through the project's subclass of the Zhipu AI client, built in another module."""
from app.zhipuai.glm_client import GlmClient


class GlmChat:
    def __init__(self, api_key: str) -> None:
        self.llm = GlmClient(api_key=api_key, timeout=20)

    def _kwargs(self, messages: list[dict]) -> dict:
        return {"model": "glm-4-0520", "messages": messages, "max_tokens": 512}

    def reply(self, messages: list[dict]) -> str:
        response = self.llm.chat.completions.create(**self._kwargs(messages))
        return response.choices[0].message.content

    def version(self) -> str:
        return self.llm.api_version()
