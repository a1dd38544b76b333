"""Names that collide with SDK names but come from elsewhere."""
from myproject.llm import OpenAI as InternalGateway
from myproject.queue import completion

gateway = InternalGateway()


def send(prompt: str):
    gateway.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": prompt}])
    completion(task="resize", payload=prompt)
    return gateway.responses.create(model="gpt-4o", input=prompt)
