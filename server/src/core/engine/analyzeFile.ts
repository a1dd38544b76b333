import { findTextSignals } from '../extract/shared/textSignals';
import { apiFactsOf, sdkFacts } from '../catalog';
import { modelRegistryFor, type ReferenceData } from '../cost/referenceData';
import type { ProdreadyConfig, RuleLevel } from '../config/config';
import { defaultConfig } from '../config/config';
import { createTypeScriptFixer } from '../extract/typescript/fixer';
import { extractTypeScript, parseTypeScript } from '../extract/typescript/extractor';
import { exportedUrlTexts as urlTextsOfExport } from '../extract/typescript/exportedUrls';
import { TypeScriptParse } from '../extract/typescript/incremental';
import { PythonParse, extractPythonText } from '../extract/python/incremental';
import { createPythonFixer } from '../extract/python/fixer';
import { PARSER_RESTARTING, pythonParserReady, pythonParserRestarting } from '../extract/python/parser';
import type { LanguageFixer, TextEdit } from '../model';
import type { CallSite, FileFacts, ImportResolver, Language, RuleFailure, Span } from '../model';
import { rules } from '../rules';
import type { Finding, Fix, Report, Rule, RuleContext, RuleId, Severity } from '../rules';
import { ownerOf, ownershipDeclared, type OwnershipSources } from '../ownership/owners';
import { findSuppressions, isSuppressed } from '../model';
import { findOwnerTags } from '../model';
import { LineIndex, lineEndingOf, withLfLineBreaks } from '../model';
import { touchesRegion } from '../extract/shared/brokenRegions';
import { MAX_WALK_DEPTH } from '../extract/shared/limits';
import { rememberRun, reusedRun, type RuleInputs } from './rulesReuse';

export { PythonParse };

export const MAX_FILE_BYTES = 2 * 1024 * 1024;

export type { RuleFailure };

export interface FileAnalysis {
  file: string;
  facts: FileFacts;
  findings: Finding[];
  /** Rules that threw; their findings for this file are missing, the others are complete. */
  failures: RuleFailure[];
  lines: LineIndex;
  /** One line saying the file was not analysed, or only in part; readers show it once (a notice, not a finding). */
  notice?: string;
}

export type SkipReason = { kind: 'too-large'; bytes: number } | { kind: 'binary' } | { kind: 'unsupported' } | { kind: 'parser-unavailable' } | { kind: 'parser-restarting' };

export interface AnalyzeOptions {
  config?: ProdreadyConfig;
  /** Per-rule levels from the editor, applied over the config file's. */
  ruleLevels?: Partial<Record<RuleId, RuleLevel>>;
  /** The rules to run; the registry unless a test supplies its own. */
  ruleSet?: Readonly<Record<RuleId, Rule>>;
  /** YYYY-MM-DD that waivers are judged against; today unless a test fixes it. */
  today?: string;
  /** The price tables and lifecycle data in force; the bundled ones unless given. */
  data?: ReferenceData;
  /** Follows imports from other project modules (the project index); without it each file stands alone. */
  resolveImport?: ImportResolver;
  /** CODEOWNERS and config ownership rules; inline `@owner` tags are read from the file itself. */
  ownership?: OwnershipSources;
  /** The previous parse of this document: the new text is parsed incrementally from it, and it is updated. */
  previousParse?: DocumentParse;
  /**
   * Names what extraction reads besides the text (config, the imported modules' exports): while it stays the same,
   * an edit to an open document re-extracts only what it can affect. Without it, every analysis extracts it all.
   */
  environment?: string;
  /** The file's facts when already read (the project index read them for its exports): not read again. */
  facts?: FileFacts;
  /** The file cannot hold an AI call (a scan read so from its text and imports): only waivers and owner tags are read. */
  textOnly?: boolean;
}

const TS_EXTENSIONS = /\.(ts|tsx|mts|cts|js|jsx|mjs|cjs)$/i;

export function languageOf(file: string): Language | undefined {
  if (TS_EXTENSIONS.test(file)) return /\.[cm]?jsx?$/i.test(file) ? 'js' : 'ts';
  if (/\.py$/i.test(file)) return 'python';
  return undefined;
}

/**
 * What a reader keeps of a closed file's analysis for as long as the file stays the same: one with nothing to show
 * (no call site, finding or notice; most files of a workspace) keeps its facts and line starts, not its text.
 */
