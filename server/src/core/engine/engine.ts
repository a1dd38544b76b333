import * as path from 'node:path';
import { withReaderPreset, type ProdreadyConfig } from '../config/config';
import { ruleLevelsFor } from '../config/overrides';
import type { Finding } from '../model';
import type { OwnershipSources } from '../ownership/owners';
import { ProjectIndex } from '../project/projectIndex';
import type { WorkspaceSnapshot } from '../readiness';
import { analyzeText, describeSkip, skipReason, type FileAnalysis, type RuleFailure } from './analyzeFile';
import { ConfigStore, type LoadedConfig } from './configs';
import { isExcluded } from './exclude';
import { PARSER_RESTARTING, pythonParserSettled } from '../extract/python/parser';
import { TypeScriptParse } from '../extract/typescript/incremental';
import { fixText } from './fixAll';
import { textOf, type EngineHost, type FileRead } from './host';
import { findOwnershipSources } from './ownership';
import { reachesModel, ScanReach } from './scanReach';
import { builtInData, referenceDataOf, type ReferenceData } from '../cost/referenceData';
import type { DataFile } from '../config/dataFile';
import { checkUnparsed, surveyFile, type EngineNotice, type FileCheck } from './survey';
import type { CheckRequest, CheckResult, FileRequest, FileResult, SnapshotRequest } from './requests';

export type { EngineNotice };
export type { CheckRequest, CheckResult, FileRequest, FileResult, SnapshotRequest } from './requests';

/** Workspace files the checklist reads (package.json, requirements.txt) above this size are left unread. */
const MAX_SNAPSHOT_READ_BYTES = 1024 * 1024;
/** How many times `checkFiles` reads again the files a later file made stale (a bounded fixpoint). */
const MAX_STALE_PASSES = 2;

/**
 * The one way readers analyse code: config → ownership sources → project index → analysis → fixes, for a file or
 * a set of files, over a host that reads the disk (or anything else). The server keeps one for its session and
 * tells it what changed; the CLI makes one per run.
 */
export class Engine {
  private readonly configs: ConfigStore;
  private readonly ownership = new Map<string, OwnershipSources>();
  private project: ProjectIndex;
  /** Bumped when what every file's extraction reads may have changed: configs, module resolution. */
  private generation = 0;
  /** Per file, bumped when a module its analysis read changed: an open document's facts are then read in full. */
  private readonly inputStamps = new Map<string, number>();
  private stamps = 0;
  private readonly configIds = new WeakMap<ProdreadyConfig, number>();
  private readonly levelsByFile = new WeakMap<ProdreadyConfig, Map<string, ReturnType<typeof ruleLevelsFor>>>();
  /** The price tables and lifecycle data in force: the bundled ones and the data files the reader loaded. */
  private data: ReferenceData = builtInData;

  constructor(
    private readonly host: EngineHost,
    /** The config imported modules are read with (their clients, wrappers and loggers); the default unless given. */
    private projectConfig?: ProdreadyConfig,
  ) {
    this.configs = new ConfigStore(host);
    this.project = this.newProject();
  }

  /** Data files (read by the reader: the core does not touch the disk) with newer prices and lifecycle entries. */
  setDataFiles(files: readonly DataFile[]): void {
    this.data = referenceDataOf(files);
  }

  /** The price tables and lifecycle data analyses use now. */
  get referenceData(): ReferenceData {
    return this.data;
  }

  /** The config of `file`: the nearest config file at or above its folder, not above `root`. */
  configFor(file: string, root?: string): LoadedConfig {
    return this.configs.nearest(path.dirname(file), root);
  }

  /** The config of a folder: the nearest config file in it or above. */
  configAt(dir: string, root?: string): LoadedConfig {
    return this.configs.nearest(dir, root);
  }

  /** A given config file. */
  loadConfig(file: string): LoadedConfig {
    return this.configs.load(file);
  }

  /** Imported modules are read with this config from now on. */
  setProjectConfig(config: ProdreadyConfig): void {
    this.projectConfig = config;
    this.generation++;
    this.project.setConfig(config);
  }

  /** Where owners are declared for files under `root` with this config; kept until config or CODEOWNERS change. */
  ownershipFor(root: string, loaded: LoadedConfig): OwnershipSources {
    const key = `${root}\u0000${loaded.file ?? ''}`;
    let sources = this.ownership.get(key);
    if (!sources) {
      sources = findOwnershipSources(this.host, root, loaded);
      this.ownership.set(key, sources);
    }
    return sources;
  }

