// A Python stream's facts depend on code outside the function making the call (the response that sends what the
// generator yields): an open document edited statement by statement must give what a fresh analysis gives.
import * as assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { analyzeText, PythonParse } from '../../server/src/core/engine/analyzeFile';
import { loadPythonParser } from '../../server/src/node/python';

before(async () => assert.equal(await loadPythonParser(), undefined));

const generator = `from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, StreamingResponse
from openai import AsyncOpenAI

app = FastAPI()
client = AsyncOpenAI(timeout=30)


async def relay(request: Request, q: str):
    stream = await client.chat.completions.create(model="gpt-4o-2024-08-06", max_tokens=500, stream=True, messages=[{"role": "user", "content": q}])
    async for chunk in stream:
        yield chunk.choices[0].delta.content or ""


@app.post("/chat")
async def chat(request: Request, q: str):
    return JSONResponse({"queued": True})
`;

const air011 = (text: string, parse?: PythonParse) =>
  analyzeText('streams.py', text, { previousParse: parse, environment: parse ? 'unchanged' : undefined })
    .findings.filter((finding) => finding.ruleId === 'AIR011')
    .map((finding) => `${finding.messageId} ${finding.span.start}`);

describe('Python streams in an open document', () => {
  it('an edit to the handler that starts or stops sending the generator re-reads the generator', () => {
    const parse = new PythonParse();
    try {
      let text = generator;
      assert.deepEqual(air011(text, parse), []);
      const steps = [
        ['    async for chunk in stream:\n', '    async for chunk in stream:  # tokens\n'],
        ['{"queued": True}', '{"queued": 1}'],
        ['return JSONResponse({"queued": 1})', 'return StreamingResponse(relay(request, q))'],
        ['# tokens', '# chunks'],
        ['return StreamingResponse(relay(request, q))', 'return JSONResponse({"queued": False})'],
      ];
      for (const [from, to] of steps) {
        text = text.replace(from, to);
        assert.deepEqual(air011(text, parse), air011(text), `after "${to.trim()}"`);
      }
      assert.ok(parse.extractions.partial > 0, 'the edits were re-extracted in part');
    } finally {
      parse.release();
    }
  });

  it('finds the stream once the response sends it', () => {
    assert.deepEqual(air011(generator.replace('return JSONResponse({"queued": True})', 'return StreamingResponse(relay(request, q))')).length, 1);
  });
});