export function keptAnalysis(analysis: FileAnalysis): FileAnalysis {
  if (analysis.facts.callSites.length > 0 || analysis.findings.length > 0 || analysis.notice) return analysis;
  return { ...analysis, facts: { ...analysis.facts, textSignals: findTextSignals(analysis.lines.text) }, lines: analysis.lines.withoutText() };
}

/** Why a file is not analysed, or undefined when it is; checked before parsing. A text-only read (`parsed: false`) needs no Python parser. */
export function skipReason(file: string, text: string, parsed = true): SkipReason | undefined {
  const language = languageOf(file);
  if (!language) return { kind: 'unsupported' };
  if (parsed && language === 'python' && !pythonParserReady()) return { kind: pythonParserRestarting() ? 'parser-restarting' : 'parser-unavailable' };
  // A UTF-16 unit is at most three UTF-8 bytes: most texts need no count (it reads the whole text, every keystroke).
  const bytes = text.length * 3 <= MAX_FILE_BYTES ? undefined : Buffer.byteLength(text, 'utf8');
  if (bytes !== undefined && bytes > MAX_FILE_BYTES) return { kind: 'too-large', bytes };
  if (text.slice(0, 8000).includes('\u0000')) return { kind: 'binary' };
  return undefined;
}

export function describeSkip(reason: SkipReason): string {
  switch (reason.kind) {
    case 'too-large':
      return `skipped, ${(reason.bytes / 1024 / 1024).toFixed(1)} MB is over the 2 MB limit.`;
    case 'binary':
      return 'skipped, it looks binary.';
    case 'unsupported':
      return 'skipped, not a language prodready reads.';
    case 'parser-unavailable':
      return 'skipped, the Python parser (tree-sitter WebAssembly) could not be loaded.';
    case 'parser-restarting':
      return `skipped, ${PARSER_RESTARTING}.`;
  }
}

export function extractFacts(
  file: string,
  text: string,
  config: ProdreadyConfig = defaultConfig(),
  lines = new LineIndex(text),
  resolveImport?: ImportResolver,
  previous?: DocumentParse,
  environment?: string,
): FileFacts {
  const options = { loggers: config.audit.loggers, redactors: config.privacy.redactors, resolveImport };
  const facts =
    languageOf(file) === 'python'
      ? previous instanceof PythonParse
        ? previous.extract(file, text, options, environment)
        : extractPythonText(file, text, options)
      : previous instanceof TypeScriptParse
        ? previous.extract(file, text, options, environment)
        : extractTypeScript(file, parseTypeScript(file, text), options);
  return { ...facts, lineEnding: lineEndingOf(text), suppressions: findSuppressions(text, lines), ownerTags: findOwnerTags(text, lines) };
}

/** The texts a URL read from a TS/JS module's export can take (see ImportResolver.urlTexts). */
export function exportedUrlTexts(file: string, text: string, config: ProdreadyConfig, resolveImport: ImportResolver, exportName: string, path: readonly string[]): readonly string[] | undefined {
  return urlTextsOfExport(file, text, { loggers: config.audit.loggers, redactors: config.privacy.redactors, resolveImport }, exportName, path);
}

/** An open document's last parse, in its language: the next analysis re-parses from it. */
export type DocumentParse = PythonParse | TypeScriptParse;

/** An empty parse for a document of `file`'s language, to be kept by the editor session. */
export function documentParseFor(file: string): DocumentParse {
  return languageOf(file) === 'python' ? new PythonParse() : new TypeScriptParse();
}

/**
 * Extract, run every enabled rule, drop suppressed findings. Pure: no I/O. Never throws: a file that cannot be
 * analysed comes back empty with a notice, so one hostile file never stops a workspace run or the server.
 */
export function analyzeText(file: string, text: string, options: AnalyzeOptions = {}): FileAnalysis {
  try {
    return analyzeOrThrow(file, text, options);
  } catch (error) {
    return unanalysed(file, text, error);
  }
}

