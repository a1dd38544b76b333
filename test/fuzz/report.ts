// Failures, the summary, reproducer files, and the deduplicated list of distinct failures.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { FuzzInput } from './mutate';

export const FAILURE_KINDS = ['crash', 'hang', 'invalid-json', 'broken-fix', 'non-idempotent-fix', 'lost-lines', 'lsp'] as const;
export type FailureKind = (typeof FAILURE_KINDS)[number];

export interface Failure {
  kind: FailureKind;
  /** Where it happened: `check`, `fix`, `fix-again`, `lsp`. */
  phase: string;
  /** The input(s) that make it happen: one, or several when only their combination fails. */
  inputs: FuzzInput[];
  /** One line: the error, or what the check saw. */
  message: string;
  /** Stack, stderr tail, diff excerpt. */
  detail: string;
  /** More files worth keeping next to the reproducer, by suffix (e.g. `.fixed`). */
  extras?: Record<string, Buffer>;
  /** Filled in by `saveReproducers`. */
  saved?: string[];
}

export interface Totals {
  inputs: number;
  lspInputs: number;
  /** Inputs whose text TypeScript or tree-sitter parses without errors (the fix checks apply to those). */
  parseClean: number;
  /** Files the first --fix run changed. */
  fixed: number;
  notices: number;
  noticeKinds: Map<string, number>;
  lspErrorResponses: number;
  lspLoggedErrors: number;
  lspLoggedKinds: Map<string, { count: number; input: FuzzInput }>;
  lostLineChecksGivenUp: number;
}

export function emptyTotals(): Totals {
  return { inputs: 0, lspInputs: 0, parseClean: 0, fixed: 0, notices: 0, noticeKinds: new Map(), lspErrorResponses: 0, lspLoggedErrors: 0, lspLoggedKinds: new Map(), lostLineChecksGivenUp: 0 };
}

/** Numbers, file names and long quoted parts vary between occurrences of one bug: left out of its signature. */
export function normalise(message: string): string {
  return message
    .replace(/i\d{6}\.\w+/g, 'FILE')
    .replace(/\d+(\.\d+)?/g, 'N')
    .replace(/(["'`]).{40,}?\1/g, '$1…$1')
    .slice(0, 160);
}

export function signature(failure: Failure): string {
  return `${failure.kind} [${failure.phase}] ${normalise(failure.message)}`;
}

/** Writes each failing input (and its extras) as `<kind>-<seed>-<index><ext>`, plus a `.txt` with the details. */
export function saveReproducers(failure: Failure, outDir: string): void {
  fs.mkdirSync(outDir, { recursive: true });
  failure.saved = [];
  for (const input of failure.inputs) {
    const base = path.join(outDir, `${failure.kind}-${input.seed}-${input.index}`);
    fs.writeFileSync(`${base}${input.ext}`, input.text);
    failure.saved.push(`${base}${input.ext}`);
    if (failure.inputs.length === 1) {
      for (const [suffix, bytes] of Object.entries(failure.extras ?? {})) fs.writeFileSync(`${base}${suffix}${input.ext}`, bytes);
    }
    const others = failure.inputs.length > 1 ? `fails only together with: ${failure.inputs.map((i) => i.index).join(', ')}\n` : '';
    fs.writeFileSync(
      `${base}.txt`,
      `${failure.kind} (${failure.phase}): ${failure.message}\n` +
        `seed ${input.seed}, index ${input.index}, from ${input.source}\nmutations: ${input.mutations.join(', ')}\n${others}` +
        `reproduce: npm run fuzz -- --seed ${input.seed} --index ${input.index}${failure.kind === 'lsp' ? ' (replays the same edits and requests)' : ''}\n` +
        (failure.kind === 'lsp'
          ? ''
          : `      or: node dist/cli.js check ${base}${input.ext} --format json --fail-on off${failure.phase.startsWith('fix') ? ' --fix   (on a copy: --fix edits the file)' : ''}\n`) +
        `\n${failure.detail}\n`,
    );
  }
}

export function formatSummary(totals: Totals, failures: Failure[]): string {
  const count = (kind: FailureKind) => failures.filter((f) => f.kind === kind).length;
  const lines = [
    `inputs                ${totals.inputs} (${totals.parseClean} parse cleanly, ${totals.fixed} changed by --fix)`,
    `crashes               ${count('crash')}`,
    `hangs                 ${count('hang')}`,
    `invalid JSON          ${count('invalid-json')}`,
    `broken fixes          ${count('broken-fix')}`,
    `non-idempotent fixes  ${count('non-idempotent-fix')}`,
    `lost lines            ${count('lost-lines')}${totals.lostLineChecksGivenUp > 0 ? ` (check gave up on ${totals.lostLineChecksGivenUp} huge files)` : ''}`,
    `LSP failures          ${count('lsp')} (of ${totals.lspInputs} LSP inputs; ${totals.lspErrorResponses} error responses, ${totals.lspLoggedErrors} handler errors logged and survived)`,
    `notices               ${totals.notices}${totals.noticeKinds.size > 0 ? ` (${[...totals.noticeKinds].map(([k, n]) => `${n}× ${k}`).join('; ')})` : ''}`,
  ];
  return lines.join('\n');
}

/** One line per distinct failure: how often, one reproducer, and its first error line. */
export function formatDistinct(failures: Failure[]): string {
  const groups = new Map<string, Failure[]>();
  for (const failure of failures) groups.set(signature(failure), [...(groups.get(signature(failure)) ?? []), failure]);
  const out: string[] = [];
  for (const [sig, group] of [...groups].sort((a, b) => b[1].length - a[1].length)) {
    const first = group[0];
    const mutations = new Map<string, number>();
    for (const failure of group) for (const input of failure.inputs) for (const m of input.mutations) mutations.set(m.replace(/[(@].*/, ''), (mutations.get(m.replace(/[(@].*/, '')) ?? 0) + 1);
    out.push(`${group.length}× ${sig}`);
    const frames = first.detail.split('\n').filter((line) => /^\s+at /.test(line)).slice(0, 3);
    if (frames.length > 0) out.push(`    ${frames.map((f) => f.trim()).join('\n    ')}`);
    out.push(`    e.g. ${first.saved?.[0] ?? `seed ${first.inputs[0].seed} index ${first.inputs[0].index}`}  (mutations: ${first.inputs[0].mutations.join(', ')})`);
    out.push(`    mutations across the group: ${[...mutations].sort((a, b) => b[1] - a[1]).map(([m, n]) => `${m} ${n}`).join(', ')}`);
  }
  return out.join('\n');
}
