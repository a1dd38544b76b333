import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { before, describe, it } from 'node:test';
import { analyzeText } from '../../server/src/core/engine/analyzeFile';
import { parseCodeOwners } from '../../server/src/core/ownership/codeowners';
import type { OwnershipSources } from '../../server/src/core/ownership/owners';
import { rules, ruleIds, type Category, type RuleId, type RuleMeta } from '../../server/src/core/rules';
import { ruleDocsHref } from '../../server/src/core/rules/describe';
import { loadPythonParser } from '../../server/src/node/python';
import { REPO_ROOT } from '../repoRoot';

const REPO = REPO_ROOT;
const SECTIONS = ['## What it does', '## Why it matters in production', '## Example', '## Use instead', '## Severity', '## Fix safety', '## Options'];

describe('every rule is documented, tested and configurable', () => {
  const manifest = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8'));
  const settings = manifest.contributes.configuration.properties['prodready.rules'].properties;

  for (const id of ruleIds) {
    const rule = rules[id];
    it(`${id} ${rule.meta.name}`, () => {
      assert.equal(rule.meta.id, id, 'registry key and meta.id agree');
      assert.match(rule.meta.name, /^[a-z]+(-[a-z]+)*$/, 'kebab-case name');
      const page = fs.readFileSync(path.join(REPO, 'docs', 'rules', `${id}.md`), 'utf8');
      assert.ok(page.startsWith(`# ${id} \`${rule.meta.name}\``), 'page title names the id and the name');
      for (const section of SECTIONS) assert.ok(page.includes(section), `docs page has "${section}"`);
      assert.ok(page.includes(`**${rule.meta.defaultSeverity}**`), 'page states the default severity');
      assert.ok(fs.existsSync(path.join(REPO, 'test', 'unit', 'rules', `${id}.test.ts`)), 'has a rule table');
      assert.ok(settings[id], 'has a prodready.rules setting');
      for (const [messageId, template] of Object.entries(rule.meta.messages)) {
        assert.ok(template.trim().length > 0, `message ${messageId} is not empty`);
      }
    });
  }

  it('no docs page or setting for a rule that does not exist', () => {
    const pages = fs.readdirSync(path.join(REPO, 'docs', 'rules')).map((file) => file.replace(/\.md$/, ''));
    assert.deepEqual(pages.sort(), [...ruleIds].sort());
    assert.deepEqual(Object.keys(settings).sort(), [...ruleIds].sort());
  });
});

// ---------------------------------------------------------------------------------------------------------------
// A rule page, read just far enough to check it against the rule: its lead paragraph, its sections, and the fenced
// code blocks in each section with their info strings.

interface CodeBlock {
  /** The first word of the info string: `ts`, `python`, `codeowners`, … */
  lang: string;
  /** `key=value` words after it (GitHub shows only the first word): `file=src/support/reply.ts`. */
  attributes: Record<string, string>;
  code: string;
  /** 1-based line of the opening fence, for messages. */
  line: number;
}

interface Section {
  heading: string;
  /** The section's text, fences and all, without the heading line. */
  text: string;
  blocks: CodeBlock[];
}

interface RulePage {
  title: string;
  /** Paragraphs between the title and the first section. */
  lead: string[];
  sections: Map<string, Section>;
}

const FENCE = /^ {0,3}(`{3,}|~{3,})\s*([^`\s]*)(.*)$/;

function readPage(id: RuleId): RulePage {
  const lines = fs.readFileSync(path.join(REPO, 'docs', 'rules', `${id}.md`), 'utf8').split(/\r?\n/);
  const page: RulePage = { title: lines[0], lead: [], sections: new Map() };
  const leadLines: string[] = [];
  let current: Section | undefined;
  let bodyLines: string[] = [];
  const close = () => {
    if (current) current.text = bodyLines.join('\n').trim();
  };
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i];
    const fence = FENCE.exec(line);
    if (fence) {
      const [, marker, lang, rest] = fence;
      const start = i;
      const code: string[] = [];
      const closing = new RegExp(`^ {0,3}${marker[0] === '`' ? '`' : '~'}{${marker.length},}\\s*$`);
      for (i++; i < lines.length && !closing.test(lines[i]); i++) code.push(lines[i]);
      const block: CodeBlock = { lang: lang.toLowerCase(), attributes: attributesOf(rest), code: `${code.join('\n')}\n`, line: start + 1 };
      (current ? bodyLines : leadLines).push(...lines.slice(start, i + 1));
      current?.blocks.push(block);
      continue;
    }
    if (line.startsWith('## ')) {
      close();
      current = { heading: line.slice(3).trim(), text: '', blocks: [] };
      page.sections.set(current.heading, current);
      bodyLines = [];
      continue;
    }
    (current ? bodyLines : leadLines).push(line);
  }
  close();
  page.lead = leadLines.join('\n').split(/\n\s*\n/).map(prose).filter(Boolean);
  return page;
}

