"""A provider base whose retry asks again with guidance: the recursive call sends another request."""
import logging

from anthropic import Anthropic

logger = logging.getLogger(__name__)


class GuidanceNeeded(Exception):
    def __init__(self, hint: str):
        super().__init__(hint)
        self.hint = hint


class GuidedModel:
    def __init__(self) -> None:
        self.client = Anthropic(timeout=30, max_retries=2)

    def invoke(self, messages: list[dict]) -> str:
        reply = self.client.messages.create(model="claude-sonnet-4-5-20250929", max_tokens=400, messages=messages)
        text = reply.content[0].text
        if not text.strip():
            raise GuidanceNeeded("Answer in at least one sentence.")
        logger.info("answered", extra={"usage": reply.usage})
        return text

    def invoke_with_guidance(self, messages: list[dict], attempts: int = 0) -> str:
        try:
            return self.invoke(messages)
        except GuidanceNeeded as needed:
            if attempts >= 2:
                raise
            guided = [*messages, {"role": "user", "content": needed.hint}]
            return self.invoke_with_guidance(guided, attempts + 1)

    def describe(self, attempts: int = 0) -> str:
        # Recursion that never reaches the model is not a call site.
        return "guided" if attempts > 3 else self.describe(attempts + 1)
