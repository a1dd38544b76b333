import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { before, describe, it } from 'node:test';
import { analyzeText } from '../../server/src/core/engine/analyzeFile';
import { loadPythonParser } from '../../server/src/node/python';
import { REPO_ROOT } from '../repoRoot';

before(async () => assert.equal(await loadPythonParser(), undefined));

/** A snippet's body with every placeholder at its default and the final cursor removed. */
function expand(body: string[]): string {
  return body.join('\n').replace(/\$\{\d+:([^}]*)\}/g, '$1').replace(/\$0/g, '');
}

const PRELUDES: Record<string, { file: string; prelude: string; wrap: (code: string) => string }> = {
  'typescript.code-snippets': {
    file: 'snippet.ts',
    prelude: `import Anthropic from '@anthropic-ai/sdk';
import { openai as provider } from '@ai-sdk/openai';
import { ChatOpenAI } from '@langchain/openai';
import { generateText } from 'ai';
import OpenAI from 'openai';

declare const logger: { info(...args: unknown[]): void; warn(...args: unknown[]): void };
const openai = new OpenAI();
const anthropic = new Anthropic();
const systemPrompt = '';
const userText = '';
const prompt = '';

export async function run() {
`,
    wrap: (code) => `${code.replace(/^/gm, '  ').replace(/\t/g, '  ').replace(/openai\('/g, "provider('")}\n}`,
  },
  'python.code-snippets': {
    file: 'snippet.py',
    prelude: `import logging
import time

import anthropic
import openai
from langchain_anthropic import ChatAnthropic
from langchain_openai import ChatOpenAI

logger = logging.getLogger(__name__)
client = openai.OpenAI()
claude = anthropic.Anthropic()
system_prompt = user_text = ""


def run():
`,
    wrap: (code) => code.replace(/^/gm, '    ').replace(/\t/g, '    '),
  },
};

describe('snippets are production-ready by prodready\'s own rules', () => {
  for (const [snippetFile, setup] of Object.entries(PRELUDES)) {
    const snippets = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'snippets', snippetFile), 'utf8')) as Record<string, { body: string[] }>;
    for (const [name, snippet] of Object.entries(snippets)) {
      it(name, () => {
        const code = setup.prelude + setup.wrap(expand(snippet.body)) + '\n';
        const analysis = analyzeText(setup.file, code, { today: '2026-11-22' });
        assert.equal(analysis.facts.parseErrors, 0, `the snippet parses:\n${code}`);
        assert.ok(analysis.facts.callSites.length > 0 || analysis.facts.clients.length > 0, 'the snippet is recognised');
        assert.deepEqual(analysis.findings.map((finding) => `${finding.ruleId}: ${finding.message}`), []);
      });
    }
  }
});
