"""Provider adapter that hands SDK methods to helpers: a retry runner, partial, a thread executor."""
import asyncio
import functools
import logging

import boto3
from openai import OpenAI
from tenacity import Retrying, stop_after_attempt

log = logging.getLogger(__name__)


class RetryingChat:
    def __init__(self):
        self.client = OpenAI(timeout=15.0)
        self.retryer = Retrying(stop=stop_after_attempt(3), reraise=True)
        self.cache: dict[str, str] = {}

    def complete(self, prompt: str, **kwargs) -> str:
        reply = self.retryer(self.client.chat.completions.create, model="gpt-4o-mini-2024-07-18", messages=[{"role": "user", "content": prompt}], **kwargs)
        return reply.choices[0].message.content or ""

    def embed(self, texts: list[str]):
        create = self.client.embeddings.create
        return create(model="text-embedding-3-small", input=texts)

    def cached(self, key: str):
        # Not a model call: a dict method handed to the retry runner.
        return self.retryer(self.cache.get, key)


bedrock = boto3.client("bedrock-runtime")


async def invoke_in_thread(body: str) -> dict:
    loop = asyncio.get_running_loop()
    call = functools.partial(bedrock.invoke_model, modelId="anthropic.claude-3-haiku-20240307-v1:0", body=body)
    return await loop.run_in_executor(None, call)


async def list_in_thread() -> list:
    # Not a model call: listing models through the same helper.
    return await asyncio.to_thread(functools.partial(print, "listing"))
