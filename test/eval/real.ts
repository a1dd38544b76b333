// `npm run eval -- --real DIR`: recognition scored on real repositories' files, from the labels in
// test/corpus/real/ and git directories under DIR. The repositories are not part of this project: each is
// exported at its labelled commit into a scratch folder (source and project files only) and analysed there,
// imports followed across its modules as the CLI does.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { analyseProject } from './projectAnalysis';
import { apiFactsOf } from '../../server/src/core/catalog';
import type { CallSite, Finding } from '../../server/src/core/model';
import { LineIndex } from '../../server/src/core/model';
import { loadPythonParser } from '../../server/src/node/python';
import { labelledLine, readRealCorpus, REAL_LABELS, type RealFile, type RealSite } from './realLabels';

/** What the export keeps: what analysis and module resolution read. */
const EXPORTED = /(\.[cm]?[jt]sx?|\.py|(^|\/)(package\.json|tsconfig[^/]*\.json|jsconfig\.json))$/;

/** Bumped when what an export holds changes (a `.git` root since 2). */
const EXPORT_FORMAT = 2;

/** The files a project run analyses. */
const SOURCE = /\.([cm]?[jt]sx?|py)$/;

/** How far (in lines) a found site may sit from its label: labellers and the extractor may pick different lines of a chain. */
const LINE_SLACK = 2;

interface Tally {
  labelled: number;
  found: number;
}

export interface RealResult {
  /** Repositories without a git directory holding their commit: their files are not scored. */
  missingRepos: string[];
  byLanguage: Map<string, Tally & { reported: number; wrong: number }>;
  byFamily: Map<string, Tally>;
  byKind: Map<string, Tally>;
  byPattern: Map<string, Tally>;
  /** Per rule (`AIR001`) and per rule and language (`AIR001 python`): on how many found sites the finding (or its absence) agrees with the label. */
  agreement: Map<string, { agree: number; judged: number }>;
  /** The sites where a rule and the label disagree: `file:line AIR001 reported` (or `not reported`). */
  disagreements: string[];
  misses: string[];
  falsePositives: string[];
  repos: number;
}

/** The git directory of `owner/name` under `dir`, in any of the layouts the README names. */
function gitDirOf(dir: string, repo: string): string | undefined {
  const [owner, name] = repo.split('/');
  const candidates = [path.join(dir, `${owner}+${name}`, 'repo'), path.join(dir, `${owner}+${name}`), path.join(dir, owner, name)];
  return candidates.find((candidate) => fs.existsSync(candidate));
}

function git(gitDir: string, args: string[], options: { input?: Buffer } = {}): Buffer {
  return execFileSync('git', [`--git-dir=${resolveGitDir(gitDir)}`, ...args], { maxBuffer: 1 << 30, input: options.input, stdio: ['pipe', 'pipe', 'pipe'] });
}

/** A work tree's `.git` or a bare repository itself. */
function resolveGitDir(dir: string): string {
  const dotGit = path.join(dir, '.git');
  return fs.existsSync(dotGit) ? dotGit : dir;
}

/** The repository's sources at `commit`, exported once into the scratch folder (reused while the commit is the same). */
function exportAt(gitDir: string, repo: string, commit: string): string | undefined {
  try {
    git(gitDir, ['cat-file', '-e', `${commit}^{commit}`]);
  } catch {
    return undefined;
  }
  const target = path.join(os.tmpdir(), 'prodready-real', `${repo.replace('/', '+')}-${commit.slice(0, 12)}`);
  const marker = path.join(target, '.complete');
  // The marker names the commit and how the export was made: an export made differently is made again.
  const stamp = `${commit} ${EXPORT_FORMAT}`;
  if (fs.existsSync(marker) && fs.readFileSync(marker, 'utf8') === stamp) return target;
  fs.rmSync(target, { recursive: true, force: true });
  fs.mkdirSync(target, { recursive: true });
  const blobs = git(gitDir, ['ls-tree', '-r', '-z', commit])
    .toString('utf8')
    .split('\0')
    .map((entry) => /^\d+ blob ([0-9a-f]+)\t(.*)$/s.exec(entry))
    .filter((match): match is RegExpExecArray => match !== null && EXPORTED.test(match[2]))
    .map(([, sha, file]) => ({ sha, file }));
  // One `cat-file --batch` for every blob: "<sha> blob <size>\n<content>\n" each, in order.
  const contents = git(gitDir, ['cat-file', '--batch'], { input: Buffer.from(blobs.map((blob) => `${blob.sha}\n`).join('')) });
  let offset = 0;
  for (const blob of blobs) {
    const headerEnd = contents.indexOf(10, offset);
    const size = Number(contents.subarray(offset, headerEnd).toString().split(' ')[2]);
    const file = path.join(target, blob.file);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, contents.subarray(headerEnd + 1, headerEnd + 1 + size));
    offset = headerEnd + 1 + size + 1;
  }
  // A checkout's root has .git: module resolution stops there and looks for the repository's other packages.
  fs.mkdirSync(path.join(target, '.git'), { recursive: true });
  fs.writeFileSync(marker, stamp);
  return target;
}

