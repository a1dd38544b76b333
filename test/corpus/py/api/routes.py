from fastapi import APIRouter, HTTPException, Request
from pydantic import BaseModel

from app.ai import claude, openai_client
from app.ai.clients import async_openai, get_embedder
from app.ai.summaries import headline, summarize_ticket

router = APIRouter()


class ChatRequest(BaseModel):
    message: str
    user_id: str


@router.post("/chat")
async def chat(body: ChatRequest):
    try:
        completion = await async_openai.chat.completions.create(
            model="gpt-4o-mini",
            messages=[{"role": "user", "content": body.message}],
        )
    except Exception as error:
        raise HTTPException(status_code=502, detail="model unavailable") from error
    return {"reply": completion.choices[0].message.content}


@router.post("/summarize")
def summarize(request_body: dict):
    return {"summary": summarize_ticket(request_body["text"])}


@router.post("/headline")
def make_headline(payload: dict):
    return {"headline": headline(payload["text"])}


@router.post("/embed")
def embed(payload: dict):
    vectors = get_embedder().embeddings.create(model="text-embedding-3-small", input=payload["texts"])
    return {"count": len(vectors.data)}


@router.post("/classify")
async def classify(request: Request):
    data = await request.json()
    msg = claude.messages.create(
        model="claude-3-5-haiku-20241022",
        max_tokens=10,
        system=f"Classify for tenant {data['tenant']}",
        messages=[{"role": "user", "content": data["text"]}],
    )
    return {"label": msg.content[0].text}


@router.get("/health")
def health():
    models = openai_client.models.list()
    return {"ok": True, "models": len(models.data)}
