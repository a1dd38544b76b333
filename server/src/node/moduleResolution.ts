import * as fs from 'node:fs';
import * as path from 'node:path';
import { Project, ts } from 'ts-morph';
import type { ProjectHost } from '../core/project/projectIndex';

const CONFIG_NAMES = ['tsconfig.json', 'jsconfig.json'];

/** Compiler options and module resolution of one tsconfig (or of none), read through a ts-morph project. */
interface Resolution {
  options: ts.CompilerOptions;
  host: ts.ModuleResolutionHost;
  cache: ts.ModuleResolutionCache;
}

/**
 * Resolves imports as the project's own tsconfig does (`paths`, `baseUrl`, `extends`, `.js` → `.ts`), using the
 * nearest tsconfig.json or jsconfig.json above each file. The ts-morph project only reads configuration and
 * resolves: no source file is added to it, so it holds no syntax trees.
 */
export class ModuleResolver {
  private readonly byConfig = new Map<string, Resolution>();
  private readonly configOfDir = new Map<string, string>();

  resolve(specifier: string, fromFile: string): string | undefined {
    const { options, host, cache } = this.resolutionFor(path.dirname(fromFile));
    const resolved = ts.resolveModuleName(specifier, fromFile, options, host, cache).resolvedModule;
    if (!resolved || resolved.isExternalLibraryImport || resolved.extension === ts.Extension.Dts) return undefined;
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
  let project: Project;
  try {
    project = configFile
      ? new Project({ tsConfigFilePath: configFile, skipAddingFilesFromTsConfig: true, skipFileDependencyResolution: true })
      : new Project({ skipFileDependencyResolution: true, compilerOptions: {} });
  } catch {
    // A tsconfig that does not parse: resolve with defaults rather than not at all.
    project = new Project({ skipFileDependencyResolution: true, compilerOptions: {} });
  }
  const configured = project.getCompilerOptions();
  const options: ts.CompilerOptions = {
    ...configured,
    allowJs: true,
    // Without a setting, resolve as bundlers and TypeScript's own default for ES modules do: no extension needed.
    moduleResolution: configured.moduleResolution ?? ts.ModuleResolutionKind.Bundler,
    module: configured.module ?? ts.ModuleKind.ESNext,
  };
  const host = project.getModuleResolutionHost();
  const cache = ts.createModuleResolutionCache(configFile ? path.dirname(configFile) : process.cwd(), (name) => name, options);
  return { options, host, cache };
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
export function resolvePythonModule(specifier: string, fromFile: string): string | undefined {
  const dots = /^\.*/.exec(specifier)![0].length;
  const parts = specifier.slice(dots).split('.').filter(Boolean);
  const candidates = (base: string) => {
    const stem = path.join(base, ...parts);
    return parts.length === 0 ? [path.join(base, '__init__.py')] : [`${stem}.py`, path.join(stem, '__init__.py')];
  };
  if (dots > 0) {
    let base = path.dirname(fromFile);
    for (let level = 1; level < dots; level++) base = path.dirname(base);
    return candidates(base).find((file) => fs.existsSync(file));
  }
  for (let dir = path.dirname(fromFile); ; dir = path.dirname(dir)) {
    const found = candidates(dir).find((file) => fs.existsSync(file));
    if (found) return found;
    if (path.dirname(dir) === dir || fs.existsSync(path.join(dir, '.git'))) return undefined;
  }
}
