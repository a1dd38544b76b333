import * as path from 'node:path';
import { keptAnalysis, languageOf, MAX_FILE_BYTES, reachesModel, textReach, type FileAnalysis, type FileRead, type ScanReach, type TextReach, type WorkspaceSnapshot } from '../core';

/** What the model needs from the server: the analysis the editor shows, the folder's views, and the disk. */
export interface WorkspaceHost {
  /** The current analysis of an open document, when it is open and analysed at its current version. */
  openAnalysis(file: string): FileAnalysis | undefined;
  /**
   * Analyses a file's text as the editor would (with `textOnly`, a file that cannot hold an AI call, without a parse);
   * undefined when it is excluded or disabled, why when it is skipped.
   */
  analyze(file: string, text: string, root: string, textOnly: boolean): Promise<FileAnalysis | { skipped: string } | undefined>;
  /** Which of a scan's files are parsed (see ScanReach). */
  scanReach(files: readonly string[]): ScanReach;
  /** Project files other modules reach: parsed whatever their text says. */
  filesReachedFromElsewhere(): Iterable<string>;
  /** Modules read for an importer during a build keep their facts for their own analysis (an empty set: no more). */
  shareFactsWith(files: ReadonlySet<string>): void;
  /** The snapshot of a folder made of these files and analyses, with the folder's config, owners and settings. */
  snapshot(root: string, files: string[], analyses: FileAnalysis[]): Promise<WorkspaceSnapshot>;
  listFiles(root: string): string[];
  stat(file: string): { mtimeMs: number; size: number } | undefined;
  readFile(file: string, maxBytes?: number): FileRead;
}

/** What is known of a file on disk at one size and age. */
interface DiskEntry {
  mtimeMs: number;
  size: number;
  /** What its text may reach; undefined when it was not read (too large, unreadable) or is in no language read. */
  reach?: TextReach;
  /** Its text, read for `reach`, until it is analysed: only when it may hold an AI call (it will be parsed). */
  text?: string;
  /** Its analysis, in full or of its text only; `analysis` undefined when it was skipped or excluded. */
  analysed?: { textOnly: boolean; analysis?: FileAnalysis };
}

export interface Cancellation {
  readonly isCancellationRequested: boolean;
}

/** Above this many source files the workspace view analyses the first ones only, and says so. */
export const MAX_WORKSPACE_FILES = 5_000;
const LISTING_TTL_MS = 10_000;
const SLICE_MS = 15;

export class CancelledError extends Error {}

/**
 * The workspace as the readiness checklist and the inventory see it. Files on disk are analysed once and kept
 * until they change; open documents use the editor's latest analysis. Work yields to the event loop every few
 * milliseconds so diagnostics and hovers stay responsive while a large workspace is read.
 */
export class WorkspaceModel {
  private readonly diskAnalyses = new Map<string, DiskEntry>();
  private readonly listings = new Map<string, { at: number; files: string[] }>();
  private readonly snapshots = new Map<string, Promise<WorkspaceSnapshot>>();
  /** Called once when a snapshot had to leave files out. */
  onTruncated: (root: string, total: number) => void = () => undefined;
  /** Called as a snapshot is built: how many of the folder's source files have been read. */
  onProgress: (root: string, done: number, total: number) => void = () => undefined;
  /** Source files not analysed, and why (over 2 MB, unreadable, binary), until they change. */
  readonly skipped = new Map<string, string>();
  /** Per folder, how many of its source files the last snapshot analysed in full (parsed): the rest were read as text. */
  readonly parsedCount = new Map<string, number>();

  constructor(private readonly host: WorkspaceHost) {}

  /** A file changed on disk or in an editor: its analysis and every snapshot are stale. */
  fileChanged(file: string): void {
    this.diskAnalyses.delete(file);
    this.skipped.delete(file);
    this.snapshots.clear();
  }

  /** Files were created or deleted (or the user asked to refresh): list the folders again. */
  filesChanged(): void {
    this.listings.clear();
    this.snapshots.clear();
  }

  /** Config, ownership or module resolution changed: every analysis is stale. */
  reset(): void {
    this.diskAnalyses.clear();
    this.skipped.clear();
    this.filesChanged();
  }

  snapshot(root: string, token?: Cancellation): Promise<WorkspaceSnapshot> {
    let snapshot = this.snapshots.get(root);
    if (!snapshot) {
      snapshot = this.build(root, token);
      this.snapshots.set(root, snapshot);
      // A cancelled or failed build is not kept: the next request starts over.
      snapshot.catch(() => this.snapshots.get(root) === snapshot && this.snapshots.delete(root));
    }
    return snapshot;
  }

