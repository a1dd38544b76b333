import { exportedUrlTexts, extractFacts, languageOf, skipReason } from '../engine/analyzeFile';
import { isKnownPythonModule } from '../catalog/python';
import { defaultConfig, type ProdreadyConfig } from '../config/config';
import type { ExportedValue, ExportSummary, FileFacts, GivenCallback, GivenUrl, ImportRef, ImportResolver, WrappedCall } from '../model';
import { ContributionRegistry } from './registry';

/** What the index needs from the outside world: module resolution and file contents (open editors first). */
export interface ProjectHost {
  /** The project file a specifier names from `fromFile`; undefined for packages and names that do not resolve. */
  resolveModule(specifier: string, fromFile: string): string | undefined;
  readFile(file: string): string | undefined;
}

const MAX_REEXPORT_DEPTH = 8;

/**
 * The project's exports that matter to AI calls (clients, client factories, wrappers), per file. Files are read
 * lazily, the first time an import needs them; an edited file's summary replaces its entry and invalidates the
 * files whose analysis read it. Analysis of one file stays a parse and walk of that file plus map lookups.
 */
export class ProjectIndex {
  private readonly summaries = new Map<string, ExportSummary>();
  /** file → the files whose analysis looked up its exports. */
  private readonly readers = new Map<string, Set<string>>();
  private readonly building = new Set<string>();
  /**
   * Project subclasses by the class they extend: `base file\0class` → subclass file → the methods the subclass
   * (or its own subclasses) implements with a model request. Filled from every summary recorded.
   */
  private readonly subclasses = new ContributionRegistry<Map<string, WrappedCall>>((methods) => JSON.stringify([...methods], replacer));
  /** Model callbacks given to project functions: `function file\0name` → caller file → the slots it fills and what they reach. */
  private readonly callbacks = new ContributionRegistry<GivenCallback[]>((given) => JSON.stringify(given, replacer));
  /** Model endpoint URLs given to project functions that send requests to them: `function file\0name` → caller file → URLs. */
  private readonly urls = new ContributionRegistry<GivenUrl[]>((given) => JSON.stringify(given));
  /** Texts of URLs read from a file's exports, by `export\0path`, worked out when asked; and the files that asked. */
  private readonly urlAnswers = new Map<string, { text: string; answers: Map<string, readonly string[] | undefined> }>();
  private readonly urlReaders = new Map<string, Set<string>>();
  /** Readers made stale while a summary was read lazily: returned by the next `update`. */
  private readonly pendingStale = new Set<string>();
  /** The files a scan will analyse: when one is read for its exports first, its facts wait here for that analysis. */
  private sharedWith: ReadonlySet<string> = new Set();
  private readonly shared = new Map<string, { text: string; facts: FileFacts }>();
  /** Files being read whose reading met an import cycle: their facts lack what the cycle hid, so they are not shared. */
  private readonly partial = new Set<string>();

  constructor(
    private readonly host: ProjectHost,
    private config: ProdreadyConfig = defaultConfig(),
  ) {}

  setConfig(config: ProdreadyConfig): void {
    this.config = config;
    this.summaries.clear();
    this.shared.clear();
    this.subclasses.clear();
    this.callbacks.clear();
    this.urls.clear();
    this.urlAnswers.clear();
  }

  /**
   * While a scan analyses `files`, a file among them read first for its exports keeps its facts for its own
   * analysis (`takeFacts`), so that each file is parsed once per scan. An empty set ends the sharing.
   */
  shareFactsWith(files: ReadonlySet<string>): void {
    this.sharedWith = files;
    if (files.size === 0) this.shared.clear();
  }

  /**
   * The facts of `file` read for its exports, when they were read from this text with this config and nothing
   * read since made them stale: analysing it again would give the same. Handed over once.
   */
  takeFacts(file: string, text: string, config: ProdreadyConfig): FileFacts | undefined {
    const kept = this.shared.get(file);
    this.shared.delete(file);
    return kept && kept.text === text && config === this.config ? kept.facts : undefined;
  }

