import os

from openai import OpenAI

from app.ai import openai_client
from app.ai.summaries import summarize_ticket

legacy = OpenAI(base_url=os.environ.get("GATEWAY_URL"), api_key=os.environ["GATEWAY_KEY"])


def triage(ticket: dict) -> dict:
    summary = summarize_ticket(ticket["body"])
    label = openai_client.chat.completions.create(
        model="gpt-4o-mini-2024-07-18",
        max_completion_tokens=5,
        messages=[{"role": "system", "content": "Reply with billing, bug or question."}, {"role": "user", "content": summary}],
    )
    return {"summary": summary, "label": label.choices[0].message.content}


def legacy_completion(prompt: str) -> str:
    return legacy.completions.create(model="gpt-3.5-turbo-instruct", prompt=prompt, max_tokens=100).choices[0].text


def with_options(prompt: str) -> str:
    response = openai_client.with_options(timeout=5, max_retries=0).chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": prompt}])
    return response.choices[0].message.content


def transcribe(path: str) -> str:
    with open(path, "rb") as audio:
        return openai_client.audio.transcriptions.create(model="whisper-1", file=audio).text


def files_and_batches(path: str):
    uploaded = openai_client.files.create(file=open(path, "rb"), purpose="batch")
    batch = openai_client.batches.create(input_file_id=uploaded.id, endpoint="/v1/chat/completions", completion_window="24h")
    return openai_client.batches.retrieve(batch.id)
