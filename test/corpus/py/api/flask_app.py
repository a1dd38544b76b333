import os

import anthropic
from flask import Flask, jsonify, request

app = Flask(__name__)
claude = anthropic.Anthropic(api_key=os.getenv("ANTHROPIC_API_KEY"), max_retries=5)


@app.post("/reply")
def reply():
    body = request.get_json()
    with claude.messages.stream(model="claude-sonnet-4-5", max_tokens=800, messages=[{"role": "user", "content": body["q"]}]) as stream:
        text = "".join(stream.text_stream)
    return jsonify({"text": text})


@app.post("/count")
def count():
    body = request.get_json()
    message = claude.beta.messages.create(model="claude-opus-4-1-20250805", max_tokens=2000, messages=[{"role": "user", "content": body["q"]}])
    return jsonify({"id": message.id})


@app.post("/batch")
def batch():
    body = request.get_json()
    job = claude.messages.batches.create(requests=body["requests"])
    return jsonify({"id": job.id})
