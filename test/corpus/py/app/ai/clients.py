import os

from anthropic import Anthropic
from openai import AsyncOpenAI, OpenAI

openai_client = OpenAI(timeout=30, max_retries=3)
async_openai = AsyncOpenAI(api_key=os.environ["OPENAI_API_KEY"])
claude = Anthropic(timeout=60)


def get_embedder() -> OpenAI:
    return OpenAI(timeout=10)
