// RuleTester in the ESLint style: valid and invalid tables per rule, every fix applied, re-parsed and
// type-checked against the real SDK typings installed as devDependencies.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { before, describe, it } from 'node:test';
import { Project, ts, type SourceFile } from 'ts-morph';
import { analyzeText, extractFacts, type FileAnalysis } from '../../server/src/core/engine/analyzeFile';
import { suppressionFixes } from '../../server/src/core/engine/suppress';
import { ProjectIndex } from '../../server/src/core/project/projectIndex';
import { defaultConfig, type ProdreadyConfig } from '../../server/src/core/config/config';
import { applyEdits, editsOverlap, WAIVER_REASON_PLACEHOLDER, type TextEdit } from '../../server/src/core/model';
import { rules, type Finding, type RuleId, type Severity } from '../../server/src/core/rules';
import { LineIndex } from '../../server/src/core/model';
import { codeOwnersPattern, parseCodeOwners } from '../../server/src/core/ownership/codeowners';
import type { OwnershipSources } from '../../server/src/core/ownership/owners';
import { loadPythonParser } from '../../server/src/node/python';
import { REPO_ROOT } from '../repoRoot';

before(async () => {
  const problem = await loadPythonParser();
  if (problem) throw new Error(`the Python parser did not load: ${problem}`);
});

export interface ValidCase {
  name?: string;
  code: string;
  filename?: string;
  config?: Partial<ProdreadyConfig>;
  /** false when the snippet is deliberately not a complete, typed program. */
  typecheck?: boolean;
  /** The date waivers are judged against. */
  today?: string;
  /** Other modules of the project, by path relative to the case's file, which the case may import. */
  files?: Record<string, string>;
  /** The project's CODEOWNERS text and `.prodready.json` ownership rules, paths relative to the case's folder. */
  ownership?: { codeowners?: string; rules?: { path: string; owners: string[] }[] };
}

export interface ExpectedError {
  messageId: string;
  line?: number;
  column?: number;
  endLine?: number;
  endColumn?: number;
  severity?: Severity;
  data?: Record<string, string | number>;
}

export interface InvalidCase extends ValidCase {
  errors: ExpectedError[];
  /** The code after the first fix of every finding is applied; required when any finding has a fix. */
  output?: string;
  /** Titles of every fix offered, in order, per finding. */
  fixTitles?: string[][];
}

interface FixedProgram {
  label: string;
  before: string;
  after: string;
  filename: string;
}

const typecheckQueue: FixedProgram[] = [];
const pythonQueue: FixedProgram[] = [];

function caseName(test: ValidCase, index: number): string {
  return test.name ?? `#${index + 1}: ${test.code.trim().split('\n').find((line) => /create|stream|generate|new |embed/.test(line))?.trim().slice(0, 70) ?? ''}`;
}

function configOf(test: ValidCase): ProdreadyConfig {
  const base = defaultConfig();
  return { ...base, ...test.config, defaults: { ...base.defaults, ...test.config?.defaults } };
}

const CASE_DIR = '/case';

/** The case's sibling modules in memory; relative imports resolve to `.ts`, `.js` or `/index.ts` among them. */
function projectOf(test: ValidCase, filename: string): ProjectIndex | undefined {
  if (!test.files) return undefined;
  const files = new Map(Object.entries(test.files).map(([file, text]) => [path.posix.join(CASE_DIR, file), text]));
  files.set(filename, test.code);
  return new ProjectIndex({
    resolveModule(specifier, fromFile) {
      if (fromFile.endsWith('.py')) return resolvePythonIn(files, specifier, fromFile);
      if (!specifier.startsWith('.')) return undefined;
      const base = path.posix.join(path.posix.dirname(fromFile), specifier);
      return [base, `${base}.ts`, `${base}.js`, `${base}/index.ts`].find((candidate) => files.has(candidate));
    },
    readFile: (file) => files.get(file),
  });
}

/** `app.ai` from the case's folder, `.ai` / `..ai` from the importing file's package, among the in-memory files. */
function resolvePythonIn(files: Map<string, string>, specifier: string, fromFile: string): string | undefined {
  const dots = /^\.*/.exec(specifier)![0].length;
  let base = dots === 0 ? CASE_DIR : path.posix.dirname(fromFile);
  for (let level = 1; level < dots; level++) base = path.posix.dirname(base);
  const stem = path.posix.join(base, ...specifier.slice(dots).split('.').filter(Boolean));
  return [`${stem}.py`, `${stem}/__init__.py`].find((candidate) => files.has(candidate));
}

function findingsOf(ruleId: RuleId, test: ValidCase): { findings: Finding[]; lines: LineIndex; analysis: FileAnalysis } {
  const filename = test.files ? path.posix.join(CASE_DIR, test.filename ?? 'case.ts') : (test.filename ?? 'case.ts');
  const project = projectOf(test, filename);
  const analysis = analyzeText(filename, test.code, {
    config: configOf(test),
    today: test.today ?? '2026-11-21',
    resolveImport: project?.resolverFor(filename),
    ownership: ownershipOf(test, filename),
  });
  assert.deepEqual(analysis.failures, [], 'no rule may throw');
  return { findings: analysis.findings.filter((finding) => finding.ruleId === ruleId), lines: analysis.lines, analysis };
}

