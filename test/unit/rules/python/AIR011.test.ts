import { ruleTester } from '../../ruleTester';

const fastapi = `from fastapi import FastAPI, Request
from fastapi.responses import StreamingResponse
from openai import AsyncOpenAI

app = FastAPI()
client = AsyncOpenAI(timeout=30)
`;

ruleTester('AIR011', {
  valid: [
    {
      name: 'python: the generator checks for the client and catches stream errors',
      filename: 'case.py',
      code: `${fastapi}

@app.post("/chat")
async def chat(request: Request, q: str):
    async def events():
        try:
            stream = await client.chat.completions.create(model="gpt-4o-2024-08-06", max_tokens=500, stream=True, messages=[{"role": "user", "content": q}])
            async for chunk in stream:
                if await request.is_disconnected():
                    break
                yield chunk.choices[0].delta.content or ""
        except Exception:
            yield "[error]"

    return StreamingResponse(events(), media_type="text/event-stream")
`,
    },
    {
      name: 'python: the disconnect check is in a helper the generator calls',
      filename: 'case.py',
      code: `${fastapi}

async def client_gone(request: Request) -> bool:
    return await request.is_disconnected()


async def relay(request: Request, q: str):
    try:
        stream = await client.chat.completions.create(model="gpt-4o-2024-08-06", max_tokens=500, stream=True, messages=[{"role": "user", "content": q}])
        async for chunk in stream:
            if await client_gone(request):
                break
            yield chunk.choices[0].delta.content or ""
    except Exception:
        yield "[error]"


@app.post("/chat")
async def chat(request: Request, q: str):
    return StreamingResponse(relay(request, q), media_type="text/event-stream")
`,
    },
    {
      name: 'python: cancellation closes the stream (async with, and except CancelledError)',
      filename: 'case.py',
      code: `import asyncio

from anthropic import AsyncAnthropic
from fastapi import FastAPI
from fastapi.responses import StreamingResponse

app = FastAPI()
client = AsyncAnthropic(timeout=30)


async def answer(q: str):
    try:
        async with client.messages.stream(model="claude-sonnet-4-5-20250929", max_tokens=500, messages=[{"role": "user", "content": q}]) as stream:
            async for text in stream.text_stream:
                yield text
    except asyncio.CancelledError:
        raise
    except Exception:
        yield "[error]"


@app.get("/answer")
async def route(q: str):
    return StreamingResponse(answer(q))
`,
    },
    {
      name: 'python: Django generator closing the stream in finally, errors caught',
      filename: 'case.py',
      code: `from django.http import StreamingHttpResponse
from openai import OpenAI

client = OpenAI(timeout=30)


def stream_answer(request):
    def tokens():
        stream = client.chat.completions.create(model="gpt-4o-2024-08-06", max_tokens=500, stream=True, messages=[{"role": "user", "content": request.GET["q"]}])
        try:
            for chunk in stream:
                yield chunk.choices[0].delta.content or ""
        except Exception:
            yield "[error]"
        finally:
            stream.close()

    return StreamingHttpResponse(tokens(), content_type="text/plain")
`,
    },
    {
      name: 'python: a background task that streams is not a response',
      filename: 'case.py',
      code: `from fastapi import BackgroundTasks, FastAPI
from openai import AsyncOpenAI

app = FastAPI()
client = AsyncOpenAI(timeout=30)


async def summarize(q: str):
    stream = await client.chat.completions.create(model="gpt-4o-2024-08-06", max_tokens=500, stream=True, messages=[{"role": "user", "content": q}])
    async for chunk in stream:
        print(chunk.choices[0].delta.content or "")


@app.post("/summaries")
async def start(q: str, tasks: BackgroundTasks):
    tasks.add_task(summarize, q)
    return {"queued": True}
`,
    },
    {
      name: 'python: a non-streaming answer sent in a plain response',
      filename: 'case.py',
      code: `${fastapi}from fastapi.responses import JSONResponse


@app.post("/chat")
async def chat(request: Request, q: str):
    r = await client.chat.completions.create(model="gpt-4o-2024-08-06", max_tokens=500, messages=[{"role": "user", "content": q}])
    return JSONResponse({"text": r.choices[0].message.content})
`,
    },
    {
      name: 'python: a streaming response of a generator that makes no model call',
      filename: 'case.py',
      code: `${fastapi}

async def numbers():
    for i in range(10):
        yield str(i)


@app.get("/numbers")
async def route(request: Request):
    r = await client.chat.completions.create(model="gpt-4o-2024-08-06", max_tokens=5, stream=True, messages=[{"role": "user", "content": "hi"}])
    return StreamingResponse(numbers())
`,
    },
    {
      name: 'python: a method generator (self.events) with except-as and a disconnect check',
      filename: 'case.py',
      code: `${fastapi}

class Chat:
    async def events(self, request: Request, q: str):
        try:
            stream = await client.chat.completions.create(model="gpt-4o-2024-08-06", max_tokens=500, stream=True, messages=[{"role": "user", "content": q}])
            async for chunk in stream:
                if await request.is_disconnected():
                    return
                yield chunk.choices[0].delta.content or ""
        except (TimeoutError, ValueError) as error:
            yield f"[error: {error}]"

    async def route(self, request: Request, q: str):
        return StreamingResponse(self.events(request, q))
`,
    },
    {
      name: 'python: the stream passed through an imported function the file cannot read is not judged',
      filename: 'case.py',
      code: `${fastapi}from app.sse import as_events


@app.post("/chat")
async def chat(request: Request, q: str):
    stream = await client.chat.completions.create(model="gpt-4o-2024-08-06", max_tokens=500, stream=True, messages=[{"role": "user", "content": q}])
    return StreamingResponse(as_events(request, stream))
`,
    },
  ],
  invalid: [
    {
      name: 'python: FastAPI generator with neither a disconnect check nor error handling: the check is added',
      filename: 'case.py',
      code: `${fastapi}

@app.post("/chat")
async def chat(request: Request, q: str):
    async def events():
        stream = await client.chat.completions.create(model="gpt-4o-2024-08-06", max_tokens=500, stream=True, messages=[{"role": "user", "content": q}])
        async for chunk in stream:
            yield chunk.choices[0].delta.content or ""

    return StreamingResponse(events(), media_type="text/event-stream")
`,
      errors: [{ messageId: 'responseNotStoppedUnhandled', line: 12, column: 24, endColumn: 54, data: { response: 'StreamingResponse', reader: 'events()' } }],
      fixTitles: [['Stop reading the stream when the client disconnects (request.is_disconnected())']],
      output: `${fastapi}

@app.post("/chat")
async def chat(request: Request, q: str):
    async def events():
        stream = await client.chat.completions.create(model="gpt-4o-2024-08-06", max_tokens=500, stream=True, messages=[{"role": "user", "content": q}])
        async for chunk in stream:
            if await request.is_disconnected():
                break
            yield chunk.choices[0].delta.content or ""

    return StreamingResponse(events(), media_type="text/event-stream")
`,
    },
    {
      name: 'python: a module-level generator given the request, errors caught: only the check is missing',
      filename: 'case.py',
      code: `${fastapi}

async def relay(req: Request, q: str):
    try:
        stream = await client.chat.completions.create(model="gpt-4o-2024-08-06", max_tokens=500, stream=True, messages=[{"role": "user", "content": q}])
        async for chunk in stream:  # one chunk per token
            yield chunk.choices[0].delta.content or ""
    except Exception:
        yield "[error]"


@app.post("/chat")
async def chat(req: Request, q: str):
    events = relay(req, q)
    return StreamingResponse(events)
`,
      errors: [{ messageId: 'responseNotStopped', line: 11, data: { response: 'StreamingResponse' } }],
      output: `${fastapi}

async def relay(req: Request, q: str):
    try:
        stream = await client.chat.completions.create(model="gpt-4o-2024-08-06", max_tokens=500, stream=True, messages=[{"role": "user", "content": q}])
        async for chunk in stream:  # one chunk per token
            if await req.is_disconnected():
                break
            yield chunk.choices[0].delta.content or ""
    except Exception:
        yield "[error]"


@app.post("/chat")
async def chat(req: Request, q: str):
    events = relay(req, q)
    return StreamingResponse(events)
`,
    },
    {
      name: 'python: stops with the client but lets stream errors end the response',
      filename: 'case.py',
      code: `${fastapi}

@app.post("/chat")
async def chat(request: Request, q: str):
    async def events():
        stream = await client.chat.completions.create(model="gpt-4o-2024-08-06", max_tokens=500, stream=True, messages=[{"role": "user", "content": q}])
        async for chunk in stream:
            if await request.is_disconnected():
                break
            yield chunk.choices[0].delta.content or ""

    return StreamingResponse(events())
`,
      errors: [{ messageId: 'responseUnhandled', line: 12, data: { reader: 'events()' } }],
    },
    {
      name: 'python: a LangChain stream given to the response as it is: no place for a check, no fix',
      filename: 'case.py',
      code: `from fastapi import FastAPI
from fastapi.responses import StreamingResponse
from langchain_openai import ChatOpenAI

app = FastAPI()
llm = ChatOpenAI(model="gpt-4o-2024-08-06", timeout=30, max_tokens=500)


@app.get("/chat")
async def chat(q: str):
    return StreamingResponse(llm.astream(q))
`,
      errors: [{ messageId: 'responseNotStoppedUnhandled', line: 11, data: { reader: 'a generator around it' } }],
    },
    {
      name: 'python: Django StreamingHttpResponse of a sync generator: no request check exists, no fix',
      filename: 'case.py',
      code: `from django.http import StreamingHttpResponse
from openai import OpenAI

client = OpenAI(timeout=30)


def tokens(q):
    for chunk in client.chat.completions.create(model="gpt-4o-2024-08-06", max_tokens=500, stream=True, messages=[{"role": "user", "content": q}]):
        yield chunk.choices[0].delta.content or ""


def stream_answer(request):
    return StreamingHttpResponse(tokens(request.GET["q"]), content_type="text/plain")
`,
      errors: [{ messageId: 'responseNotStoppedUnhandled', line: 8, data: { response: 'StreamingHttpResponse', reader: 'tokens()' } }],
    },
    {
      name: 'python: sse-starlette EventSourceResponse, the stream read by a generator it is handed to',
      filename: 'case.py',
      code: `from fastapi import FastAPI
from litellm import acompletion
from sse_starlette import EventSourceResponse
from starlette.requests import Request

app = FastAPI()


async def relay(request: Request, stream):
    async for chunk in stream:
        yield {"data": chunk.choices[0].delta.content or ""}


@app.post("/chat")
async def chat(request: Request):
    stream = await acompletion(model="gpt-4o-2024-08-06", max_tokens=500, timeout=30, stream=True, messages=[{"role": "user", "content": "hi"}])
    return EventSourceResponse(relay(request, stream))
`,
      errors: [{ messageId: 'responseNotStoppedUnhandled', line: 16, data: { response: 'EventSourceResponse', reader: 'relay()' } }],
      output: `from fastapi import FastAPI
from litellm import acompletion
from sse_starlette import EventSourceResponse
from starlette.requests import Request

app = FastAPI()


async def relay(request: Request, stream):
    async for chunk in stream:
        if await request.is_disconnected():
            break
        yield {"data": chunk.choices[0].delta.content or ""}


@app.post("/chat")
async def chat(request: Request):
    stream = await acompletion(model="gpt-4o-2024-08-06", max_tokens=500, timeout=30, stream=True, messages=[{"role": "user", "content": "hi"}])
    return EventSourceResponse(relay(request, stream))
`,
    },
    {
      name: 'python: catching only the cancellation is not error handling',
      filename: 'case.py',
      code: `import asyncio

${fastapi}

@app.post("/chat")
async def chat(request: Request, q: str):
    async def events():
        stream = await client.chat.completions.create(model="gpt-4o-2024-08-06", max_tokens=500, stream=True, messages=[{"role": "user", "content": q}])
        try:
            async for chunk in stream:
                yield chunk.choices[0].delta.content or ""
        except asyncio.CancelledError as cancelled:
            await stream.close()
            raise cancelled

    return StreamingResponse(events())
`,
      errors: [{ messageId: 'responseUnhandled', line: 14 }],
    },
    {
      name: 'python: errors caught around the call but not around the loop reading the stream',
      filename: 'case.py',
      code: `${fastapi}

@app.post("/chat")
async def chat(request: Request, q: str):
    async def events():
        try:
            stream = await client.chat.completions.create(model="gpt-4o-2024-08-06", max_tokens=500, stream=True, messages=[{"role": "user", "content": q}])
        except Exception:
            yield "[error]"
            return
        async for chunk in stream: yield chunk.choices[0].delta.content or ""

    return StreamingResponse(events())
`,
      errors: [{ messageId: 'responseNotStoppedUnhandled', line: 13 }],
    },
    {
      name: 'python: the stream started in the handler and read by a generator nested in it',
      filename: 'case.py',
      code: `${fastapi}

@app.post("/chat")
async def chat(request: Request, q: str):
    stream = await client.chat.completions.create(model="gpt-4o-2024-08-06", max_tokens=500, stream=True, messages=[{"role": "user", "content": q}])

    async def events():
        try:
            async for chunk in stream:
                yield chunk.choices[0].delta.content or ""
        except Exception:
            yield "[error]"

    return StreamingResponse(events())
`,
      errors: [{ messageId: 'responseNotStopped', line: 11, data: { reader: 'events()' } }],
      output: `${fastapi}

@app.post("/chat")
async def chat(request: Request, q: str):
    stream = await client.chat.completions.create(model="gpt-4o-2024-08-06", max_tokens=500, stream=True, messages=[{"role": "user", "content": q}])

    async def events():
        try:
            async for chunk in stream:
                if await request.is_disconnected():
                    break
                yield chunk.choices[0].delta.content or ""
        except Exception:
            yield "[error]"

    return StreamingResponse(events())
`,
    },
    {
      name: 'python: the stream object itself held in a name and given to the response',
      filename: 'case.py',
      code: `${fastapi}

@app.post("/chat")
async def chat(request: Request, q: str):
    stream = await client.chat.completions.create(model="gpt-4o-2024-08-06", max_tokens=500, stream=True, messages=[{"role": "user", "content": q}])
    return StreamingResponse(stream, media_type="text/event-stream")
`,
      errors: [{ messageId: 'responseNotStoppedUnhandled', line: 11, data: { reader: 'a generator around it' } }],
    },
    {
      name: 'python: a comment at another indentation above the loop body: the check goes right above the first statement',
      filename: 'case.py',
      code: `${fastapi}

async def relay(request: Request, q: str):
    stream = await client.chat.completions.create(model="gpt-4o-2024-08-06", max_tokens=500, stream=True, messages=[{"role": "user", "content": q}])
    async for chunk in stream:
  # chunks arrive one token at a time
        yield chunk.choices[0].delta.content or ""


@app.post("/chat")
async def chat(request: Request, q: str):
    return StreamingResponse(relay(request, q))
`,
      errors: [{ messageId: 'responseNotStoppedUnhandled', line: 10 }],
      output: `${fastapi}

async def relay(request: Request, q: str):
    stream = await client.chat.completions.create(model="gpt-4o-2024-08-06", max_tokens=500, stream=True, messages=[{"role": "user", "content": q}])
    async for chunk in stream:
  # chunks arrive one token at a time
        if await request.is_disconnected():
            break
        yield chunk.choices[0].delta.content or ""


@app.post("/chat")
async def chat(request: Request, q: str):
    return StreamingResponse(relay(request, q))
`,
    },
  ],
});
