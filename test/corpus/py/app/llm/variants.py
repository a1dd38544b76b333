"""Backend variants built on the OpenAI backend of another module: tracing and a summariser."""
import logging
import time

from app.llm.backends import NoteStore, OpenAIBackend

log = logging.getLogger(__name__)


class TracedBackend(OpenAIBackend):
    def generate(self, messages: list[dict]) -> str:
        started = time.monotonic()
        reply = super().generate(messages)
        log.info("generate took %.2fs", time.monotonic() - started)
        return reply


class SummaryBackend(OpenAIBackend):
    def summarise(self, text: str) -> str:
        return self.generate([{"role": "user", "content": f"Summarise:\n{text}"}])


class ArchivingStore(NoteStore):
    def save(self, note: str) -> None:
        super().save(note.strip())


def summarise_all(texts: list[str]) -> list[str]:
    backend = SummaryBackend()
    return [backend.summarise(text) for text in texts]
