import logging
from typing import Optional

from openai import AsyncAzureOpenAI, AzureOpenAI

log = logging.getLogger("assistant")


class SupportAssistant:
    def __init__(self, endpoint: str, deployment: str):
        self.client = AzureOpenAI(azure_endpoint=endpoint, api_version="2024-10-21", timeout=20)
        self.deployment = deployment
        self.cache: Optional[dict] = None

    def answer(self, question: str) -> str:
        response = self.client.chat.completions.create(
            model=self.deployment,
            messages=[{"role": "user", "content": question}],
            max_completion_tokens=500,
        )
        log.info("ai.answer id=%s usage=%s", response.id, response.usage)
        return response.choices[0].message.content

    def draft_reply(self, ticket: dict) -> str:
        answer = self.answer(ticket["body"])
        return f"Hello,\n\n{answer}"

    def embed(self, texts: list[str]) -> list[list[float]]:
        result = self.client.embeddings.create(model="text-embedding-3-large", input=texts)
        return [item.embedding for item in result.data]


class AsyncAssistant:
    def __init__(self):
        self._client = AsyncAzureOpenAI(azure_endpoint="https://acme.openai.azure.com", api_version="2024-10-21")

    async def stream(self, question: str):
        stream = await self._client.chat.completions.create(
            model="gpt-4o",
            messages=[{"role": "user", "content": question}],
            stream=True,
        )
        async for chunk in stream:
            yield chunk.choices[0].delta.content or ""

    async def parse(self, question: str, schema):
        result = await self._client.beta.chat.completions.parse(model="gpt-4o-2024-08-06", messages=[{"role": "user", "content": question}], response_format=schema)
        return result.choices[0].message.parsed
