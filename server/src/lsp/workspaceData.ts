import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DidChangeWatchedFilesNotification, type ClientCapabilities, type Disposable, type FileSystemWatcher } from 'vscode-languageserver/node';
import { isConfigFile } from '../core';
import { loadDataFiles } from '../node/dataFiles';
import { filePathOf } from './guard';
import type { Session } from './session';

/**
 * The data files in force (prices and lifecycle entries newer than the bundled ones): the `prodready.dataFile`
 * setting, `data` in each folder's `.prodready.json`, and the data packages among the folders' dependencies. Read
 * at start-up and again when the settings, a config or a file that decides them changes; the client is asked to
 * watch those files, as it watches configs for the server.
 */
export class WorkspaceData {
  /** The files the last load read or looked for, and the folders they are in: a change to any of them may change the data. */
  private watchedPaths = new Set<string>();
  /** The data and the problems of the last load, to tell whether a new load changed anything. */
  private loaded = { data: '', problems: '' };
  /** The files the settings and configs named at the last load. */
  private named: string | undefined;
  private loading: Promise<boolean> = Promise.resolve(false);
  private watch: { dynamic: boolean; relative: boolean } = { dynamic: false, relative: false };
  private watched: { key: string; registration: Promise<Disposable> } | undefined;

  constructor(private readonly session: Session) {}

  /** What the client can watch: files named by the server (dynamic registration), outside the workspace too (relative patterns). */
  readCapabilities(capabilities: ClientCapabilities): void {
    const watched = capabilities.workspace?.didChangeWatchedFiles;
    this.watch = { dynamic: watched?.dynamicRegistration === true, relative: watched?.relativePatternSupport === true };
  }

  /** Reads the data files again; resolves true when the data in force changed. */
  reload(): Promise<boolean> {
    return this.queue(false);
  }

  /**
   * Files changed on disk (or a config in an editor): the data is read again when one of them is a file the last
   * load read or looked for, or when a config now names other data files. Resolves true when the data changed.
   */
  filesChanged(files: readonly string[]): Promise<boolean> {
    if (files.some((file) => this.watchedPaths.has(file))) return this.queue(false);
    if (files.some(isConfigFile)) return this.queue(true);
    return Promise.resolve(false);
  }

  /** A config was edited in an editor: the data is read again when it now names other data files. */
  configEdited(): Promise<boolean> {
    return this.queue(true);
  }

  /** Loads run one after another; one that fails is logged once and changes nothing (the promise never rejects). */
  private queue(unlessSameNames: boolean): Promise<boolean> {
    const next = this.loading.then(() => this.load(unlessSameNames));
    this.session.guard.run('data files', () => next.then(() => undefined));
    this.loading = next.catch(() => false);
    return this.loading;
  }

  private async load(unlessSameNames: boolean): Promise<boolean> {
    const { session } = this;
    const folders = session.folders.flatMap((folder) => {
      const root = filePathOf(folder.uri);
      return root === undefined ? [] : [{ uri: folder.uri, root }];
    });
    const named: string[] = [];
    for (const { uri, root } of folders) {
      const { dataFile } = await session.settingsFor(uri);
      if (dataFile) named.push(path.resolve(root, dataFile));
      const config = session.engine.configAt(root, root);
      if (config.file && config.config.data) named.push(path.resolve(path.dirname(config.file), config.config.data.path));
    }
    const names = JSON.stringify(named);
    if (unlessSameNames && names === this.named) return false;
    this.named = names;
    const { files, problems, inputs } = loadDataFiles(session.host, { named, folders: folders.map((folder) => folder.root) });
    const loaded = { data: JSON.stringify(files), problems: JSON.stringify(problems) };
    // Said when they change, not again on every reload.
    if (loaded.problems !== this.loaded.problems) {
      for (const problem of problems) session.connection.console.warn(`prodready: ${problem.file}${problem.line ? `:${problem.line}` : ''}: ${problem.message}`);
    }
    const changed = loaded.data !== this.loaded.data;
    this.loaded = loaded;
    this.watchedPaths = watchedPathsOf(inputs, folders.map((folder) => folder.root));
    if (changed) session.engine.setDataFiles(files);
    this.watchPaths();
    return changed;
  }

  /** Asks the client to watch, once per set of paths: one watcher per folder, on the names in it. */
  private watchPaths(): void {
    if (!this.watch.dynamic) return;
    const watchers = watchersOf([...this.watchedPaths], this.watch.relative);
    const key = JSON.stringify(watchers);
    if (key === this.watched?.key) return;
    const previous = this.watched?.registration;
    this.watched = { key, registration: this.session.connection.client.register(DidChangeWatchedFilesNotification.type, { watchers }) };
    void previous?.then((registration) => registration.dispose(), () => undefined);
  }
}

/**
 * What to watch for `inputs`: each of them, and each folder between it and the workspace folders. A folder created
 * or deleted whole (a checkout, `mkdir ops && cp … ops/`, an install) is reported once, without the files in it.
 */
export function watchedPathsOf(inputs: readonly string[], folders: readonly string[]): Set<string> {
  const watched = new Set<string>();
  // A workspace folder, or a folder above one, stays: the watch ends there.
  const lasts = (dir: string) => folders.some((folder) => !path.relative(dir, folder).startsWith('..'));
  for (const input of inputs) {
    watched.add(input);
    for (let dir = path.dirname(input); !lasts(dir) && path.dirname(dir) !== dir; dir = path.dirname(dir)) watched.add(dir);
  }
  return watched;
}

/**
 * Watchers for `files`. A pattern relative to each file's folder, on bare names, makes the client watch that folder
 * alone (VS Code then ignores `files.watcherExclude`, which leaves out node_modules, and waits for a folder that
 * does not exist yet); without relative patterns, each absolute path. Glob characters in a name match any one
 * character: the server keeps only the changes to what it watches.
 */
export function watchersOf(files: readonly string[], relative: boolean): FileSystemWatcher[] {
  const literal = (text: string) => text.replace(/[*?[\]{},]/g, '?');
  if (!relative) return files.map((file) => ({ globPattern: literal(file.replace(/\\/g, '/')) }));
  const byFolder = new Map<string, string[]>();
  for (const file of files) {
    const names = byFolder.get(path.dirname(file)) ?? [];
    names.push(literal(path.basename(file)));
    byFolder.set(path.dirname(file), names);
  }
  return [...byFolder].map(([folder, names]) => ({
    globPattern: { baseUri: pathToFileURL(folder).toString(), pattern: names.length === 1 ? names[0] : `{${names.join(',')}}` },
  }));
}