function ownershipOf(test: ValidCase, filename: string): OwnershipSources | undefined {
  if (!test.ownership) return undefined;
  const root = filename.startsWith(CASE_DIR) ? CASE_DIR : '';
  const { codeowners, rules: configRules = [] } = test.ownership;
  return {
    codeowners: codeowners === undefined ? undefined : { file: 'CODEOWNERS', root, rules: parseCodeOwners(codeowners) },
    config: {
      file: '.prodready.json',
      root,
      rules: configRules.map((rule, index) => ({ pattern: rule.path, owners: rule.owners, line: index + 1, matches: codeOwnersPattern(rule.path)! })),
    },
  };
}

function syntaxErrors(filename: string, text: string): number {
  return extractFacts(filename, text).parseErrors;
}

export function ruleTester(ruleId: RuleId, tables: { valid: ValidCase[]; invalid: InvalidCase[] }): void {
  const seen = new Set<string>();
  for (const test of [...tables.valid, ...tables.invalid]) {
    const key = `${test.filename ?? ''}\n${test.code}\n${JSON.stringify(test.files ?? {})}\n${JSON.stringify(test.ownership ?? {})}`;
    assert.ok(!seen.has(key), `duplicate test case:\n${test.code}`);
    seen.add(key);
  }

  describe(`${ruleId} valid`, () => {
    tables.valid.forEach((test, index) => {
      it(caseName(test, index), () => {
        const { findings } = findingsOf(ruleId, test);
        assert.deepEqual(findings.map((f) => f.message), [], 'expected no findings');
      });
    });
  });

  describe(`${ruleId} invalid`, () => {
    tables.invalid.forEach((test, index) => {
      const name = caseName(test, index);
      it(name, () => {
        const filename = test.filename ?? 'case.ts';
        const { findings, lines, analysis } = findingsOf(ruleId, test);
        assert.equal(findings.length, test.errors.length, `expected ${test.errors.length} finding(s), got: ${findings.map((f) => f.message).join(' | ')}`);
        test.errors.forEach((expected, i) => {
          const finding = findings[i];
          const { start, end } = lines.rangeOf(finding.span);
          assert.equal(finding.messageId, expected.messageId);
          if (expected.line !== undefined) assert.equal(start.line + 1, expected.line, 'line');
          if (expected.column !== undefined) assert.equal(start.character + 1, expected.column, 'column');
          if (expected.endLine !== undefined) assert.equal(end.line + 1, expected.endLine, 'endLine');
          if (expected.endColumn !== undefined) assert.equal(end.character + 1, expected.endColumn, 'endColumn');
          if (expected.severity) assert.equal(finding.severity, expected.severity, 'severity');
          if (expected.data) {
            for (const [key, value] of Object.entries(expected.data)) assert.equal(finding.data[key], value, `data.${key}`);
          }
          assert.ok(!/\{\{\w+\}\}/.test(finding.message), `unfilled placeholder in: ${finding.message}`);
        });
        if (test.fixTitles) assert.deepEqual(findings.map((f) => f.fixes.map((fix) => fix.title)), test.fixTitles);
        assertWaiversWork(ruleId, test, filename, findings, analysis);

        const hasFix = findings.some((finding) => finding.fixes.length > 0);
        if (!hasFix) {
          assert.equal(test.output, undefined, 'output given but no fix offered');
          return;
        }
        const before = syntaxErrors(filename, test.code);
        for (const finding of findings) {
          finding.fixes.forEach((fix, fixIndex) => {
            const fixed = applyEdits(test.code, fix.edits);
            assert.ok(syntaxErrors(filename, fixed) <= before, `fix "${fix.title}" introduced a syntax error:\n${fixed}`);
            assertOnlyInserts(test.code, fix.edits);
            if (test.typecheck !== false) {
              const queue = filename.endsWith('.py') ? pythonQueue : typecheckQueue;
              queue.push({ label: `${ruleId} ${name} — fix ${fixIndex + 1} "${fix.title}"`, before: test.code, after: fixed, filename });
            }
          });
        }
        const chosen: TextEdit[][] = [];
        for (const finding of findings) {
          const first = finding.fixes[0];
          if (first && !chosen.some((edits) => editsOverlap(edits, first.edits))) chosen.push(first.edits);
        }
        assert.notEqual(test.output, undefined, 'a fix is offered: the case must give its output');
        assert.equal(applyEdits(test.code, chosen.flat()), test.output);
      });
    });
  });

  // Tables without a fixed case (a Python table of a rule whose fixes are TS-only) have nothing to check here.
  if (!rules[ruleId].meta.fixable || !tables.invalid.some((test) => test.output !== undefined)) return;
  describe(`${ruleId} fixes`, () => {
    it('every fix type-checks against the SDK typings wherever the original did', () => {
      assert.ok(typecheckQueue.length + pythonQueue.length > 0, 'no fix was collected for checking');
      if (typecheckQueue.length > 0) typecheckFixes(typecheckQueue.splice(0));
    });
    it('every Python fix compiles (python3 -m py_compile) wherever the original did', { skip: !hasPython() && !process.env.CI && 'python3 is not installed' }, () => {
      compilePythonFixes(pythonQueue.splice(0));
    });
  });
}

