"""Gateway adapters that speak to model servers over HTTP, with base URLs from settings."""
import aiohttp
import httpx
import requests

from app.config import settings


class OpenAICompatible:
    def __init__(self, base_url: str, key: str) -> None:
        self.base_url = base_url.rstrip("/")
        self.headers = {"Authorization": f"Bearer {key}"}

    async def chat(self, messages: list[dict]) -> dict:
        async with httpx.AsyncClient(timeout=60) as http:
            response = await http.post(f"{self.base_url}/chat/completions", headers=self.headers, json={"model": "qwen2.5-72b-instruct", "messages": messages})
            return response.json()

    def embed(self, texts: list[str]) -> dict:
        return requests.post(self.base_url + "/embeddings", json={"model": "bge-m3", "input": texts}, timeout=30).json()


def claude_proxy(prompt: str) -> dict:
    url = f"{settings.ANTHROPIC_PROXY}/v1/messages"
    return requests.post(url, json={"model": "claude-3-5-haiku-20241022", "max_tokens": 256, "messages": [{"role": "user", "content": prompt}]}, timeout=20).json()


async def local_generate(session: aiohttp.ClientSession, host: str, prompt: str) -> dict:
    async with session.post(f"{host}/api/generate", json={"model": "llama3.1:8b", "prompt": prompt, "stream": False}) as response:
        return await response.json()


def inference_service(endpoint: str, question: str) -> dict:
    return requests.post(endpoint, json={"model": "mistral-7b-instruct", "messages": [{"role": "user", "content": question}]}, timeout=45).json()


def lookalikes(base: str, order_id: str) -> None:
    """Not AI: ordinary API posts on hosts from settings."""
    requests.post(f"{base}/orders/{order_id}/messages", json={"text": "shipped"}, timeout=5)
    requests.post(f"{settings.CRM_URL}/contacts", json={"model": "lead", "name": "Ada"}, timeout=5)
    requests.post(f"{base}/v1/chat/completions/feedback", json={"rating": 5}, timeout=5)
