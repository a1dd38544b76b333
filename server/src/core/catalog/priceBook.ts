import snapshot from './prices.json';

/** One model's price, in USD per million tokens, as the bundled table and data files write it. */
export interface PriceEntry {
  id: string;
  provider?: string;
  input: number;
  output: number;
  /** Dated snapshot ids (and other exact names) billed at this price. */
  snapshots?: string[];
  /** Ids starting with one of these are billed at this price when no entry names them exactly. */
  prefixes?: string[];
  /** Past `aboveInputTokens` the whole request is billed at these prices (long-context pricing). */
  longContext?: { aboveInputTokens: number; input: number; output: number }[];
}

/** Where prices come from and how fresh they are: the bundled snapshot, a data file, or `.prodready.json`. */
export interface TableSource {
  source: string;
  /** YYYY-MM-DD. */
  asOf?: string;
}

export interface PriceTable extends TableSource {
  asOf: string;
  models: readonly PriceEntry[];
}

export const builtInPrices: PriceTable = snapshot as PriceTable;

/** A price found for a model id, with the table it came from. */
export interface Price {
  entry: PriceEntry;
  table: TableSource;
}

interface Layer {
  table: TableSource;
  exact: Map<string, PriceEntry>;
  prefixes: { prefix: string; entry: PriceEntry }[];
}

function layerOf(table: TableSource, models: readonly PriceEntry[]): Layer {
  const exact = new Map<string, PriceEntry>();
  const prefixes: Layer['prefixes'] = [];
  for (const entry of models) {
    for (const id of [entry.id, ...(entry.snapshots ?? [])]) if (!exact.has(id)) exact.set(id, entry);
    for (const prefix of entry.prefixes ?? []) prefixes.push({ prefix, entry });
  }
  prefixes.sort((a, b) => b.prefix.length - a.prefix.length);
  return { table, exact, prefixes };
}

/**
 * Prices by model id: the project's own prices first, then the tables, newest `asOf` first. A gateway prefix
 * (`openai/gpt-4o`) is stripped, as the model registry does.
 */
export class PriceBook {
  private readonly layers: Layer[];

  constructor(tables: readonly PriceTable[], overrides?: { table: TableSource; models: readonly PriceEntry[] }) {
    const newestFirst = [...tables].sort((a, b) => b.asOf.localeCompare(a.asOf));
    this.layers = [...(overrides && overrides.models.length > 0 ? [layerOf(overrides.table, overrides.models)] : []), ...newestFirst.map((table) => layerOf(table, table.models))];
  }

  lookup(model: string): Price | undefined {
    const id = model.slice(model.lastIndexOf('/') + 1);
    for (const layer of this.layers) {
      const entry = layer.exact.get(id) ?? layer.exact.get(model);
      if (entry) return { entry, table: layer.table };
    }
    for (const layer of this.layers) {
      const match = layer.prefixes.find(({ prefix }) => id.startsWith(prefix));
      if (match) return { entry: match.entry, table: layer.table };
    }
    return undefined;
  }
}