  /**
   * Files whose classes have subclasses in other modules implementing a method with a model request, and files
   * whose functions other modules give model callbacks: they hold model requests a scan must read.
   */
  filesReachedFromElsewhere(): Set<string> {
    return new Set([...this.subclasses.keys(), ...this.callbacks.keys(), ...this.urls.keys()].map((key) => key.slice(0, key.indexOf('\u0000'))));
  }

  /**
   * The resolver analysis of `fromFile` uses; every lookup records `fromFile` as a reader of the target, and
   * every question about a class's subclasses as a reader of that class's registry entry.
   */
  resolverFor(fromFile: string): ImportResolver {
    const resolver: ImportResolver = (module, exportName) => this.lookup(fromFile, module, exportName, 0);
    resolver.subclassMethods = (className) => this.subclassMethods(fromFile, fromFile, className);
    resolver.implementationsOf = (module, exportName) => {
      const defined = this.definingFile(fromFile, { module, name: exportName }, 0);
      const methods = defined ? this.subclassMethods(fromFile, defined.file, defined.name) : undefined;
      return defined && methods ? { file: defined.file, methods } : undefined;
    };
    resolver.callbacksGiven = (functionName) =>
      this.callbacks.ask(fromFile, `${fromFile}\u0000${functionName}`).flatMap(([caller, given]) => given.map(({ slot, wraps }) => ({ slot, wraps, from: caller })));
    resolver.urlsGiven = (functionName, index) =>
      this.urls.ask(fromFile, `${fromFile}\u0000${functionName}`).flatMap(([caller, given]) => given.filter((entry) => entry.index === index).map(({ url }) => ({ url, from: caller })));
    resolver.urlTexts = (module, exportName, path) => this.urlTexts(fromFile, module, exportName, path);
    return resolver;
  }

  /**
   * The texts a URL read from what `module` exports under `exportName` can take (see ImportResolver.urlTexts),
   * worked out from the declaring file's text when first asked and kept until that file changes.
   */
  private urlTexts(reader: string, module: string, exportName: string, path: readonly string[]): readonly string[] | undefined {
    const defined = this.definingFile(reader, { module, name: exportName }, 0);
    const language = defined && languageOf(defined.file);
    if (!defined || (language !== 'ts' && language !== 'js')) return undefined;
    let readers = this.urlReaders.get(defined.file);
    if (!readers) this.urlReaders.set(defined.file, (readers = new Set()));
    readers.add(reader);
    const text = this.host.readFile(defined.file);
    if (text === undefined || skipReason(defined.file, text)) return undefined;
    let known = this.urlAnswers.get(defined.file);
    if (known?.text !== text) this.urlAnswers.set(defined.file, (known = { text, answers: new Map() }));
    const { answers } = known;
    const key = [defined.name, ...path].join('\u0000');
    // Asked again while being worked out (modules reading each other): not known.
    if (answers.has(key)) return answers.get(key);
    answers.set(key, undefined);
    const texts = exportedUrlTexts(defined.file, text, this.config, this.resolverFor(defined.file), defined.name, path);
    answers.set(key, texts);
    return texts;
  }

  /** When `file`'s text changed since URL texts were read from it: forgets them, and those of the files that read them; returns every file that read one. */
  private urlAnswersChanged(file: string): Set<string> {
    const known = this.urlAnswers.get(file);
    return known && this.host.readFile(file) !== known.text ? this.dropUrlAnswers(file) : new Set();
  }

  private dropUrlAnswers(file: string, stale = new Set<string>()): Set<string> {
    const readers = this.urlReaders.get(file);
    this.urlAnswers.delete(file);
    this.urlReaders.delete(file);
    for (const reader of readers ?? []) {
      if (stale.has(reader)) continue;
      stale.add(reader);
      this.drop(reader);
      this.dropUrlAnswers(reader, stale);
    }
    return stale;
  }

