import * as assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { evaluateCorpus, formatResult, type EvalResult } from './corpus';

// The targets of the call-sites issue; the corpus is hand-labelled in test/corpus/labels-ts.json and labels-py.json.
const RECALL_TARGET = 0.95;
const PRECISION_TARGET = 0.98;

describe('call-site recognition on the labelled corpus', () => {
  let result: EvalResult;
  before(async () => {
    result = await evaluateCorpus();
  });

  it('has the corpus the targets are measured on: at least 150 AI call sites and 50 look-alikes, every SDK', () => {
    assert.ok(result.overall.labelled >= 150, `${result.overall.labelled} labelled call sites`);
    assert.ok(result.lookAlikes >= 50, `${result.lookAlikes} look-alikes`);
    const sdks = [...result.bySdk.keys()];
    for (const sdk of ['openai', 'anthropic', 'vercel-ai', 'langchain', 'bedrock', 'google-genai', 'mistral', 'cohere', 'groq', 'ollama', 'http', 'wrapper']) {
      assert.ok(sdks.includes(sdk) && result.bySdk.get(sdk)!.labelled > 0, `${sdk} is in the corpus`);
    }
  });

  it(`recall >= ${RECALL_TARGET * 100} % and precision >= ${PRECISION_TARGET * 100} % overall`, () => {
    const report = formatResult(result);
    console.log(report);
    assert.ok(result.overall.recall >= RECALL_TARGET, `recall ${result.overall.recall}\n${report}`);
    assert.ok(result.overall.precision >= PRECISION_TARGET, `precision ${result.overall.precision}\n${report}`);
  });

  it('Python: at least 80 AI call sites and 25 look-alikes, every Python SDK family, with the same targets', () => {
    const python = result.byLanguage.get('python')!;
    assert.ok(python.labelled >= 80, `${python.labelled} Python call sites`);
    assert.ok(python.lookAlikes >= 25, `${python.lookAlikes} Python look-alikes`);
    assert.ok(python.recall >= RECALL_TARGET, `Python recall ${python.recall}\n${formatResult(result)}`);
    assert.ok(python.precision >= PRECISION_TARGET, `Python precision ${python.precision}\n${formatResult(result)}`);
    assert.ok(result.bySdk.get('litellm')!.labelled > 0, 'litellm is in the corpus');
  });
});
