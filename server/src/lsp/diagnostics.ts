import * as path from 'node:path';
import { DiagnosticSeverity, type Diagnostic, type TextDocumentChangeEvent } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { describeSkip, documentParseFor, isConfigFile, languageOf, pythonParserSettled, type DocumentParse, type FileAnalysis } from '../core';
import { YoungGeneration } from '../node/youngGeneration';
import { SOURCE } from '../protocol';
import { toDiagnostic, toRange } from './convert';
import { filePathOf } from './guard';
import type { Session } from './session';

/** What the workspace views learn from validation. */
export interface ValidationEvents {
  /** An open document was analysed again. */
  analysed(file: string): void;
  /** A config document was edited: every file's config and owners may have changed. */
  configEdited(): void;
  /** A document was closed: its file is read from disk again. */
  closed(file: string): void;
  /** A file that is not open read what an edited document exports: its analysis on disk is stale. */
  staleOnDisk(file: string): void;
}

/**
 * Diagnostics of open documents: validated on open, debounced on edits, stale versions dropped. Keeps each
 * document's latest analysis (for hovers and fix-all) and its last parse (for incremental re-parses).
 */
export class Diagnostics {
  /** The latest analysis per open document, tied to the version it was made from. */
  private readonly analyses = new Map<string, { version: number; analysis: FileAnalysis }>();
  /** Validations waiting for their debounce, by document: each cancels its own. */
  private readonly pending = new Map<string, () => void>();
  /** The last parse per open document: edits re-parse incrementally from it. */
  private readonly parses = new Map<string, DocumentParse>();
  private readonly youngGeneration = new YoungGeneration();

  constructor(
    private readonly session: Session,
    private readonly events: ValidationEvents,
  ) {}

  register(): void {
    const { documents, guard } = this.session;
    documents.onDidOpen(guard.event('open', (event: TextDocumentChangeEvent<TextDocument>) => this.validate(event.document)));
    documents.onDidChangeContent(guard.event('change', (event: TextDocumentChangeEvent<TextDocument>) => this.schedule(event.document)));
    documents.onDidClose(guard.event('close', (event: TextDocumentChangeEvent<TextDocument>) => this.closed(event.document)));
  }

  /** The latest analysis of a document, whatever its version. */
  latest(uri: string): FileAnalysis | undefined {
    return this.analyses.get(uri)?.analysis;
  }

  /** The analysis of a document at its current version, if it has one. */
  current(document: TextDocument): FileAnalysis | undefined {
    const latest = this.analyses.get(document.uri);
    return latest && latest.version === document.version ? latest.analysis : undefined;
  }

  /** Open documents among `files` are analysed again (what they import changed). */
  revalidateFiles(files: Iterable<string>): void {
    for (const file of files) {
      const document = this.session.documentOf(file);
      if (document) this.session.guard.run('validation', () => this.schedule(document));
      else this.events.staleOnDisk(file);
    }
  }

  revalidateAll(except?: string): void {
    for (const document of this.session.documents.all()) {
      if (document.uri !== except) this.session.guard.run('validation', () => this.validate(document));
    }
  }

  private async schedule(document: TextDocument): Promise<void> {
    const { uri } = document;
    const { debounceMs } = await this.session.settingsFor(uri);
    this.pending.get(uri)?.();
    const run = () => {
      this.pending.delete(uri);
      this.session.guard.run('validation', () => this.validate(document, true));
    };
    // A 0 ms timer still waits a millisecond or more: without a debounce, the validation runs once the messages
    // already received are read (a later edit among them replaces it).
    if (debounceMs > 0) {
      const timer = setTimeout(run, debounceMs);
      this.pending.set(uri, () => clearTimeout(timer));
    } else {
      const immediate = setImmediate(run);
      this.pending.set(uri, () => clearImmediate(immediate));
    }
  }

  private closed(document: TextDocument): void {
    const { uri } = document;
    this.pending.get(uri)?.();
    this.pending.delete(uri);
    this.analyses.delete(uri);
    this.parses.get(uri)?.release();
    this.parses.delete(uri);
    const file = filePathOf(uri);
    if (file === undefined) return;
    if (isConfigFile(file)) {
      this.session.engine.configChanged(file);
      return;
    }
    void this.session.connection.sendDiagnostics({ uri, diagnostics: [] });
    // Unsaved edits are gone with the editor: the disk copy is what other modules import now.
    this.revalidateFiles(this.session.engine.fileChanged(file));
    this.events.closed(file);
  }