  /** Excluded by `globs` (relative to `root`) or by the config's `exclude` (relative to the config's folder). */
  isExcluded(file: string, root: string | undefined, loaded: LoadedConfig, globs: readonly string[] = []): boolean {
    return (
      (root !== undefined && isExcluded(file, root, globs)) ||
      (loaded.file !== undefined && isExcluded(file, path.dirname(loaded.file), loaded.config.exclude))
    );
  }

  /**
   * The levels over the config's top-level `rules` for this file: its `tests` profile and `overrides` (globs
   * relative to the config's folder, or to `root` when no config file applies), then the reader's own levels.
   */
  private ruleLevelsOf(file: string, root: string | undefined, loaded: LoadedConfig, given: FileRequest['ruleLevels']): FileRequest['ruleLevels'] {
    const base = loaded.file !== undefined ? path.dirname(loaded.file) : root;
    if (base === undefined) return given;
    const relative = path.relative(base, file).split(path.sep).join('/');
    // Matched once per file and config: an open document is analysed on every keystroke.
    let byFile = this.levelsByFile.get(loaded.config);
    if (!byFile) this.levelsByFile.set(loaded.config, (byFile = new Map()));
    let levels = byFile.get(relative);
    if (!levels) byFile.set(relative, (levels = ruleLevelsFor(loaded.config, relative)));
    if (levels === loaded.config.rules) return given;
    return given ? { ...levels, ...given } : levels;
  }

  /**
   * Analyses (or fixes) one file's text as every reader does. Files it cannot read (too large, binary, another
   * language, Python without its parser) are skipped; excluded files are left alone. What the file exports is
   * recorded in the project index, and the files that read its previous exports come back as stale.
   */
  analyzeFile(request: FileRequest): FileResult {
    const { file, text, root } = request;
    const reason = skipReason(file, text, !request.textOnly);
    if (reason) return { status: 'skipped', reason };
    const loaded = request.config ?? this.configFor(file, root);
    if (!request.ignoreExcludes && this.isExcluded(file, root, loaded, request.exclude)) return { status: 'excluded' };
    const options = {
      config: withReaderPreset(loaded.config, request.preset),
      ruleLevels: this.ruleLevelsOf(file, root, loaded, request.ruleLevels),
      resolveImport: this.project.resolverFor(file),
      ownership: root === undefined ? undefined : this.ownershipFor(root, loaded),
      previousParse: request.previousParse,
      environment: request.previousParse ? this.environmentOf(file, loaded.config) : undefined,
      today: request.today,
      data: this.data,
      textOnly: request.textOnly,
      // Read already for another file's import in this scan: not parsed again.
      facts: request.textOnly || request.fix || request.previousParse ? undefined : this.project.takeFacts(file, text, loaded.config),
    };
    let analysis: FileAnalysis;
    let fixed: { text: string; findings: Finding[] } | undefined;
    if (request.fix) {
      const result = fixText(file, text, options);
      analysis = result.analysis;
      fixed = { text: result.text, findings: result.fixed };
    } else {
      analysis = analyzeText(file, text, options);
    }
    // Nothing was read that other modules could import: what the index read of it (if anything) stands.
    // The last extraction's exports moved by a keystroke elsewhere (and these are them, not a failed analysis's):
    // what importers read of them stands.
    const moved = !request.fix && request.previousParse instanceof TypeScriptParse ? request.previousParse.movedFacts?.exports : undefined;
    const movedFrom = moved?.after === analysis.facts.exports ? moved.before : undefined;
    const staleReaders = request.textOnly ? [] : this.inputsChanged(this.project.update(file, analysis.facts.exports, movedFrom));
    return { status: 'analysed', analysis, config: loaded, staleReaders, ...(fixed ? { fixed } : {}) };
  }

