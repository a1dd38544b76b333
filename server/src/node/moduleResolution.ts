import * as fs from 'node:fs';
import * as path from 'node:path';
import { ts } from '../core/extract/typescript/ts';
import type { ProjectHost } from '../core/project/projectIndex';
import { statOrUndefined } from './workspace';

const CONFIG_NAMES = ['tsconfig.json', 'jsconfig.json'];

/**
 * A copy of an import specifier. A specifier read from a parse is a slice of the importing file's text (V8 keeps a
 * substring of 13 characters or more as a view of its parent), and the resolution caches keep what they are asked:
 * without a copy they keep the text of every file that imports anything (measured: 44 of 91 MB of heap after 600
 * files of a generated 4,000-file workspace, 47 MB with copies).
 */
function ownCopy(specifier: string): string {
  // Slicing a concatenation flattens it into a new string first: the result shares nothing with `specifier`'s text.
  return specifier.length < 13 ? specifier : (' ' + specifier).slice(1);
}

/** Compiler options and module resolution of one tsconfig (or of none). */
interface Resolution {
  options: ts.CompilerOptions;
  host: ts.ModuleResolutionHost;
  cache: ts.ModuleResolutionCache;
}

/**
 * Resolves imports as the project's own tsconfig does (`paths`, `baseUrl`, `extends`, `.js` → `.ts`), using the
 * nearest tsconfig.json or jsconfig.json above each file. Only the configuration is read: no source file is listed
 * or parsed.
 */
export class ModuleResolver {
  private readonly byConfig = new Map<string, Resolution>();
  private readonly configOfDir = new Map<string, string>();
  /** Every imported name asks again: the answer for a folder and a specifier is remembered as long as a listing. */
  private readonly resolved = new Map<string, { at: number; file: string | undefined }>();

  resolve(sliced: string, fromFile: string): string | undefined {
    const specifier = ownCopy(sliced);
    const key = `${path.dirname(fromFile)}\0${specifier}`;
    const now = Date.now();
    const known = this.resolved.get(key);
    if (known && now - known.at < LISTING_TTL_MS) return known.file;
    if (this.resolved.size >= MAX_REMEMBERED_PATHS) this.resolved.clear();
    const file = this.resolveUncached(specifier, fromFile);
    this.resolved.set(key, { at: now, file });
    return file;
  }

  private resolveUncached(specifier: string, fromFile: string): string | undefined {
    const { options, host, cache } = this.resolutionFor(path.dirname(fromFile));
    const resolved = ts.resolveModuleName(specifier, fromFile, options, host, cache).resolvedModule;
    if (!resolved) return workspaceSourceModule(specifier, fromFile);
    if (resolved.isExternalLibraryImport || resolved.extension === ts.Extension.Dts) return undefined;
    return path.resolve(resolved.resolvedFileName);
  }

  private resolutionFor(dir: string): Resolution {
    const configFile = this.configFileFor(dir);
    let resolution = this.byConfig.get(configFile);
    if (!resolution) {
      resolution = createResolution(configFile);
      this.byConfig.set(configFile, resolution);
    }
    return resolution;
  }

  /** The nearest config above `dir`, or '' for none. */
  private configFileFor(dir: string): string {
    const known = this.configOfDir.get(dir);
    if (known !== undefined) return known;
    const here = CONFIG_NAMES.map((name) => path.join(dir, name)).find((file) => fs.existsSync(file));
    const parent = path.dirname(dir);
    const found = here ?? (parent === dir || path.basename(dir) === 'node_modules' ? '' : this.configFileFor(parent));
    this.configOfDir.set(dir, found);
    return found;
  }
}

function createResolution(configFile: string): Resolution {
  const configured = configFile ? compilerOptionsOf(configFile) : {};
  const options: ts.CompilerOptions = {
    ...configured,
    allowJs: true,
    // Without a setting, resolve as bundlers and TypeScript's own default for ES modules do: no extension needed.
    moduleResolution: configured.moduleResolution ?? ts.ModuleResolutionKind.Bundler,
    module: configured.module ?? ts.ModuleKind.ESNext,
  };
  const cache = ts.createModuleResolutionCache(configFile ? path.dirname(configFile) : process.cwd(), (name) => name, options);
  return { options, host: rememberingHost(), cache };
}

/**
 * TypeScript's view of the disk with its questions remembered: resolving an import asks whether the folder exists
 * and tries each extension, and the importers of one folder ask the same (a generated 4,000-file workspace: 13 %
 * of a scan's CPU in `stat`).
 */
function rememberingHost(): ts.ModuleResolutionHost {
  return {
    fileExists: (file) => entryAt(file) === 'file',
    directoryExists: (dir) => entryAt(dir) === 'folder',
    readFile: (file) => ts.sys.readFile(file),
    realpath: ts.sys.realpath && ((file) => ts.sys.realpath!(file)),
    getCurrentDirectory: () => ts.sys.getCurrentDirectory(),
    getDirectories: (dir) => ts.sys.getDirectories(dir),
    useCaseSensitiveFileNames: ts.sys.useCaseSensitiveFileNames,
  };
}

