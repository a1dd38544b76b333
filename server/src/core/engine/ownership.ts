import * as path from 'node:path';
import { CODEOWNERS_LOCATIONS, parseCodeOwners } from '../ownership/codeowners';
import type { OwnershipSources } from '../ownership/owners';
import type { LoadedConfig } from './configs';
import { textOf, type EngineHost } from './host';

/**
 * Where owners are declared for files under `root`: the config's ownership rules, and the CODEOWNERS of the
 * repository that holds `root` (looked for at `root` and its parents, up to the one with `.git`). A CODEOWNERS
 * that cannot be read counts as absent.
 */
export function findOwnershipSources(host: EngineHost, root: string, loaded: LoadedConfig): OwnershipSources {
  const sources: OwnershipSources = {};
  if (loaded.file && loaded.config.governance.ownership.length > 0) {
    sources.config = { file: loaded.file, root: path.dirname(loaded.file), rules: loaded.config.governance.ownership };
  }
  for (let dir = path.resolve(root); ; dir = path.dirname(dir)) {
    const found = CODEOWNERS_LOCATIONS.map((location) => path.join(dir, location)).find((file) => host.exists(file));
    if (found) {
      const text = textOf(host.readFile(found));
      if (text !== undefined) sources.codeowners = { file: found, root: dir, rules: parseCodeOwners(text) };
      break;
    }
    if (host.exists(path.join(dir, '.git')) || path.dirname(dir) === dir) break;
  }
  return sources;
}
