import * as assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { Spec, Validation } from '@cyclonedx/cyclonedx-library';
import { routeTs, runCli, scratch, writeFiles } from './harness';

// The CycloneDX 1.6 JSON schema and validator as the CycloneDX project ships them in its npm library.
const validator = new Validation.JsonStrictValidator(Spec.Version.v1dot6);

const { dir: root, remove } = scratch('prodready-cdx-');
after(remove);

const claude = `import { generateText } from 'ai';
import { anthropic } from '@ai-sdk/anthropic';
// @owner @acme/support
export async function reply(question: string) {
  return generateText({ model: anthropic('claude-sonnet-4-5-20250929'), prompt: question, maxOutputTokens: 512, abortSignal: AbortSignal.timeout(20_000) });
}
`;

/** A model chosen at run time between two visible values: an occurrence of each. */
const pick = `import { generateText } from 'ai';
import { anthropic } from '@ai-sdk/anthropic';
export async function pick(question: string, deep: boolean) {
  return generateText({ model: anthropic(deep ? 'claude-sonnet-4-5-20250929' : 'claude-haiku-4-5-20251001'), prompt: question, maxOutputTokens: 512, abortSignal: AbortSignal.timeout(20_000) });
}
`;

interface Bom {
  specVersion: string;
  metadata: { component: { name: string }; tools: { components: { name: string }[] } };
  components: { type: string; 'bom-ref': string; name: string; version?: string; supplier: { name: string }; properties: { name: string; value: string }[]; evidence: { occurrences: { location: string; line: number; symbol?: string; additionalContext: string }[] } }[];
  services: { 'bom-ref': string; name: string }[];
  dependencies: { ref: string; dependsOn?: string[] }[];
}

describe('prodready check --format cyclonedx', () => {
  const dir = writeFiles(`${root}/app`, { 'app/api/ask/route.ts': routeTs, 'app/api/other/route.ts': routeTs.replace('POST', 'PUT'), 'lib/reply.ts': claude, 'lib/pick.ts': pick, '.github/CODEOWNERS': 'app/ @acme/web\n' });
  const run = runCli(dir, ['check', '.', '--format', 'cyclonedx']);
  const text = run.stdout;
  const bom = JSON.parse(text) as Bom;

  it('writes a BOM that validates against the CycloneDX 1.6 schema', async () => {
    assert.equal(bom.specVersion, '1.6');
    assert.equal(await validator.validate(text), null);
    const broken = JSON.parse(text);
    broken.components[0].type = 'large-language-model';
    assert.notEqual(await validator.validate(JSON.stringify(broken)), null, 'the validator rejects what it should');
  });

  it('lists each model as a machine-learning-model with its provider, version and pinning, and each call site as an occurrence', () => {
    assert.equal(bom.metadata.component.name, 'app');
    assert.equal(bom.metadata.tools.components[0].name, 'prodready');
    const byName = Object.fromEntries(bom.components.map((component) => [component.name, component]));
    assert.deepEqual(Object.keys(byName).sort(), ['claude-haiku-4-5-20251001', 'claude-sonnet-4-5-20250929', 'gpt-4o']);
    for (const component of bom.components) assert.equal(component.type, 'machine-learning-model');
    const property = (name: string, key: string) => byName[name].properties.find((p) => p.name === key)?.value;
    assert.equal(property('gpt-4o', 'prodready:pinning'), 'floating');
    assert.equal(property('claude-sonnet-4-5-20250929', 'prodready:pinning'), 'pinned');
    assert.equal(byName['claude-sonnet-4-5-20250929'].version, '20250929');
    assert.equal(byName['gpt-4o'].version, undefined);
    assert.equal(byName['claude-sonnet-4-5-20250929'].supplier.name, 'anthropic', 'the model\'s maker, not the SDK it is called through');

    const gpt = byName['gpt-4o'].evidence.occurrences;
    assert.deepEqual(gpt.map((o) => [o.location, o.line, o.symbol]), [['app/api/ask/route.ts', 5, 'POST'], ['app/api/other/route.ts', 5, 'PUT']]);
    assert.match(gpt[0].additionalContext, /^api: responses\.create; owner: @acme\/web \(codeowners\); findings: AIR003 warning, AIR004 info, AIR001 warning/);
    assert.match(byName['claude-sonnet-4-5-20250929'].evidence.occurrences.find((o) => o.location === 'lib/reply.ts')!.additionalContext, /owner: @acme\/support \(inline\)/);
    assert.deepEqual(byName['claude-sonnet-4-5-20250929'].evidence.occurrences.map((o) => [o.location, o.symbol]), [['lib/pick.ts', 'pick'], ['lib/reply.ts', 'reply']]);
    assert.deepEqual(byName['claude-haiku-4-5-20251001'].evidence.occurrences.map((o) => [o.location, o.line, o.symbol]), [['lib/pick.ts', 4, 'pick']]);
  });

  it('lists each provider as a service the project and its models depend on', () => {
    assert.deepEqual(bom.services.map((service) => service.name).sort(), ['anthropic', 'openai']);
    const project = bom.dependencies.find((dependency) => dependency.ref === 'project')!;
    for (const service of bom.services) assert.ok(project.dependsOn!.includes(service['bom-ref']));
    for (const component of bom.components) {
      const edge = bom.dependencies.find((dependency) => dependency.ref === component['bom-ref']);
      assert.equal(edge?.dependsOn?.length, 1);
    }
  });
});
