"""Chat backends behind one interface: the agents hold a ChatBackend and never see which provider answers."""
import logging

from openai import OpenAI

log = logging.getLogger(__name__)


class ChatBackend:
    """What every backend offers; the agents are typed against this."""

    def generate(self, messages: list[dict]) -> str:
        raise NotImplementedError

    def describe(self) -> str:
        return type(self).__name__


class OpenAIBackend(ChatBackend):
    def __init__(self, model: str = "gpt-4o-mini-2024-07-18"):
        self.model = model
        self.client = OpenAI(timeout=20.0, max_retries=2)

    def generate(self, messages: list[dict]) -> str:
        reply = self.client.chat.completions.create(model=self.model, messages=messages, max_tokens=500)
        log.info("backend reply %s", reply.id)
        return reply.choices[0].message.content or ""


class ScriptedBackend(ChatBackend):
    """Replays canned answers in tests: no model behind it."""

    def __init__(self, answers: list[str]):
        self.answers = answers

    def generate(self, messages: list[dict]) -> str:
        return self.answers.pop(0)


class NoteStore:
    def __init__(self):
        self.notes: list[str] = []

    def save(self, note: str) -> None:
        self.notes.append(note)
