"""Agent tools that get their clients from a framework context: only the call's shape says it is a model call."""
from app.runtime import deps, resolve_client
from billing.gateway import PaymentsClient


async def answer(ctx, question: str) -> str:
    completion = await ctx.deps.openai.chat.completions.create(model="gpt-4o-mini-2024-07-18", messages=[{"role": "user", "content": question}])
    return completion.choices[0].message.content


def critique(agent, draft: str) -> str:
    reply = agent.llm.messages.create(model="claude-sonnet-4-20250514", max_tokens=500, messages=[{"role": "user", "content": draft}])
    return reply.content[0].text


def embed(texts: list[str]):
    return resolve_client("embeddings").embeddings.create(model="text-embedding-3-large", input=texts)


async def gemini_caption(ctx, image_part) -> str:
    result = await ctx.genai.aio.models.generate_content(model="gemini-2.0-flash-001", contents=[image_part, "Caption this."])
    return result.text


def mistral_title(provider, body: str) -> str:
    out = provider.chat.complete(model="mistral-small-2409", messages=[{"role": "user", "content": body}])
    return out.choices[0].message.content


def bedrock_summary(runtime, text: str) -> dict:
    return runtime.converse(modelId="anthropic.claude-3-5-haiku-20241022-v1:0", messages=[{"role": "user", "content": [{"text": text}]}])


class Summariser:
    def __init__(self, backend) -> None:
        self.backend = backend

    def summarise(self, text: str) -> str:
        return self.backend.responses.create(model="gpt-4.1-2025-04-14", input=text).output_text

    def notify(self, phone: str, text: str) -> None:
        # Not AI: Twilio's messages.create has no model and no max_tokens.
        self.backend.messages.create(to=phone, from_="+15550100", body=text)


def lookalikes(sms, user, store, payments_key: str) -> None:
    """Not AI: ORM managers, payment SDKs, vector stores and tools with similar chains."""
    user.objects.create(name="ada")
    sms.messages.create(body="hi", to="+15550101")
    store.embeddings.create(ids=["a"], documents=["x"])
    store.collection.embeddings.create(model="local", input=["x"])
    PaymentsClient(payments_key).chat.completions.create(model="gpt-4o")
    deps.tools.converse(modelId="calendar")