/**
 * A tsconfig's compiler options as `tsc -p` reads them: JSON with comments and trailing commas, `extends` (files and
 * packages, chains), options relative to the file that sets them. A file that is not JSON gives the defaults, not
 * an error; its other errors (an `extends` that does not resolve, an unknown option) leave the options that did read.
 */
function compilerOptionsOf(configFile: string): ts.CompilerOptions {
  try {
    const text = ts.sys.readFile(configFile);
    if (text === undefined) return {};
    const { config, error } = ts.parseConfigFileTextToJson(configFile, text);
    if (error || config === null || typeof config !== 'object') return {};
    // The files a config includes are not wanted: listing them walks the whole folder.
    const host: ts.ParseConfigHost = {
      useCaseSensitiveFileNames: ts.sys.useCaseSensitiveFileNames,
      readDirectory: () => [],
      fileExists: (file) => ts.sys.fileExists(file),
      readFile: (file) => ts.sys.readFile(file),
    };
    return ts.parseJsonConfigFileContent(config, host, path.dirname(configFile), undefined, configFile).options;
  } catch {
    return {};
  }
}

/** The index's view of the disk: a resolver, and file contents with open editors' text taking precedence. */
export function nodeProjectHost(resolver: ModuleResolver, openText: (file: string) => string | undefined = () => undefined): ProjectHost {
  return {
    resolveModule: (specifier, fromFile) => (fromFile.endsWith('.py') ? resolvePythonModule(specifier, fromFile) : resolver.resolve(specifier, fromFile)),
    readFile(file) {
      const open = openText(file);
      if (open !== undefined) return open;
      try {
        return fs.readFileSync(file, 'utf8');
      } catch {
        return undefined;
      }
    },
  };
}

/**
 * A Python import to a project file: `.ai` / `..core.ai` relative to the importing package, or `app.ai` from the
 * first folder above the importer where `app/ai.py` or `app/ai/__init__.py` exists (how a project root on
 * `sys.path` resolves it). Installed packages are not project files and resolve to nothing.
 */
export function resolvePythonModule(sliced: string, fromFile: string): string | undefined {
  const specifier = ownCopy(sliced);
  // Each imported name asks again: the answer for a folder and a specifier is remembered as long as a listing.
  const key = `${path.dirname(fromFile)}\0${specifier}`;
  const now = Date.now();
  const known = resolved.get(key);
  if (known && now - known.at < LISTING_TTL_MS) return known.file;
  if (resolved.size >= MAX_REMEMBERED_PATHS) resolved.clear();
  const file = resolveUncached(specifier, fromFile);
  resolved.set(key, { at: now, file });
  return file;
}

const resolved = new Map<string, { at: number; file: string | undefined }>();

function resolveUncached(specifier: string, fromFile: string): string | undefined {
  const dots = /^\.*/.exec(specifier)![0].length;
  const parts = specifier.slice(dots).split('.').filter(Boolean);
  const candidates = (base: string) => {
    const stem = path.join(base, ...parts);
    return parts.length === 0 ? [path.join(base, '__init__.py')] : [`${stem}.py`, path.join(stem, '__init__.py')];
  };
  if (dots > 0) {
    let base = path.dirname(fromFile);
    for (let level = 1; level < dots; level++) base = path.dirname(base);
    return candidates(base).find((file) => exists(file));
  }
  for (let dir = path.dirname(fromFile); ; dir = path.dirname(dir)) {
    const found = candidates(dir).find((file) => exists(file));
    if (found) return found;
    if (exists(path.join(dir, '.git'))) return workspacePackageModule(dir, candidates);
    if (path.dirname(dir) === dir) return undefined;
  }
}

/** Whether a path exists (a file, a folder or anything else). */
function exists(file: string): boolean {
  return entryAt(file) !== undefined;
}

type Entry = 'file' | 'folder' | 'other';

/**
 * What a path names, remembered for a few seconds: every import of a third-party package walks from the importing
 * file up to the repository root asking the same questions (a 300-file scan asked ~10⁶ times).
 */
function entryAt(file: string): Entry | undefined {
  const now = Date.now();
  const known = entries.get(file);
  if (known && now - known.at < LISTING_TTL_MS) return known.entry;
  if (entries.size >= MAX_REMEMBERED_PATHS) entries.clear();
  const entry = entryOnDisk(file);
  entries.set(file, { at: now, entry });
  return entry;
}

/**
 * Source files just listed exist, and so do their folders: the listing answers what resolving their importers would
 * ask the disk (a scan's imports mostly name files of the scan).
 */
