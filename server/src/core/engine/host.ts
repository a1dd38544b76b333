// What the engine needs from the outside world. The core never touches the disk: the server and the CLI pass a
// host implemented over it (server/src/node/host.ts); tests pass one over a map of files.

/** A file's text, or why it could not be read ("permission denied"), in a few words. */
export type FileRead = { text: string } | { error: string };

export interface EngineHost {
  /** A file's text (an open editor's first); `maxBytes` refuses larger files without reading them. */
  readFile(file: string, maxBytes?: number): FileRead;
  /** Whether a file or folder exists (a `.git` folder bounds the search for CODEOWNERS). */
  exists(file: string): boolean;
  /**
   * Every file under `dirs` (default: `root`), relative to `root` with `/` separators, sorted; dependency, build
   * and hidden folders left out.
   */
  listFiles(root: string, dirs?: readonly string[]): string[];
  /** The nearest config file in `dir` or a folder above it, not above `stopAt` when given. */
  findConfig(dir: string, stopAt?: string): string | undefined;
  /** The project file an import names from `fromFile`; undefined for packages and names that do not resolve. */
  resolveModule(specifier: string, fromFile: string): string | undefined;
  /** Writes a fixed file; undefined when written, otherwise why not. Hosts that never write leave it out. */
  writeFile?(file: string, text: string): string | undefined;
}

export function textOf(read: FileRead): string | undefined {
  return 'text' in read ? read.text : undefined;
}