  /**
   * Analyses (and with `fix`, fixes and writes) each file on its own: a file that cannot be read, analysed or
   * written adds a notice and the run goes on with the next. Imports between the files are followed.
   */
  checkFiles(request: CheckRequest): CheckResult {
    const fixed = { problems: 0, files: 0 };
    const failures: RuleFailure[] = [];
    const perFile = new Map<string, FileCheck>();
    const requested = new Set(request.files);
    const reads = new Map<string, FileRead>();
    const readOf = (file: string) => {
      let read = reads.get(file);
      if (!read) reads.set(file, (read = this.host.readFile(file)));
      return read;
    };
    const surveyOf = (file: string) => request.surveys?.get(file) ?? surveyFile(this, file, readOf(file), request, false);
    const reach = this.scanReach(request.files);
    // Files analysed before a module they depend on was (a base class before the subclass that implements its
    // abstract method): read again at the end, until nothing changes or the passes run out.
    let stale = new Set<string>();
    const check = (file: string, fix: boolean | undefined, textOnly = false) => {
      stale.delete(file);
      const entry = textOnly && !fix ? (request.surveys?.get(file)?.unparsed ?? checkUnparsed(this, file, readOf(file), request)) : analyse(file, fix, textOnly);
      perFile.set(file, entry);
      for (const failure of entry.analysis?.failures ?? []) {
        if (!failures.some((known) => known.ruleId === failure.ruleId)) failures.push(failure);
      }
    };
    const analyse = (file: string, fix: boolean | undefined, textOnly: boolean): FileCheck => {
      const entry: FileCheck = { notices: [] };
      const notice = (message: string) => entry.notices.push({ file, message });
      const read = readOf(file);
      if ('error' in read) {
        notice(`skipped, ${read.error}.`);
        return entry;
      }
      const base = { file, text: read.text, root: request.root, config: request.config, ignoreExcludes: true, ruleLevels: request.ruleLevels, today: request.today, textOnly };
      let outcome = this.analyzeFile({ ...base, fix });
      if (outcome.status === 'skipped') {
        if (outcome.reason.kind !== 'unsupported' && outcome.reason.kind !== 'parser-unavailable') notice(describeSkip(outcome.reason));
        return entry;
      }
      if (outcome.status !== 'analysed') return entry;
      for (const reader of outcome.staleReaders) if (requested.has(reader)) stale.add(reader);
      if (outcome.fixed && outcome.fixed.findings.length > 0) {
        const problem = this.host.writeFile ? this.host.writeFile(file, outcome.fixed.text) : 'this host does not write files';
        if (problem === undefined) {
          reads.set(file, { text: outcome.fixed.text });
          fixed.problems += outcome.fixed.findings.length;
          fixed.files++;
        } else {
          notice(`not fixed, ${problem}.`);
          outcome = this.analyzeFile(base);
          if (outcome.status !== 'analysed') return entry;
        }
      }
      const { analysis } = outcome;
      if (analysis.notice) notice(analysis.notice);
      entry.analysis = analysis;
      return entry;
    };
    // Modules that reach a model make their importers worth parsing; so do base classes a subclass implements, and
    // functions other modules give model callbacks.
    const grow = () => reach.grow(request.files.filter((file) => perFile.get(file)?.analysis && reachesModel(perFile.get(file)!.analysis!.facts)), this.project.filesReachedFromElsewhere());
    this.project.shareFactsWith(requested);
    try {
      const checked = new Set<string>();
      // A file's first check is its progress step; the passes after it read files again.
      const first = (file: string, textOnly = false) => {
        request.onFile?.(file, checked.size, request.files.length);
        checked.add(file);
        check(file, request.fix, textOnly);
      };
      // Each file joins the scan as its survey comes (surveys made elsewhere may still be coming): one that can hold an
      // AI call by itself, or imports a module outside the scan, is analysed then, in file order.
      for (const file of request.files) {
        reach.add(file, surveyOf(file).reach);
        if (reach.parsed.has(file)) first(file);
      }
      grow();
      for (let pass = 0; ; ) {
        const fresh = request.files.filter((file) => reach.parsed.has(file) && !checked.has(file));
        if (fresh.length > 0) {
          for (const file of fresh) first(file);
        } else {
          if (pass >= MAX_STALE_PASSES || stale.size === 0) break;
          pass++;
          const again = request.files.filter((file) => stale.has(file) && checked.has(file));
          stale = new Set();
          // Fixes were applied (and written) in the first pass; this one only reads what the files reach now.
          for (const file of again) check(file, false);
        }
        grow();
      }
      // The rest cannot hold an AI call: their waivers and owner tags are read from the text.
      for (const file of request.files) if (!checked.has(file)) first(file, true);
    } finally {
      this.project.shareFactsWith(new Set());
    }
    const entries = request.files.flatMap((file) => perFile.get(file) ?? []);
    return {
      analyses: entries.flatMap((entry) => entry.analysis ?? []),
      notices: entries.flatMap((entry) => entry.notices),
      failures,
      fixed,
    };
  }