  /**
   * The methods of `className` (declared in `file`) that project subclasses in other modules implement with a
   * model request; `reader` is the file whose analysis asks.
   */
  private subclassMethods(reader: string, file: string, className: string): ReadonlyMap<string, WrappedCall> | undefined {
    const bySubclass = this.subclasses.ask(reader, `${file}\u0000${className}`);
    if (bySubclass.length === 0) return undefined;
    const methods = new Map<string, WrappedCall>();
    for (const [, implemented] of bySubclass) {
      for (const [method, wraps] of implemented) if (!methods.has(method)) methods.set(method, wraps);
    }
    return methods;
  }

  /**
   * Records a file's exports as its latest analysis found them. Returns the files that read the previous
   * summary, directly or through re-exports, when it changed: their analysis is stale. `movedFrom`: the summary
   * these exports are, moved by an edit elsewhere in the file; when it is the one recorded, they read the same.
   */
  update(file: string, exports: ExportSummary, movedFrom?: ExportSummary): string[] {
    const previous = this.summaries.get(file);
    const moved = previous !== undefined && previous === movedFrom;
    this.summaries.set(file, exports);
    this.shared.delete(file);
    const stale = new Set([...(moved ? [] : this.register(file, exports)), ...this.urlAnswersChanged(file)]);
    if (previous !== undefined && !moved && !sameSignature(previous, exports)) for (const reader of this.invalidateReaders([file])) stale.add(reader);
    stale.delete(file);
    // Made stale while a summary was read lazily, maybe during this file's own analysis: this file included.
    for (const reader of this.pendingStale) stale.add(reader);
    this.pendingStale.clear();
    return [...stale];
  }

  /** Forgets a file (deleted, or closed so that the disk copy counts again); returns the stale readers. */
  forget(file: string): string[] {
    this.shared.delete(file);
    if (!this.summaries.delete(file)) return [];
    const stale = new Set([...this.register(file, { names: new Map(), star: [] }), ...this.invalidateReaders([file]), ...this.dropUrlAnswers(file)]);
    stale.delete(file);
    return [...stale];
  }

  private invalidateReaders(files: readonly string[]): string[] {
    const stale = new Set<string>();
    const visit = (changed: string) => {
      for (const reader of this.readers.get(changed) ?? []) {
        if (stale.has(reader)) continue;
        stale.add(reader);
        // A reader that passes the value on (re-export, wrapper of a wrapper) must be read again too.
        this.drop(reader);
        visit(reader);
      }
    };
    for (const file of files) visit(file);
    for (const file of files) stale.delete(file);
    return [...stale];
  }

  /**
   * Records what a file contributes to other files' registry entries: its classes to their bases (each base resolved
   * from the subclass's module, through re-exports), its model callbacks to the functions it gives them to. Returns
   * the files that asked about an entry that changed, and the files that read them: their analysis is stale.
   */
  private register(file: string, summary: ExportSummary): string[] {
    const bases = new Map<string, Map<string, WrappedCall>>();
    for (const value of summary.names.values()) {
      if (value.kind !== 'class' || !value.bases || !value.implemented?.length) continue;
      const methods = new Map(value.implemented.flatMap((name) => (value.methods.has(name) ? [[name, value.methods.get(name)!] as const] : [])));
      for (const base of value.bases) {
        const defined = this.definingFile(file, base, 0);
        if (defined) bases.set(`${defined.file}\u0000${defined.name}`, methods);
      }
    }
    const given = new Map<string, GivenCallback[]>();
    for (const callback of summary.given ?? []) {
      const key = `${callback.file}\u0000${callback.name}`;
      given.set(key, [...(given.get(key) ?? []), callback]);
    }
    const urls = new Map<string, GivenUrl[]>();
    for (const url of summary.urlsGiven ?? []) {
      const key = `${url.file}\u0000${url.name}`;
      urls.set(key, [...(urls.get(key) ?? []), url]);
    }
    const askers = [...new Set([...this.subclasses.contribute(file, bases), ...this.callbacks.contribute(file, given), ...this.urls.contribute(file, urls)])];
    for (const asker of askers) this.drop(asker);
    return [...new Set([...askers, ...this.invalidateReaders(askers)])];
  }