/**
 * Every finding's waiver (the core's `prodready-ignore-next-line` quick fix) keeps the file parseable and
 * suppresses the finding: the rule reports fewer findings once it is applied.
 */
function assertWaiversWork(ruleId: RuleId, test: InvalidCase, filename: string, findings: Finding[], analysis: FileAnalysis): void {
  const waiverOf = suppressionFixes(analysis, test.code);
  const before = syntaxErrors(filename, test.code);
  for (const finding of findings) {
    const waiver = waiverOf(finding);
    assert.equal(waiver.title, `Ignore ${ruleId} for this line`);
    const waived = applyEdits(test.code, waiver.edits);
    assert.ok(syntaxErrors(filename, waived) <= before, `the waiver of "${finding.message}" introduced a syntax error:\n${waived}`);
    // The placeholder is not a decision: the finding stays until a reason is written.
    assert.equal(findingsOf(ruleId, { ...test, code: waived }).findings.length, findings.length, `a waiver without a reason suppressed "${finding.message}"`);
    const decided = waived.replace(`-- ${WAIVER_REASON_PLACEHOLDER}`, '-- accepted for the pilot');
    const after = findingsOf(ruleId, { ...test, code: decided }).findings;
    assert.ok(after.length < findings.length, `the waiver of "${finding.message}" did not suppress it:\n${decided}`);
  }
}

/** A fix may replace what it targets, never delete user code around it. */
function assertOnlyInserts(code: string, edits: TextEdit[]): void {
  for (const edit of edits) {
    const replaced = code.slice(edit.span.start, edit.span.end);
    assert.ok(replaced.length <= 200 && !replaced.includes('\n'), `fix replaces more than a value: ${JSON.stringify(replaced)}`);
  }
}

/**
 * Every fixed program must type-check wherever its original did, against the SDKs' own .d.ts files. One
 * program for all cases of a file keeps this to a single type-check.
 */
function typecheckFixes(programs: FixedProgram[]): void {
  const project = new Project({
    compilerOptions: {
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
      types: ['node'],
      strict: true,
      skipLibCheck: true,
      noEmit: true,
      isolatedModules: true,
    },
  });
  const dir = path.join(REPO_ROOT, 'test', '.typecheck');
  const pairs = programs.map((program, index) => {
    const extension = path.extname(program.filename) || '.ts';
    return {
      program,
      before: project.createSourceFile(path.join(dir, `case${index}.before${extension}`), program.before, { overwrite: true }),
      after: project.createSourceFile(path.join(dir, `case${index}.after${extension}`), program.after, { overwrite: true }),
    };
  });
  const errorsOf = (file: SourceFile) =>
    file.getPreEmitDiagnostics().map((d) => ts.flattenDiagnosticMessageText(d.getMessageText() as string | ts.DiagnosticMessageChain, ' '));
  let cleanBefore = 0;
  for (const { program, before, after } of pairs) {
    const existing = new Set(errorsOf(before));
    if (existing.size === 0) cleanBefore++;
    const introduced = errorsOf(after).filter((error) => !existing.has(error));
    assert.deepEqual(introduced, [], `${program.label}: the fix introduces type errors:\n${program.after}`);
  }
  // Guards the harness itself: if nothing type-checks, module resolution of the SDKs is broken.
  assert.ok(cleanBefore > 0, 'no fixture type-checked before its fix: are the SDK devDependencies installed?');
}

function hasPython(): boolean {
  return spawnSync('python3', ['--version']).status === 0;
}

/** `python3 -m py_compile` on each fixed program whose original compiled: a fix must not break the file. */
function compilePythonFixes(programs: FixedProgram[]): void {
  if (programs.length === 0) return;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'prodready-py-'));
  try {
    const compiles = (name: string, text: string) => {
      const file = path.join(dir, name);
      fs.writeFileSync(file, text);
      return spawnSync('python3', ['-m', 'py_compile', file], { encoding: 'utf8' });
    };
    programs.forEach((program, index) => {
      if (compiles(`case${index}_before.py`, program.before).status !== 0) return;
      const after = compiles(`case${index}_after.py`, program.after);
      assert.equal(after.status, 0, `${program.label}: the fix does not compile:\n${after.stderr}\n${program.after}`);
    });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
