"""SDK clients extended in the project: the subclass is built and called like the client it extends."""
import anthropic
from openai import AsyncOpenAI


class TracedOpenAI(AsyncOpenAI):
    def trace_id(self) -> str:
        return "trace"


class RegionalClaude(anthropic.Anthropic):
    region = "eu"


class Transcript:
    # A project class with a method named like an SDK call.
    def create(self, **fields: str) -> dict:
        return dict(fields)


class Drafter:
    def __init__(self) -> None:
        self.llm = TracedOpenAI(timeout=25, max_retries=2)
        self.claude = RegionalClaude(timeout=20)
        self.transcript = Transcript()

    async def draft(self, topic: str) -> str:
        response = await self.llm.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": topic}], max_tokens=500)
        return response.choices[0].message.content

    def review(self, text: str) -> str:
        message = self.claude.messages.create(model="claude-3-5-haiku-latest", max_tokens=300, messages=[{"role": "user", "content": text}])
        self.transcript.create(text=text)
        return message.content[0].text
