"""Scripts that call model endpoints over plain HTTP."""
import asyncio
import os

import aiohttp
import httpx
import requests

OPENAI_URL = "https://api.openai.com/v1/chat/completions"
ANTHROPIC = "https://api.anthropic.com"
HEADERS = {"Authorization": f"Bearer {os.environ['OPENAI_API_KEY']}"}


def chat(prompt: str) -> str:
    r = requests.post(OPENAI_URL, headers=HEADERS, json={"model": "gpt-4o-mini", "messages": [{"role": "user", "content": prompt}]}, timeout=30)
    r.raise_for_status()
    return r.json()["choices"][0]["message"]["content"]


def claude(prompt: str) -> str:
    r = requests.post(
        f"{ANTHROPIC}/v1/messages",
        headers={"x-api-key": os.environ["ANTHROPIC_API_KEY"], "anthropic-version": "2023-06-01"},
        json={"model": "claude-3-5-haiku-20241022", "max_tokens": 100, "messages": [{"role": "user", "content": prompt}]},
    )
    return r.json()["content"][0]["text"]


def embed_with_httpx(texts):
    with httpx.Client(timeout=20) as client:
        res = client.post("https://api.openai.com/v1/embeddings", headers=HEADERS, json={"model": "text-embedding-3-small", "input": texts})
        return res.json()


def gemini(prompt: str):
    url = "https://generativelanguage.googleapis.com/v1beta/models/gemini-2.5-flash:generateContent"
    return httpx.post(url, params={"key": os.environ["GEMINI_API_KEY"]}, json={"contents": [{"parts": [{"text": prompt}]}]})


async def local_llama(prompt: str):
    async with aiohttp.ClientSession() as session:
        async with session.post("http://localhost:11434/api/generate", json={"model": "llama3.1", "prompt": prompt, "stream": False}) as response:
            return await response.json()


async def list_local_models():
    async with aiohttp.ClientSession() as session:
        async with session.get("http://localhost:11434/api/tags") as response:
            return await response.json()


def pull(model: str):
    return requests.post("http://localhost:11434/api/pull", json={"name": model})


def webhook(event: dict):
    return requests.post("https://hooks.slack.com/services/T000/B000/XXX", json=event, timeout=5)


def openrouter(prompt: str):
    return requests.request("POST", "https://openrouter.ai/api/v1/chat/completions", json={"model": "openai/gpt-4o", "messages": [{"role": "user", "content": prompt}]})


if __name__ == "__main__":
    print(asyncio.run(local_llama("hi")))