interface Found {
  line: number;
  site: CallSite;
  findings: Finding[];
}

function analyse(root: string, files: RealFile[]): Map<string, Found[]> {
  const result = new Map<string, Found[]>();
  const texts = new Map<string, string>();
  for (const file of files) {
    const absolute = path.join(root, file.path);
    if (!fs.existsSync(absolute)) throw new Error(`${file.repo}/${file.path} is not in the repository at its commit`);
    texts.set(absolute, fs.readFileSync(absolute, 'utf8'));
  }
  // A run over the project reads each labelled file's neighbours too (subclasses that implement a base's
  // abstract methods usually sit beside it); only labelled files are scored.
  for (const folder of new Set([...texts.keys()].map((file) => path.dirname(file)))) {
    for (const entry of fs.readdirSync(folder)) {
      const neighbour = path.join(folder, entry);
      if (!texts.has(neighbour) && SOURCE.test(entry) && fs.statSync(neighbour).isFile()) texts.set(neighbour, fs.readFileSync(neighbour, 'utf8'));
    }
  }
  const analyses = analyseProject([...texts.keys()], (file) => texts.get(file)!);
  for (const file of files) {
    const absolute = path.join(root, file.path);
    const analysis = analyses.get(absolute)!;
    const lines = new LineIndex(texts.get(absolute)!);
    result.set(
      file.path,
      analysis.facts.callSites.map((site) => ({
        line: lines.positionAt(site.span.start).line + 1,
        site,
        findings: analysis.findings.filter((finding) => finding.subjectSpan.start === site.span.start),
      })),
    );
  }
  return result;
}

const bump = (map: Map<string, Tally>, key: string, hit: boolean) => {
  const tally = map.get(key) ?? { labelled: 0, found: 0 };
  tally.labelled++;
  if (hit) tally.found++;
  map.set(key, tally);
};

/**
 * What a careful reviewer's label says each rule should do at a site; undefined when the label does not say, or
 * when the rule has nothing to ask of the call (an output bound of an embedding, a moderation or a speech request).
 */
function expectedFinding(rule: string, label: RealSite, site: CallSite): boolean | undefined {
  switch (rule) {
    case 'AIR001':
      return label.timeout === undefined ? undefined : label.timeout === 'none';
    case 'AIR003':
      return label.tryCatch === undefined ? undefined : !label.tryCatch;
    case 'AIR004':
      // The audit question when the label answers it; `logging` (any log, failures included) otherwise.
      return label.audit !== undefined ? !label.audit : label.logging === undefined ? undefined : !label.logging;
    case 'AIR006':
      return label.outputBound === undefined || !apiFactsOf(site)?.outputBound ? undefined : label.outputBound === 'none';
  }
  return undefined;
}

/**
 * The label's `tryCatch` says whether the request has error handling at all; AIR003's milder message (a handler
 * that only rethrows or logs: no fallback) is a second opinion on handling that exists, not a claim it is missing.
 */
const judgedMessage = (finding: Finding) => !(finding.ruleId === 'AIR003' && finding.messageId === 'noFallback');

/** `only`: score just these repositories (`owner/name`), to iterate on one quickly. */
export async function evaluateReal(dir: string, labels = REAL_LABELS, only: string[] = []): Promise<RealResult> {
  const problem = await loadPythonParser();
  if (problem) throw new Error(`the Python parser did not load: ${problem}`);
  const corpus = readRealCorpus(labels);
  const result: RealResult = {
    missingRepos: [],
    byLanguage: new Map(),
    byFamily: new Map(),
    byKind: new Map(),
    byPattern: new Map(),
    agreement: new Map(),
    disagreements: [],
    misses: [],
    falsePositives: [],
    repos: 0,
  };
  for (const [repo, commit] of corpus.commits) {
    if (only.length > 0 && !only.includes(repo)) continue;
    const gitDir = gitDirOf(dir, repo);
    const root = gitDir && exportAt(gitDir, repo, commit);
    if (!root) {
      result.missingRepos.push(`${repo}@${commit.slice(0, 12)}`);
      continue;
    }
    result.repos++;
    const files = corpus.files.filter((file) => file.repo === repo);
    const found = analyse(root, files);
    for (const file of files) score(result, file, found.get(file.path) ?? []);
  }
  return result;
}

