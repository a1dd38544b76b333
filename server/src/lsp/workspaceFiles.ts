import { pathToFileURL } from 'node:url';
import * as path from 'node:path';
import { FileChangeType, type CancellationToken, type DidChangeWatchedFilesParams } from 'vscode-languageserver/node';
import { buildInventory, buildReadiness, describeSkip, isConfigFile, languageOf, type WorkspaceSnapshot } from '../core';
import { NodeHost } from '../node/host';
import { InventoryRequest, ReadinessChangedNotification, ReadinessRequest, ScanWorkspaceRequest, type WorkspaceParams } from '../protocol';
import type { Diagnostics, ValidationEvents } from './diagnostics';
import { filePathOf } from './guard';
import type { Session } from './session';
import type { WorkspaceData } from './workspaceData';
import { WorkspaceDiagnostics } from './workspaceDiagnostics';
import { CancelledError, MAX_WORKSPACE_FILES, WorkspaceModel } from './workspaceModel';

/** Views of the workspace ask again after a quiet moment, not on every keystroke. */
const READINESS_QUIET_MS = 400;

/**
 * The workspace beyond the open documents: files changed on disk (sources, configs, tsconfigs, CODEOWNERS), the
 * user's settings, and the readiness checklist and inventory requests the sidebar makes.
 */
