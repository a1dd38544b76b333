"""Provider adapters: the base builds the client from whatever the subclass's create_client returns."""
from typing import Any

import boto3


class ChatProvider:
    def __init__(self, model: str, client: Any | None = None, **client_options: Any):
        self.model = model
        self.client_options = client_options
        self.client = client or self.create_client()

    def create_client(self) -> Any:
        raise NotImplementedError

    def reply(self, messages: list[dict]) -> str:
        raise NotImplementedError


class GatewayProvider(ChatProvider):
    def create_client(self) -> Any:
        import litellm

        return litellm

    def reply(self, messages: list[dict]) -> str:
        response = self.client.completion(model=self.model, messages=messages, timeout=30, max_tokens=400)
        return response.choices[0].message.content


class ClaudeProvider(ChatProvider):
    def create_client(self) -> Any:
        from anthropic import Anthropic

        return Anthropic(timeout=20, max_retries=3, **self.client_options)

    def reply(self, messages: list[dict]) -> str:
        message = self.client.messages.create(model=self.model, max_tokens=500, messages=messages)
        return message.content[0].text


class BedrockProvider(ChatProvider):
    def create_client(self) -> Any:
        return boto3.client(service_name="bedrock-runtime", **self.client_options)

    def reply(self, messages: list[dict]) -> str:
        response = self.client.converse(modelId=self.model, messages=messages, inferenceConfig={"maxTokens": 400})
        return response["output"]["message"]["content"][0]["text"]


class RegionalBedrock:
    def __init__(self, session: Any):
        self.session = session
        self.runtime = self.session.client("bedrock-runtime", region_name="eu-west-1")
        self.storage = self.session.client("s3")

    def invoke(self, body: str) -> dict:
        return self.runtime.invoke_model(modelId="anthropic.claude-3-haiku-20240307-v1:0", body=body)

    def fetch(self, key: str) -> dict:
        # An S3 client from the same session: not a model.
        return self.storage.get_object(Bucket="prompts", Key=key)


class LazyGateway:
    client: Any = None

    def get_client(self) -> Any:
        if self.client is not None:
            return self.client
        import litellm

        self.client = litellm
        return self.client

    async def reply(self, messages: list[dict]) -> str:
        response = await self.get_client().acompletion(model="gpt-4o", messages=messages, timeout=30, max_tokens=300)
        return response.choices[0].message.content


class CacheProvider(ChatProvider):
    def create_client(self) -> Any:
        # A key-value store: `completion` here is a cached entry, not a model call.
        return {"completion": lambda key: key}

    def lookup(self, key: str) -> Any:
        return self.client.get("completion")
