"""Answers questions through whichever chat backend it is given, typed with the base class."""
from app.chat.base import BaseChat


class HelpService:
    def __init__(self, chat: BaseChat) -> None:
        self.chat: BaseChat = chat

    async def answer(self, question: str) -> str:
        try:
            return await self.chat.ask(question)
        except TimeoutError:
            return "Sorry, try again later."

    def rank(self, texts: list[str]) -> list[str]:
        return sorted(texts, key=lambda text: self.chat.score(text))


async def quick_answer(chat: BaseChat, question: str) -> str:
    return await chat.ask(question)
