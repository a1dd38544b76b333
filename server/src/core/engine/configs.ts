import * as path from 'node:path';
import { CONFIG_FILE_NAMES, defaultConfig, parseConfig, type ConfigProblem, type ProdreadyConfig } from '../config/config';
import type { EngineHost } from './host';

/** The config in force for a file: its `.prodready.json` (if any), read with every problem located. */
export interface LoadedConfig {
  /** Absent when no config file applies: `config` is then the default. */
  file?: string;
  config: ProdreadyConfig;
  problems: ConfigProblem[];
  /** The text the config was read from. */
  text?: string;
  /** Why the file could not be read; `config` is then the default. */
  unreadable?: string;
}

/** True for a path (or URI) that names a prodready config file. */
export function isConfigFile(file: string): boolean {
  const name = file.slice(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1);
  return CONFIG_FILE_NAMES.includes(name);
}

const NO_CONFIG: LoadedConfig = Object.freeze({ config: defaultConfig(), problems: [] }) as LoadedConfig;

/**
 * Config files found through the host and parsed once each, until `invalidate` says the file changed (on disk or
 * in an editor). The same text always gives the same `LoadedConfig`, so whatever is cached per config stays valid.
 */
export class ConfigStore {
  private readonly loaded = new Map<string, LoadedConfig>();

  constructor(private readonly host: EngineHost) {}

  /** The config of files in `dir`: the nearest config file there or above, not above `stopAt`. */
  nearest(dir: string, stopAt?: string): LoadedConfig {
    const file = this.host.findConfig(dir, stopAt);
    return file === undefined ? NO_CONFIG : this.load(file);
  }

  /** A given config file (the CLI's `--config`, or the config document being edited). */
  load(file: string): LoadedConfig {
    let loaded = this.loaded.get(file);
    if (!loaded) {
      loaded = this.read(file);
      this.loaded.set(file, loaded);
    }
    return loaded;
  }

  /** A config file changed, appeared or went away; without a file, every config is read again. */
  invalidate(file?: string): void {
    if (file === undefined) this.loaded.clear();
    else this.loaded.delete(file);
  }

  private read(file: string): LoadedConfig {
    const read = this.host.readFile(file);
    if ('error' in read) return { file, config: defaultConfig(), problems: [], unreadable: read.error };
    const { config, problems } = parseConfig(read.text, path.basename(file));
    return { file, config, problems, text: read.text };
  }
}
