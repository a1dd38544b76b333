// Scores call-site recognition on the labelled corpus in test/corpus/: recall and precision per SDK and
// overall. The labels are written by hand (test/corpus/labels-ts.json, labels-py.json); nothing here derives them
// from the tool.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyseProject } from './projectAnalysis';
import { collectSourceFiles } from '../../server/src/node/files';
import { LineIndex } from '../../server/src/core/model';
import { loadPythonParser } from '../../server/src/node/python';
import { REPO_ROOT } from '../repoRoot';

export const CORPUS = path.join(REPO_ROOT, 'test', 'corpus');

interface Label {
  file: string;
  line: number;
  /** The SDK of the AI call that starts on this line; null for a deliberate look-alike. */
  sdk: string | null;
}

export interface Score {
  labelled: number;
  found: number;
  truePositives: number;
  recall: number;
  precision: number;
}

export interface EvalResult {
  bySdk: Map<string, Score>;
  overall: Score;
  /** The same scores per language (`ts` covers TypeScript and JavaScript, `python`). */
  byLanguage: Map<string, Score & { lookAlikes: number }>;
  lookAlikes: number;
  /** Labelled sites not found, and found sites not labelled: what to look at when a score drops. */
  misses: string[];
  falsePositives: string[];
}

function readLabels(): Label[] {
  return ['labels-ts.json', 'labels-py.json'].flatMap((name) => (JSON.parse(fs.readFileSync(path.join(CORPUS, name), 'utf8')) as { labels: Label[] }).labels);
}

/** Every call site the engine recognises in the corpus, with imports followed across files as the CLI does. */
function detectedSites(): { file: string; line: number; sdk: string }[] {
  const { files } = collectSourceFiles([CORPUS], { root: CORPUS, exclude: [] });
  const sites: { file: string; line: number; sdk: string }[] = [];
  const texts = new Map(files.map((file) => [file, fs.readFileSync(file, 'utf8')]));
  for (const [file, analysis] of analyseProject(files, (file) => texts.get(file)!)) {
    const lines = new LineIndex(texts.get(file)!);
    const relative = path.relative(CORPUS, file).split(path.sep).join('/');
    for (const site of analysis.facts.callSites) sites.push({ file: relative, line: lines.positionAt(site.span.start).line + 1, sdk: site.sdk });
  }
  return sites;
}

function score(labelled: number, found: number, truePositives: number): Score {
  return {
    labelled,
    found,
    truePositives,
    recall: labelled === 0 ? 1 : truePositives / labelled,
    precision: found === 0 ? 1 : truePositives / found,
  };
}

const languageOf = (file: string) => (file.endsWith('.py') ? 'python' : 'ts');

/** Loads the Python parser first: the corpus holds Python and TypeScript. */
export async function evaluateCorpus(): Promise<EvalResult> {
  const problem = await loadPythonParser();
  if (problem) throw new Error(`the Python parser did not load: ${problem}`);
  const labels = readLabels();
  const expected = labels.filter((label) => label.sdk !== null);
  const detected = detectedSites();
  // Multiset match on (file, line, sdk): two calls on one line need two labels.
  const open = new Map<string, number>();
  const key = (file: string, line: number, sdk: string) => `${file}:${line} ${sdk}`;
  for (const label of expected) open.set(key(label.file, label.line, label.sdk!), (open.get(key(label.file, label.line, label.sdk!)) ?? 0) + 1);
  const falsePositives: string[] = [];
  const hits = new Map<string, number>();
  const foundBySdk = new Map<string, number>();
  for (const site of detected) {
    foundBySdk.set(site.sdk, (foundBySdk.get(site.sdk) ?? 0) + 1);
    const k = key(site.file, site.line, site.sdk);
    const remaining = open.get(k) ?? 0;
    if (remaining > 0) {
      open.set(k, remaining - 1);
      hits.set(site.sdk, (hits.get(site.sdk) ?? 0) + 1);
    } else {
      falsePositives.push(k);
    }
  }
  const misses = [...open].flatMap(([k, count]) => Array<string>(count).fill(k));
  const sdks = [...new Set([...expected.map((label) => label.sdk!), ...foundBySdk.keys()])].sort();
  const bySdk = new Map(
    sdks.map((sdk) => [sdk, score(expected.filter((label) => label.sdk === sdk).length, foundBySdk.get(sdk) ?? 0, hits.get(sdk) ?? 0)]),
  );
  const truePositives = [...hits.values()].reduce((a, b) => a + b, 0);
  const byLanguage = new Map(
    ['ts', 'python'].map((language) => {
      const labelled = expected.filter((label) => languageOf(label.file) === language).length;
      const found = detected.filter((site) => languageOf(site.file) === language).length;
      const wrong = falsePositives.filter((k) => languageOf(k.split(':')[0]) === language).length;
      const lookAlikes = labels.filter((label) => label.sdk === null && languageOf(label.file) === language).length;
      return [language, { ...score(labelled, found, found - wrong), lookAlikes }];
    }),
  );
  return {
    bySdk,
    byLanguage,
    overall: score(expected.length, detected.length, truePositives),
    lookAlikes: labels.length - expected.length,
    misses,
    falsePositives,
  };
}

const percent = (value: number) => `${(value * 100).toFixed(1)} %`.padStart(8);

export function formatResult(result: EvalResult): string {
  const rows = [`${'sdk'.padEnd(14)}${'labelled'.padStart(9)}${'found'.padStart(7)}${'recall'.padStart(9)}${'precision'.padStart(10)}`];
  const row = (name: string, s: Score) => `${name.padEnd(14)}${String(s.labelled).padStart(9)}${String(s.found).padStart(7)} ${percent(s.recall)}  ${percent(s.precision)}`;
  for (const [sdk, s] of result.bySdk) rows.push(row(sdk, s));
  rows.push(row('overall', result.overall));
  for (const [language, s] of result.byLanguage) rows.push(row(`  ${language}`, s));
  rows.push(`${result.overall.labelled} labelled AI call sites, ${result.lookAlikes} labelled look-alikes.`);
  if (result.misses.length > 0) rows.push(`missed:\n  ${result.misses.join('\n  ')}`);
  if (result.falsePositives.length > 0) rows.push(`false positives:\n  ${result.falsePositives.join('\n  ')}`);
  return rows.join('\n');
}

