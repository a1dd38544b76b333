from openai import OpenAI

client = OpenAI(timeout=60.0, max_retries=2)


def compact_history(history: list[dict]) -> list:
    """Shrinks a long conversation before the next turn."""
    compacted = client.responses.compact(model="gpt-5-2025-08-07", input=history)
    return compacted.output
