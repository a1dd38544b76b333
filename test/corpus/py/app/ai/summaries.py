import logging

from .clients import claude, openai_client

logger = logging.getLogger(__name__)


def summarize_ticket(text: str) -> str:
    response = openai_client.chat.completions.create(
        model="gpt-4o-2024-08-06",
        max_completion_tokens=300,
        messages=[
            {"role": "system", "content": "Summarize support tickets in two sentences."},
            {"role": "user", "content": text},
        ],
    )
    logger.info("ai.summary", extra={"id": response.id, "usage": response.usage})
    return response.choices[0].message.content


def headline(text: str) -> str:
    msg = claude.messages.create(model="claude-sonnet-4-5-20250929", max_tokens=40, messages=[{"role": "user", "content": text}])
    return msg.content[0].text