  /** The file that declares an imported class: the module the import names, or the one it re-exports it from. */
  private definingFile(fromFile: string, ref: ImportRef, depth: number): { file: string; name: string } | undefined {
    const target = this.host.resolveModule(ref.module, fromFile);
    if (!target || target === fromFile) return undefined;
    const here = { file: target, name: ref.name };
    if (depth >= MAX_REEXPORT_DEPTH) return here;
    const value = this.summaryOf(target)?.names.get(ref.name);
    if (value?.kind === 'reexport') return this.definingFile(target, { module: value.module, name: value.exportName }, depth + 1) ?? here;
    return here;
  }

  private lookup(fromFile: string, module: string, exportName: string, depth: number): (ExportedValue & { file: string }) | undefined {
    if (depth > MAX_REEXPORT_DEPTH) return undefined;
    const target = this.host.resolveModule(module, fromFile);
    if (!target || target === fromFile) return undefined;
    let readers = this.readers.get(target);
    if (!readers) this.readers.set(target, (readers = new Set()));
    readers.add(fromFile);
    const summary = this.summaryOf(target);
    if (!summary) return undefined;
    const value = summary.names.get(exportName);
    if (value?.kind === 'reexport') {
      // A name passed on from an installed package (a compat module's `from mistralai import Mistral as Client`): the
      // importer reads it as that import — also when a project folder has the SDK's name (`provider/zhipuai/`).
      if (!this.host.resolveModule(value.module, target) || (languageOf(target) === 'python' && isKnownPythonModule(value.module))) return { ...value, file: target };
      return this.lookup(target, value.module, value.exportName, depth + 1);
    }
    if (value) return { ...value, file: target };
    if (exportName === 'default') return undefined;
    for (const starModule of summary.star) {
      const found = this.lookup(target, starModule, exportName, depth + 1);
      if (found) return found;
    }
    return undefined;
  }

  private summaryOf(file: string): ExportSummary | undefined {
    const known = this.summaries.get(file);
    if (known) return known;
    if (this.building.has(file)) {
      // An import cycle: the module being read cannot yet say what it exports, and what reads it sees less.
      for (const reading of this.building) this.partial.add(reading);
      return undefined;
    }
    if (languageOf(file) === undefined) return undefined;
    const text = this.host.readFile(file);
    if (text === undefined || skipReason(file, text)) return undefined;
    this.building.add(file);
    try {
      const facts = extractFacts(file, text, this.config, undefined, this.resolverFor(file));
      this.summaries.set(file, facts.exports);
      if (this.sharedWith.has(file) && !this.partial.has(file)) this.shared.set(file, { text, facts });
      for (const stale of this.register(file, facts.exports)) this.pendingStale.add(stale);
      return facts.exports;
    } finally {
      this.building.delete(file);
      this.partial.delete(file);
    }
  }

  private drop(file: string): void {
    this.summaries.delete(file);
    this.shared.delete(file);
  }
}

/** A comparable form of an exported value: what callers read from it, not where in the file it sits. */
const signatures = new WeakMap<ExportedValue, string>();

/**
 * Whether two summaries read the same to callers: the same names and values, wherever in the file they sit. Each
 * value is read once: a keystroke compares the new summary with the last one, whose values it mostly shares.
 */
function sameSignature(a: ExportSummary, b: ExportSummary): boolean {
  if (a.names.size !== b.names.size || a.star.length !== b.star.length || a.star.some((module, i) => b.star[i] !== module)) return false;
  for (const [name, value] of a.names) {
    const other = b.names.get(name);
    if (other === undefined || (other !== value && valueSignature(other) !== valueSignature(value))) return false;
  }
  return true;
}

function valueSignature(value: ExportedValue): string {
  let signature = signatures.get(value);
  if (signature === undefined) signatures.set(value, (signature = JSON.stringify(value, replacer)));
  return signature;
}

function replacer(key: string, value: unknown): unknown {
  if (key === 'span' || key === 'valueSpan' || key === 'resolvedFrom' || key === 'optionsTarget' || key === 'id') return undefined;
  return value instanceof Map ? [...value] : value;
}
