import { TRACING_PACKAGES } from '../catalog/observability';
import { findTextSignals } from '../extract/shared/textSignals';
import type { FileAnalysis } from '../engine/analyzeFile';
import type { TextSignals } from '../model';
import type { Evidence } from './types';
import type { WorkspaceView } from './workspace';

// Workspace facts that are not about one call: eval suites, tracing, metrics, deploy manifests. Read from file
// names, dependency manifests and the analysed sources' text; nothing is executed.

const EVAL_FILES = [
  /(^|\/)promptfooconfig\.(ya?ml|json|[cm]?[jt]s)$/,
  /(^|\/)evals?\/[^/]+\.\w+$/,
  /\.evals?\.([cm]?[jt]sx?|py|ya?ml|json)$/,
  /(^|\/)(deepeval|ragas|braintrust)[^/]*\.(py|[jt]s|ya?ml)$/,
];

const TEST_FILES = /(\.(test|spec)\.[cm]?[jt]sx?$)|((^|\/)test_[^/]+\.py$)|(_test\.py$)/;
const MAX_TEST_FILES_READ = 400;

/** Eval configs and suites, and tests that import a module making AI calls. */
export function evalEvidence(view: WorkspaceView): Evidence[] {
  const found: Evidence[] = view.snapshot.files.filter((file) => EVAL_FILES.some((pattern) => pattern.test(file))).map((file) => ({ label: 'eval suite', file }));
  const aiModules = [...new Set(view.sites.map((site) => moduleNameOf(site.ref.file)))].filter((name) => name !== 'index' && name.length > 2);
  if (aiModules.length === 0) return found;
  const importsAiModule = new RegExp(
    `(['"\`][^'"\`\\n]*/(${aiModules.map(escape).join('|')})(\\.[cm]?[jt]sx?)?['"\`])|((from|import)\\s+[\\w.]*\\b(${aiModules.map(escape).join('|')})\\b)`,
  );
  for (const file of view.snapshot.files.filter((name) => TEST_FILES.test(name)).slice(0, MAX_TEST_FILES_READ)) {
    const text = view.snapshot.readFile(file);
    const match = text && importsAiModule.exec(text);
    if (match) found.push({ label: `test of ${match[2] ?? match[6]}`, file, line: lineAt(text, match.index) });
  }
  return found;
}

const PYTHON_MANIFESTS = /(^|\/)(requirements[^/]*\.txt|pyproject\.toml|Pipfile|setup\.cfg)$/;

/** Tracing libraries in dependency manifests, and tracing set up in the code around AI calls. */
export function tracingEvidence(view: WorkspaceView): Evidence[] {
  const found: Evidence[] = [];
  for (const file of view.snapshot.files) {
    if (/(^|\/)package\.json$/.test(file)) found.push(...packageJsonMatches(view, file, TRACING_PACKAGES));
    else if (PYTHON_MANIFESTS.test(file)) found.push(...pythonManifestMatches(view, file, TRACING_PACKAGES));
  }
  found.push(...textMatches(view, 'tracing', (text) => `tracing: ${text}`));
  return found;
}


/** Token usage (what a request cost) and latency recorded in the modules that call models. */
export function metricsEvidence(view: WorkspaceView): { usage: Evidence[]; latency: Evidence[] } {
  return {
    usage: textMatches(view, 'usage', (text) => `token usage: ${text}`),
    latency: textMatches(view, 'latency', (text) => `latency: ${text}`),
  };
}

const DEPLOY_FILES = [
  /(^|\/)Dockerfile(\.[\w-]+)?$/,
  /(^|\/)(docker-)?compose(\.[\w-]+)?\.ya?ml$/,
  /(^|\/)\.github\/workflows\/[^/]+\.ya?ml$/,
  /(^|\/)\.gitlab-ci\.ya?ml$/,
  /(^|\/)(Jenkinsfile|azure-pipelines\.ya?ml|bitbucket-pipelines\.yml|cloudbuild\.ya?ml|\.circleci\/config\.yml)$/,
  /(^|\/)(k8s|kubernetes|helm|charts|deploy|manifests)\/[^/]+\.(ya?ml|json)$/,
  /(^|\/)(vercel\.json|netlify\.toml|fly\.toml|render\.yaml|serverless\.ya?ml|Procfile|app\.yaml|template\.ya?ml|cdk\.json|wrangler\.toml)$/,
  /\.tf$/,
];

export function deployEvidence(view: WorkspaceView): Evidence[] {
  return view.snapshot.files.filter((file) => DEPLOY_FILES.some((pattern) => pattern.test(file))).map((file) => ({ label: 'deploy manifest', file }));
}

function packageJsonMatches(view: WorkspaceView, file: string, names: RegExp): Evidence[] {
  const text = view.snapshot.readFile(file);
  if (!text) return [];
  let manifest: { dependencies?: Record<string, string>; devDependencies?: Record<string, string> };
  try {
    manifest = JSON.parse(text);
  } catch {
    return [];
  }
  const dependencies = [...Object.keys(manifest.dependencies ?? {}), ...Object.keys(manifest.devDependencies ?? {})];
  return dependencies.filter((name) => names.test(name)).map((name) => ({ label: name, file, line: lineAt(text, text.indexOf(`"${name}"`)) }));
}

function pythonManifestMatches(view: WorkspaceView, file: string, names: RegExp): Evidence[] {
  const text = view.snapshot.readFile(file);
  if (!text) return [];
  const found: Evidence[] = [];
  text.split('\n').forEach((line, index) => {
    const name = /^\s*["']?([A-Za-z0-9_.-]+)/.exec(line)?.[1]?.toLowerCase();
    if (name && names.test(name)) found.push({ label: name, file, line: index + 1 });
  });
  return found;
}

/** Read from the text once per analysis, for the three kinds and every checklist built from it. */
const signalsByAnalysis = new WeakMap<FileAnalysis, TextSignals>();

function textSignalsOf(analysis: FileAnalysis): TextSignals {
  if (analysis.facts.textSignals) return analysis.facts.textSignals;
  let signals = signalsByAnalysis.get(analysis);
  if (!signals) signalsByAnalysis.set(analysis, (signals = findTextSignals(analysis.lines.text)));
  return signals;
}

/** The first match of a text signal in each analysed file. */
function textMatches(view: WorkspaceView, kind: keyof TextSignals, label: (match: string) => string): Evidence[] {
  const found: Evidence[] = [];
  for (const analysis of view.snapshot.analyses) {
    const mark = textSignalsOf(analysis)[kind];
    if (mark) found.push(view.at(analysis, mark.span, label(mark.text)));
  }
  return found;
}

function moduleNameOf(file: string): string {
  return file.slice(file.lastIndexOf('/') + 1).replace(/\.[^.]+$/, '');
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}
