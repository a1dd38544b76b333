"""One function per provider, the way a multi-provider gateway service is written."""
import os

import anthropic
import openai
from anthropic import AnthropicBedrock, AnthropicVertex
from langchain_google_genai import ChatGoogleGenerativeAI
from langchain_groq import ChatGroq
from langchain_mistralai import ChatMistralAI
from langchain_ollama import ChatOllama

openai.api_key = os.environ["OPENAI_API_KEY"]
vertex = AnthropicVertex(region="europe-west1", project_id="acme-ml")
bedrock_claude = AnthropicBedrock(aws_region="us-east-1")
gemini_chat = ChatGoogleGenerativeAI(model="gemini-2.5-flash", max_output_tokens=300)
groq_chat = ChatGroq(model="llama-3.3-70b-versatile", timeout=20)
mistral_chat = ChatMistralAI(model="mistral-large-latest", max_tokens=300)
local_chat = ChatOllama(model="llama3.1", num_predict=200)


def module_level(prompt: str) -> str:
    response = openai.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": prompt}])
    return response.choices[0].message.content


def module_embeddings(texts):
    return openai.embeddings.create(model="text-embedding-3-small", input=texts)


def on_vertex(prompt: str) -> str:
    msg = vertex.messages.create(model="claude-sonnet-4-5@20250929", max_tokens=300, messages=[{"role": "user", "content": prompt}])
    return msg.content[0].text


def on_bedrock(prompt: str) -> str:
    msg = bedrock_claude.messages.create(model="anthropic.claude-3-5-sonnet-20241022-v2:0", max_tokens=300, messages=[{"role": "user", "content": prompt}])
    return msg.content[0].text


def fresh_client(prompt: str) -> str:
    msg = anthropic.Anthropic().messages.create(model="claude-3-5-haiku-latest", max_tokens=50, messages=[{"role": "user", "content": prompt}])
    return msg.content[0].text


def gemini(prompt: str):
    return gemini_chat.invoke(prompt)


def groq(prompt: str):
    return groq_chat.invoke([("system", "Answer in one line."), ("human", prompt)])


def mistral(prompt: str):
    return mistral_chat.invoke(prompt)


async def local(prompt: str):
    return await local_chat.ainvoke(prompt)


async def local_stream(prompt: str):
    async for chunk in local_chat.astream(prompt):
        yield chunk


def count_tokens(prompt: str) -> int:
    client = anthropic.Anthropic()
    return client.models.list().data.__len__()


def answer(provider: str, prompt: str) -> str:
    if provider == "openai":
        return module_level(prompt)
    if provider == "vertex":
        return on_vertex(prompt)
    return on_bedrock(prompt)
