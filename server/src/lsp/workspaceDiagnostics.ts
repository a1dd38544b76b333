import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DiagnosticSeverity, type Diagnostic, type WorkDoneProgressServerReporter } from 'vscode-languageserver/node';
import type { FileAnalysis, WorkspaceSnapshot } from '../core';
import { SOURCE, StatusNotification } from '../protocol';
import { toDiagnostic } from './convert';
import { filePathOf } from './guard';
import type { Session } from './session';
import { CancelledError, type WorkspaceModel } from './workspaceModel';

/** The documents open at start-up are analysed first; the workspace is read after them. */
const START_DELAY_MS = 300;
/** Changes on disk come in bursts (a checkout, a formatter): one scan after the burst. */
const RESCAN_QUIET_MS = 300;
/** The status item is told how far indexing is at most this often. */
const STATUS_EVERY_MS = 250;

/**
 * Problems for the whole workspace (`prodready.scope`: `workspace`, the default): every source file's findings are
 * published without the file being opened, and follow it as it changes on disk. Open documents publish their own,
 * with fixes. The scan runs in the background over the workspace model (which yields to edits every few
 * milliseconds), reports `$/progress` and tells the status item how far it is, then how many findings there are.
 */
export class WorkspaceDiagnostics {
  /** Files whose diagnostics come from disk, by URI. */
  private readonly published = new Set<string>();
  private scanning: Promise<void> | undefined;
  private again = false;
  private timer: NodeJS.Timeout | undefined;
  private lastStatus = 0;
  private firstScan = true;
  /** The `$/progress` of the scan under way, when the client takes server-initiated progress. */
  private reporter: WorkDoneProgressServerReporter | undefined;

  constructor(
    private readonly session: Session,
    private readonly model: WorkspaceModel,
  ) {
    model.onProgress = (root, done, total) => this.progressed(root, done, total);
  }

  /** After `initialized`: the first scan, once the documents open at start-up had their turn. */
  start(): void {
    this.schedule(START_DELAY_MS);
  }

  /** Something changed (files on disk, config, settings, an edit others import): scan again after a quiet moment. */
  changed(): void {
    this.schedule(RESCAN_QUIET_MS);
  }

  /** "Scan Workspace": a scan now, after any under way; resolves when it is done. */
  async scanNow(): Promise<void> {
    clearTimeout(this.timer);
    while (this.scanning) await this.scanning.catch(() => undefined);
    await this.scan();
  }

  private schedule(delay: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.session.guard.run('workspace scan', () => this.scan()), delay);
  }

  private async scan(): Promise<void> {
    if (this.scanning) {
      this.again = true;
      return;
    }
    this.scanning = this.scanFolders();
    try {
      await this.scanning;
    } finally {
      this.scanning = undefined;
      if (this.again) {
        this.again = false;
        this.changed();
      }
    }
  }

  private async scanFolders(): Promise<void> {
    const { session } = this;
    const stillPublished = new Set<string>();
    let findings = 0;
    for (const folder of session.folders) {
      const root = filePathOf(folder.uri);
      if (root === undefined) continue;
      const settings = await session.settingsFor(folder.uri);
      if (!settings.enable) continue;
      const started = Date.now();
      const progress = await this.beginProgress(path.basename(root));
      let snapshot: WorkspaceSnapshot;
      try {
        snapshot = await this.model.snapshot(root);
      } catch (error) {
        if (error instanceof CancelledError) return;
        throw error;
      } finally {
        progress?.done();
        this.reporter = undefined;
      }
      const workspace = settings.scope === 'workspace';
      for (const analysis of snapshot.analyses) {
        const uri = pathToFileURL(analysis.file).toString();
        if (session.documents.get(uri)) {
          findings += analysis.findings.length;
          continue;
        }
        if (!workspace) continue;
        findings += analysis.findings.length;
        if (analysis.findings.length === 0 && !analysis.notice && !this.published.has(uri)) continue;
        stillPublished.add(uri);
        void session.connection.sendDiagnostics({ uri, diagnostics: diskDiagnostics(analysis) });
      }
      this.logScan(root, snapshot, Date.now() - started);
    }
    // Files that were published from disk and are now open, gone, excluded or clean.
    for (const uri of this.published) {
      if (!stillPublished.has(uri) && !session.documents.get(uri)) void session.connection.sendDiagnostics({ uri, diagnostics: [] });
    }
    this.published.clear();
    for (const uri of stillPublished) this.published.add(uri);
    void session.connection.sendNotification(StatusNotification, { state: 'ready', message: `${findings} finding${findings === 1 ? '' : 's'}`, findings });
  }

  private async beginProgress(folder: string): Promise<WorkDoneProgressServerReporter | undefined> {
    if (!this.session.clientHasProgress) return undefined;
    try {
      const progress = await this.session.connection.window.createWorkDoneProgress();
      progress.begin('prodready', 0, `Indexing ${folder}`, false);
      this.reporter = progress;
      return progress;
    } catch {
      return undefined;
    }
  }

  private progressed(root: string, done: number, total: number): void {
    const now = Date.now();
    if (done < total && now - this.lastStatus < STATUS_EVERY_MS) return;
    this.lastStatus = now;
    const message = `${done}/${total} files`;
    this.reporter?.report(total === 0 ? 100 : Math.round((done / total) * 100), message);
    if (done < total) {
      void this.session.connection.sendNotification(StatusNotification, { state: 'indexing', message: `Indexing ${path.basename(root)}: ${message}`, progress: { done, total } });
    }
  }

  /** At the default log level: what was read, what was skipped and why, and how long it took. */
  private logScan(root: string, snapshot: WorkspaceSnapshot, ms: number): void {
    const { console } = this.session.connection;
    const sites = snapshot.analyses.reduce((sum, analysis) => sum + analysis.facts.callSites.length, 0);
    const withSites = snapshot.analyses.filter((analysis) => analysis.facts.callSites.length > 0).length;
    const findings = snapshot.analyses.reduce((sum, analysis) => sum + analysis.findings.length, 0);
    const what = this.firstScan ? 'Indexed' : 'Re-read';
    const skipped = [...this.model.skipped].filter(([file]) => !path.relative(root, file).startsWith('..'));
    console.info(
      `${what} ${root}: ${snapshot.files.length} files, ${snapshot.analyses.length} source files analysed (${this.model.parsedCount.get(root) ?? 0} parsed), ${skipped.length} skipped, ${sites} AI call sites in ${withSites} files, ${findings} findings, in ${ms} ms.`,
    );
    if (skipped.length > 0) {
      console.info(`Skipped ${skipped.length} file${skipped.length === 1 ? '' : 's'}: ${skipped.map(([file, why]) => `${path.relative(root, file)} (${why})`).join(', ')}.`);
    }
    this.firstScan = false;
  }
}

/** A file read from disk: its findings without fixes (no document version to tie them to), and its notice. */
function diskDiagnostics(analysis: FileAnalysis): Diagnostic[] {
  const diagnostics = analysis.findings.map((finding) => toDiagnostic(analysis.lines, finding));
  if (analysis.notice) {
    const at = analysis.lines.positionAt(analysis.facts.unreadFrom ?? 0);
    diagnostics.unshift({ range: { start: at, end: at }, severity: DiagnosticSeverity.Information, source: SOURCE, message: `prodready: ${analysis.notice}` });
  }
  return diagnostics;
}
