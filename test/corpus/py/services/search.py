from functools import lru_cache

import cohere
from mistralai import Mistral
from groq import Groq


@lru_cache(maxsize=1)
def cohere_client() -> cohere.ClientV2:
    return cohere.ClientV2(timeout=30)


mistral = Mistral(api_key="x-placeholder", timeout_ms=20000)
groq_client = Groq(timeout=15)


def rerank(query: str, documents: list[str]):
    return cohere_client().rerank(model="rerank-v3.5", query=query, documents=documents, top_n=5)


def embed(texts: list[str]):
    return cohere_client().embed(model="embed-v4.0", texts=texts, input_type="search_document", embedding_types=["float"])


def answer(question: str, context: str):
    return cohere_client().chat(model="command-a-03-2025", messages=[{"role": "system", "content": context}, {"role": "user", "content": question}])


def stream_answer(question: str):
    for event in cohere_client().chat_stream(model="command-a-03-2025", messages=[{"role": "user", "content": question}]):
        yield event


def mistral_answer(question: str):
    res = mistral.chat.complete(model="mistral-large-latest", messages=[{"role": "user", "content": question}], max_tokens=256)
    return res.choices[0].message.content


async def mistral_async(question: str):
    res = await mistral.chat.complete_async(model="mistral-small-latest", messages=[{"role": "user", "content": question}])
    return res.choices[0].message.content


def mistral_embed(texts):
    return mistral.embeddings.create(model="mistral-embed", inputs=texts)


def mistral_stream(question: str):
    return mistral.chat.stream(model="mistral-large-latest", messages=[{"role": "user", "content": question}])


def fast_answer(question: str):
    completion = groq_client.chat.completions.create(model="llama-3.3-70b-versatile", messages=[{"role": "user", "content": question}], max_completion_tokens=300)
    return completion.choices[0].message.content


def transcribe(path: str):
    with open(path, "rb") as audio:
        return groq_client.audio.transcriptions.create(model="whisper-large-v3", file=audio)
