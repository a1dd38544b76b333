// Property: an open document analysed keystroke by keystroke (incremental re-parse from the last tree) gives
// exactly what a fresh analysis of the same text gives, over random edit sequences on corpus files (for Python,
// wherever tree-sitter's incremental and fresh trees agree).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { before, describe, it } from 'node:test';
import { analyzeText, documentParseFor, PythonParse, type DocumentParse, type FileAnalysis } from '../../server/src/core/engine/analyzeFile';
import { changeBetween, TypeScriptParse } from '../../server/src/core/extract/typescript/incremental';
import { loadPythonParser } from '../../server/src/node/python';
import { mulberry32 } from '../fuzz/prng';
import { serviceModule } from '../bench/serviceModule';
import { REPO_ROOT } from '../repoRoot';

before(async () => assert.equal(await loadPythonParser(), undefined));

const CORPUS = path.join(REPO_ROOT, 'test', 'corpus');
const TODAY = '2026-01-01';

/** Typing and deleting as people do, plus pieces that change what the file means (calls, options, brackets). */
const PIECES = {
  ts: ['a', ' ', '\n', '(', ')', '{', '}', ';', ',', '"', '`', 'timeout: 5000, ', 'await ', 'client.chat.completions.create({ model: "gpt-4o" })', '// prodready-ignore-next-line AIR001\n', 'try {', '} catch (e) { throw e }', 'maxRetries: 3', 'export '],
  python: ['a', ' ', '\n', '    ', '(', ')', ':', ',', '"', '"""', 'timeout=5, ', 'await ', 'client.chat.completions.create(model="gpt-4o")', '# prodready-ignore-next-line AIR001\n', 'try:\n    pass\n', 'except Exception:\n    raise\n', 'max_retries=3', 'def f():\n    '],
};

/**
 * Edits that change what other definitions resolve through: statements typed inside a function body (a returned
 * client, an assignment to a module binding, a cache fill, a new call), a renamed identifier (a call now reaching
 * another function), an import or module binding added, a class field.
 */
const STATEMENTS = [
  'return new OpenAI({ timeout: 1000 });',
  'client = new OpenAI({ maxRetries: 0 });',
  'cache.set("k", new Anthropic());',
  'const reply = await openai.chat.completions.create({ model: "gpt-4o", messages: [] });',
  'console.log(reply);',
  'await summarize(text);',
  'this.client = new OpenAI({ timeout: 5 });',
  'return getClient();',
];
const PY_STATEMENTS = [
  'return OpenAI(timeout=1)',
  'client = OpenAI(max_retries=0)',
  'cache["k"] = Anthropic()',
  'reply = openai.chat.completions.create(model="gpt-4o", messages=[])',
  'logger.info(reply)',
  'summarize(text)',
  'self.client = OpenAI(timeout=5)',
  'global client',
  'from models import *',
  'return get_client()',
];
const PY_IMPORTS = ['import openai\n', 'from openai import OpenAI\n', 'from anthropic import Anthropic\n', 'client = OpenAI()\n', 'cache = {}\n'];
const PY_FIELDS = ['    client = OpenAI(timeout=1)\n', '    llm: Anthropic = Anthropic()\n', '    timeout = 30\n'];
const IMPORTS = ['import OpenAI from "openai";\n', 'import Anthropic from "@anthropic-ai/sdk";\n', 'import { generateText } from "ai";\n', 'let client: OpenAI;\n', 'const cache = new Map<string, OpenAI>();\n'];
const FIELDS = ['  client = new OpenAI({ timeout: 1 });\n', '  private readonly llm = new Anthropic();\n', '  timeoutMs = 30_000;\n'];

function nthMatch(text: string, pattern: RegExp, next: () => number): RegExpExecArray | undefined {
  const matches = [...text.matchAll(pattern)];
  return matches.length === 0 ? undefined : matches[Math.floor(next() * matches.length)];
}

const KEYWORDS = new Set(
  'and as assert async await break case catch class const continue def del delete do elif else except export extends finally for from function global if import in is lambda let new nonlocal not of or pass raise return static switch this throw try typeof var while with yield'.split(' '),
);

