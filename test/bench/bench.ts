// `npm run bench`: speed of the per-keystroke path against the TypeScript parser in the same run,
// server start-up, and the package size. Prints figures; asserts nothing.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';
import { analyzeText, PythonParse, type AnalyzeOptions } from '../../server/src/core/engine/analyzeFile';
import { parsePython } from '../../server/src/core/extract/python/parser';
import { loadPythonParser } from '../../server/src/node/python';
import { ProjectIndex } from '../../server/src/core/project/projectIndex';
import { LspClient } from '../lsp/lspClient';
import { pythonServiceModule, serviceModule } from './serviceModule';
import { REPO_ROOT } from '../repoRoot';

const REPO = REPO_ROOT;
const ROUNDS = 60;

function stats(samples: number[]): { median: number; p95: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { median: at(0.5), p95: at(0.95) };
}

function time(fn: () => void): number {
  const start = performance.now();
  fn();
  return performance.now() - start;
}

/** The edit a keystroke makes: one character typed inside a different function each round. */
function edited(text: string, round: number, marker = `const ageHours = (Date.now() - `): string {
  let at = -1;
  for (let i = 0; i <= round % 40; i++) at = text.indexOf(marker, at + 1);
  return `${text.slice(0, at)}${marker}${round % 2 ? ' ' : ''}${text.slice(at + marker.length)}`;
}

function fmt(ms: number): string {
  return `${ms.toFixed(2)} ms`;
}

const PY_MARKER = 'age_hours = (time.time() - ';

async function lspLatency(text: string, fileName = 'service.ts', marker?: string): Promise<{ startMs: number; edit: { median: number; p95: number } }> {
  const dir = fs.mkdtempSync(path.join(REPO, 'out', 'bench-'));
  const started = performance.now();
  const client = new LspClient({ debounceMs: 0 });
  await client.initialize(dir, true);
  const startMs = performance.now() - started;
  const uri = pathToFileURL(path.join(dir, fileName)).toString();
  await client.open(uri, text, fileName.endsWith('.py') ? 'python' : 'typescript');
  await client.diagnostics(uri);
  const samples: number[] = [];
  for (let round = 0; round < 30; round++) {
    const version = round + 2;
    const t0 = performance.now();
    await client.change(uri, edited(text, round, marker), version);
    await client.diagnostics(uri, (p) => p.version === version);
    samples.push(performance.now() - t0);
  }
  await client.shutdown();
  fs.rmSync(dir, { recursive: true, force: true });
  return { startMs, edit: stats(samples) };
}

interface EditFigures {
  lines: number;
  sites: number;
  findings: number;
  parse: { median: number; p95: number };
  analyse: { median: number; p95: number };
}

