"""The agent base: stores the chat backend and a note store it is given; subclasses call them."""
from app.chat.base import BaseChat


class NoteStore:
    """Keeps notes in memory: a project class that makes no model request."""

    def __init__(self) -> None:
        self.notes: list[str] = []

    def save(self, note: str) -> None:
        self.notes.append(note)


class BaseAgent:
    def __init__(self, chat: BaseChat, notes: NoteStore) -> None:
        self.chat = chat
        self.notes = notes

    async def plan(self, goal: str) -> str:
        return await self.chat.ask(f"Plan: {goal}")


class ReviewAgent(BaseAgent):
    """Sets nothing itself: `self.chat` is the base's."""

    async def review(self, text: str) -> str:
        self.notes.save(text)
        return await self.chat.ask(f"Review: {text}")
