import { builtInModels, builtInModelsAsOf, ModelRegistry, type ModelEntry } from '../catalog/modelRegistry';
import { builtInPrices, PriceBook, type PriceTable } from '../catalog/priceBook';
import type { ProdreadyConfig } from '../config/config';
import type { DataFile } from '../config/dataFile';

/** A dated set of model lifecycle entries: the bundled registry or a data file's. */
export interface LifecycleTable {
  source: string;
  asOf: string;
  models: readonly ModelEntry[];
}

/** The price tables and lifecycle data in force: the bundled ones and the data files the project points at. */
export interface ReferenceData {
  /** Newest `asOf` first. */
  prices: readonly PriceTable[];
  /** Newest `asOf` first. */
  lifecycle: readonly LifecycleTable[];
}

export const BUILT_IN_PRICES_SOURCE = 'prodready bundled prices';

export const builtInData: ReferenceData = {
  prices: [{ ...builtInPrices, source: `${BUILT_IN_PRICES_SOURCE} (${builtInPrices.source})` }],
  lifecycle: [{ source: 'prodready bundled model registry', asOf: builtInModelsAsOf, models: builtInModels }],
};

const newestFirst = <T extends { asOf: string }>(tables: T[]) => tables.sort((a, b) => b.asOf.localeCompare(a.asOf));

/** The bundled data with the data files' added; where two name the same model, the newer `asOf` wins. */
export function referenceDataOf(files: readonly DataFile[]): ReferenceData {
  if (files.length === 0) return builtInData;
  const source = (file: DataFile) => (file.source === file.origin ? file.origin : `${file.source} (${file.origin})`);
  return {
    prices: newestFirst([...builtInData.prices, ...files.filter((file) => file.prices.length > 0).map((file) => ({ source: source(file), asOf: file.asOf, models: file.prices }))]),
    lifecycle: newestFirst([...builtInData.lifecycle, ...files.filter((file) => file.lifecycle.length > 0).map((file) => ({ source: source(file), asOf: file.asOf, models: file.lifecycle }))]),
  };
}

const books = new WeakMap<ReferenceData, WeakMap<ProdreadyConfig, PriceBook>>();
const registries = new WeakMap<ReferenceData, WeakMap<ProdreadyConfig, ModelRegistry>>();

function memo<T>(cache: WeakMap<ReferenceData, WeakMap<ProdreadyConfig, T>>, data: ReferenceData, config: ProdreadyConfig, make: () => T): T {
  let byConfig = cache.get(data);
  if (!byConfig) cache.set(data, (byConfig = new WeakMap()));
  let value = byConfig.get(config);
  if (!value) byConfig.set(config, (value = make()));
  return value;
}

/**
 * Prices for a config: its own `prices` first, then the output prices its budget declares (priced with the tables'
 * input price, as the budget names none), then the tables, newest first.
 */
export function priceBookFor(config: ProdreadyConfig, data: ReferenceData = builtInData): PriceBook {
  return memo(books, data, config, () => {
    const tables = new PriceBook(data.prices);
    const budgetPrices = Object.entries(config.governance.budget?.outputUsdPerMillionTokens ?? {})
      .filter(([id]) => !config.prices.some((entry) => entry.id === id))
      .map(([id, output]) => ({ id, input: tables.lookup(id)?.entry.input ?? 0, output }));
    return new PriceBook(data.prices, { table: { source: '.prodready.json' }, models: [...config.prices, ...budgetPrices] });
  });
}

/** The lifecycle registry for a config: the data in force, oldest first so newer entries win, then the config's `models`. */
export function modelRegistryFor(config: ProdreadyConfig, data: ReferenceData = builtInData): ModelRegistry {
  return memo(registries, data, config, () => new ModelRegistry(config.models, [...data.lifecycle].reverse().flatMap((table) => table.models)));
}

/** The lifecycle table a model's entry comes from (the newest that lists it), after a gateway prefix is stripped. */
export function lifecycleTableOf(model: string, data: ReferenceData = builtInData): LifecycleTable | undefined {
  const id = model.slice(model.lastIndexOf('/') + 1);
  return data.lifecycle.find((table) => table.models.some((entry) => entry.id === id));
}