/** One character typed per round, then the same text parsed by TypeScript and analysed by prodready. */
function measureEdits(text: string, options: AnalyzeOptions = {}, file = 'service.ts'): EditFigures {
  // Warm both paths so the JIT compares steady states.
  for (let round = 0; round < 10; round++) {
    ts.createSourceFile(file, edited(text, round), ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
    analyzeText(file, edited(text, round), options);
  }
  const parse: number[] = [];
  const analyse: number[] = [];
  let last = analyzeText(file, text, options);
  for (let round = 0; round < ROUNDS; round++) {
    const next = edited(text, round);
    parse.push(time(() => ts.createSourceFile(file, next, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS)));
    analyse.push(time(() => (last = analyzeText(file, next, options))));
  }
  return { lines: text.split('\n').length, sites: last.facts.callSites.length, findings: last.findings.length, parse: stats(parse), analyse: stats(analyse) };
}

/**
 * The typical module with its clients built in another module and imported, as projects do (`lib/ai.ts`);
 * the index is warm, as it is after the first analysis in the editor.
 */
function crossFile(text: string): { figures: EditFigures; coldMs: number } {
  const clients = `import OpenAI from 'openai';
import Anthropic from '@anthropic-ai/sdk';
export const openai = new OpenAI({ maxRetries: 3 });
export const claude = new Anthropic({ timeout: 20_000 });
`;
  const importing = text
    .replace(/^const openai = new OpenAI\(.*\);$/m, "import { openai, claude } from './lib/clients';")
    .replace(/^const claude = new Anthropic\(.*\);$/m, '');
  const files: Record<string, string> = { '/bench/lib/clients.ts': clients };
  const index = new ProjectIndex({
    resolveModule: (specifier) => (specifier === './lib/clients' ? '/bench/lib/clients.ts' : undefined),
    readFile: (file) => files[file],
  });
  const file = '/bench/service.ts';
  const options = { resolveImport: index.resolverFor(file) };
  const coldMs = time(() => analyzeText(file, importing, options));
  return { figures: measureEdits(importing, options, file), coldMs };
}

/** A Python module edited keystroke by keystroke: tree-sitter's fresh parse beside prodready's incremental re-analysis. */
function measurePythonEdits(text: string): EditFigures {
  const session = new PythonParse();
  for (let round = 0; round < 10; round++) {
    parsePython(edited(text, round, PY_MARKER)).delete();
    analyzeText('service.py', edited(text, round, PY_MARKER), { previousParse: session });
  }
  const parse: number[] = [];
  const analyse: number[] = [];
  let last = analyzeText('service.py', text, { previousParse: session });
  for (let round = 0; round < ROUNDS; round++) {
    const next = edited(text, round, PY_MARKER);
    parse.push(time(() => parsePython(next).delete()));
    analyse.push(time(() => (last = analyzeText('service.py', next, { previousParse: session }))));
  }
  session.release();
  return { lines: text.split('\n').length, sites: last.facts.callSites.length, findings: last.findings.length, parse: stats(parse), analyse: stats(analyse) };
}

async function main(): Promise<void> {
  await loadPythonParser();
  const text = serviceModule(50, 0.5);
  const pythonText = pythonServiceModule(85, 0.5);
  const python = measurePythonEdits(pythonText);
  const pythonLsp = await lspLatency(pythonText, 'service.py', PY_MARKER);
  const typical = measureEdits(text);
  const dense = measureEdits(serviceModule(50));
  const imported = crossFile(text);
  const lsp = await lspLatency(text);
  const vsix = path.join(REPO, 'prodready.vsix');
  const vsixMb = fs.existsSync(vsix) ? fs.statSync(vsix).size / 1024 / 1024 : undefined;

  const row = (label: string, value: string) => console.log(`${label.padEnd(62)} ${value}`);
  const report = (name: string, figures: EditFigures) => {
    console.log(`${name}: ${figures.lines}-line TypeScript file, ${figures.sites} AI call sites, ${figures.findings} findings, ${ROUNDS} edits`);
    row('  ts.createSourceFile (baseline)   median / p95', `${fmt(figures.parse.median)} / ${fmt(figures.parse.p95)}`);
    row('  re-analyse after an edit (parse+extract+rules)   median / p95', `${fmt(figures.analyse.median)} / ${fmt(figures.analyse.p95)}`);
    row('  ratio analyse / parse   median / p95', `${(figures.analyse.median / figures.parse.median).toFixed(2)} / ${(figures.analyse.p95 / figures.parse.p95).toFixed(2)}`);
  };
  console.log(`prodready bench, node ${process.version}`);
  report('typical service module (target ratio <= 2)', typical);
  report('dense worst case, an AI call every 11 lines', dense);
  report('typical module, clients imported from another module (warm index)', imported.figures);
  row('  first analysis, index cold (reads and indexes the imported module)', fmt(imported.coldMs));
  row('LSP edit -> publishDiagnostics, typical file, debounce 0   median / p95', `${fmt(lsp.edit.median)} / ${fmt(lsp.edit.p95)}`);
  row('server start -> initialize answered (activation cost)', fmt(lsp.startMs));
  console.log(`Python service module: ${python.lines} lines, ${python.sites} AI call sites, ${python.findings} findings, ${ROUNDS} edits`);
  row('  tree-sitter parse of the whole file (baseline)   median / p95', `${fmt(python.parse.median)} / ${fmt(python.parse.p95)}`);
  row('  re-analyse after an edit (incremental parse+extract+rules)   median / p95', `${fmt(python.analyse.median)} / ${fmt(python.analyse.p95)}`);
  row('  ratio analyse / parse   median / p95', `${(python.analyse.median / python.parse.median).toFixed(2)} / ${(python.analyse.p95 / python.parse.p95).toFixed(2)}`);
  row('  LSP edit -> publishDiagnostics, debounce 0   median / p95', `${fmt(pythonLsp.edit.median)} / ${fmt(pythonLsp.edit.p95)}`);
  row('heap used after the run', `${(process.memoryUsage().heapUsed / 1024 / 1024).toFixed(1)} MB`);
  row('prodready.vsix size (target <= 3 MB)', vsixMb === undefined ? 'not packaged (npm run package)' : `${vsixMb.toFixed(2)} MB`);
}

void main();
