"""Product descriptions with the older google.generativeai package."""
import os

import google.generativeai as genai
from google.generativeai import GenerativeModel
from google.generativeai.generative_models import GenerativeModel as BaseGenerativeModel

genai.configure(api_key=os.environ["GOOGLE_API_KEY"])

writer = genai.GenerativeModel("gemini-1.5-flash", generation_config={"max_output_tokens": 400, "temperature": 0.4})


def describe(product: str) -> str:
    return writer.generate_content(f"Describe {product} in two sentences.", request_options={"timeout": 20}).text


async def describe_async(product: str) -> str:
    response = await writer.generate_content_async(f"Describe {product}.")
    return response.text


def describe_streaming(product: str):
    for chunk in writer.generate_content(f"Describe {product}.", stream=True):
        yield chunk.text


class Copywriter:
    def __init__(self, tone: str):
        self.model = GenerativeModel(model_name="gemini-1.5-pro", system_instruction=f"Write in a {tone} tone.")
        self.chat = self.model.start_chat(history=[])

    def next_line(self, brief: str) -> str:
        return self.chat.send_message(brief).text

    async def next_line_async(self, brief: str) -> str:
        reply = await self.model.start_chat().send_message_async(brief)
        return reply.text

    def tokens(self, text: str) -> int:
        return self.model.count_tokens(text).total_tokens


def list_available():
    return [m.name for m in genai.list_models()]


class LocalCountModel(BaseGenerativeModel):
    """Counts tokens locally instead of asking the API; generation is the SDK's."""

    def count_tokens(self, contents):
        return len(str(contents)) // 4


class Tagline:
    def __init__(self):
        self.llm = LocalCountModel(model_name="gemini-1.5-flash")

    async def write(self, product: str) -> str:
        reply = await self.llm.generate_content_async(f"Tagline for {product}", request_options={"timeout": 15})
        return reply.text

    def budget(self, product: str) -> int:
        return self.llm.count_tokens(product)
