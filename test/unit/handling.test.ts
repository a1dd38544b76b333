// What a catch does with a model failure: an alternative answer is a fallback, an error answer is not.
import * as assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { extractFacts } from '../../server/src/core/engine/analyzeFile';
import { loadPythonParser } from '../../server/src/node/python';

before(async () => assert.equal(await loadPythonParser(), undefined));

const ts = (handler: string) => `import OpenAI from 'openai';
const openai = new OpenAI();
export async function POST(req: Request, res: any) {
  try {
    return await openai.chat.completions.create({ model: 'gpt-4o-2024-08-06', messages: [] });
  } catch (error) {
    ${handler}
  }
}
`;

const py = (handler: string) => `from openai import OpenAI

client = OpenAI()


def answer(q):
    try:
        return client.chat.completions.create(model="gpt-4o-2024-08-06", messages=[])
    except Exception:
        ${handler}
`;

function handlingOf(file: string, code: string): string | undefined {
  return extractFacts(file, code).callSites[0]?.guarded.tryCatch?.handling;
}

describe('catch handling', () => {
  for (const [handler, expected] of [
    ["return Response.json({ error: 'unavailable' }, { status: 503 });", 'error-response'],
    ["return new Response('failed', { status: 502 });", 'error-response'],
    ["res.status(500).json({ message: 'failed' });", 'error-response'],
    ["return { answer: cachedAnswer(), degraded: true };", 'fallback'],
    ["return 'The assistant is unavailable right now.';", 'fallback'],
    ['console.error(error);', 'log-only'],
    ['throw error;', 'rethrow'],
  ] as const) {
    it(`TypeScript: ${handler} → ${expected}`, () => assert.equal(handlingOf('a.ts', ts(handler)), expected));
  }

  for (const [handler, expected] of [
    ['return JSONResponse({"detail": "unavailable"}, status_code=503)', 'error-response'],
    ['return {"error": "unavailable"}', 'error-response'],
    ['return jsonify(message="failed"), 502', 'error-response'],
    ['abort(500)', 'error-response'],
    ['return cache.get(q)', 'fallback'],
    ['return "The assistant is unavailable right now."', 'fallback'],
    ['raise', 'rethrow'],
  ] as const) {
    it(`Python: ${handler} → ${expected}`, () => assert.equal(handlingOf('a.py', py(handler)), expected));
  }

  it('the catch header is where a finding about it goes', () => {
    const code = ts('console.error(error);');
    const span = extractFacts('a.ts', code).callSites[0].guarded.tryCatch!.span;
    assert.equal(code.slice(span.start, span.end), 'catch (error)');
    const pyCode = py('pass');
    const pySpan = extractFacts('a.py', pyCode).callSites[0].guarded.tryCatch!.span;
    assert.equal(pyCode.slice(pySpan.start, pySpan.end), 'except Exception:');
  });
});
