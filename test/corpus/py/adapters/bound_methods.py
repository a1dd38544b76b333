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


def _run_in_thread(client, method, params: dict):
    # Runs whatever method it is handed: the callers' lines are the call sites.
    return method(**params)


class StreamingChat:
    def __init__(self) -> None:
        self._client: OpenAI | None = None

    @property
    def client(self) -> OpenAI:
        return self._client or OpenAI(timeout=20)

    @client.setter
    def client(self, client: OpenAI) -> None:
        self._client = client

    def ask(self, prompt: str, stream: bool):
        create = self.client.responses.stream if stream else self.client.responses.create
        return create(model="gpt-4o-mini", input=prompt, max_output_tokens=300)

    def ask_in_thread(self, params: dict):
        client = self.client
        return _run_in_thread(client, client.chat.completions.create, params)

    def checks(self) -> bool:
        # Not model calls: a builtin inspecting the method, and a flag picked by a condition.
        pick = self.cache_get if callable(self.client.chat.completions.create) else self.cache_set
        return pick("key")

    def cache_get(self, key: str):
        return key

    def cache_set(self, key: str):
        return key


from functools import partial  # noqa: E402


class BedrockConverse:
    def __init__(self) -> None:
        self.runtime = self._make_client("bedrock-runtime")

    def _make_client(self, service_name: str):
        session = boto3.Session()
        return session.client(service_name, region_name="us-east-1")

    async def converse(self, messages: list[dict]):
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(None, partial(self.runtime.converse, modelId="anthropic.claude-3-haiku-20240307-v1:0", messages=messages))


def list_buckets(service_name: str):
    # Not a model call: a variable service whose client is only asked for S3 things.
    s3 = boto3.Session().client(service_name)
    return s3.list_buckets()


from typing import TYPE_CHECKING  # noqa: E402

if TYPE_CHECKING:
    from mypy_boto3_bedrock_runtime import BedrockRuntimeClient


def converse_with(client: "BedrockRuntimeClient", messages: list[dict]):
    return client.converse(modelId="anthropic.claude-3-haiku-20240307-v1:0", messages=messages)
