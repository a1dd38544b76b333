import * as fs from 'node:fs';
import * as path from 'node:path';
import type { FileAnalysis } from '../core/engine/analyzeFile';
import type { ProdreadyConfig, RuleLevel } from '../core/config/config';
import { CODEOWNERS_LOCATIONS, parseCodeOwners } from '../core/ownership/codeowners';
import type { OwnershipSources } from '../core/ownership/owners';
import type { WorkspaceSnapshot } from '../core/readiness';
import type { RuleId } from '../core/rules';
import { SKIPPED_DIRS } from './files';

/** Dot-folders are skipped, except these that hold CI and ownership files. */
const LISTED_DOT_DIRS = new Set(['.github', '.gitlab', '.circleci']);
const MAX_LISTED_FILES = 50_000;
const MAX_READ_BYTES = 1024 * 1024;

/** Every file under `dirs`, relative to `root` with `/` separators; stops at 50 000 files. */
export function listFiles(root: string, dirs: string[] = [root]): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      if (found.length >= MAX_LISTED_FILES) return;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (SKIPPED_DIRS.has(entry.name) || (entry.name.startsWith('.') && !LISTED_DOT_DIRS.has(entry.name))) continue;
        walk(full);
      } else if (entry.isFile()) {
        found.push(toRelative(root, full));
      }
    }
  };
  for (const dir of dirs) {
    const stat = statOrUndefined(dir);
    if (stat?.isDirectory()) walk(dir);
    else if (stat?.isFile()) found.push(toRelative(root, dir));
  }
  return [...new Set(found)].sort();
}

/**
 * Where owners are declared for files under `root`: the config's ownership rules, and the CODEOWNERS of the
 * repository that holds `root` (looked for at `root` and its parents up to the one with `.git`).
 */
export function ownershipSources(root: string, config: ProdreadyConfig, configFile: string | undefined): OwnershipSources {
  const sources: OwnershipSources = {};
  if (configFile && config.governance.ownership.length > 0) {
    sources.config = { file: configFile, root: path.dirname(configFile), rules: config.governance.ownership };
  }
  for (let dir = path.resolve(root); ; dir = path.dirname(dir)) {
    const found = CODEOWNERS_LOCATIONS.map((location) => path.join(dir, location)).find((file) => fs.existsSync(file));
    if (found) {
      const text = readOrUndefined(found);
      if (text !== undefined) sources.codeowners = { file: found, root: dir, rules: parseCodeOwners(text) };
      break;
    }
    if (fs.existsSync(path.join(dir, '.git')) || path.dirname(dir) === dir) break;
  }
  return sources;
}

export interface SnapshotParts {
  root: string;
  files: string[];
  analyses: FileAnalysis[];
  config: ProdreadyConfig;
  configFile?: string;
  ownership?: OwnershipSources;
  ruleLevels?: Partial<Record<RuleId, RuleLevel>>;
}

/** A snapshot whose small files are read from disk on demand. */
export function diskSnapshot(parts: SnapshotParts): WorkspaceSnapshot {
  return {
    ...parts,
    readFile(relative) {
      const file = path.join(parts.root, relative);
      try {
        if (fs.statSync(file).size > MAX_READ_BYTES) return undefined;
        return fs.readFileSync(file, 'utf8');
      } catch {
        return undefined;
      }
    },
  };
}

function toRelative(root: string, file: string): string {
  return path.relative(root, file).split(path.sep).join('/');
}

/** A file or folder that cannot be looked at (permissions, a symlink loop) counts as absent, never as a crash. */
function statOrUndefined(file: string): fs.Stats | undefined {
  try {
    return fs.statSync(file, { throwIfNoEntry: false });
  } catch {
    return undefined;
  }
}

function readOrUndefined(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}
