"""Weekly report pipeline: each step calls the one below it; only the lowest talks to the model."""
import logging

from anthropic import Anthropic

log = logging.getLogger(__name__)
client = Anthropic(timeout=30.0, max_retries=2)


def _complete(prompt: str) -> str:
    reply = client.messages.create(
        model="claude-3-5-haiku-20241022",
        max_tokens=600,
        messages=[{"role": "user", "content": prompt}],
    )
    log.info("report step done, %s tokens", reply.usage.output_tokens)
    return reply.content[0].text


def summarise_section(section: str) -> str:
    return _complete(f"Summarise this section in three bullet points:\n{section}")


def summarise_report(sections: list[str]) -> str:
    parts = [summarise_section(section) for section in sections]
    return "\n".join(parts)


def weekly_digest(sections: list[str]) -> str:
    body = summarise_report(sections)
    return f"# Weekly digest\n\n{body}"


class ReportWriter:
    def __init__(self, tone: str = "neutral"):
        self.tone = tone

    def _draft(self, notes: str) -> str:
        return _complete(f"Write a {self.tone} paragraph from these notes:\n{notes}")

    def write(self, notes: str) -> str:
        draft = self._draft(notes)
        return draft.strip()

    def write_all(self, batches: list[str]) -> list[str]:
        return [self.write(batch) for batch in batches]


def count_words(text: str) -> int:
    # Not a wrapper: nothing below it reaches a model.
    return len(text.split())


def publish(sections: list[str]) -> int:
    return count_words(weekly_digest(sections))
