import * as assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { analyzeText } from '../../server/src/core/engine/analyzeFile';
import { loadPythonParser } from '../../server/src/node/python';

// How the Python resolver follows clients where production code keeps them.
before(async () => assert.equal(await loadPythonParser(), undefined));

const sitesOf = (code: string) => analyzeText('r.py', code, { today: '2026-12-01' }).facts.callSites.map((site) => `${site.sdk} ${site.api} ${site.recognizedBy}`);
const rulesAt = (code: string) => analyzeText('r.py', code, { today: '2026-12-01' }).findings.map((finding) => finding.ruleId);

describe('Python clients known by their declared type', () => {
  it('follows a typed __init__ parameter stored on self, typed attributes and string annotations', () => {
    assert.deepEqual(
      sitesOf(`from typing import Optional
from openai import AsyncOpenAI, OpenAI, AzureOpenAI


class Writer:
    fallback: "OpenAI"

    def __init__(self, client: AsyncOpenAI):
        self.client = client
        self.other: OpenAI | AzureOpenAI = make()

    async def a(self):
        await self.client.responses.create(model="gpt-4o", input="x")

    def b(self):
        self.other.responses.create(model="gpt-4o", input="x")

    def c(self):
        self.fallback.responses.create(model="gpt-4o", input="x")
`),
      ['openai responses.create a value typed AsyncOpenAI', 'openai responses.create a value typed OpenAI', 'openai responses.create a value typed OpenAI'],
    );
  });

  it('reads Optional, unions, module-qualified aliases and return annotations, not containers of clients', () => {
    assert.deepEqual(
      sitesOf(`import openai
from typing import Optional


def factory() -> openai.AsyncClient:
    return registry.get()


def run(client: Optional[openai.Client], many: list[openai.Client]):
    client.embeddings.create(model="text-embedding-3-small", input="x")
    factory().embeddings.create(model="text-embedding-3-small", input="x")
    many.embeddings.create(model="text-embedding-3-small", input="x")
`),
      ['openai embeddings.create a value typed Client', 'openai embeddings.create a value typed AsyncClient'],
    );
  });

  it('reports no timeout finding for an injected client: its options are not visible', () => {
    const rules = rulesAt(`from openai import OpenAI


class Svc:
    def __init__(self, client: OpenAI):
        self.client = client

    def go(self, q):
        return self.client.chat.completions.create(model="gpt-4o-2024-08-06", max_completion_tokens=9, messages=[{"role": "user", "content": q}])
`);
    assert.ok(!rules.includes('AIR001') && !rules.includes('AIR002'), rules.join());
  });
});

describe('Python names read where they are bound', () => {
  it('reads a module-level client or agent in the module, whatever the function using it names its own variables', () => {
    const code = (parameter: string) => `from langgraph.prebuilt import create_react_agent
from langchain_openai import ChatOpenAI
from openai import OpenAI

llm = ChatOpenAI(model="gpt-4o-2024-08-06", timeout=30, max_retries=3)
base_url = "https://api.openai.com/v1"
agent = create_react_agent(llm, tools=[])
client = OpenAI(base_url=base_url, timeout=10)


def answer(${parameter}: str):
    agent.invoke({"messages": [("user", ${parameter})]})
    return client.responses.create(model="gpt-4o-2024-08-06", input=${parameter})
`;
    const expected = ['langchain invoke ChatOpenAI() from langchain_openai, run by create_react_agent()', 'openai responses.create OpenAI() from openai'];
    assert.deepEqual(sitesOf(code('question')), expected);
    // A parameter named like the module's model or URL is the function's own: the module's names are read as the module has them.
    assert.deepEqual(sitesOf(code('llm')), expected);
    assert.deepEqual(sitesOf(code('base_url')), expected);
  });

  it('reads a module-level bound method where it was assigned, not where it is called', () => {
    const code = (parameter: string) => `import os
from openai import OpenAI

client = OpenAI(timeout=10)
create = client.chat.completions.create if os.environ.get("CHAT") else client.completions.create


def answer(${parameter}, q):
    return create(model="gpt-4o-2024-08-06", messages=[{"role": "user", "content": q}])
`;
    const expected = ['openai chat.completions.create OpenAI() from openai'];
    assert.deepEqual(sitesOf(code('question')), expected);
    // The function's own `client` is not the one `create` was taken from.
    assert.deepEqual(sitesOf(code('client')), expected);
  });

  it('follows a module-level function handed back by a factory, whatever the calling function names its parameters', () => {
    const code = (parameter: string) => `from openai import OpenAI


def make_ask():
    client = OpenAI(timeout=10)

    def ask(q):
        return client.chat.completions.create(model="gpt-4o-2024-08-06", messages=[{"role": "user", "content": q}])

    return ask


ask = make_ask()


def answer(${parameter}, q):
    return ask(q)
`;
    const expected = ['openai chat.completions.create OpenAI() from openai', 'wrapper ask ask(), a project function that calls openai chat.completions.create'];
    assert.deepEqual(sitesOf(code('factory')), expected);
    assert.deepEqual(sitesOf(code('make_ask')), expected);
  });
});

