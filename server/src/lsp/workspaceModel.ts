import * as path from 'node:path';
import { languageOf, MAX_FILE_BYTES, type FileAnalysis, type FileRead, type WorkspaceSnapshot } from '../core';

/** What the model needs from the server: the analysis the editor shows, the folder's views, and the disk. */
export interface WorkspaceHost {
  /** The current analysis of an open document, when it is open and analysed at its current version. */
  openAnalysis(file: string): FileAnalysis | undefined;
  /** Analyses a file's text as the editor would; undefined when it is excluded or disabled, why when it is skipped. */
  analyze(file: string, text: string, root: string): Promise<FileAnalysis | { skipped: string } | undefined>;
  /** The snapshot of a folder made of these files and analyses, with the folder's config, owners and settings. */
  snapshot(root: string, files: string[], analyses: FileAnalysis[]): Promise<WorkspaceSnapshot>;
  listFiles(root: string): string[];
  stat(file: string): { mtimeMs: number; size: number } | undefined;
  readFile(file: string, maxBytes?: number): FileRead;
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
  private readonly diskAnalyses = new Map<string, { mtimeMs: number; size: number; analysis?: FileAnalysis }>();
  private readonly listings = new Map<string, { at: number; files: string[] }>();
  private readonly snapshots = new Map<string, Promise<WorkspaceSnapshot>>();
  /** Called once when a snapshot had to leave files out. */
  onTruncated: (root: string, total: number) => void = () => undefined;
  /** Called as a snapshot is built: how many of the folder's source files have been read. */
  onProgress: (root: string, done: number, total: number) => void = () => undefined;
  /** Source files not analysed, and why (over 2 MB, unreadable, binary), until they change. */
  readonly skipped = new Map<string, string>();

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

  private async build(root: string, token: Cancellation | undefined): Promise<WorkspaceSnapshot> {
    const files = this.listing(root);
    const sources = files.filter((file) => languageOf(file));
    if (sources.length > MAX_WORKSPACE_FILES) this.onTruncated(root, sources.length);
    const analyses: FileAnalysis[] = [];
    const read = sources.slice(0, MAX_WORKSPACE_FILES);
    let sliceStart = Date.now();
    for (const [index, relative] of read.entries()) {
      if (Date.now() - sliceStart > SLICE_MS) {
        this.onProgress(root, index, read.length);
        await new Promise((resolve) => setImmediate(resolve));
        if (token?.isCancellationRequested) throw new CancelledError();
        sliceStart = Date.now();
      }
      const analysis = await this.analysisOf(path.join(root, relative), root);
      if (analysis) analyses.push(analysis);
    }
    this.onProgress(root, read.length, read.length);
    return this.host.snapshot(root, files, analyses);
  }

  /** The analysis of one file: the editor's when it is open, else the disk's (kept until the file changes). */
  async analysisOf(file: string, root: string): Promise<FileAnalysis | undefined> {
    const open = this.host.openAnalysis(file);
    if (open) return open;
    const stat = this.host.stat(file);
    if (!stat) return undefined;
    const cached = this.diskAnalyses.get(file);
    if (cached && cached.mtimeMs === stat.mtimeMs && cached.size === stat.size) return cached.analysis;
    let analysis: FileAnalysis | undefined;
    if (stat.size > MAX_FILE_BYTES) {
      this.skipped.set(file, `${(stat.size / 1024 / 1024).toFixed(1)} MB, over the 2 MB limit`);
    } else {
      const read = this.host.readFile(file);
      if ('error' in read) {
        this.skipped.set(file, `not readable (${read.error})`);
        return undefined;
      }
      const result = await this.host.analyze(file, read.text, root);
      if (result && 'skipped' in result) this.skipped.set(file, result.skipped);
      else analysis = result;
    }
    this.diskAnalyses.set(file, { mtimeMs: stat.mtimeMs, size: stat.size, analysis });
    return analysis;
  }

  private listing(root: string): string[] {
    const listed = this.listings.get(root);
    if (listed && Date.now() - listed.at < LISTING_TTL_MS) return listed.files;
    const files = this.host.listFiles(root);
    this.listings.set(root, { at: Date.now(), files });
    return files;
  }
}