function analyzeOrThrow(file: string, text: string, options: AnalyzeOptions): FileAnalysis {
  const config = options.config ?? defaultConfig();
  const lines = new LineIndex(text);
  const facts = options.facts ?? (options.textOnly ? factsWithoutCode(file, text, lines) : extractFacts(file, text, config, lines, options.resolveImport, options.previousParse, options.environment));
  for (const site of facts.callSites) site.owner = ownerOf(site, facts.ownerTags, lines, options.ownership);
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  const inputs: RuleInputs = { config, ruleLevels: options.ruleLevels, ruleSet: options.ruleSet ?? rules, today, data: options.data, ownership: options.ownership };
  const run = reusedRun(options.previousParse, facts, inputs) ?? runRules(facts, fixerFor(facts, text), config, options, today);
  rememberRun(options.previousParse, run, facts, lines, inputs);
  const { findings, failures } = run;
  return {
    file,
    facts,
    findings: findings.filter((finding) => !isSuppressed(finding, facts.suppressions, lines, today)),
    failures,
    lines,
    ...(facts.unreadFrom === undefined
      ? {}
      : { notice: `code nested deeper than ${MAX_WALK_DEPTH} levels from line ${lines.positionAt(facts.unreadFrom).line + 1} was not analysed.` }),
  };
}

/**
 * The fixer that writes edits for this file. Fixers scan for `\n`; they read a CR-only file through its LF view
 * (same offsets) and write LF, turned into the file's own line ending by `inLineEndingOf`.
 */
export function fixerFor(facts: Pick<FileFacts, 'language' | 'moduleNames'>, text: string): LanguageFixer {
  const lineView = withLfLineBreaks(text);
  return facts.language === 'python' ? createPythonFixer(lineView, facts.moduleNames) : createTypeScriptFixer(lineView);
}

/** Edits as a fixer wrote them (LF), with the file's own line breaks. */
export function inLineEndingOf(facts: Pick<FileFacts, 'lineEnding'>, edits: TextEdit[]): TextEdit[] {
  return facts.lineEnding === '\n' ? edits : edits.map((edit) => ({ span: edit.span, newText: edit.newText.replace(/\n/g, facts.lineEnding) }));
}

/** What a file that could not be analysed reports: nothing found, and why. */
function unanalysed(file: string, text: string, error: unknown): FileAnalysis {
  const reason = error instanceof RangeError && /call stack/i.test(error.message) ? 'it is nested too deeply to parse' : `analysis failed (${firstLine(error)})`;
  return { file, facts: factsWithoutCode(file, text), findings: [], failures: [], lines: new LineIndex(text), notice: `skipped, ${reason}.` };
}

/** A file's facts with no code read: no calls, clients or exports; with `lines`, its waivers and owner tags. */
export function factsWithoutCode(file: string, text: string, lines?: LineIndex): FileFacts {
  return {
    file,
    language: languageOf(file) ?? 'ts',
    callSites: [],
    clients: [],
    parseErrors: 0,
    brokenRegions: [],
    lineEnding: lineEndingOf(text),
    moduleNames: new Set(),
    suppressions: lines ? findSuppressions(text, lines) : [],
    exports: { names: new Map(), star: [] },
    ownerTags: lines ? findOwnerTags(text, lines) : [],
  };
}

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0].slice(0, 200);
}

export function levelOf(rule: Rule, config: ProdreadyConfig, overrides: AnalyzeOptions['ruleLevels']): RuleLevel {
  const id = rule.meta.id;
  return overrides?.[id] ?? config.rules[id] ?? (config.preset === 'strict' ? rule.meta.strictSeverity : rule.meta.defaultSeverity);
}

function runRules(
  facts: FileFacts,
  fixer: LanguageFixer,
  config: ProdreadyConfig,
  options: AnalyzeOptions,
  today: string,
): { findings: Finding[]; failures: RuleFailure[] } {
  const findings: Finding[] = [];
  const failures: RuleFailure[] = [];
  for (const rule of Object.values(options.ruleSet ?? rules)) {
    const level = levelOf(rule, config, options.ruleLevels);
    if (level === 'off') continue;
    try {
      const found: Finding[] = [];
      const context = contextFor(rule, level, facts, fixer, config, options, today, found);
      rule.checkFile?.(facts, context.at(undefined));
      for (const client of facts.clients) rule.checkClient?.(client, context.at(client.span));
      // A call to a project wrapper is judged at the AI call inside the wrapper, once, not at every caller — except
      // by rules about what the caller does with the answer.
      for (const site of facts.callSites) if (site.sdk !== 'wrapper' || rule.meta.judgesWrapperCalls) rule.checkCallSite?.(site, context.at(site.span));
      findings.push(...withoutRepeats(found));
    } catch (error) {
      failures.push({ ruleId: rule.meta.id, file: facts.file, error: error instanceof Error ? error.stack ?? error.message : String(error) });
    }
  }
  findings.sort((a, b) => a.span.start - b.span.start || a.ruleId.localeCompare(b.ruleId));
  return { findings, failures };
}