function attributesOf(info: string): Record<string, string> {
  const attributes: Record<string, string> = {};
  for (const match of info.matchAll(/(\w+)=("[^"]*"|\S+)/g)) attributes[match[1]] = match[2].replace(/^"|"$/g, '');
  return attributes;
}

/** Markdown source as the reader sees the words: line breaks and runs of spaces are one space. */
function prose(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

const CATEGORY: Record<Category, string> = { P: 'Problem', R: 'Reliability', O: 'Observability', D: 'Deployment', U: 'Use & governance' };
const FIX: Record<NonNullable<RuleMeta['fixable']> | 'none', string> = { safe: 'Fix: **safe**', review: 'Fix: **needs review**', none: 'Fix: none' };

describe('the rule is the one source of its summary, why and link', () => {
  for (const id of ruleIds) {
    const { meta } = rules[id];
    const page = readPage(id);

    it(`${id}: the page leads with meta.docs.summary, word for word`, () => {
      assert.equal(page.lead[0], prose(meta.docs.summary), `the first paragraph under the title of docs/rules/${id}.md must be meta.docs.summary`);
    });

    it(`${id}: "Why it matters in production" is meta.docs.why, word for word`, () => {
      const section = page.sections.get('Why it matters in production');
      assert.ok(section, 'the page has the section');
      assert.equal(prose(section.text), prose(meta.docs.why), `the section of docs/rules/${id}.md must be exactly meta.docs.why`);
    });

    it(`${id}: "Severity" is meta.docs.severity, word for word: why the rule has its level in each preset`, () => {
      const section = page.sections.get('Severity');
      assert.ok(section, 'the page has the section');
      assert.equal(prose(section.text), prose(meta.docs.severity));
    });

    it(`${id}: the page's category and fix line agree with meta`, () => {
      const line = page.lead[1] ?? '';
      assert.ok(line.startsWith(`Category: **${meta.category}** ${CATEGORY[meta.category]}`), `category line: ${line}`);
      assert.ok(line.includes(`Default severity: **${meta.defaultSeverity}** (strict: **${meta.strictSeverity}**)`), `severity in: ${line}`);
      assert.ok(line.includes(FIX[meta.fixable ?? 'none']), `fix safety "${FIX[meta.fixable ?? 'none']}" in: ${line}`);
    });

    it(`${id}: meta.docs.url is the page, and resolves to it from the package root`, () => {
      assert.equal(meta.docs.url, `docs/rules/${id}.md`);
      const root = pathToFileURL(REPO + path.sep).href;
      const href = ruleDocsHref(meta.docs.url, root);
      assert.equal(href, pathToFileURL(path.join(REPO, 'docs', 'rules', `${id}.md`)).href);
      assert.ok(fs.existsSync(fileURLToPath(href)), `${href} exists`);
      assert.equal(ruleDocsHref(meta.docs.url, root.replace(/\/$/, '')), href, 'a root without its trailing slash is still a folder');
    });

    it(`${id}: summary and why are plain, complete sentences`, () => {
      for (const [field, text] of Object.entries({ summary: meta.docs.summary, why: meta.docs.why })) {
        assert.match(text, /^[A-Z].*\.$/s, `${field} starts with a capital and ends with a full stop`);
        assert.equal(text, prose(text), `${field} has no line breaks or doubled spaces`);
        assert.doesNotMatch(text, /\{\{|\]\(|\*\*/, `${field} holds no placeholders, links or emphasis`);
      }
    });
  }

  it('an absolute docs URL is kept as it is', () => {
    assert.equal(ruleDocsHref('https://example.com/rules/AIR001', 'file:///opt/prodready/'), 'https://example.com/rules/AIR001');
  });

  it('a package root with spaces and # in its path still resolves to the page', () => {
    const root = pathToFileURL(path.join(path.sep, 'tmp', 'my ext #1') + path.sep).href;
    assert.equal(fileURLToPath(ruleDocsHref('docs/rules/AIR001.md', root)), path.join(path.sep, 'tmp', 'my ext #1', 'docs', 'rules', 'AIR001.md'));
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Every "Example" block must report its rule and every "Use instead" block must not, in TypeScript and, for rules
// that read Python, in Python too (as typescript-eslint runs the code samples of its rule pages).

/** The date waivers are judged against, so AIR013's examples do not change meaning with the calendar. */
const TODAY = '2026-12-01';
const SOURCE_LANGS: Record<string, string> = { ts: '.ts', tsx: '.tsx', js: '.js', python: '.py' };
/** Blocks that set the scene for the code blocks after them in the same section, instead of being analysed. */
const CONTEXT_LANGS = new Set(['codeowners']);

/** Rules that read Python: the ones with a Python table. */
function readsPython(id: RuleId): boolean {
  return fs.existsSync(path.join(REPO, 'test', 'unit', 'rules', 'python', `${id}.test.ts`));
}

interface Sample {
  block: CodeBlock;
  file: string;
  ownership?: OwnershipSources;
}

/**
 * The source blocks of the page's "Example" and "Use instead" sections, each with the file name it is analysed as
 * and the CODEOWNERS shown last before it: a ```codeowners block holds for the blocks after it, into "Use instead",
 * until the next one, so a "Use instead" sample is judged in the same project as the example it answers.
 */
function samplesOf(page: RulePage): { example: Sample[]; instead: Sample[] } {
  let ownership: OwnershipSources | undefined;
  const read = (section: Section | undefined) => {
    const samples: Sample[] = [];
    for (const block of section?.blocks ?? []) {
      if (block.lang === 'codeowners') {
        ownership = { codeowners: { file: 'CODEOWNERS', root: '', rules: parseCodeOwners(block.code) } };
        continue;
      }
      const extension = SOURCE_LANGS[block.lang];
      if (extension) samples.push({ block, file: block.attributes.file ?? `example${extension}`, ownership });
    }
    return samples;
  };
  const example = read(page.sections.get('Example'));
  return { example, instead: read(page.sections.get('Use instead')) };
}

function findingsOf(id: RuleId, sample: Sample) {
  const analysis = analyzeText(sample.file, sample.block.code, { today: TODAY, ownership: sample.ownership });
  assert.equal(analysis.notice, undefined, 'the sample is analysed in full');
  assert.deepEqual(analysis.failures, [], 'no rule throws');
  assert.equal(analysis.facts.parseErrors, 0, `the sample parses:\n${sample.block.code}`);
  const { callSites, clients } = analysis.facts;
  assert.ok(callSites.length + clients.length > 0, `the sample holds a recognised AI call or client:\n${sample.block.code}`);
  return analysis.findings.filter((finding) => finding.ruleId === id);
}

describe('rule pages: every example reports its rule, every "use instead" does not', () => {
  before(async () => {
    const problem = await loadPythonParser();
    if (problem) throw new Error(`the Python parser did not load: ${problem}`);
  });

  for (const id of ruleIds) {
    const page = readPage(id);
    const example = page.sections.get('Example');
    const instead = page.sections.get('Use instead');

    it(`${id}: "Example" and "Use instead" hold TypeScript${readsPython(id) ? ' and Python' : ''} samples, and nothing unchecked`, () => {
      for (const [name, section] of [['Example', example], ['Use instead', instead]] as const) {
        assert.ok(section, `docs/rules/${id}.md has "## ${name}"`);
        for (const block of section.blocks) {
          assert.ok(block.lang in SOURCE_LANGS || CONTEXT_LANGS.has(block.lang), `${name}, line ${block.line}: a \`\`\`${block.lang || '(no language)'} block is neither analysed nor context; use ${[...Object.keys(SOURCE_LANGS), ...CONTEXT_LANGS].join(', ')}`);
          if (block.attributes.file) assert.equal(path.extname(block.attributes.file), SOURCE_LANGS[block.lang], `${name}, line ${block.line}: file= matches the block's language`);
        }
        const langs = new Set(section.blocks.map((block) => block.lang));
        assert.ok(langs.has('ts') || langs.has('js') || langs.has('tsx'), `${name} has a TypeScript or JavaScript sample`);
        if (readsPython(id)) assert.ok(langs.has('python'), `${name} has a \`\`\`python sample: ${id} reads Python`);
        else assert.ok(!langs.has('python'), `${name} has no Python sample: ${id} does not read Python`);
      }
    });

    const samples = samplesOf(page);
    for (const sample of samples.example) {
      it(`${id} Example (${sample.block.lang}, line ${sample.block.line}) reports ${id}`, () => {
        const findings = findingsOf(id, sample);
        assert.ok(findings.length > 0, `expected ${id} to report:\n${sample.block.code}`);
      });
    }

    for (const sample of samples.instead) {
      it(`${id} Use instead (${sample.block.lang}, line ${sample.block.line}) does not report ${id}`, () => {
        const findings = findingsOf(id, sample);
        assert.deepEqual(findings.map((finding) => finding.message), [], `expected no ${id} finding:\n${sample.block.code}`);
      });
    }
  }
});
