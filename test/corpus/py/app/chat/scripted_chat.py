"""A scripted test double: implements the hooks without any model request."""
from app.chat.base import BaseChat


class ScriptedChat(BaseChat):
    def __init__(self, replies: list[str]) -> None:
        self.replies = list(replies)

    async def _complete(self, messages: list[dict]) -> str:
        return self.replies.pop(0)

    def _score(self, text: str) -> float:
        return float(len(text) % 10)
