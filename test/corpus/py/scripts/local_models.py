import ollama
from ollama import AsyncClient, Client

remote = Client(host="http://gpu-box:11434", timeout=60)


def chat(prompt: str):
    return ollama.chat(model="llama3.1", messages=[{"role": "user", "content": prompt}])


def complete(prompt: str):
    return remote.generate(model="qwen2.5-coder", prompt=prompt, options={"num_predict": 256})


def embed(texts):
    return ollama.embed(model="nomic-embed-text", input=texts)


async def chat_async(prompt: str):
    client = AsyncClient()
    return await client.chat(model="llama3.1", messages=[{"role": "user", "content": prompt}], stream=False)


def housekeeping():
    ollama.pull("llama3.1")
    ollama.list()
    remote.show("qwen2.5-coder")