/** Another name of the file in place of one of its names: a call now reaching another function, a client renamed. */
function renamed(text: string, next: () => number): string {
  const names = [...new Set(text.match(/\b[A-Za-z_]\w*\b/g) ?? [])].filter((name) => !KEYWORDS.has(name));
  const at = nthMatch(text, /\b[A-Za-z_]\w*\b/g, next);
  if (!at || KEYWORDS.has(at[0]) || names.length === 0) return text;
  return `${text.slice(0, at.index)}${names[Math.floor(next() * names.length)]}${text.slice(at.index + at[0].length)}`;
}

function meaningfulEdit(text: string, next: () => number, python: boolean): string {
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)];
  const roll = next();
  if (roll >= 0.35 && roll < 0.65) return renamed(text, next);
  if (python) {
    const body = roll < 0.35 ? nthMatch(text, /:\n([ \t]+)/g, next) : undefined;
    if (body) return `${text.slice(0, body.index + 2)}${body[1]}${pick(PY_STATEMENTS)}\n${text.slice(body.index + 2)}`;
    const line = roll < 0.85 ? nthMatch(text, /^(import |from |def |class |[a-z_]+ = )/gm, next) : undefined;
    if (line) return `${text.slice(0, line.index)}${pick(PY_IMPORTS)}${text.slice(line.index)}`;
    const cls = nthMatch(text, /class \w+[^:\n]*:\n/g, next);
    return cls ? `${text.slice(0, cls.index + cls[0].length)}${pick(PY_FIELDS)}${text.slice(cls.index + cls[0].length)}` : text;
  }
  const body = roll < 0.35 ? nthMatch(text, /\{\n/g, next) : undefined;
  if (body) return `${text.slice(0, body.index + 2)}${pick(STATEMENTS)}\n${text.slice(body.index + 2)}`;
  const line = roll < 0.85 ? nthMatch(text, /^(import |const |let |export )/gm, next) : undefined;
  if (line) return `${text.slice(0, line.index)}${pick(IMPORTS)}${text.slice(line.index)}`;
  const cls = nthMatch(text, /class \w+[^{\n]*\{\n/g, next);
  return cls ? `${text.slice(0, cls.index + cls[0].length)}${pick(FIELDS)}${text.slice(cls.index + cls[0].length)}` : text;
}

function edit(text: string, next: () => number, pieces: readonly string[]): string {
  const at = Math.floor(next() * (text.length + 1));
  const roll = next();
  if (roll < 0.45) return text.slice(0, at) + pieces[Math.floor(next() * pieces.length)] + text.slice(at);
  if (roll < 0.8) return text.slice(0, at) + text.slice(at + 1 + Math.floor(next() * 12));
  const piece = pieces[Math.floor(next() * pieces.length)];
  return text.slice(0, at) + piece + text.slice(at + 1 + Math.floor(next() * 40));
}

/** What readers see of an analysis: call sites, clients, graph runs, findings with their fixes, parse problems, exports. */
function observable(analysis: FileAnalysis): string {
  const { facts } = analysis;
  return JSON.stringify(
    { sites: facts.callSites, clients: facts.clients, graphRuns: facts.graphRuns, findings: analysis.findings, notice: analysis.notice, parseErrors: facts.parseErrors, broken: facts.brokenRegions, exports: facts.exports, names: facts.moduleNames },
    // A set is compared as a set: readers only ask it what it holds.
    (_key, value: unknown) => (value instanceof Map ? [...value] : value instanceof Set ? [...value].sort() : value),
  );
}

function corpusFiles(dir: string, extension: RegExp): string[] {
  return fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => extension.test(file))
    .sort()
    .map((file) => path.join(dir, file));
}

/**
 * tree-sitter may recover from a syntax error differently when it re-parses from an old tree than when it parses
 * afresh, so for Python the property is: wherever the two trees are the same, so are the analyses. A step whose
 * trees differ is not judged; nearly all steps must be.
 */
function sameTree(parse: DocumentParse, file: string, text: string): boolean {
  // A re-extraction of only the edited definition parses no whole tree: it runs on text without syntax errors.
  if (!(parse instanceof PythonParse) || parse.text !== text) return true;
  const fresh = new PythonParse();
  try {
    analyzeText(file, text, { previousParse: fresh, today: TODAY });
    return parse.tree?.rootNode.toString() === fresh.tree?.rootNode.toString();
  } finally {
    fresh.release();
  }
}

function checkSequences(files: readonly string[], pieces: readonly string[], seed: number, meaningful = false): { partial: number; steps: number } {
  const next = mulberry32(seed);
  let judged = 0;
  let steps = 0;
  let partial = 0;
  for (let sequence = 0; sequence < 12; sequence++) {
    const file = files[Math.floor(next() * files.length)];
    let text = fs.readFileSync(file, 'utf8');
    const parse = documentParseFor(file);
    try {
      for (let step = 0; step < 25; step++) {
        steps++;
        const incremental = analyzeText(file, text, { previousParse: parse, environment: 'unchanged', today: TODAY });
        const fresh = analyzeText(file, text, { today: TODAY });
        // An editor reads ahead what the next edit needs once idle; the next edit reads it then otherwise.
        if (step % 2 === 1) parse.prepare();
        if (sameTree(parse, file, text)) {
          judged++;
          assert.equal(observable(incremental), observable(fresh), `seed ${seed}, ${path.relative(CORPUS, file)}, sequence ${sequence}, step ${step}`);
        }
        text = meaningful && next() < 0.95 ? meaningfulEdit(text, next, parse instanceof PythonParse) : edit(text, next, pieces);
      }
    } finally {
      partial += parse.extractions.partial;
      parse.release();
    }
  }
  assert.ok(judged >= steps * 0.9, `only ${judged} of ${steps} steps had the same tree incrementally and afresh`);
  return { partial, steps };
}

describe('re-extraction of only the definitions an edit affects', () => {
  // The property is only tested where the partial path ran: it must run on a share of the edits (the rest are
  // edits it leaves to a whole-file extraction: top-level code, imports, new statements, broken Python).
  // SEEDS=7,8,… runs other sequences (how a counterexample is hunted for). 80, 93 and 97 found TypeScript's
  // incremental parse recovering from broken code otherwise than a fresh parse; 81 and 128, a model object recorded
  // only when something else in the file made a request; 250, a Python module-level agent read in the scope of the
  // function using it (a parameter renamed `llm` hid the module's model from a whole-file read).
  for (const seed of process.env.SEEDS ? process.env.SEEDS.split(',').map(Number) : [1, 2, 3, 4, 5, 6, 80, 81, 93, 97, 128, 250]) {
    it(`TypeScript: equals a fresh analysis after edits inside functions, to imports, to class fields (seed ${seed})`, () => {
      const { partial, steps } = checkSequences(corpusFiles(path.join(CORPUS, 'ts'), /\.[jt]sx?$/), PIECES.ts, seed, true);
      assert.ok(partial >= steps * 0.05, `only ${partial} of ${steps} edits were re-extracted in part`);
    });
    it(`Python: equals a fresh analysis after edits inside functions, to imports, to class fields (seed ${seed})`, () => {
      const { partial, steps } = checkSequences(corpusFiles(path.join(CORPUS, 'py'), /\.py$/), PIECES.python, seed, true);
      assert.ok(partial >= steps * 0.05, `only ${partial} of ${steps} edits were re-extracted in part`);
    });
  }
});

/** Each edit of `edits` (a text and what to replace in it) applied in turn, analysed incrementally and afresh. */
function editsInPart(file: string, text: string, edits: readonly [string, string][]): number {
  const parse = documentParseFor(file);
  try {
    analyzeText(file, text, { previousParse: parse, environment: 'unchanged', today: TODAY });
    let current = text;
    for (const [from, to] of edits) {
      assert.ok(current.includes(from), from);
      current = current.replace(from, to);
      const incremental = analyzeText(file, current, { previousParse: parse, environment: 'unchanged', today: TODAY });
      assert.equal(observable(incremental), observable(analyzeText(file, current, { today: TODAY })), `${file}: ${from} → ${to}`);
    }
    return parse.extractions.partial;
  } finally {
    parse.release();
  }
}

describe('skeletons of the statements an edit affects', () => {
  it('TypeScript without semicolons, with re-exports, comments after statements and statements sharing a line', () => {
    const text = [
      "import OpenAI from 'openai'",
      "export * from './models'",
      'const client = new OpenAI({ timeout: 1000 }) // the shared client',
      'export function untouched() {',
      "  return 'plain'",
      '}',
      'export async function ask(prompt: string) {',
      "  return client.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: prompt }] })",
      '}',
      "const a = 1; export function onOneLine() { return client.chat.completions.create({ model: 'gpt-4o', messages: [] }) }",
      'export function last() {',
      "  return 'plain'",
      '}',
      "export * from './more'",
      '',
    ].join('\n');
    const partial = editsInPart('skeleton.ts', text, [
      ["content: prompt }", "content: prompt.trim() }"],
      ["return 'plain'\n}\nexport async", "return 'plainer'\n}\nexport async"],
      ["messages: [{ role", "max_tokens: 10, messages: [{ role"],
      ["model: 'gpt-4o', messages: [] })", "model: 'gpt-4o-mini', messages: [] })"],
    ]);
    // All but the edit to the function that shares its line with a statement left out (its columns would move).
    assert.equal(partial, 3);
  });

  it('TypeScript: a model object made in the edited function stays a client once no request through it is recognised', () => {
    // Whether anything else in the file makes a request (here `ask`) must not decide it either: a skeleton of
    // `stream` holds no other request.
    const text = [
      "import { GoogleGenerativeAI } from '@google/generative-ai';",
      "import OpenAI from 'openai';",
      "const legacy = new GoogleGenerativeAI(process.env.GEMINI_API_KEY ?? '');",
      'const openai = new OpenAI({ timeout: 1000 });',
      'export async function stream(prompt: string) {',
      "  const model = legacy.getGenerativeModel({ model: 'gemini-1.5-pro-002' });",
      '  const result = await model.generateContentStream(prompt);',
      '  return result.stream;',
      '}',
      'export async function ask(prompt: string) {',
      "  return openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: prompt }] });",
      '}',
      '',
    ].join('\n');
    const renamed = text.replace('model.generateContentStream(prompt)', 'model.genStream(prompt)');
    const clientsOf = (source: string) => analyzeText('model-object.ts', source, { today: TODAY }).facts.clients.map((client) => client.constructorName);
    assert.deepEqual(clientsOf(renamed), clientsOf(text));
    assert.deepEqual(clientsOf(renamed), ['GoogleGenerativeAI', 'OpenAI', 'getGenerativeModel']);
    assert.equal(editsInPart('model-object.ts', text, [['model.generateContentStream(prompt)', 'model.genStream(prompt)']]), 1);
  });

  it('TypeScript: typing through syntax errors is read in part, where the errors stay in the statements the edit replaced', () => {
    const text = [
      "import OpenAI from 'openai';",
      'const client = new OpenAI({ timeout: 1000 });',
      'export function plain(input: string) {',
      '  const trimmed = input.trim();',
      '  return trimmed;',
      '}',
      'export async function ask(prompt: string) {',
      "  return client.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: prompt }] });",
      '}',
      '',
    ].join('\n');
    const parse = documentParseFor('typing.ts');
    let current = text;
    /** Analyses `next` after `current`, checked against a fresh analysis; whether it was read in part, and broken. */
    const step = (next: string): { partial: boolean; broken: boolean } => {
      const partialBefore = parse.extractions.partial;
      current = next;
      const incremental = analyzeText('typing.ts', current, { previousParse: parse, environment: 'unchanged', today: TODAY });
      assert.equal(observable(incremental), observable(analyzeText('typing.ts', current, { today: TODAY })), current);
      return { partial: parse.extractions.partial > partialBefore, broken: incremental.facts.parseErrors > 0 };
    };
    /** `typed` inserted one character at a time after `after`. */
    const type = (after: string, typed: string): { partial: boolean; broken: boolean }[] => {
      const at = current.indexOf(after) + after.length;
      return [...typed].map((_, i) => step(current.slice(0, at + i) + typed[i] + current.slice(at + i)));
    };
    try {
      analyzeText('typing.ts', current, { previousParse: parse, environment: 'unchanged', today: TODAY });
      // A call typed into a plain function, then options typed into the AI call: broken on most keystrokes.
      const parsedBefore = (parse as TypeScriptParse).skeletons.parsed;
      const call = type('input.trim();', '\n  const t = foo(1, [2]);');
      assert.ok(call.filter((read) => read.broken).length >= 8);
      assert.ok(call.every((read) => read.partial));
      // One skeleton per keystroke; a second only where the keystroke broke a file that parsed (its neighbours).
      const breaks = call.filter((read, i) => read.broken && !(call[i - 1]?.broken ?? false)).length;
      assert.ok((parse as TypeScriptParse).skeletons.parsed - parsedBefore <= call.length + breaks);
      const options = type("model: 'gpt-4o',", ' max_tokens: 5, temperature: 0,');
      assert.ok(options.filter((read) => read.broken).length >= 4);
      assert.ok(options.every((read) => read.partial));
      // Broken again, then an edit to another function: the broken one is read as before, errors and all.
      assert.deepEqual(step(current.replace('foo(1, [2])', 'foo(1, [2')), { partial: true, broken: true });
      assert.deepEqual(step(current.replace('content: prompt }', 'content: prompt.trim() }')), { partial: true, broken: true });
      assert.deepEqual(step(current.replace('foo(1, [2', 'foo(1, [2])')), { partial: true, broken: false });
      // A brace left open here swallows the rest of this short file: the whole file is read again, and once closed.
      assert.deepEqual(step(current.replace('(input: string) {', '(input: string) { if (input) {')), { partial: false, broken: true });
      assert.deepEqual(step(current.replace('(input: string) { if (input) {', '(input: string) {')), { partial: false, broken: false });
      // An edit across two statements is read whole.
      assert.deepEqual(step(current.replace('return trimmed;', 'return trimmed.length;').replace('content: prompt.trim()', 'content: prompt')), { partial: false, broken: false });
    } finally {
      parse.release();
    }
  });

  it('TypeScript: a statement typed and deleted keystroke by keystroke in a service module is read in part', () => {
    const text = serviceModule(12, 0.25);
    const at = text.indexOf('\n', text.indexOf('const normalized = ticket.body.trim('));
    // As VS Code types it: brackets closed as they open; then backspaces, which leave a brace open for a while (the
    // function ends early there, and the rest of its body is top-level code).
    const typed = '\n  const extra = lookup(normalized, { limit: 3 });';
    const keystrokes: string[] = [];
    for (let length = 1; length <= typed.length; length++) keystrokes.push(typed.slice(0, length));
    for (let length = typed.length - 1; length >= 0; length--) keystrokes.push(typed.slice(0, length));
    const parse = documentParseFor('service.ts');
    try {
      analyzeText('service.ts', text, { previousParse: parse, environment: 'unchanged', today: TODAY });
      let broken = 0;
      for (const inserted of keystrokes) {
        const current = text.slice(0, at) + inserted + text.slice(at);
        const incremental = analyzeText('service.ts', current, { previousParse: parse, environment: 'unchanged', today: TODAY });
        assert.equal(observable(incremental), observable(analyzeText('service.ts', current, { today: TODAY })), inserted);
        if (incremental.facts.parseErrors > 0) broken++;
      }
      assert.ok(broken >= 40, `${broken} broken keystrokes`);
      assert.ok(parse.extractions.whole <= 2, `${parse.extractions.whole} of ${keystrokes.length} read whole`);
    } finally {
      parse.release();
    }
  });

  it('TypeScript: a subclass edited changes what its base class exports', () => {
    const text = [
      "import { generateText } from 'ai';",
      "import { openai } from '@ai-sdk/openai';",
      'export interface Options { system: string }',
      'export class Agent {',
      '  async run(input: string) {',
      "    return generateText({ model: openai('gpt-4o-mini'), prompt: input });",
      '  }',
      '}',
      'export class RoutingAgent extends Agent {',
      '  async route(input: string) {',
      '    return this.run(input);',
      '  }',
      '}',
      '',
    ].join('\n');
    editsInPart('subclass.ts', text, [
      ['extends Agent', 'extends Options'],
      ['extends Options', 'extends Agent'],
      ['async route(', 'async pick('],
    ]);
  });

  it('Python: a subclass edited changes what its base class exports; a quoted annotation names its type', () => {
    const text = [
      'from typing import TYPE_CHECKING',
      'from openai import OpenAI',
      '',
      'if TYPE_CHECKING:',
      '    from mypy_boto3_bedrock_runtime import BedrockRuntimeClient',
      '',
      'client = OpenAI(timeout=10)',
      '',
      'class Writer:',
      '    def draft(self, topic):',
      '        return topic',
      '',
      'class Editor(Writer):',
      '    def edit(self, text):',
      '        return text',
      '',
      'def converse_with(runtime: "BedrockRuntimeClient", messages: list):',
      '    return runtime.converse(modelId="anthropic.claude-3-haiku-20240307-v1:0", messages=messages)',
      '',
    ].join('\n');
    const partial = editsInPart('subclass.py', text, [
      ['        return text', '        return client.chat.completions.create(model="gpt-4o", messages=[])'],
      ['    return runtime.converse(', '    print(messages)\n    return runtime.converse('],
    ]);
    assert.equal(partial, 2);
  });

  it('code nested deeper than a summary follows is read whole, read ahead or not', () => {
    const text = `export function deep() {\n  return ${Array(3000).fill('a').join(' + ')};\n}\nexport function other() {\n  return 1;\n}\n`;
    const parse = documentParseFor('deep.ts');
    try {
      analyzeText('deep.ts', text, { previousParse: parse, environment: 'unchanged', today: TODAY });
      parse.prepare();
      const edited = text.replace('return 1;', 'return 12;');
      const incremental = analyzeText('deep.ts', edited, { previousParse: parse, environment: 'unchanged', today: TODAY });
      assert.equal(observable(incremental), observable(analyzeText('deep.ts', edited, { today: TODAY })));
      assert.match(incremental.notice ?? '', /nested deeper/);
    } finally {
      parse.release();
    }
  });

  it('graph runs move with the edits before them and are read again where an edit reaches them', () => {
    const ts = [
      "import { MessagesAnnotation, StateGraph } from '@langchain/langgraph';",
      'const graph = new StateGraph(MessagesAnnotation)',
      "  .addNode('agent', async (state) => state)",
      "  .addEdge('__start__', 'agent')",
      '  .compile();',
      'export function helper() {',
      "  return 'one';",
      '}',
      'export function answer(input: string) {',
      "  return graph.invoke({ messages: [['user', input]] }, { recursionLimit: Infinity });",
      '}',
      '',
    ].join('\n');
    const tsPartial = editsInPart('graph.ts', ts, [
      ["return 'one';", "return 'one and more';"],
      ['recursionLimit: Infinity', 'recursionLimit: 40'],
      ['recursionLimit: 40', 'recursionLimit: Number.MAX_SAFE_INTEGER'],
    ]);
    assert.equal(tsPartial, 3);
    const python = [
      'from langgraph.graph import START, MessagesState, StateGraph',
      'builder = StateGraph(MessagesState)',
      'builder.add_node("agent", lambda state: state)',
      'builder.add_edge(START, "agent")',
      'graph = builder.compile()',
      '',
      'def helper():',
      '    return "one"',
      '',
      'def answer(question):',
      '    return graph.invoke({"messages": [("user", question)]}, config={"recursion_limit": float("inf")})',
      '',
    ].join('\n');
    const pyPartial = editsInPart('graph.py', python, [
      ['return "one"', 'return "one and more"'],
      ['float("inf")', '40'],
      ['"recursion_limit": 40', '"recursion_limit": 40, "configurable": {}'],
    ]);
    assert.equal(pyPartial, 3);
  });

  it('Python: a wildcard import inside a function is a module passed on whole', () => {
    const text = [
      'from openai import OpenAI',
      'client = OpenAI(timeout=10)',
      '',
      'def helper():',
      '    return 1  # one',
      '',
      'def ask(prompt):',
      '    return client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": prompt}])',
      '',
      'def tail():',
      '    return 2',
      '',
    ].join('\n');
    const partial = editsInPart('skeleton.py', text, [
      ['    return 1  # one', '    from models import *\n    return 1  # one'],
      ['"content": prompt}', '"content": prompt.strip()}'],
      ['    from models import *\n', ''],
    ]);
    assert.equal(partial, 3);
  });
});

describe('incremental analysis of an open document', () => {
  it('finds the one span an edit replaced', () => {
    const range = changeBetween('const a = 1;', 'const abc = 1;');
    assert.deepEqual({ start: range.span.start, length: range.span.length, newLength: range.newLength }, { start: 7, length: 0, newLength: 2 });
    const removed = changeBetween('aaaa', 'aa');
    assert.deepEqual({ start: removed.span.start, length: removed.span.length, newLength: removed.newLength }, { start: 2, length: 2, newLength: 0 });
  });

  for (const seed of process.env.SEEDS ? process.env.SEEDS.split(',').map(Number) : [1, 2, 3]) {
    it(`TypeScript: equals a fresh analysis after every random edit (seed ${seed})`, () => {
      checkSequences(corpusFiles(path.join(CORPUS, 'ts'), /\.[jt]sx?$/), PIECES.ts, seed);
    });

    it(`Python: equals a fresh analysis after every random edit (seed ${seed})`, () => {
      checkSequences(corpusFiles(path.join(CORPUS, 'py'), /\.py$/), PIECES.python, seed);
    });

  }
});
