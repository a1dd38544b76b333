"""Django views for the assistant widget."""
import json

from django.http import JsonResponse
from django.views.decorators.http import require_POST
from openai import OpenAI

client = OpenAI()


@require_POST
def suggest(request):
    payload = json.loads(request.body)
    result = client.responses.create(model="gpt-4.1", input=payload["draft"], max_output_tokens=300)
    return JsonResponse({"text": result.output_text})


@require_POST
def moderate(request):
    payload = json.loads(request.body)
    verdict = client.moderations.create(model="omni-moderation-latest", input=payload["text"])
    return JsonResponse({"flagged": verdict.results[0].flagged})


def speak(request):
    audio = client.audio.speech.create(model="gpt-4o-mini-tts", voice="alloy", input=request.GET["text"])
    return JsonResponse({"bytes": len(audio.content)})


def picture(request):
    image = client.images.generate(model="gpt-image-1", prompt=request.GET["prompt"])
    return JsonResponse({"url": image.data[0].url})