  /**
   * `checkFiles`, then once more for the files it met while the Python parser was restarting after a trap
   * (another file broke it), so that one hostile file costs only itself.
   */
  async checkFilesSettled(request: CheckRequest): Promise<CheckResult> {
    const first = this.checkFiles(request);
    const retry = new Set(first.notices.filter((notice) => notice.message.includes(PARSER_RESTARTING)).map((notice) => notice.file));
    if (retry.size === 0) return first;
    await pythonParserSettled();
    const again = this.checkFiles({ ...request, files: request.files.filter((file) => retry.has(file)) });
    const failures = [...first.failures];
    for (const failure of again.failures) if (!failures.some((known) => known.ruleId === failure.ruleId)) failures.push(failure);
    return {
      analyses: [...first.analyses.filter((analysis) => !retry.has(analysis.file)), ...again.analyses],
      notices: [...first.notices.filter((notice) => !retry.has(notice.file)), ...again.notices],
      failures,
      fixed: { problems: first.fixed.problems + again.fixed.problems, files: first.fixed.files + again.fixed.files },
    };
  }

  /** Which of a scan's `files` are parsed: see ScanReach; modules resolve as the project index resolves them. */
  scanReach(files: readonly string[]): ScanReach {
    return new ScanReach(files, (specifier, fromFile) => this.host.resolveModule(specifier, fromFile));
  }

  /** Project files other modules reach (base classes they implement, functions they give model callbacks or URLs). */
  filesReachedFromElsewhere(): Set<string> {
    return this.project.filesReachedFromElsewhere();
  }

  /** See ProjectIndex.shareFactsWith: a reader scanning `files` over time (the server's workspace index) parses each once. */
  shareFactsWith(files: ReadonlySet<string>): void {
    this.project.shareFactsWith(files);
  }

  /** Every file under `dirs` (default: `root`), relative to `root`. */
  listFiles(root: string, dirs?: readonly string[]): string[] {
    return this.host.listFiles(root, dirs);
  }

  /** The workspace as the readiness checklist and the inventory read it; small files are read on demand. */
  snapshot(request: SnapshotRequest): WorkspaceSnapshot {
    const { root, files, analyses, config, ownership, ruleLevels, preset, today } = request;
    return {
      data: this.data,
      today,
      root,
      files,
      analyses,
      config: withReaderPreset(config.config, preset),
      configFile: config.file,
      ownership,
      ruleLevels,
      readFile: (relative) => textOf(this.host.readFile(path.join(root, relative), MAX_SNAPSHOT_READ_BYTES)),
    };
  }

  /** What an open document's extraction reads besides its text: when this changes, its facts are read in full. */
  private environmentOf(file: string, config: ProdreadyConfig): string {
    let id = this.configIds.get(config);
    if (id === undefined) this.configIds.set(config, (id = ++this.stamps));
    return `${this.generation}:${this.inputStamps.get(file) ?? 0}:${id}`;
  }

  /** `files` read a module that changed. */
  private inputsChanged(files: string[]): string[] {
    for (const file of files) this.inputStamps.set(file, ++this.stamps);
    return files;
  }

  /** A config file changed, appeared or went away (none named: any may have): configs and owners are read again. */
  configChanged(file?: string): void {
    this.generation++;
    this.configs.invalidate(file);
    this.ownership.clear();
  }

  /** A CODEOWNERS file changed: owners are read again. */
  ownershipChanged(): void {
    this.ownership.clear();
  }

  /**
   * A file changed on disk, was deleted, or its editor closed (the disk copy counts again): its exports are read
   * again when next imported. Returns the files whose analysis read them.
   */
  fileChanged(file: string): string[] {
    return this.inputsChanged(this.project.forget(file));
  }

  /** Module resolution changed (a tsconfig): every module is looked up and read again. */
  modulesChanged(): void {
    this.generation++;
    this.project = this.newProject();
  }

  private newProject(): ProjectIndex {
    const host = this.host;
    return new ProjectIndex({ resolveModule: (specifier, fromFile) => host.resolveModule(specifier, fromFile), readFile: (file) => textOf(host.readFile(file)) }, this.projectConfig);
  }
}
