"""Planning agents: they receive a backend (any ChatBackend) and ask it for plans and reviews."""
from typing import Optional

from app.llm.backends import ChatBackend, NoteStore, OpenAIBackend


class Planner:
    def __init__(self, backend: ChatBackend):
        self.backend = backend
        self.notes = NoteStore()

    def plan(self, goal: str) -> str:
        steps = self.backend.generate([{"role": "user", "content": f"Plan the steps to: {goal}"}])
        self.notes.save(steps)
        return steps

    def label(self) -> str:
        return self.backend.describe()


class Reviewer:
    backend: "ChatBackend"

    def review(self, text: str) -> str:
        return self.backend.generate([{"role": "user", "content": f"Review this plan:\n{text}"}])


def quick_plan(goal: str, backend: Optional[ChatBackend] = None) -> str:
    return (backend or OpenAIBackend()).generate([{"role": "user", "content": goal}])


def default_plan(goal: str) -> str:
    backend = OpenAIBackend()
    return backend.generate([{"role": "user", "content": goal}])


def remember(goal: str) -> None:
    store = NoteStore()
    store.save(goal)
