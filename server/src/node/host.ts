import * as fs from 'node:fs';
import * as path from 'node:path';
import { languageOf, type EngineHost, type FileRead } from '../core';
import { exists, findConfigFile, ioReason } from './files';
import { ModuleResolver, nodeProjectHost, rememberListedFiles } from './moduleResolution';
import { listFiles } from './workspace';

/** What the text of a file open in an editor is, or undefined when it is not open. */
export type OpenText = (file: string) => string | undefined;

/**
 * The engine's view of the disk, for the server and the CLI alike. Text open in an editor wins over the disk
 * (the server passes `openText`; the CLI has no editors). Reads never throw: a file that cannot be read says why.
 */
export class NodeHost implements EngineHost {
  private modules: ReturnType<typeof nodeProjectHost>;

  constructor(private readonly openText: OpenText = () => undefined) {
    this.modules = nodeProjectHost(new ModuleResolver(), openText);
  }

  readFile(file: string, maxBytes?: number): FileRead {
    const open = this.openText(file);
    if (open !== undefined) return { text: open };
    try {
      if (maxBytes !== undefined && fs.statSync(file).size > maxBytes) return { error: `it is over ${maxBytes} bytes` };
      return { text: fs.readFileSync(file, 'utf8') };
    } catch (error) {
      return { error: ioReason(error) };
    }
  }

  exists(file: string): boolean {
    return exists(file);
  }

  listFiles(root: string, dirs?: readonly string[]): string[] {
    const files = listFiles(root, dirs);
    rememberListedFiles(files.filter((file) => languageOf(file) !== undefined).map((file) => path.join(root, file)));
    return files;
  }

  findConfig(dir: string, stopAt?: string): string | undefined {
    return findConfigFile(dir, { stopAt, isOpen: (file) => this.openText(file) !== undefined });
  }

  resolveModule(specifier: string, fromFile: string): string | undefined {
    return this.modules.resolveModule(specifier, fromFile);
  }

  writeFile(file: string, text: string): string | undefined {
    try {
      fs.writeFileSync(file, text);
      return undefined;
    } catch (error) {
      return ioReason(error);
    }
  }

  /** Size, modification time (to tell whether a file changed) and kind; undefined when it cannot be looked at. */
  stat(file: string): { mtimeMs: number; size: number; isFile: boolean } | undefined {
    try {
      const stat = fs.statSync(file, { throwIfNoEntry: false });
      return stat && { mtimeMs: stat.mtimeMs, size: stat.size, isFile: stat.isFile() };
    } catch {
      return undefined;
    }
  }

  /** A tsconfig or jsconfig changed: imports are resolved afresh. */
  modulesChanged(): void {
    this.modules = nodeProjectHost(new ModuleResolver(), this.openText);
  }
}