describe('Python call shape, where the receiver cannot be followed', () => {
  it('reads model-only chains on untyped receivers as shape sites of their family', () => {
    assert.deepEqual(
      sitesOf(`def run(ctx, runtime, q):
    ctx.client.chat.completions.create(model="gpt-4o", messages=[])
    ctx.claude.messages.create(model="claude-sonnet-4-20250514", max_tokens=9, messages=[])
    runtime.invoke_model(modelId="amazon.titan-text-express-v1", body="{}")
`),
      ['openai chat.completions.create shape', 'anthropic messages.create shape', 'bedrock invoke_model shape'],
    );
  });

  it('leaves look-alikes alone: missing keywords, ORM managers, objects of a named class, declared non-client types', () => {
    assert.deepEqual(
      sitesOf(`from shop.models import Order
from comms import Sms


def run(sms, order: Order, q):
    sms.messages.create(to="+1555", body=q)
    order.objects.create(model="x", input=q)
    Sms().chat.completions.create(model="gpt-4o")
    order.chat.completions.create(model="gpt-4o")
    sms.embeddings.create(ids=["a"])
`),
      [],
    );
  });

  it('gives a shape site no timeout or retry finding: the client it runs on is not visible', () => {
    const rules = rulesAt(`def run(client, q):
    return client.chat.completions.create(model="gpt-4o-2024-08-06", max_completion_tokens=9, messages=[{"role": "user", "content": q}])
`);
    assert.ok(!rules.includes('AIR001') && !rules.includes('AIR002'), rules.join());
  });
});

describe('Python modules bound late', () => {
  it('follows litellm typed under TYPE_CHECKING, set to None, and loaded with importlib into a global', () => {
    assert.deepEqual(
      sitesOf(`import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import litellm

litellm = None
_router = None


def load():
    global _router
    _router = importlib.import_module("litellm").Router(model_list=[])


def run(q):
    litellm.completion(model="gpt-4o", messages=[])
    _router.acompletion(model="fast", messages=[])
    __import__("openai").OpenAI().responses.create(model="gpt-4o", input=q)
    importlib.import_module("app.jobs").completion(q)
`).map((site) => site.split(' ').slice(0, 2).join(' ')),
      ['litellm completion', 'litellm acompletion', 'openai responses.create'],
    );
  });

  it('reads a global assigned in a function in that function: a client built there from a name imported there', () => {
    assert.deepEqual(
      sitesOf(`client = None


def connect():
    global client
    from anthropic import Anthropic as _Anthropic

    made = _Anthropic(timeout=10)
    client = made


def ask(q):
    return client.messages.create(model="claude-sonnet-4-5-20250929", max_tokens=100, messages=[])
`),
      ['anthropic messages.create Anthropic() from anthropic'],
    );
  });
});

describe('Python raw HTTP to model servers on hosts from settings', () => {
  it('reads a model route after a run-time base, and a model-shaped JSON body, not other posts', () => {
    assert.deepEqual(
      sitesOf(`import requests


def run(cfg, url, q):
    requests.post(f"{cfg.base}/chat/completions", json={"messages": []}, timeout=9)
    requests.post(cfg.base + "/api/chat", json={}, timeout=9)
    requests.post(url, json={"model": "m", "prompt": q}, timeout=9)
    requests.post(f"{cfg.base}/chat/completions/ratings", json={"model": "m"}, timeout=9)
    requests.post("https://crm.example.com/chat/completions", json={}, timeout=9)
`).map((site) => site.split(' ').slice(0, 2).join(' ')),
      ['http openai.chat', 'http ollama.chat', 'http openai.completions'],
    );
  });
});
