// Which files of a workspace scan are parsed. A file is parsed when its text may hold an AI call by itself (the
// catalog's words), or when it imports a module that reaches a model (a client, a wrapper, a class whose methods
// make model requests): it may call that. The rest hold no call site, whatever a parse would say.
import { mayHoldAiCall } from '../catalog/textMarkers';
import type { FileFacts } from '../model';
import { languageOf } from './analyzeFile';

const TS_IMPORT = /(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*|^[ \t]*import\s+)(["'`])([^"'`\n]+)\1/gm;
const PY_FROM_IMPORT = /^[ \t]*from[ \t]+([.\w]+)[ \t]+import[ \t]+(\([^)]*\)|[^\n#]*)/gm;
const PY_IMPORT = /^[ \t]*import[ \t]+([^\n#;]+)/gm;
const PY_DYNAMIC_IMPORT = /\b(?:import_module|__import__)\(\s*["']([.\w]+)["']/g;

/** The modules a file's text imports: every import form, top level or not (a lazy import counts). */
export function importedSpecifiers(text: string, python: boolean): string[] {
  const found: string[] = [];
  if (!python) {
    for (const match of text.matchAll(TS_IMPORT)) found.push(match[2]);
    return found;
  }
  for (const match of text.matchAll(PY_FROM_IMPORT)) {
    const module = match[1];
    found.push(module);
    // `from . import llm`, `from app import llm`: the names may be submodules.
    for (const name of namesOf(match[2])) found.push(module.endsWith('.') ? module + name : `${module}.${name}`);
  }
  for (const match of text.matchAll(PY_IMPORT)) found.push(...namesOf(match[1]));
  for (const match of text.matchAll(PY_DYNAMIC_IMPORT)) found.push(match[1]);
  return found;
}

/** `a, b as c, (d,\n e)` → a, b, d, e */
function namesOf(list: string): string[] {
  return list
    .replace(/[()\\]/g, ' ')
    .split(',')
    .map((part) => part.trim().split(/\s+/)[0])
    .filter((name) => /^[\w.]+$/.test(name));
}

/** Whether what a file's analysis found can make its importers reach a model. */
export function reachesModel(facts: FileFacts): boolean {
  if (facts.callSites.length > 0 || facts.clients.length > 0 || facts.exports.star.length > 0) return true;
  for (const value of facts.exports.names.values()) {
    // A function sending requests to the URL it is given: an importer may give it a model endpoint.
    if (value.kind === 'invoker' && !value.urls?.length) continue;
    if (value.kind !== 'class' || value.methods.size > 0 || (value.members?.size ?? 0) > 0) return true;
  }
  return false;
}

/** What a scan reads of a file's text before any parse: whether it may hold an AI call by itself, what it imports. */
export interface TextReach {
  mayHoldAiCall: boolean;
  /** The modules its text names, as written (resolved by the scan). */
  imports: string[];
}

/** A file's `TextReach`, or undefined when it is in no language prodready reads. Pure: any thread may compute it. */
export function textReach(file: string, text: string): TextReach | undefined {
  const language = languageOf(file);
  if (language === undefined) return undefined;
  if (mayHoldAiCall(text, language)) return { mayHoldAiCall: true, imports: [] };
  return { mayHoldAiCall: false, imports: [...new Set(importedSpecifiers(text, language === 'python'))].map(detached) };
}

/**
 * A copy of a short string cut from a long one. A regular expression's match is a slice that keeps the whole text
 * alive: a reach kept per file would otherwise keep every file's text.
 */
function detached(slice: string): string {
  return (' ' + slice).slice(1);
}

/**
 * The files of one scan, the modules each imports, and which of them are parsed. Modules outside the scan are
 * taken to reach a model (they are not analysed here), so a file importing one is parsed.
 */
export class ScanReach {
  /** Module file → the scanned files importing it. */
  private readonly importers = new Map<string, Set<string>>();
  private readonly scanned: ReadonlySet<string>;
  readonly parsed = new Set<string>();

  constructor(
    files: readonly string[],
    private readonly resolve: (specifier: string, fromFile: string) => string | undefined,
  ) {
    this.scanned = new Set(files);
  }

  /** A file of the scan, as its text reads (undefined: unreadable or in no language prodready reads). */
  add(file: string, reach: TextReach | undefined): void {
    if (reach === undefined) return;
    if (reach.mayHoldAiCall) {
      this.parsed.add(file);
      return;
    }
    for (const specifier of reach.imports) {
      const target = this.resolve(specifier, file);
      if (target === undefined || target === file) continue;
      if (!this.scanned.has(target)) {
        this.parsed.add(file);
        return;
      }
      let importers = this.importers.get(target);
      if (!importers) this.importers.set(target, (importers = new Set()));
      importers.add(file);
    }
  }

  /** These files are parsed (base classes a subclass in another module implements with a model request). */
  include(files: Iterable<string>): void {
    for (const file of files) this.parsed.add(file);
  }

  /**
   * What the files analysed so far show: `reaching` (files whose facts reach a model) and the files other modules
   * reach (base classes a subclass implements, functions given model callbacks or URLs: parsed themselves) make
   * their importers parsed.
   */
  grow(reaching: Iterable<string>, reachedFromElsewhere: Iterable<string>): void {
    const reached = [...reachedFromElsewhere].filter((file) => this.scanned.has(file));
    this.include(reached);
    this.reach([...reaching, ...reached]);
  }

  /** `modules` reach a model: the scanned files importing them are parsed too. Returns whether any was added. */
  reach(modules: Iterable<string>): boolean {
    const before = this.parsed.size;
    for (const module of modules) for (const importer of this.importers.get(module) ?? []) this.parsed.add(importer);
    return this.parsed.size > before;
  }
}
