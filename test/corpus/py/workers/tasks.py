"""Celery tasks that call models in the background."""
import json

import boto3
import litellm
from botocore.config import Config
from celery import shared_task
from litellm import Router, acompletion, completion
from tenacity import retry, stop_after_attempt, wait_random_exponential

bedrock = boto3.client("bedrock-runtime", region_name="eu-west-1", config=Config(read_timeout=120, retries={"max_attempts": 4}))
session = boto3.Session(profile_name="ml")
bedrock_us = session.client("bedrock-runtime", region_name="us-east-1")
s3 = boto3.client("s3")
router = Router(model_list=[{"model_name": "fast", "litellm_params": {"model": "gpt-4o-mini"}}], num_retries=2)


@shared_task
@retry(stop=stop_after_attempt(3), wait=wait_random_exponential(max=30))
def tag_ticket(ticket_id: str, body: str) -> str:
    response = bedrock.converse(
        modelId="anthropic.claude-3-5-haiku-20241022-v1:0",
        messages=[{"role": "user", "content": [{"text": body}]}],
        inferenceConfig={"maxTokens": 20},
    )
    label = response["output"]["message"]["content"][0]["text"]
    s3.put_object(Bucket="tags", Key=ticket_id, Body=label.encode())
    return label


@shared_task
def long_summary(body: str) -> str:
    payload = json.dumps({"anthropic_version": "bedrock-2023-05-31", "max_tokens": 800, "messages": [{"role": "user", "content": body}]})
    raw = bedrock_us.invoke_model(modelId="anthropic.claude-3-5-sonnet-20241022-v2:0", body=payload)
    return json.loads(raw["body"].read())["content"][0]["text"]


@shared_task
def stream_summary(body: str):
    events = bedrock.converse_stream(modelId="amazon.nova-pro-v1:0", messages=[{"role": "user", "content": [{"text": body}]}])
    return [event for event in events["stream"]]


def cheap(prompt: str) -> str:
    response = completion(model="gpt-4o-mini", messages=[{"role": "user", "content": prompt}], max_tokens=200)
    return response.choices[0].message.content


async def cheap_async(prompt: str) -> str:
    response = await acompletion(model="anthropic/claude-3-5-haiku-20241022", messages=[{"role": "user", "content": prompt}], timeout=20)
    return response.choices[0].message.content


def routed(prompt: str):
    return router.completion(model="fast", messages=[{"role": "user", "content": prompt}])


def embed(texts):
    return litellm.embedding(model="text-embedding-3-small", input=texts)


def with_fallbacks(prompt: str):
    return litellm.completion(model="gpt-4o", messages=[{"role": "user", "content": prompt}], fallbacks=["claude-sonnet-4-5"], num_retries=2)