/** The configured audit logger when this file can reach it, otherwise the console. */
function auditCallIn(facts: FileFacts, config: ProdreadyConfig): RuleContext['auditCall'] {
  const root = config.audit.call.split('.')[0];
  if (facts.moduleNames.has(root) || (root === 'console' && facts.language !== 'python')) return { call: config.audit.call, style: config.audit.style };
  if (facts.language === 'python') return { call: facts.moduleNames.has('logger') ? 'logger.info' : 'logging.info', style: 'message-first' };
  return { call: 'console.info', style: 'message-first' };
}

/** One context per rule and file; `at` points it at the call or construction being checked. */
function contextFor(
  rule: Rule,
  severity: Severity,
  facts: FileFacts,
  fixer: LanguageFixer,
  config: ProdreadyConfig,
  options: AnalyzeOptions,
  today: string,
  sink: Finding[],
): RuleContext & { at(subject: Span | undefined): RuleContext } {
  let subject: Span | undefined;
  const context = {
    settings: config.defaults,
    today,
    models: modelRegistryFor(config, options.data),
    auditCall: auditCallIn(facts, config),
    ownershipDeclared: ownershipDeclared(options.ownership, facts.ownerTags),
    redactorInScope: config.privacy.redactors.find((name) => facts.moduleNames.has(name)),
    fixer,
    clients: facts.clients,
    sdkFacts: (site: { sdk: string; module?: string; language?: Language }) => sdkFacts(site.sdk, site.module, site.language),
    apiFacts: (site: CallSite) => apiFactsOf(site),
    report: (report: Report) => sink.push(toFinding(rule, severity, facts, subject ?? report.span, report)),
    at(next: Span | undefined) {
      subject = next;
      return context;
    },
  };
  return context;
}

function toFinding(rule: Rule, severity: Severity, facts: FileFacts, subjectSpan: Span, report: Report): Finding {
  const template = rule.meta.messages[report.messageId];
  if (template === undefined) throw new Error(`${rule.meta.id} reported unknown message id "${report.messageId}"`);
  const data = report.data ?? {};
  const proposals = report.fixes ?? [];
  if (proposals.length > 0 && !rule.meta.fixable) throw new Error(`${rule.meta.id} offered a fix but does not declare one`);
  // Broken code around an edit means the parser's positions are a guess: the finding stands, its fixes wait.
  const safe = proposals.filter((proposal) => !proposal.edits.some((edit) => touchesRegion(edit.span, facts.brokenRegions)));
  const fixes: Fix[] = safe.map((proposal) => ({
    title: fill(rule.meta.messages[proposal.messageId] ?? proposal.messageId, { ...data, ...proposal.data }),
    edits: inLineEndingOf(facts, proposal.edits),
    isPreferred: rule.meta.fixable === 'safe' && !proposal.alternative,
  }));
  return {
    ruleId: rule.meta.id,
    messageId: report.messageId,
    message: fill(template, data),
    severity: report.milder ? milder(severity) : severity,
    file: facts.file,
    span: report.span,
    subjectSpan,
    data,
    fixes,
  };
}

/** One finding per rule, place and message: a client's model read by three calls is one problem, not three. */
function withoutRepeats(found: Finding[]): Finding[] {
  const seen = new Set<string>();
  return found.filter((finding) => {
    const key = `${finding.span.start}:${finding.span.end}:${finding.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

const MILDER: Record<Severity, Severity> = { error: 'warning', warning: 'info', info: 'hint', hint: 'hint' };

function milder(severity: Severity): Severity {
  return MILDER[severity];
}

const compiled = new Map<string, (data: Record<string, string | number>) => string>();

/** `{{name}}` templates, split once per message and reused for every finding. */
function fill(template: string, data: Record<string, string | number>): string {
  let render = compiled.get(template);
  if (!render) {
    const parts = template.split(/\{\{\s*(\w+)\s*\}\}/);
    render = (values) => parts.map((part, i) => (i % 2 === 0 ? part : part in values ? String(values[part]) : `{{${part}}}`)).join('');
    compiled.set(template, render);
  }
  return render(data);
}
