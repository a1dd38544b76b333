"""Open-weight models behind Hugging Face Inference Providers: chat, completion and embeddings."""
import os

from huggingface_hub import AsyncInferenceClient, InferenceClient, snapshot_download

CHAT_MODEL = "meta-llama/Llama-3.1-8B-Instruct"


class OpenModels:
    def __init__(self, provider: str = "auto"):
        self.client = InferenceClient(provider=provider, api_key=os.environ["HF_TOKEN"], timeout=30)
        self.aclient = AsyncInferenceClient(api_key=os.environ["HF_TOKEN"])

    def reply(self, question: str) -> str:
        out = self.client.chat_completion(
            messages=[{"role": "user", "content": question}],
            model=CHAT_MODEL,
            max_tokens=300,
        )
        return out.choices[0].message.content

    def reply_openai_style(self, question: str) -> str:
        out = self.client.chat.completions.create(model=CHAT_MODEL, messages=[{"role": "user", "content": question}])
        return out.choices[0].message.content

    async def reply_stream(self, question: str):
        stream = await self.aclient.chat_completion(messages=[{"role": "user", "content": question}], model=CHAT_MODEL, stream=True)
        async for chunk in stream:
            yield chunk.choices[0].delta.content or ""

    def complete(self, prefix: str) -> str:
        return self.client.text_generation(prefix, model="bigcode/starcoder2-15b", max_new_tokens=128)

    def embed(self, sentence: str):
        return self.client.feature_extraction(sentence, model="BAAI/bge-small-en-v1.5")

    def fetch_weights(self, repo_id: str) -> str:
        return snapshot_download(repo_id=repo_id)


def one_off(question: str) -> str:
    client = InferenceClient(model=CHAT_MODEL)
    return client.chat_completion(messages=[{"role": "user", "content": question}]).choices[0].message.content


class LocalPipeline:
    """A local look-alike: same method names, no network."""

    def chat_completion(self, messages):
        return {"choices": [{"message": {"content": messages[-1]["content"]}}]}


def offline(question: str):
    return LocalPipeline().chat_completion([{"role": "user", "content": question}])
