import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildReadiness } from '../../../server/src/core/readiness';
import { formatMarkdown } from '../../../server/src/format/markdown';
import { hoverMarkdown } from '../../../server/src/lsp/hover';
import { demoCall, fixtureWorkspace, goodCall, inventoryOf } from './fixtureWorkspace';

const workspace = {
  'src/ai/good.ts': goodCall,
  'src/web/demo.ts': demoCall,
  'src/web/tagged.ts': `/** Drafts. @owner @web-team */\n${demoCall}`,
  '.github/CODEOWNERS': '/src/ai/ @ml-platform\n',
  '.prodready.json': JSON.stringify({ raci: { cost: { responsible: '@finops', accountable: '@cfo' } } }),
};

describe('AI inventory', () => {
  it('lists every AI call site with provider, model, owner and open findings', () => {
    const { rows } = inventoryOf(workspace);
    assert.deepEqual(
      rows.map((row) => [row.file, row.line, row.provider, row.api, row.model, row.owners, row.ownerSource]),
      [
        ['src/ai/good.ts', 5, 'OpenAI', 'chat.completions.create', 'gpt-4o-2024-08-06', ['@ml-platform'], 'codeowners'],
        ['src/web/demo.ts', 4, 'OpenAI', 'chat.completions.create', 'gpt-4o', [], undefined],
        ['src/web/tagged.ts', 5, 'OpenAI', 'chat.completions.create', 'gpt-4o', ['@web-team'], 'inline'],
      ],
    );
    assert.deepEqual(rows[0].findings, []);
    assert.deepEqual([...new Set(rows[1].findings.map((finding) => finding.ruleId))].sort(), ['AIR001', 'AIR003', 'AIR004', 'AIR006', 'AIR008', 'AIR012']);
    assert.deepEqual(rows[0].ownerDeclaredAt, { label: 'codeowners', file: '.github/CODEOWNERS', line: 1 });
    assert.deepEqual(rows[2].ownerDeclaredAt, { label: 'inline', file: 'src/web/tagged.ts', line: 1 });
  });
});

describe('models set at run time', () => {
  const chosen = goodCall.replace('summarize(text: string)', 'summarize(text: string, big: boolean)').replace(`model: 'gpt-4o-2024-08-06'`, `model: big ? 'gpt-4o-2024-08-06' : 'gpt-4o-mini-2024-07-18'`);
  const open = goodCall.replace(`model: 'gpt-4o-2024-08-06'`, 'model: process.env.CHAT_MODEL!');

  it('the inventory lists the values a model can take when all are visible, and the expression when not', () => {
    const rows = inventoryOf({ 'src/chosen.ts': chosen, 'src/open.ts': open }).rows;
    assert.deepEqual(rows.map((row) => [row.model, row.candidates]), [
      ["big ? 'gpt-4o-2024-08-06' : 'gpt-4o-mini-2024-07-18'", ['gpt-4o-2024-08-06', 'gpt-4o-mini-2024-07-18']],
      ['process.env.CHAT_MODEL', undefined],
    ]);
  });

  it('the hover names the values instead of "set at run time"', () => {
    const [chosenSite, openSite] = fixtureWorkspace({ 'src/chosen.ts': chosen, 'src/open.ts': open }).analyses.map((analysis) => analysis.facts.callSites[0]);
    assert.match(hoverMarkdown(chosenSite), /- Model: one of `gpt-4o-2024-08-06`, `gpt-4o-mini-2024-07-18` \(from `big \? 'gpt-4o-2024-08-06' : 'gpt-4o-mini-2024-07-18'`\)\n/);
    assert.match(hoverMarkdown(openSite), /- Model: set at run time\n/);
  });
});

describe('ownership map', () => {
  const { ownership } = inventoryOf(workspace);

  it('maps owners to their call sites and groups unowned ones by the CODEOWNERS pattern that would cover them', () => {
    assert.ok(ownership.declared);
    assert.deepEqual(ownership.owners.map((owner) => [owner.owner, owner.sources, owner.sites.map((site) => site.file)]), [
      ['@ml-platform', ['codeowners'], ['src/ai/good.ts']],
      ['@web-team', ['inline'], ['src/web/tagged.ts']],
    ]);
    assert.deepEqual(ownership.unowned.map((group) => [group.pattern, group.sites.map((site) => site.file)]), [['/src/web/', ['src/web/demo.ts']]]);
    assert.deepEqual(ownership.sources.map((source) => source.label), ['CODEOWNERS (1 rules)', '@owner tags in 1 file']);
  });

  it('shows RACI per concern with its gaps', () => {
    assert.deepEqual(ownership.raci.map((row) => [row.concern, row.gaps]), [
      ['model-quality', ['not assigned']],
      ['uptime', ['not assigned']],
      ['cost', []],
      ['data-privacy', ['not assigned']],
      ['prompt-changes', ['not assigned']],
    ]);
    assert.deepEqual(ownership.raci[2].declaredAt, { label: 'raci.cost', file: '.prodready.json', line: 1 });
  });
});

describe('Markdown readiness report', () => {
  const hostile = '<img src=x onerror=alert(1)>';
  const files = {
    [`src/${hostile}.ts`]: `// @owner @evil|team\n${demoCall.replace("'gpt-4o'", "'gpt-4o`|<script>'")}`,
    '.prodready.json': JSON.stringify({ kpis: [{ name: `${hostile} | **bold**`, target: '# heading' }] }),
  };
  const snapshot = fixtureWorkspace(files);
  const { buildInventory } = require('../../../server/src/core/readiness') as typeof import('../../../server/src/core/readiness');
  const text = formatMarkdown(buildReadiness(snapshot), buildInventory(snapshot), { title: 'demo', date: '2026-11-22', version: '0.1.0' });

  it('has the checklist, the inventory and the ownership map', () => {
    for (const heading of ['# Production readiness: demo', '## Checklist', '### P · Problem', '### U · Use & governance', '### What it takes to pass', '## AI inventory', '## Ownership map', '### RACI']) {
      assert.ok(text.includes(`\n${heading}\n`) || text.startsWith(`${heading}\n`), `has ${heading}`);
    }
    assert.match(text, /\*\*Score: \d+%\*\*/);
  });

  it('keeps workspace text inert: no raw HTML, no table broken by a pipe, no stray formatting', () => {
    assert.ok(!text.includes('<img'), 'no raw img tag');
    assert.ok(!text.includes('<script'), 'no raw script tag');
    assert.ok(text.includes('&lt;img src=x onerror=alert(1)&gt;'));
    for (const line of text.split('\n').filter((row) => row.startsWith('| '))) {
      const cells = line.split(/(?<!\\)\|/).length;
      const header = text.split('\n').find((row) => row.startsWith('| ') && text.indexOf(row) <= text.indexOf(line) && row.split('|').length === cells);
      assert.ok(header, `row keeps its columns: ${line}`);
    }
    assert.ok(text.includes('\\*\\*bold\\*\\*'));
  });
});