export class WorkspaceFiles implements ValidationEvents {
  readonly model: WorkspaceModel;
  readonly problems: WorkspaceDiagnostics;
  private readinessTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly session: Session,
    private readonly diagnostics: Diagnostics,
    private readonly data: WorkspaceData,
  ) {
    // Files on disk are read as saved: an open document counts through its own analysis.
    const disk = new NodeHost();
    this.model = new WorkspaceModel({
      openAnalysis: (file) => {
        const document = session.documentOf(file);
        return document && diagnostics.current(document);
      },
      analyze: async (file, text, root, textOnly) => {
        // Settings are per folder: asking per file would send the client one request for every file on disk.
        const [settings] = await Promise.all([session.settingsFor(pathToFileURL(root).toString()), !textOnly && languageOf(file) === 'python' ? session.pythonParser() : undefined]);
        if (!settings.enable) return undefined;
        const result = session.engine.analyzeFile({ file, text, root, exclude: settings.exclude, ruleLevels: settings.rules, preset: settings.preset, textOnly });
        if (result.status === 'skipped' && result.reason.kind !== 'unsupported') return { skipped: describeSkip(result.reason) };
        if (result.status !== 'analysed') return undefined;
        diagnostics.revalidateFiles(result.staleReaders);
        return result.analysis;
      },
      snapshot: async (root, files, analyses) => {
        const config = session.engine.configAt(root, root);
        const ownership = session.engine.ownershipFor(root, config);
        const { rules, preset } = await session.settingsFor(pathToFileURL(root).toString());
        return session.engine.snapshot({ root, files, analyses, config, ownership, ruleLevels: rules, preset });
      },
      scanReach: (files) => session.engine.scanReach(files),
      filesReachedFromElsewhere: () => session.engine.filesReachedFromElsewhere(),
      shareFactsWith: (files) => session.engine.shareFactsWith(files),
      listFiles: (root) => disk.listFiles(root),
      stat: (file) => disk.stat(file),
      readFile: (file, maxBytes) => disk.readFile(file, maxBytes),
    });
    this.problems = new WorkspaceDiagnostics(session, this.model);
    this.model.onTruncated = (root, total) =>
      session.notifyOnce(`truncated:${root}`, `${path.basename(root)}: ${total} source files; the readiness checklist reads the first ${MAX_WORKSPACE_FILES}.`, pathToFileURL(root).toString());
  }

  register(): void {
    const { connection, guard } = this.session;
    connection.onDidChangeConfiguration(guard.event('settings change', () => this.settingsChanged()));
    connection.onDidChangeWatchedFiles(guard.event('watched files', (params: DidChangeWatchedFilesParams) => this.watchedFilesChanged(params)));
    connection.onRequest(
      ScanWorkspaceRequest,
      guard.request('scan workspace', null, async () => {
        this.model.filesChanged();
        await this.problems.scanNow();
        this.scheduleReadinessChanged();
        return null;
      }),
    );
    connection.onRequest(
      ReadinessRequest,
      guard.request('readiness', null, async (params: WorkspaceParams, token: CancellationToken) => {
        const found = await this.folderSnapshot(params, token);
        return found && { folderUri: found.folderUri, report: buildReadiness(found.snapshot) };
      }),
    );
    connection.onRequest(
      InventoryRequest,
      guard.request('inventory', null, async (params: WorkspaceParams, token: CancellationToken) => {
        const found = await this.folderSnapshot(params, token);
        return found && { folderUri: found.folderUri, inventory: buildInventory(found.snapshot) };
      }),
    );
  }

  analysed(file: string): void {
    this.model.fileChanged(file);
    this.changed();
  }

  configEdited(): void {
    this.model.reset();
    this.changed();
    this.followData(this.data.configEdited());
  }

  closed(file: string): void {
    this.model.fileChanged(file);
    this.changed();
  }

  staleOnDisk(file: string): void {
    this.model.fileChanged(file);
    this.changed();
  }

  private settingsChanged(): void {
    this.session.settingsChanged();
    // Settings and configs name the data files: read them again before analysing with them.
    void this.data.reload().finally(() => {
      this.model.reset();
      this.diagnostics.revalidateAll();
      this.changed();
    });
  }

  /** Once the data files are read again, what they changed is analysed again. */
  private followData(reloaded: Promise<boolean>): void {
    void reloaded.then((changed) => {
      if (!changed) return;
      this.model.reset();
      this.diagnostics.revalidateAll();
      this.changed();
    });
  }

  /** The workspace's problems and views follow. */
  private changed(): void {
    this.problems.changed();
    this.scheduleReadinessChanged();
  }

  private watchedFilesChanged(params: DidChangeWatchedFilesParams): void {
    const { engine, host, documents } = this.session;
    const stale = new Set<string>();
    let modulesChanged = false;
    let settingsChanged = false;
    const files: string[] = [];
    for (const change of params.changes) {
      const file = filePathOf(change.uri);
      if (file === undefined) continue;
      files.push(file);
      this.model.fileChanged(file);
      if (change.type !== FileChangeType.Changed) this.model.filesChanged();
      if (isConfigFile(file)) {
        engine.configChanged(file);
        settingsChanged = true;
      } else if (/(^|[\\/])[jt]sconfig\.json$/.test(file)) {
        modulesChanged = true;
      } else if (/(^|[\\/])CODEOWNERS$/.test(file)) {
        engine.ownershipChanged();
        settingsChanged = true;
      } else if (!documents.get(change.uri)) {
        for (const reader of engine.fileChanged(file)) stale.add(reader);
      }
    }
    this.changed();
    this.followData(this.data.filesChanged(files));
    if (modulesChanged || settingsChanged) {
      engine.ownershipChanged();
      this.model.reset();
      // Module resolution changed: every import is resolved and read again.
      if (modulesChanged) {
        host.modulesChanged();
        engine.modulesChanged();
      }
      this.diagnostics.revalidateAll();
      return;
    }
    this.diagnostics.revalidateFiles(stale);
  }

  private scheduleReadinessChanged(): void {
    clearTimeout(this.readinessTimer);
    this.readinessTimer = setTimeout(() => void this.session.connection.sendNotification(ReadinessChangedNotification, {}), READINESS_QUIET_MS);
  }

  private async folderSnapshot(params: WorkspaceParams, token: CancellationToken): Promise<{ folderUri: string; snapshot: WorkspaceSnapshot } | null> {
    const { folders } = this.session;
    const folder = folders.find((candidate) => candidate.uri === params?.folderUri) ?? folders[0];
    const root = folder && filePathOf(folder.uri);
    if (!folder || root === undefined) return null;
    if (params?.refresh) this.model.filesChanged();
    try {
      return { folderUri: folder.uri, snapshot: await this.model.snapshot(root, token) };
    } catch (error) {
      if (error instanceof CancelledError) return null;
      throw error;
    }
  }
}
