import registry from './models.json';

export type ModelStatus = 'floating' | 'deprecated' | 'retired';

export interface ModelEntry {
  id: string;
  provider: string;
  status: ModelStatus;
  /** For a floating alias: the dated snapshot it resolves to today. */
  pinned?: string;
  /** The suggested successor of a deprecated or retired model (or of an alias's whole family). */
  replacement?: string;
  /** When a retired model stopped answering. */
  since?: string;
}

export const builtInModels: readonly ModelEntry[] = registry.models as ModelEntry[];
/** The date the bundled lifecycle data was checked against the providers' pages. */
export const builtInModelsAsOf: string = registry.asOf;
const floatingPatterns = registry.floatingPatterns.map((entry) => ({ provider: entry.provider, pattern: new RegExp(entry.pattern) }));

/** Looks a model id up, after stripping a gateway prefix (`openai/gpt-4o`); project entries win. */
export class ModelRegistry {
  private readonly byId = new Map<string, ModelEntry>();

  /** `base`: the lifecycle entries in force, oldest data first (later entries win over earlier ones). */
  constructor(extra: readonly ModelEntry[] = [], base: readonly ModelEntry[] = builtInModels) {
    for (const entry of [...base, ...extra]) this.byId.set(entry.id, entry);
  }

  lookup(model: string): { entry: ModelEntry; prefix: string } | undefined {
    const slash = model.lastIndexOf('/');
    const prefix = slash === -1 ? '' : model.slice(0, slash + 1);
    const id = model.slice(prefix.length);
    const entry = this.byId.get(id);
    if (entry) return { entry, prefix };
    const floating = floatingPatterns.find((candidate) => candidate.pattern.test(id));
    return floating ? { entry: { id, provider: floating.provider, status: 'floating' }, prefix } : undefined;
  }
}
