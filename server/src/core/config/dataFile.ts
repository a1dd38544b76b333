import type { ModelEntry } from '../catalog/modelRegistry';
import type { PriceEntry } from '../catalog/priceBook';
import { describeParseError, JSONC_OPTIONS, parseTree, tooDeepAt, MAX_JSON_DEPTH, type ParseError } from './json';
import { readLocated, type ConfigProblem } from './locate';
import { dataFileSchema } from './schema';

/** Newer prices and model lifecycle entries than the bundled ones, read from a file the project points at. */
export interface DataFile {
  file: string;
  /** Where the data comes from, as the file says (its path when it does not). */
  source: string;
  /** YYYY-MM-DD. */
  asOf: string;
  prices: PriceEntry[];
  lifecycle: ModelEntry[];
}

/**
 * Reads a data file (the bundled prices.json's shape, plus `lifecycle` entries as `models` in .prodready.json).
 * Bad entries are dropped with a located problem; a file without a valid `asOf` is not used, as it cannot be dated.
 */
export function parseDataFile(text: string, file: string): { data?: DataFile; problems: ConfigProblem[] } {
  const name = file.replace(/\\/g, '/').split('/').pop()!;
  const deep = tooDeepAt(text);
  if (deep !== undefined) return { problems: [{ message: `nesting deeper than ${MAX_JSON_DEPTH} levels: ${name} is not read.`, span: { start: deep, end: deep + 1 }, severity: 'error' }] };
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, JSONC_OPTIONS);
  if (errors.length > 0 || !root) {
    const error = errors[0];
    return { problems: [{ message: `${name} is not valid JSON${error ? `: ${describeParseError(error)}` : ''}; it is not used.`, span: error ? { start: error.offset, end: error.offset + error.length } : { start: 0, end: 0 }, severity: 'error' }] };
  }
  const read = readLocated(dataFileSchema, root, text, name);
  const value = read.value;
  if (!value?.asOf) return { problems: read.problems };
  return {
    data: {
      file,
      source: value.source ?? name,
      asOf: value.asOf,
      prices: (value.models ?? []).map((entry) => ({ ...entry })),
      lifecycle: (value.lifecycle ?? []).map((entry) => ({ ...entry, provider: entry.provider ?? 'custom' })),
    },
    problems: read.problems,
  };
}
