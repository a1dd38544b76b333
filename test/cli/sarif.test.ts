import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { after, describe, it } from 'node:test';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { routeTs, runCli, scratch, writeFiles } from './harness';

// The SARIF 2.1.0 schema as published with the OASIS standard, shipped in an npm package (not copied here).
const schema = JSON.parse(fs.readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'));
// One of the schema's patterns is not valid as a Unicode regular expression; the schema means it without the flag.
const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
addFormats(ajv);
const compiled = ajv.compile(schema);
const validateSarif = (log: unknown): boolean => compiled(log);

const { dir: root, remove } = scratch('prodready-sarif-');
after(remove);

interface SarifResult {
  ruleId: string;
  locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[];
  partialFingerprints: Record<string, string>;
  baselineState?: string;
}

function sarif(dir: string, ...args: string[]) {
  const run = runCli(dir, ['check', '.', '--format', 'sarif', ...args]);
  const log = JSON.parse(run.stdout);
  return { run, log, results: log.runs[0].results as SarifResult[] };
}

/** Each result as rule + fingerprint, sorted: what code scanning matches alerts by. */
function identities(results: SarifResult[]): string[] {
  return results.map((result) => `${result.ruleId} ${Object.values(result.partialFingerprints)[0]}`).sort();
}

describe('prodready check --format sarif', () => {
  it('validates against the SARIF 2.1.0 schema, with notifications for skipped files', () => {
    const dir = writeFiles(`${root}/valid`, { 'app/route.ts': routeTs, 'big.ts': `// ${'x'.repeat(2.1 * 1024 * 1024)}\n`, 'lib/key.ts': "import OpenAI from 'openai';\nexport const c = new OpenAI({ apiKey: 'sk-proj-abcdefghijklmnopqrstuvwxyz0123456789', timeout: 1000 });\n" });
    const { log, results } = sarif(dir);
    assert.ok(validateSarif(log), JSON.stringify(compiled.errors?.slice(0, 5)));
    assert.ok(results.length >= 6);
    const notifications = log.runs[0].invocations[0].toolExecutionNotifications;
    assert.equal(notifications.length, 1);
    assert.equal(notifications[0].descriptor.id, 'skipped-file');
    assert.match(notifications[0].message.text, /^big\.ts: skipped, 2\.1 MB/);
    assert.equal(log.runs[0].tool.driver.semanticVersion, log.runs[0].tool.driver.version);
    // The schema rejects what it should: the check can fail.
    const broken = structuredClone(log);
    broken.runs[0].results[0].level = 'fatal';
    assert.equal(validateSarif(broken), false);
  });

  it('describes every rule for code scanning: help from the docs page, helpUri, tags, security-severity for security rules', () => {
    const { log } = sarif(writeFiles(`${root}/rules`, { 'a.ts': routeTs }));
    const rules = log.runs[0].tool.driver.rules as { id: string; helpUri: string; help: { text: string; markdown: string }; properties: Record<string, unknown> }[];
    assert.equal(rules.length, 15);
    for (const rule of rules) {
      assert.match(rule.helpUri, new RegExp(`docs/rules/${rule.id}\\.md$`));
      assert.match(rule.help.markdown, new RegExp(`^# ${rule.id} `));
      assert.ok(rule.help.markdown.includes('## Why it matters in production'), rule.id);
      assert.ok(!rule.help.text.includes('##'), rule.id);
      assert.ok(Array.isArray(rule.properties.tags));
    }
    const security = Object.fromEntries(rules.filter((rule) => rule.properties['security-severity'] !== undefined).map((rule) => [rule.id, rule.properties.tags]));
    assert.deepEqual(Object.keys(security).sort(), ['AIR005', 'AIR007', 'AIR009', 'AIR010', 'AIR014']);
    assert.deepEqual(security.AIR007, ['security', 'external/cwe/cwe-798', 'ai']);
    const air007 = rules.find((rule) => rule.id === 'AIR007')!;
    assert.ok(Number(air007.properties['security-severity']) >= 7, 'a key in source ranks high');
  });

  it('keeps fingerprints when code moves, is reformatted or gains another fix; a renamed function gets new ones', () => {
    const before = `import OpenAI from 'openai';
const openai = new OpenAI();
export async function summarize(text: string) {
  const r = await openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: text }] });
  return r.choices[0].message.content;
}
export async function classify(text: string) {
  const r = await openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: text }] });
  return r.choices[0].message.content;
}
`;
    const moved = `import OpenAI from 'openai';

// Helpers moved below, a new function above them, and the calls reformatted.
export function unrelated(a: number, b: number) {
  return a + b;
}

const openai = new OpenAI();

export async function classify(text: string) {
  const r = await openai.chat
    .completions.create({
      model: 'gpt-4o',
      messages: [{ role: 'user', content: text }],
    });
  return r.choices[0].message.content;
}

export async function summarize(text: string) {
  const r = await openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: text }], max_completion_tokens: 512 });
  return r.choices[0].message.content;
}
`;
    const dir = writeFiles(`${root}/move`, { 'src/ai.ts': before });
    const first = sarif(dir).results;
    writeFiles(dir, { 'src/ai.ts': moved });
    const second = sarif(dir).results;
    assert.notDeepEqual(first.map((r) => r.locations[0].physicalLocation.region.startLine), second.map((r) => r.locations[0].physicalLocation.region.startLine));
    // The AIR006 finding in summarize was fixed: every other identity is unchanged.
    const fixed = identities(first).filter((id) => !identities(second).includes(id));
    assert.equal(fixed.length, 1);
    assert.match(fixed[0], /^AIR006 /);
    assert.deepEqual(identities(second), identities(first).filter((id) => id !== fixed[0]));
    writeFiles(dir, { 'src/ai.ts': moved.replace('function classify', 'function categorize') });
    const renamed = identities(sarif(dir).results);
    const inClassify = second.filter((result) => { const line = result.locations[0].physicalLocation.region.startLine; return line >= 10 && line <= 17; });
    assert.ok(inClassify.length >= 4);
    assert.equal(renamed.filter((id) => !identities(second).includes(id)).length, inClassify.length, "classify's findings are new under a new name, the others are not");
  });
});