function score(result: RealResult, file: RealFile, found: Found[]): void {
  const where = `${file.repo}/${file.path}`;
  const language = file.path.endsWith('.py') ? 'python' : 'ts';
  const open = found.filter((entry) => labelledLine(file, entry.line));
  const tally = result.byLanguage.get(language) ?? { labelled: 0, found: 0, reported: 0, wrong: 0 };
  tally.reported += open.length;
  // Exact lines first, then the slack: a near match never takes a site another label names exactly.
  const matches = new Map<RealSite, Found>();
  for (const slack of [0, LINE_SLACK]) {
    for (const label of file.sites) {
      if (matches.has(label)) continue;
      const index = open.findIndex((entry) => Math.abs(entry.line - label.line) <= slack);
      if (index !== -1) matches.set(label, open.splice(index, 1)[0]);
    }
  }
  for (const label of file.sites) {
    const match = matches.get(label);
    tally.labelled++;
    if (match) tally.found++;
    else result.misses.push(`${where}:${label.line} ${label.kind} ${label.family} (${label.pattern})${label.note ? ` — ${label.note}` : ''}`);
    bump(result.byFamily, label.family, !!match);
    bump(result.byKind, label.kind, !!match);
    bump(result.byPattern, label.pattern, !!match);
    // Findings stay at the inner call, so wrapper sites are not judged.
    if (match && label.kind !== 'wrapper') {
      for (const rule of ['AIR001', 'AIR003', 'AIR004', 'AIR006']) {
        const expected = expectedFinding(rule, label, match.site);
        if (expected === undefined) continue;
        const reported = match.findings.some((finding) => finding.ruleId === rule && judgedMessage(finding));
        // Overall and per language: each language's rules are judged on their own.
        for (const key of [rule, `${rule} ${language}`]) {
          const entry = result.agreement.get(key) ?? { agree: 0, judged: 0 };
          entry.judged++;
          if (reported === expected) entry.agree++;
          result.agreement.set(key, entry);
        }
        if (reported !== expected) result.disagreements.push(`${where}:${label.line} ${rule} ${reported ? 'reported, the label says covered' : 'not reported, the label says missing'}`);
      }
    }
  }
  tally.wrong += open.length;
  for (const entry of open) {
    const lookalike = file.lookalikes.some((candidate) => Math.abs(candidate.line - entry.line) <= LINE_SLACK);
    result.falsePositives.push(`${where}:${entry.line} ${entry.site.sdk} ${entry.site.api}${lookalike ? ' (a labelled look-alike)' : ''}`);
  }
  result.byLanguage.set(language, tally);
}

const percent = (part: number, whole: number) => (whole === 0 ? '     –' : `${((part / whole) * 100).toFixed(1)} %`.padStart(8));

export function formatReal(result: RealResult): string {
  const rows: string[] = [];
  if (result.missingRepos.length > 0) rows.push(`not scored (no git directory holding the labelled commit): ${result.missingRepos.join(', ')}`);
  if (result.repos === 0) return [...rows, 'real-code corpus: skipped, no labelled repository is checked out.'].join('\n');
  const table = (title: string, map: Map<string, Tally>) => {
    rows.push(`${title.padEnd(22)}${'labelled'.padStart(9)}${'found'.padStart(7)}${'recall'.padStart(10)}`);
    for (const [key, tally] of [...map].sort((a, b) => b[1].labelled - a[1].labelled)) {
      rows.push(`  ${key.padEnd(20)}${String(tally.labelled).padStart(9)}${String(tally.found).padStart(7)}  ${percent(tally.found, tally.labelled)}`);
    }
  };
  rows.push(`real-code corpus: ${result.repos} repositories`);
  for (const [language, tally] of result.byLanguage) {
    const truePositives = tally.reported - tally.wrong;
    rows.push(`${language}: recall ${percent(tally.found, tally.labelled)} (${tally.found}/${tally.labelled}), precision ${percent(truePositives, tally.reported)} (${truePositives}/${tally.reported})`);
  }
  table('by family', result.byFamily);
  table('by site kind', result.byKind);
  table('by pattern', result.byPattern);
  rows.push('rule agreement with the labels (found sites, wrappers aside):');
  for (const [rule, { agree, judged }] of [...result.agreement].sort()) rows.push(`  ${rule.padEnd(14)}${percent(agree, judged)} (${agree}/${judged})`);
  if (result.disagreements.length > 0) rows.push(`rule disagreements:\n  ${result.disagreements.join('\n  ')}`);
  if (result.misses.length > 0) rows.push(`missed:\n  ${result.misses.join('\n  ')}`);
  if (result.falsePositives.length > 0) rows.push(`false positives:\n  ${result.falsePositives.join('\n  ')}`);
  return rows.join('\n');
}
