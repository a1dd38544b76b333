"""Code that looks like AI calls and is not: ORMs, payment APIs, queues, local fakes."""
import json

import boto3
import redis
import requests
import stripe
from sqlalchemy.orm import Session

from .fakes import FakeChat, LocalCompletions


class Completions:
    def create(self, model: str, messages: list) -> dict:
        return {"model": model, "messages": messages}


class Chat:
    def __init__(self):
        self.completions = Completions()


class EchoClient:
    def __init__(self):
        self.chat = Chat()
        self.messages = Completions()


echo = EchoClient()
dynamo = boto3.client("dynamodb")
sqs = boto3.client("sqs")
cache = redis.Redis()
chat = FakeChat()
local = LocalCompletions()


def run(session: Session, user_id: int):
    echo.chat.completions.create(model="gpt-4o", messages=[])
    echo.messages.create(model="claude-sonnet-4-5", messages=[])
    stripe.Customer.create(email="ada@example.com")
    stripe.PaymentIntent.create(amount=1000, currency="eur")
    dynamo.put_item(TableName="t", Item={})
    sqs.send_message(QueueUrl="q", MessageBody=json.dumps({"model": "gpt-4o"}))
    cache.set("completion", "x")
    session.query(user_id)
    chat.completions.create(model="gpt-4o", messages=[])
    local.generate(prompt="hello")
    requests.post("https://api.example.com/v1/chat/completions", json={"model": "gpt-4o"})
    requests.get("https://api.openai.com/v1/models")
    json.loads('{"model": "gpt-4o"}')
