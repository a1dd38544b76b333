import * as assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { analyzeText, PythonParse } from '../../server/src/core/engine/analyzeFile';
import { editBetween, parsePython } from '../../server/src/core/extract/python/parser';
import { loadPythonParser } from '../../server/src/node/python';

// Loads that overlap share one runtime: two would leave the grammar and the parser in different WebAssembly instances.
before(async () => assert.deepEqual(await Promise.all([loadPythonParser(), loadPythonParser(), loadPythonParser()]), [undefined, undefined, undefined]));

const source = `# Résumé helper — ünïcode before the code
from openai import OpenAI

client = OpenAI(timeout=20)


def answer(q: str) -> str:
    r = client.responses.create(model="gpt-4o-2024-08-06", input=f"Réponds: {q}", max_output_tokens=99)
    return r.output_text
`;

describe('Python parsing', () => {
  it('finds the one edit between two texts', () => {
    assert.deepEqual(editBetween('abcdef', 'abXYef'), {
      startIndex: 2,
      oldEndIndex: 4,
      newEndIndex: 4,
      startPosition: { row: 0, column: 2 },
      oldEndPosition: { row: 0, column: 4 },
      newEndPosition: { row: 0, column: 4 },
    });
    assert.equal(editBetween('a\nb', 'a\nb\nc').startPosition.row, 1);
  });

  it('an incremental re-parse after each edit gives the same tree as a fresh parse (non-ASCII text included)', () => {
    const edits: [string, string][] = [
      ['max_output_tokens=99', 'max_output_tokens=120'],
      ['Réponds', 'Répondez vite'],
      ['timeout=20', 'timeout=20, max_retries=3'],
      ['    return r.output_text\n', '    logging.info("ai", extra={"id": r.id})\n    return r.output_text\n'],
      ['def answer(', 'async def answer('],
    ];
    let text = source;
    const parse = new PythonParse();
    analyzeText('a.py', text, { previousParse: parse });
    for (const [from, to] of edits) {
      text = text.replace(from, to);
      const incremental = analyzeText('a.py', text, { previousParse: parse });
      const fresh = parsePython(text);
      assert.equal(parse.tree!.rootNode.toString(), fresh.rootNode.toString(), `after "${to}"`);
      assert.deepEqual(incremental.facts.callSites.map((site) => site.span), analyzeText('a.py', text).facts.callSites.map((site) => site.span));
      fresh.delete();
    }
    parse.release();
  });

  it('counts syntax errors and still reads what it can', () => {
    const broken = `${source}\ndef oops(:\n    pass\n`;
    const analysis = analyzeText('b.py', broken);
    assert.ok(analysis.facts.parseErrors > 0);
    assert.equal(analysis.facts.callSites.length, 1);
  });
});

