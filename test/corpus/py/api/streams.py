import asyncio

from anthropic import AsyncAnthropic
from django.http import StreamingHttpResponse
from fastapi import APIRouter, Request
from fastapi.responses import StreamingResponse
from langchain_openai import ChatOpenAI
from openai import AsyncOpenAI, OpenAI

router = APIRouter()
async_openai = AsyncOpenAI(timeout=30)
sync_openai = OpenAI(timeout=30)
claude = AsyncAnthropic(timeout=30)
llm = ChatOpenAI(model="gpt-4o-mini-2024-07-18", timeout=30, max_tokens=400)


@router.post("/stream/chat")
async def stream_chat(request: Request, q: str):
    async def events():
        stream = await async_openai.chat.completions.create(
            model="gpt-4o-mini-2024-07-18",
            max_tokens=400,
            stream=True,
            messages=[{"role": "user", "content": q}],
        )
        async for chunk in stream:
            yield chunk.choices[0].delta.content or ""

    return StreamingResponse(events(), media_type="text/event-stream")


async def claude_events(request: Request, q: str):
    try:
        async with claude.messages.stream(model="claude-3-5-haiku-20241022", max_tokens=400, messages=[{"role": "user", "content": q}]) as stream:
            async for text in stream.text_stream:
                if await request.is_disconnected():
                    break
                yield text
    except asyncio.CancelledError:
        raise
    except Exception:
        yield "event: error\ndata: cut short\n\n"


@router.post("/stream/claude")
async def stream_claude(request: Request, q: str):
    return StreamingResponse(claude_events(request, q), media_type="text/event-stream")


@router.get("/stream/chain")
async def stream_chain(q: str):
    return StreamingResponse(llm.astream(q), media_type="text/plain")


def django_tokens(request):
    def tokens():
        for chunk in sync_openai.chat.completions.create(model="gpt-4o-mini-2024-07-18", max_tokens=400, stream=True, messages=[{"role": "user", "content": request.GET["q"]}]):
            yield chunk.choices[0].delta.content or ""

    return StreamingHttpResponse(tokens(), content_type="text/plain")


async def lookalike_numbers():
    for number in range(3):
        yield str(number)


@router.get("/stream/numbers")
async def stream_numbers():
    return StreamingResponse(lookalike_numbers())