export function rememberListedFiles(files: Iterable<string>): void {
  const now = Date.now();
  for (const file of files) {
    if (entries.size >= MAX_REMEMBERED_PATHS) return;
    entries.set(file, { at: now, entry: 'file' });
    entries.set(path.dirname(file), { at: now, entry: 'folder' });
  }
}

function entryOnDisk(file: string): Entry | undefined {
  const stat = statOrUndefined(file);
  return stat === undefined ? undefined : stat.isFile() ? 'file' : stat.isDirectory() ? 'folder' : 'other';
}

const MAX_REMEMBERED_PATHS = 100_000;
const entries = new Map<string, { at: number; entry: Entry | undefined }>();

/** Folders that never hold a project's own packages. */
const NOT_PACKAGES = new Set(['node_modules', '.git', '.venv', 'venv', '__pycache__', 'dist', 'build', 'site-packages']);

/**
 * A package of another member of a monorepo: `graphrag_llm` in `packages/graphrag-llm/graphrag_llm`, or under a
 * member's `src/`. Searched from the repository root, two folder levels down.
 */
function workspacePackageModule(root: string, candidates: (base: string) => string[]): string | undefined {
  const bases = workspaceBases(root);
  for (const base of bases) {
    const found = candidates(base).find((file) => exists(file));
    if (found) return found;
  }
  return undefined;
}

/** How long a listing of the repository's member folders is reused: third-party imports ask on every file. */
const LISTING_TTL_MS = 10_000;
const listings = new Map<string, { at: number; bases: string[] }>();

function workspaceBases(root: string): string[] {
  const cached = listings.get(root);
  if (cached && Date.now() - cached.at < LISTING_TTL_MS) return cached.bases;
  const bases: string[] = [];
  for (const member of subfolders(root)) {
    const inner = subfolders(member);
    bases.push(member, path.join(member, 'src'), ...inner, ...inner.map((folder) => path.join(folder, 'src')));
  }
  listings.set(root, { at: Date.now(), bases });
  return bases;
}

function subfolders(dir: string): string[] {
  try {
    return fs
      .readdirSync(dir, { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.') && !NOT_PACKAGES.has(entry.name))
      .map((entry) => path.join(dir, entry.name));
  } catch {
    return [];
  }
}


const TS_SOURCE_EXTENSIONS = ['.ts', '.tsx', '.mts', '.js', '.mjs'];

/**
 * `@openai/agents-core` (or `@openai/agents-core/model`) written in another member of a monorepo whose packages are
 * not built: the member whose package.json has that name, read from its sources (`src/index.ts`, `src/model.ts`).
 */
function workspaceSourceModule(specifier: string, fromFile: string): string | undefined {
  if (specifier.startsWith('.') || path.isAbsolute(specifier)) return undefined;
  const parts = specifier.split('/');
  const nameLength = specifier.startsWith('@') ? 2 : 1;
  if (parts.length < nameLength) return undefined;
  const name = parts.slice(0, nameLength).join('/');
  const subpath = parts.slice(nameLength);
  const root = workspaceRootAbove(path.dirname(fromFile));
  if (!root) return undefined;
  const member = workspaceBases(root).find((base) => packageNameOf(base) === name);
  if (!member) return undefined;
  const stems = subpath.length === 0 ? [path.join(member, 'src', 'index'), path.join(member, 'index')] : [path.join(member, 'src', ...subpath), path.join(member, 'src', ...subpath, 'index')];
  for (const stem of stems) {
    const found = TS_SOURCE_EXTENSIONS.map((extension) => stem + extension).find((file) => exists(file));
    if (found) return found;
  }
  return undefined;
}

const packageNames = new Map<string, string | null>();

function packageNameOf(dir: string): string | undefined {
  const known = packageNames.get(dir);
  if (known !== undefined) return known ?? undefined;
  let name: string | null = null;
  try {
    const parsed = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name?: unknown };
    if (typeof parsed.name === 'string') name = parsed.name;
  } catch {
    // No package here.
  }
  packageNames.set(dir, name);
  return name ?? undefined;
}


/** The nearest repository or monorepo root at or above `dir`, remembered as long as a listing. */
function workspaceRootAbove(dir: string): string | undefined {
  const now = Date.now();
  const known = roots.get(dir);
  if (known && now - known.at < LISTING_TTL_MS) return known.root;
  const parent = path.dirname(dir);
  const root = isWorkspaceRoot(dir) ? dir : parent === dir ? undefined : workspaceRootAbove(parent);
  roots.set(dir, { at: now, root });
  return root;
}

const roots = new Map<string, { at: number; root: string | undefined }>();

/** A repository's root, or a monorepo's: where its members are listed from. */
function isWorkspaceRoot(dir: string): boolean {
  if (exists(path.join(dir, '.git')) || exists(path.join(dir, 'pnpm-workspace.yaml'))) return true;
  try {
    return 'workspaces' in (JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as object);
  } catch {
    return false;
  }
}
