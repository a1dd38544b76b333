"""Agents whose base (in another module) stores the chat backend through super().__init__."""
from app.chat.base import BaseChat
from app.crew.base_agent import BaseAgent, NoteStore


class WriterAgent(BaseAgent):
    def __init__(self, chat: BaseChat, notes: NoteStore, tone: str = "plain") -> None:
        super().__init__(chat=chat, notes=notes)
        self.tone = tone

    async def draft(self, topic: str) -> str:
        self.notes.save(topic)
        return await self.chat.ask(f"Write about {topic} in a {self.tone} tone")


class EditorAgent(WriterAgent):
    async def edit(self, text: str) -> str:
        self.notes.save(text)
        return await self.chat.ask(f"Edit: {text}")
