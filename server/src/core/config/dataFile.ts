import type { ModelEntry } from '../catalog/modelRegistry';
import type { PriceEntry } from '../catalog/priceBook';
import { describeParseError, JSONC_OPTIONS, MAX_JSON_DEPTH, parseTree, tooDeepAt, type Node, type ParseError } from './json';
import { readLocated, type ConfigProblem } from './locate';
import { dataFileSchema } from './schema';

/** Newer prices and model lifecycle entries than the bundled ones, read from a file the project points at. */
export interface DataFile {
  file: string;
  /** Where the data comes from, as the file says (its origin when it does not). */
  source: string;
  /** How the file was found, as hovers name it: its file name, or the data package that holds it (`@acme/ai-prices 1.4.0`). */
  origin: string;
  /** YYYY-MM-DD. */
  asOf: string;
  prices: PriceEntry[];
  lifecycle: ModelEntry[];
}

/**
 * Reads a data file (the bundled prices.json's shape, plus `lifecycle` entries as `models` in .prodready.json).
 * Bad entries are dropped with a located problem; a file without a valid `asOf` is not used, as it cannot be dated.
 */
export function parseDataFile(text: string, file: string, origin?: string): { data?: DataFile; problems: ConfigProblem[] } {
  const name = file.replace(/\\/g, '/').split('/').pop()!;
  const parsed = parseJsonFile(text, name);
  if ('problem' in parsed) return { problems: [parsed.problem] };
  const read = readLocated(dataFileSchema, parsed.root, text, name);
  const value = read.value;
  if (!value?.asOf) return { problems: read.problems };
  return {
    data: {
      file,
      source: value.source ?? origin ?? name,
      origin: origin ?? name,
      asOf: value.asOf,
      prices: (value.models ?? []).map((entry) => ({ ...entry })),
      lifecycle: (value.lifecycle ?? []).map((entry) => ({ ...entry, provider: entry.provider ?? 'custom' })),
    },
    problems: read.problems,
  };
}

/**
 * A JSON file prodready reads as data (a data file, a package.json): its tree, or the one problem that keeps it
 * from being read (nested too deep, not JSON), at its place, naming the file.
 */
export function parseJsonFile(text: string, name: string): { root: Node } | { problem: ConfigProblem } {
  const deep = tooDeepAt(text);
  if (deep !== undefined) return { problem: { message: `nesting deeper than ${MAX_JSON_DEPTH} levels: ${name} is not read.`, span: { start: deep, end: deep + 1 }, severity: 'error' } };
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, JSONC_OPTIONS);
  if (errors.length === 0 && root) return { root };
  const error = errors[0];
  return { problem: { message: `${name} is not valid JSON${error ? `: ${describeParseError(error)}` : ''}; it is not used.`, span: error ? { start: error.offset, end: error.offset + error.length } : { start: 0, end: 0 }, severity: 'error' } };
}
