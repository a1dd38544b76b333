import * as fs from 'node:fs';
import * as path from 'node:path';
import { CONFIG_FILE_NAMES, defaultConfig, parseConfig, type ConfigProblem, type ProdreadyConfig } from '../core/config/config';

export interface LoadedConfig {
  file?: string;
  config: ProdreadyConfig;
  problems: ConfigProblem[];
  text?: string;
}

/**
 * `.prodready.json` per folder, nearest first, cached until the file changes. Open editors win over disk so
 * an unsaved config already applies (and its problems show as you type).
 */
export class ConfigFiles {
  private readonly cache = new Map<string, LoadedConfig>();

  constructor(private readonly openText: (file: string) => string | undefined) {}

  forDocument(file: string, stopAt: string | undefined): LoadedConfig {
    let dir = path.dirname(file);
    for (;;) {
      for (const name of CONFIG_FILE_NAMES) {
        const candidate = path.join(dir, name);
        const loaded = this.load(candidate);
        if (loaded) return loaded;
      }
      const parent = path.dirname(dir);
      if (parent === dir || (stopAt && !isInside(parent, stopAt))) return { config: defaultConfig(), problems: [] };
      dir = parent;
    }
  }

  load(file: string): LoadedConfig | undefined {
    const open = this.openText(file);
    if (open !== undefined) return this.parse(file, open);
    const cached = this.cache.get(file);
    if (cached) return cached.file ? cached : undefined;
    let text: string | undefined;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch {
      this.cache.set(file, { config: defaultConfig(), problems: [] });
      return undefined;
    }
    const loaded = this.parse(file, text);
    this.cache.set(file, loaded);
    return loaded;
  }

  invalidate(file?: string): void {
    if (file) this.cache.delete(file);
    else this.cache.clear();
  }

  private parse(file: string, text: string): LoadedConfig {
    const { config, problems } = parseConfig(text, path.basename(file));
    return { file, config, problems, text };
  }
}

function isInside(dir: string, root: string): boolean {
  const relative = path.relative(root, dir);
  return !relative.startsWith('..') && !path.isAbsolute(relative);
}
