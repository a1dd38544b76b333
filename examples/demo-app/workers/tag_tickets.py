"""Nightly worker: tags the day's support tickets with a topic, so the dashboard can group them."""
import json
import os

from anthropic import Anthropic

claude = Anthropic(api_key=os.environ["ANTHROPIC_API_KEY"])


def tag_ticket(ticket: dict) -> str:
    message = claude.messages.create(
        model="claude-3-5-haiku-latest",
        max_tokens=20,
        messages=[{"role": "user", "content": f"Topic of this ticket, one word: {ticket['body']}"}],
    )
    return message.content[0].text.strip()


def main() -> None:
    with open("tickets.json", encoding="utf-8") as source:
        tickets = json.load(source)
    for ticket in tickets:
        print(ticket["id"], tag_ticket(ticket))


if __name__ == "__main__":
    main()
