// The declaration cache: an open document's edit re-extracts only what it can affect, and what it reuses is
// still right when another module, the config or the edited definition's dependents change.
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeText, documentParseFor, type FileAnalysis } from '../../server/src/core/engine/analyzeFile';
import { Engine, type FileResult } from '../../server/src/core/engine/engine';
import { FactMover, CannotMove } from '../../server/src/core/extract/shared/moveFacts';
import { TypeScriptParse } from '../../server/src/core/extract/typescript/incremental';
import { MemoryHost } from './memoryHost';

const TODAY = '2026-01-01';

function analysisOf(result: FileResult): FileAnalysis {
  assert.equal(result.status, 'analysed');
  return (result as Extract<FileResult, { status: 'analysed' }>).analysis;
}

const sites = (analysis: FileAnalysis) => analysis.facts.callSites.map((site) => `${site.sdk}:${site.api}@${site.span.start}`);

describe('the declaration cache', () => {
  it('re-extracts a caller when the function it calls stops calling a model, and equals a fresh analysis', () => {
    const file = '/ws/service.ts';
    const before = [
      "import OpenAI from 'openai';",
      'const openai = new OpenAI();',
      'function summarize(text: string) {',
      "  return openai.responses.create({ model: 'gpt-4o-2024-08-06', input: text });",
      '}',
      'export async function handle(text: string) {',
      '  return summarize(text);',
      '}',
      '',
    ].join('\n');
    const after = before.replace("return openai.responses.create({ model: 'gpt-4o-2024-08-06', input: text });", 'return text.trim();');
    const parse = documentParseFor(file) as TypeScriptParse;
    const first = analyzeText(file, before, { previousParse: parse, environment: 'same', today: TODAY });
    assert.ok(sites(first).some((site) => site.startsWith('wrapper:')), 'handle() calls a wrapper before the edit');
    const edited = analyzeText(file, after, { previousParse: parse, environment: 'same', today: TODAY });
    assert.deepEqual(parse.extractions, { partial: 1, whole: 1 });
    assert.deepEqual(sites(edited), sites(analyzeText(file, after, { today: TODAY })));
    assert.deepEqual(sites(edited), []);
  });

  it('re-extracts a function that calls what it is given when a caller starts giving it a model callback', () => {
    const file = '/ws/callbacks.ts';
    const before = [
      "import OpenAI from 'openai';",
      'const openai = new OpenAI();',
      'async function withRetry<T>(attempt: () => Promise<T>) {',
      '  return await attempt();',
      '}',
      'export async function handle(text: string) {',
      '  return withRetry(async () => text.trim());',
      '}',
      '',
    ].join('\n');
    const after = before.replace('withRetry(async () => text.trim())', "withRetry(() => openai.responses.create({ model: 'gpt-4o-2024-08-06', input: text }))");
    const parse = documentParseFor(file) as TypeScriptParse;
    const first = analyzeText(file, before, { previousParse: parse, environment: 'same', today: TODAY });
    assert.deepEqual(sites(first), []);
    const edited = analyzeText(file, after, { previousParse: parse, environment: 'same', today: TODAY });
    assert.equal(parse.extractions.partial, 1, 'the edit inside handle() takes the partial path');
    assert.deepEqual(sites(edited), sites(analyzeText(file, after, { today: TODAY })));
    assert.ok(sites(edited).some((site) => site.startsWith('wrapper:attempt@')), 'the call of the parameter in withRetry() is a site now');
  });

  it('moves the facts of definitions after the edit and keeps those before it', () => {
    const file = '/ws/two.ts';
    const text = [
      "import OpenAI from 'openai';",
      'const openai = new OpenAI({ timeout: 5_000 });',
      'export function first() {',
      '  return 1;',
      '}',
      'export function second() {',
      "  return openai.responses.create({ model: 'gpt-4o-2024-08-06', input: 'hi' });",
      '}',
      '',
    ].join('\n');
    const edited = text.replace('return 1;', 'return 1 + 2 + 3;');
    const parse = documentParseFor(file) as TypeScriptParse;
    analyzeText(file, text, { previousParse: parse, environment: 'same', today: TODAY });
    const incremental = analyzeText(file, edited, { previousParse: parse, environment: 'same', today: TODAY });
    assert.equal(parse.extractions.partial, 1);
    const fresh = analyzeText(file, edited, { today: TODAY });
    assert.deepEqual(sites(incremental), sites(fresh));
    assert.deepEqual(
      incremental.findings.map((finding) => [finding.ruleId, finding.span.start]),
      fresh.findings.map((finding) => [finding.ruleId, finding.span.start]),
    );
  });

  it('reads an open document in full again when a module it imports changes what it exports', () => {
    const service = '/ws/service.ts';
    const helper = '/ws/helper.ts';
    const wrapper = ["import OpenAI from 'openai';", 'const openai = new OpenAI();', 'export function ask(q: string) {', "  return openai.responses.create({ model: 'gpt-4o-2024-08-06', input: q });", '}', ''].join('\n');
    const plain = ['export function ask(q: string) {', '  return q;', '}', ''].join('\n');
    const text = ["import { ask } from './helper';", 'export async function handle(q: string) {', '  return ask(q);', '}', 'export function other() {', '  return 1;', '}', ''].join('\n');
    const host = new MemoryHost(new Map([[helper, wrapper], [service, text]]));
    const engine = new Engine(host);
    const parse = documentParseFor(service);
    const open = (body: string) => analysisOf(engine.analyzeFile({ file: service, text: body, root: '/ws', previousParse: parse, today: TODAY }));
    assert.ok(sites(open(text)).some((site) => site.startsWith('wrapper:')));
    // The helper is edited in its own editor: its exports change, and the service read them.
    const stale = engine.analyzeFile({ file: helper, text: plain, root: '/ws', today: TODAY });
    assert.ok(stale.status === 'analysed' && stale.staleReaders.includes(service));
    host.files.set(helper, plain);
    // An edit to other() alone would keep handle()'s facts; what handle() imports changed, so they are read again.
    assert.deepEqual(sites(open(text.replace('return 1;', 'return 2;'))), []);
  });

  it('leaves the importers of an open module alone while keystrokes only move what it exports', () => {
    const clients = '/ws/clients.ts';
    const service = '/ws/service.ts';
    const text = ['export function label(n: number) {', '  return `#${n}`;', '}', "import OpenAI from 'openai';", 'export const openai = new OpenAI();', ''].join('\n');
    const user = ["import { openai } from './clients';", 'export function ask(q: string) {', "  return openai.responses.create({ model: 'gpt-4o-2024-08-06', input: q });", '}', ''].join('\n');
    const host = new MemoryHost(new Map([[clients, text], [service, user]]));
    const engine = new Engine(host);
    assert.equal(sites(analysisOf(engine.analyzeFile({ file: service, text: user, root: '/ws', today: TODAY }))).length, 1);
    const parse = documentParseFor(clients) as TypeScriptParse;
    const edit = (body: string) => {
      host.files.set(clients, body);
      const result = engine.analyzeFile({ file: clients, text: body, root: '/ws', previousParse: parse, today: TODAY });
      assert.equal(result.status, 'analysed');
      return result.status === 'analysed' ? result.staleReaders : [];
    };
    edit(text);
    // Typing before the client moves its construction (its options' offsets too): the service reads the same export.
    assert.deepEqual(edit(text.replace('return `#${n}`;', 'return `#${n + 1}`;')), []);
    assert.ok(parse.movedFacts);
    // A change to the client itself is one the service must read again.
    assert.deepEqual(edit(text.replace('return `#${n}`;', 'return `#${n + 1}`;').replace('new OpenAI()', 'new OpenAI({ maxRetries: 5 })')), [service]);
  });

  it('moves offsets after an edit, and refuses one inside it', () => {
    const mover = FactMover.acrossEdit('/ws/a.ts', 10, 14, 3);
    const moved = mover.copy({ id: '/ws/a.ts:20', span: { start: 5, end: 20 }, anchors: [2, 30], statement: { start: 14, end: 16, blockEnd: 40 } });
    assert.deepEqual(moved, { id: '/ws/a.ts:23', span: { start: 5, end: 23 }, anchors: [2, 33], statement: { start: 17, end: 19, blockEnd: 43 } });
    assert.throws(() => mover.copy({ span: { start: 12, end: 20 } }), CannotMove);
  });

  it('compares facts moved by two movers in place, as comparing their copies would', () => {
    // A skeleton whose text starts 100 characters later than the file's, and an edit that added 3 characters at 10.
    const skeleton = new FactMover('/ws/a.ts', (offset) => offset - 100);
    const edit = FactMover.acrossEdit('/ws/a.ts', 10, 14, 3);
    const fresh = { id: '/ws/a.ts:123', span: { start: 105, end: 123 }, anchors: [102, 133], model: { name: 'gpt-4o', span: { start: 107, end: 118 } }, names: new Set(['a']), count: 2 };
    const last = { id: '/ws/a.ts:20', span: { start: 5, end: 20 }, anchors: [2, 30], model: { name: 'gpt-4o', span: { start: 7, end: 15 } }, names: new Set(['a']), count: 2 };
    assert.ok(skeleton.sameMovedAs(fresh, edit, last));
    // Every difference that comparing the copies sees: an offset, a moved id, an anchor, a value, a key, a set.
    const differing = [
      { ...fresh, span: { start: 105, end: 124 } },
      { ...fresh, id: '/ws/a.ts:124' },
      { ...fresh, anchors: [102, 134] },
      { ...fresh, count: 3 },
      { ...fresh, count: 2, extra: true },
      { ...fresh, names: new Set(['b']) },
      { ...fresh, model: { name: 'gpt-4o-mini', span: { start: 107, end: 118 } } },
    ];
    for (const other of differing) assert.equal(skeleton.sameMovedAs(other, edit, last), false, JSON.stringify(other, (_, value) => (value instanceof Set ? [...value] : value)));
    // A key left out on both sides (a call's owner, written by the engine after extraction).
    assert.ok(skeleton.sameMovedAs({ ...fresh, owner: 'a' }, edit, { ...last, owner: 'b' }, 'owner'));
    assert.equal(skeleton.sameMovedAs({ ...fresh, owner: 'a' }, edit, { ...last, owner: 'b' }), false);
    // One the edit cannot move (inside the replaced text) is not the same.
    assert.equal(skeleton.sameMovedAs({ span: { start: 112, end: 113 } }, edit, { span: { start: 12, end: 13 } }), false);
  });
});