  /** `edited`: after a keystroke (or a burst of them), not an open or a re-read. */
  private async validate(document: TextDocument, edited = false): Promise<void> {
    const { session } = this;
    const { uri, version } = document;
    const file = filePathOf(uri);
    if (file === undefined) {
      if (uri.startsWith('file:')) session.notifyOnce(`uri:${uri}`, `${uri}: not analysed, prodready reads local files only.`, uri);
      return;
    }
    if (isConfigFile(file)) {
      this.configEdited(document, file);
      return;
    }
    const [settings] = await Promise.all([session.settingsFor(uri), languageOf(file) === 'python' ? session.pythonParser() : undefined]);
    // A newer edit arrived while we waited for settings (or the parser): its own validation will publish.
    if (session.documents.get(uri)?.version !== version) return;
    const text = document.getText();
    const result = settings.enable
      ? session.engine.analyzeFile({
          file,
          text,
          root: session.folderOf(file),
          exclude: settings.exclude,
          ruleLevels: settings.rules,
          preset: settings.preset,
          previousParse: this.parseOf(uri, file),
        })
      : ({ status: 'disabled' } as const);
    if (result.status === 'skipped' && result.reason.kind === 'parser-restarting') {
      // Another document broke the Python parser; this one is read once a fresh one is loaded.
      void pythonParserSettled().then(() => this.revalidateFiles([file]));
      return;
    }
    if (result.status !== 'analysed') {
      if (result.status === 'skipped' && result.reason.kind !== 'unsupported') session.notifyOnce(`skip:${uri}`, `${path.basename(file)}: ${describeSkip(result.reason)}`, uri);
      this.analyses.delete(uri);
      void session.connection.sendDiagnostics({ uri, version, diagnostics: [] });
      return;
    }
    const { analysis } = result;
    this.analyses.set(uri, { version, analysis });
    const diagnostics = analysis.findings.map((finding, index) => toDiagnostic(document, finding, { version, index }));
    if (analysis.notice) diagnostics.unshift(noticeDiagnostic(document, analysis));
    void session.connection.sendDiagnostics({ uri, version, diagnostics });
    // The diagnostics first (the editor waits for them); then what else follows from the analysis. What this file
    // exports changed (a client's options, a new wrapper): the open files importing it follow.
    this.revalidateFiles(result.staleReaders);
    for (const failure of analysis.failures) {
      session.notifyOnce(`rule:${failure.ruleId}`, `Rule ${failure.ruleId} failed on ${path.basename(file)} and was skipped there; other rules ran.\n${failure.error}`, uri);
    }
    this.events.analysed(file);
    // Once the diagnostics are out, what the next keystroke needs is made ready: what it would read from a whole-file
    // read, and, while typing, room in the young generation (unless an edit is already waiting).
    const parse = this.parses.get(uri);
    setImmediate(() =>
      session.guard.run('validation', () => {
        parse?.prepare();
        if (edited && !this.editWaiting()) this.youngGeneration.collectIfFilling();
      }),
    );
  }

  /** Whether an open document was edited since its last analysis. */
  private editWaiting(): boolean {
    return this.session.documents.all().some((document) => this.analyses.get(document.uri)?.version !== document.version);
  }

  /** A config document was edited: its problems show in it, and every other document is analysed again. */
  private configEdited(document: TextDocument, file: string): void {
    this.session.engine.configChanged(file);
    this.events.configEdited();
    const loaded = this.session.engine.loadConfig(file);
    const diagnostics: Diagnostic[] = loaded.problems.map((problem) => ({
      range: toRange(document, problem.span),
      severity: problem.severity === 'error' ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
      source: SOURCE,
      message: problem.message,
    }));
    void this.session.connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics });
    this.revalidateAll(document.uri);
  }

  private parseOf(uri: string, file: string): DocumentParse {
    let parse = this.parses.get(uri);
    if (!parse) this.parses.set(uri, (parse = documentParseFor(file)));
    return parse;
  }
}

/** A file analysed only in part (or not at all) says so once, at the top, as information. */
function noticeDiagnostic(document: TextDocument, analysis: FileAnalysis): Diagnostic {
  const at = document.positionAt(analysis.facts.unreadFrom ?? 0);
  return { range: { start: at, end: at }, severity: DiagnosticSeverity.Information, source: SOURCE, message: `prodready: ${analysis.notice}` };
}