  /**
   * Reads a folder as a CLI scan does: every file's text says whether it may hold an AI call or imports a module
   * that may reach one (kept until it changes); those are analysed in full, what they reach grows the set, and the
   * rest are read for their waivers and owner tags only. Each file is parsed at most once.
   */
  private async build(root: string, token: Cancellation | undefined): Promise<WorkspaceSnapshot> {
    const files = this.listing(root);
    const sources = files.filter((file) => languageOf(file));
    if (sources.length > MAX_WORKSPACE_FILES) this.onTruncated(root, sources.length);
    const read = sources.slice(0, MAX_WORKSPACE_FILES).map((relative) => path.join(root, relative));
    const reach = this.host.scanReach(read);
    const analysed = new Map<string, FileAnalysis | undefined>();
    let sliceStart = Date.now();
    const yieldNow = async () => {
      if (Date.now() - sliceStart <= SLICE_MS) return;
      this.onProgress(root, analysed.size, read.length);
      await new Promise((resolve) => setImmediate(resolve));
      if (token?.isCancellationRequested) throw new CancelledError();
      sliceStart = Date.now();
    };
    const analyse = async (file: string, textOnly: boolean) => {
      await yieldNow();
      analysed.set(file, await this.analysisOf(file, root, textOnly));
    };
    // Modules read for an importer's sake keep their facts for their own analysis in this build.
    this.host.shareFactsWith(new Set(read));
    try {
      for (const file of read) {
        await yieldNow();
        // An open document is analysed already, as the editor shows it.
        const open = this.host.openAnalysis(file);
        if (open) {
          analysed.set(file, open);
          reach.include([file]);
        } else {
          reach.add(file, this.entryOf(file)?.reach);
        }
      }
      for (;;) {
        const fresh = read.filter((file) => reach.parsed.has(file) && !analysed.has(file));
        if (fresh.length === 0) break;
        for (const file of fresh) await analyse(file, false);
        const reaching = read.filter((file) => {
          const analysis = analysed.get(file);
          return analysis !== undefined && reachesModel(analysis.facts);
        });
        reach.grow(reaching, this.host.filesReachedFromElsewhere());
      }
      for (const file of read) if (!analysed.has(file)) await analyse(file, true);
    } finally {
      this.host.shareFactsWith(new Set());
    }
    this.parsedCount.set(root, reach.parsed.size);
    this.onProgress(root, read.length, read.length);
    return this.host.snapshot(root, files, [...analysed.values()].filter((analysis) => analysis !== undefined));
  }

  /** A file on disk as last read, while it stays the same size and age; undefined when it is gone or unreadable. */
  private entryOf(file: string): DiskEntry | undefined {
    const stat = this.host.stat(file);
    if (!stat) return undefined;
    const cached = this.diskAnalyses.get(file);
    if (cached && cached.mtimeMs === stat.mtimeMs && cached.size === stat.size) return cached;
    const entry: DiskEntry = { mtimeMs: stat.mtimeMs, size: stat.size };
    this.diskAnalyses.set(file, entry);
    this.skipped.delete(file);
    if (stat.size > MAX_FILE_BYTES) {
      this.skipped.set(file, `${(stat.size / 1024 / 1024).toFixed(1)} MB, over the 2 MB limit`);
      return entry;
    }
    const text = this.readText(file);
    if (text !== undefined) {
      entry.reach = textReach(file, text);
      // Kept for the parse it will have; the others are read again when their turn comes, not held all at once.
      if (entry.reach?.mayHoldAiCall) entry.text = text;
    }
    return entry;
  }

  private readText(file: string): string | undefined {
    const read = this.host.readFile(file);
    if (!('error' in read)) return read.text;
    this.skipped.set(file, `not readable (${read.error})`);
    return undefined;
  }

  /**
   * The analysis of one file: the editor's when it is open, else the disk's (kept until the file changes). With
   * `textOnly`, a file that cannot hold an AI call, read without a parse; a full analysis kept already serves too.
   */
  async analysisOf(file: string, root: string, textOnly = false): Promise<FileAnalysis | undefined> {
    const open = this.host.openAnalysis(file);
    if (open) return open;
    const entry = this.entryOf(file);
    if (!entry || this.skipped.has(file)) return undefined;
    if (entry.analysed && (textOnly || !entry.analysed.textOnly)) return entry.analysed.analysis;
    const text = entry.text ?? this.readText(file);
    // The text is kept by the analysis (its line index) from here on, not by the entry.
    entry.text = undefined;
    if (text === undefined) return undefined;
    const result = await this.host.analyze(file, text, root, textOnly);
    if (result && 'skipped' in result) this.skipped.set(file, result.skipped);
    // Analysed while the file changed again: the next build reads it afresh.
    if (this.diskAnalyses.get(file) !== entry) return result && !('skipped' in result) ? result : undefined;
    entry.analysed = { textOnly, analysis: result && !('skipped' in result) ? keptAnalysis(result) : undefined };
    return entry.analysed.analysis;
  }

  private listing(root: string): string[] {
    const listed = this.listings.get(root);
    if (listed && Date.now() - listed.at < LISTING_TTL_MS) return listed.files;
    const files = this.host.listFiles(root);
    this.listings.set(root, { at: Date.now(), files });
    return files;
  }
}
