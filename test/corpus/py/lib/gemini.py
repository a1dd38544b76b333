import os

from google import genai
from google.genai import types

client = genai.Client(api_key=os.environ["GEMINI_API_KEY"], http_options=types.HttpOptions(timeout=30000))


def summarize(text: str) -> str:
    response = client.models.generate_content(
        model="gemini-2.5-flash",
        contents=text,
        config=types.GenerateContentConfig(max_output_tokens=512, system_instruction="Be brief."),
    )
    return response.text


async def summarize_async(text: str) -> str:
    response = await client.aio.models.generate_content(model="gemini-2.5-pro", contents=text)
    return response.text


def stream(text: str):
    for chunk in client.models.generate_content_stream(model="gemini-2.5-flash", contents=text):
        yield chunk.text


def embed(texts):
    return client.models.embed_content(model="gemini-embedding-001", contents=texts)
