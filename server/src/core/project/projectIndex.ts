import { extractFacts, languageOf, skipReason } from '../engine/analyzeFile';
import { defaultConfig, type ProdreadyConfig } from '../config/config';
import type { ExportedValue, ExportSummary, ImportResolver } from '../model';

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

  constructor(
    private readonly host: ProjectHost,
    private config: ProdreadyConfig = defaultConfig(),
  ) {}

  setConfig(config: ProdreadyConfig): void {
    this.config = config;
    this.summaries.clear();
  }

  /** The resolver analysis of `fromFile` uses; every lookup records `fromFile` as a reader of the target. */
  resolverFor(fromFile: string): ImportResolver {
    return (module, exportName) => this.lookup(fromFile, module, exportName, 0);
  }

  /**
   * Records a file's exports as its latest analysis found them. Returns the files that read the previous
   * summary, directly or through re-exports, when it changed: their analysis is stale.
   */
  update(file: string, exports: ExportSummary): string[] {
    const previous = this.summaries.get(file);
    this.summaries.set(file, exports);
    if (previous === undefined || signatureOf(previous) === signatureOf(exports)) return [];
    return this.invalidateReaders(file);
  }

  /** Forgets a file (deleted, or closed so that the disk copy counts again); returns the stale readers. */
  forget(file: string): string[] {
    if (!this.summaries.delete(file)) return [];
    return this.invalidateReaders(file);
  }

  private invalidateReaders(file: string): string[] {
    const stale = new Set<string>();
    const visit = (changed: string) => {
      for (const reader of this.readers.get(changed) ?? []) {
        if (stale.has(reader)) continue;
        stale.add(reader);
        // A reader that passes the value on (re-export, wrapper of a wrapper) must be read again too.
        this.summaries.delete(reader);
        visit(reader);
      }
    };
    visit(file);
    stale.delete(file);
    return [...stale];
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
    if (value?.kind === 'reexport') return this.lookup(target, value.module, value.exportName, depth + 1);
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
    // An import cycle: the module being read cannot yet say what it exports.
    if (this.building.has(file) || languageOf(file) === undefined) return undefined;
    const text = this.host.readFile(file);
    if (text === undefined || skipReason(file, text)) return undefined;
    this.building.add(file);
    try {
      const summary = extractFacts(file, text, this.config, undefined, this.resolverFor(file)).exports;
      this.summaries.set(file, summary);
      return summary;
    } finally {
      this.building.delete(file);
    }
  }
}

/** A comparable form of a summary: what callers read from it, not where in the file it sits. */
function signatureOf(summary: ExportSummary): string {
  const parts = [...summary.names].map(([name, value]) => `${name}:${JSON.stringify(value, replacer)}`);
  return [...parts.sort(), ...summary.star].join('\n');
}

function replacer(key: string, value: unknown): unknown {
  if (key === 'span' || key === 'valueSpan' || key === 'resolvedFrom' || key === 'optionsTarget' || key === 'id') return undefined;
  return value instanceof Map ? [...value] : value;
}