describe('Python call sites', () => {
  const sitesOf = (code: string) => analyzeText('c.py', code).facts.callSites.map((site) => `${site.sdk} ${site.api}${site.model?.value ? ` ${site.model.value}` : ''}`);

  it('reads sync, async and Azure OpenAI, Anthropic and the module-level client', () => {
    assert.deepEqual(
      sitesOf(`import openai
from openai import AsyncAzureOpenAI, OpenAI
from anthropic import AsyncAnthropic

sync = OpenAI()
azure = AsyncAzureOpenAI(azure_endpoint="https://x.openai.azure.com", api_version="2024-10-21")
claude = AsyncAnthropic()


async def run(q):
    sync.embeddings.create(model="text-embedding-3-small", input=q)
    await azure.chat.completions.create(model="gpt-4o-mini", messages=[])
    await claude.messages.create(model="claude-sonnet-4-5-20250929", max_tokens=9, messages=[])
    openai.responses.create(model="gpt-4.1", input=q)
`),
      ['openai embeddings.create text-embedding-3-small', 'openai chat.completions.create gpt-4o-mini', 'anthropic messages.create claude-sonnet-4-5-20250929', 'openai responses.create gpt-4.1'],
    );
  });

  it('reads LangChain chains, google-genai (sync and aio), mistral, cohere, groq, ollama, boto3, litellm and instructor', () => {
    assert.deepEqual(
      sitesOf(`import boto3
import cohere
import instructor
import litellm
import ollama
from google import genai
from groq import Groq
from langchain_core.prompts import ChatPromptTemplate
from langchain_openai import ChatOpenAI
from mistralai import Mistral
from openai import OpenAI

chain = ChatPromptTemplate.from_template("{q}") | ChatOpenAI(model="gpt-4o-mini")
gem = genai.Client()
mis = Mistral(api_key="x")
co = cohere.ClientV2()
groq = Groq()
brt = boto3.client("bedrock-runtime")
s3 = boto3.client("s3")
patched = instructor.from_openai(OpenAI())


async def run(q):
    chain.invoke({"q": q})
    gem.models.generate_content(model="gemini-2.5-flash", contents=q)
    await gem.aio.models.generate_content(model="gemini-2.5-flash", contents=q)
    mis.chat.complete(model="mistral-large-latest", messages=[])
    co.chat(model="command-r-plus", messages=[])
    groq.chat.completions.create(model="llama-3.3-70b-versatile", messages=[])
    ollama.chat(model="llama3.1", messages=[])
    brt.converse(modelId="anthropic.claude-3-haiku-20240307-v1:0", messages=[])
    s3.put_object(Bucket="b", Key="k", Body=b"")
    litellm.completion(model="gpt-4o-mini", messages=[])
    patched.chat.completions.create(model="gpt-4o-mini", response_model=dict, messages=[])
`),
      [
        'langchain invoke gpt-4o-mini',
        'google-genai models.generate_content gemini-2.5-flash',
        'google-genai models.generate_content gemini-2.5-flash',
        'mistral chat.complete mistral-large-latest',
        'cohere chat command-r-plus',
        'groq chat.completions.create llama-3.3-70b-versatile',
        'ollama chat llama3.1',
        'bedrock converse anthropic.claude-3-haiku-20240307-v1:0',
        'litellm completion gpt-4o-mini',
        'openai chat.completions.create gpt-4o-mini',
      ],
    );
  });

  it('reads raw HTTP to model endpoints with requests, httpx and aiohttp, and ignores other URLs', () => {
    assert.deepEqual(
      sitesOf(`import aiohttp
import httpx
import requests

OPENAI = "https://api.openai.com/v1"


async def run(q):
    requests.post(f"{OPENAI}/chat/completions", json={"model": "gpt-4o", "messages": []}, timeout=30)
    requests.post("https://example.com/api/chat", json={})
    async with httpx.AsyncClient(timeout=60) as client:
        await client.post("https://api.anthropic.com/v1/messages", json={"model": "claude-sonnet-4-5-20250929", "max_tokens": 9})
    async with aiohttp.ClientSession() as session:
        await session.post("http://localhost:11434/api/chat", json={"model": "llama3.1"})
        await session.get("http://localhost:11434/api/tags")
`),
      ['http openai.chat gpt-4o', 'http anthropic.messages claude-sonnet-4-5-20250929', 'http ollama.chat llama3.1'],
    );
  });

  it('follows self.client in classes, factories and wrappers', () => {
    const analysis = analyzeText(
      'd.py',
      `from functools import lru_cache

from openai import OpenAI


@lru_cache
def get_client() -> OpenAI:
    return OpenAI(timeout=20)


class Assistant:
    def __init__(self):
        self.client = OpenAI(timeout=10)

    def reply(self, text):
        return self.client.responses.create(model="gpt-4o-2024-08-06", input=text, max_output_tokens=9)


def summarize(text):
    return get_client().responses.create(model="gpt-4o-2024-08-06", input=text, max_output_tokens=9)


def handler(event):
    return summarize(event["body"])
`,
    );
    assert.deepEqual(
      analysis.facts.callSites.map((site) => [site.sdk, site.api, site.effective.timeout.value, site.enclosingFunction]),
      [
        ['openai', 'responses.create', 10_000, 'reply'],
        ['openai', 'responses.create', 20_000, 'summarize'],
        ['wrapper', 'summarize', 20_000, 'handler'],
      ],
    );
  });

  it('does not take look-alikes for AI calls', () => {
    assert.deepEqual(
      sitesOf(`import stripe
from myapp.fake import OpenAI as FakeClient


class Completions:
    def create(self, **kwargs):
        return kwargs


class Chat:
    completions = Completions()


class LocalClient:
    chat = Chat()


client = LocalClient()
fake = FakeClient()


def run():
    client.chat.completions.create(model="gpt-4o")
    stripe.Customer.create(email="a@b.c")
    fake.chat.completions.create(model="gpt-4o")
`),
      [],
    );
  });
});

describe('Python clients reached through methods of the class', () => {
  const code = `from openai import OpenAI

class Reports:
    def __init__(self):
        self._cached = None

    def _client(self):
        if self._cached is None:
            self._cached = OpenAI(timeout=15, max_retries=4)
        return self._cached

    @property
    def fast(self):
        return OpenAI()

    def weekly(self, text):
        return self._client().chat.completions.create(model="gpt-4o-mini-2024-07-18", messages=[{"role": "user", "content": text}])

    def daily(self, text):
        return self.fast.chat.completions.create(model="gpt-4o-mini-2024-07-18", messages=[{"role": "user", "content": text}])

    def not_a_getter(self):
        return self._client
`;

  it('follows self._client() to the client it memoises, with the options it was built with', () => {
    const [weekly, daily] = analyzeText('reports.py', code, { today: '2026-12-01' }).facts.callSites;
    assert.equal(weekly.api, 'chat.completions.create');
    assert.deepEqual([weekly.effective.timeout.value, weekly.effective.timeout.source], [15_000, 'client']);
    assert.deepEqual([weekly.effective.retries.value, weekly.effective.retries.source], [4, 'client']);
    assert.equal(daily.effective.timeout.source, 'sdk-default', 'a @property returns a client with the SDK defaults');
  });

  it('reports the missing timeout at the call reached through a @property, not at the configured one', () => {
    const lines = analyzeText('reports.py', code, { today: '2026-12-01' })
      .findings.filter((finding) => finding.ruleId === 'AIR001')
      .map((finding) => code.slice(0, finding.span.start).split('\n').length);
    assert.deepEqual(lines, [20]);
  });
});
