"""Streams a chat through the client class the compat layer picked."""
from app.compat.sdk import MistralClient, SDKError


class Notes:
    """A project class with a `chat.stream` of its own: no model request."""

    def __init__(self) -> None:
        self.chat = self

    def stream(self, model: str, messages: list[dict]) -> list[dict]:
        return messages


def stream_reply(prompt: str):
    client = MistralClient(api_key="test", timeout_ms=10_000)
    try:
        return list(client.chat.stream(model="mistral-small-latest", messages=[{"role": "user", "content": prompt}], max_tokens=200))
    except SDKError:
        return []


def replay(prompt: str):
    return Notes().chat.stream(model="mistral-small-latest", messages=[{"role": "user", "content": prompt}])
