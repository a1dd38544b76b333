// The real-code corpus's labels (test/corpus/real/*.json, format in its README): reading and checking them.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT } from '../repoRoot';

export const REAL_LABELS = path.join(REPO_ROOT, 'test', 'corpus', 'real');

export const SITE_KINDS = ['sdk', 'raw-http', 'framework', 'wrapper'] as const;
export const PATTERNS = [
  'direct',
  'field',
  'method-client',
  'factory',
  'injected',
  'dynamic-import',
  'subpath-import',
  'project-abstraction',
  'workspace-package',
  'http-config-url',
  'options-spread',
  'wrapper',
] as const;
const SETTINGS = ['set', 'none', 'unknown'] as const;

export type SiteKind = (typeof SITE_KINDS)[number];
export type Setting = (typeof SETTINGS)[number];

export interface RealSite {
  line: number;
  kind: SiteKind;
  family: string;
  pattern: string;
  timeout?: Setting;
  retries?: Setting;
  tryCatch?: boolean;
  logging?: boolean;
  /** Each successful request leaves a record: a log of its result or usage after it, or tracing that records it. */
  audit?: boolean;
  auditNote?: string;
  outputBound?: Setting;
  note?: string;
}

export interface RealFile {
  repo: string;
  path: string;
  sites: RealSite[];
  lookalikes: { line: number; note?: string }[];
  /** Only these line ranges (inclusive) were labelled; absent: the whole file. */
  ranges?: [number, number][];
}

export interface RealCorpus {
  /** Repository → the commit its files were labelled at. */
  commits: Map<string, string>;
  files: RealFile[];
}

interface LabelFile {
  repos: { repo: string; commit: string }[];
  files: RealFile[];
}

/** Every label file in the folder, merged; throws on a label that breaks the format, naming it. */
export function readRealCorpus(dir = REAL_LABELS): RealCorpus {
  const commits = new Map<string, string>();
  const files: RealFile[] = [];
  const names = fs.existsSync(dir) ? fs.readdirSync(dir).filter((name) => name.endsWith('.json')).sort() : [];
  for (const name of names) {
    const parsed = JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8')) as LabelFile;
    for (const { repo, commit } of parsed.repos) {
      if (!/^[\w.-]+\/[\w.-]+$/.test(repo) || !/^[0-9a-f]{40}$/.test(commit)) throw new Error(`${name}: bad repository entry ${repo}@${commit}`);
      if (commits.has(repo) && commits.get(repo) !== commit) throw new Error(`${name}: ${repo} is labelled at two commits`);
      commits.set(repo, commit);
    }
    for (const file of parsed.files) {
      const where = `${name}: ${file.repo}/${file.path}`;
      if (!commits.has(file.repo)) throw new Error(`${where}: its repository has no commit in "repos"`);
      for (const site of file.sites) {
        if (!Number.isInteger(site.line) || site.line < 1) throw new Error(`${where}: bad line ${site.line}`);
        if (!SITE_KINDS.includes(site.kind)) throw new Error(`${where}:${site.line}: unknown kind ${site.kind}`);
        if (!site.family) throw new Error(`${where}:${site.line}: no family`);
      }
      files.push({ ...file, lookalikes: file.lookalikes ?? [] });
    }
  }
  return { commits, files };
}

/** Whether a line is one the labeller covered. */
export function labelledLine(file: RealFile, line: number): boolean {
  return !file.ranges || file.ranges.some(([from, to]) => line >= from && line <= to);
}
