import { randomUUID } from 'node:crypto';
import { ModelRegistry, type ModelEntry } from '../core/catalog/modelRegistry';
import type { Inventory, InventoryRow } from '../core/readiness';

// The AI inventory as an AI bill of materials (CycloneDX 1.6 JSON): each model a `machine-learning-model`
// component, each provider a service the project depends on, each call site an occurrence of its model.

export interface BomHeader {
  /** The project (the scanned folder's name). */
  project: string;
  version: string;
  /** ISO 8601. */
  timestamp: string;
}

type Pinning = 'pinned' | 'floating' | 'unknown';

interface ModelGroup {
  ref: string;
  serviceRef: string;
  provider: string;
  model?: string;
  rows: InventoryRow[];
}

/** A dated snapshot at the end of a model id: `gpt-4o-2024-08-06`, `claude-3-5-sonnet-20241022`. */
const SNAPSHOT = /[-@](\d{4}-\d{2}-\d{2}|\d{8})$/;

/** `projectModels`: the config's lifecycle entries, over the built-in registry. */
export function toCycloneDx(inventory: Inventory, projectModels: readonly ModelEntry[], header: BomHeader): object {
  const models = new ModelRegistry(projectModels);
  const direct = inventory.rows.filter((row) => row.sdk !== 'wrapper');
  const services = new Map<string, { ref: string; name: string; sdks: Set<string> }>();
  const groups = new Map<string, ModelGroup>();
  // A call whose model is one of several visible values is an occurrence of each.
  for (const row of direct) {
    for (const model of row.candidates ?? [row.model]) {
      // The model's maker when the registry knows the model (a Claude model through the Vercel AI SDK is Anthropic's),
      // else the SDK's provider.
      const provider = (model === undefined ? undefined : familyOf(model, models)?.provider) ?? row.provider;
      const serviceRef = `service:${provider}`;
      const sdks = services.get(serviceRef)?.sdks ?? new Set<string>();
      sdks.add(row.sdk);
      services.set(serviceRef, { ref: serviceRef, name: provider, sdks });
      const ref = `model:${provider}:${model ?? '(set at run time)'}`;
      const group = groups.get(ref) ?? { ref, serviceRef, provider, model, rows: [] };
      group.rows.push(row);
      groups.set(ref, group);
    }
  }
  return {
    $schema: 'http://cyclonedx.org/schema/bom-1.6.schema.json',
    bomFormat: 'CycloneDX',
    specVersion: '1.6',
    serialNumber: `urn:uuid:${randomUUID()}`,
    version: 1,
    metadata: {
      timestamp: header.timestamp,
      tools: { components: [{ type: 'application', name: 'prodready', version: header.version }] },
      component: { type: 'application', 'bom-ref': 'project', name: header.project },
    },
    components: [...groups.values()].map((group) => modelComponent(group, models)),
    services: [...services.values()].map((service) => ({
      'bom-ref': service.ref,
      provider: { name: service.name },
      name: service.name,
      // Prompts and outputs leave the project for the provider.
      'x-trust-boundary': true,
      properties: [...service.sdks].map((sdk) => ({ name: 'prodready:sdk', value: sdk })),
    })),
    dependencies: [
      { ref: 'project', dependsOn: [...services.keys(), ...groups.keys()] },
      ...[...groups.values()].map((group) => ({ ref: group.ref, dependsOn: [group.serviceRef] })),
      ...[...services.keys()].map((ref) => ({ ref })),
    ],
  };
}

function modelComponent(group: ModelGroup, models: ModelRegistry): object {
  const { model, provider, rows } = group;
  const pinning = pinningOf(model, models);
  const entry = model === undefined ? undefined : models.lookup(model)?.entry;
  const version = model === undefined ? undefined : SNAPSHOT.exec(model)?.[1];
  const owners = [...new Set(rows.flatMap((row) => row.owners))];
  const properties = [
    { name: 'prodready:provider', value: provider },
    { name: 'prodready:pinning', value: pinning },
    ...(entry?.pinned ? [{ name: 'prodready:resolves-to', value: entry.pinned }] : []),
    ...(entry && entry.status !== 'floating' ? [{ name: 'prodready:lifecycle', value: entry.status }] : []),
    ...(owners.length > 0 ? [{ name: 'prodready:owners', value: owners.join(', ') }] : []),
  ];
  return {
    type: 'machine-learning-model',
    'bom-ref': group.ref,
    supplier: { name: provider },
    name: model ?? '(set at run time)',
    ...(version ? { version } : {}),
    modelCard: { modelParameters: { task: [...new Set(rows.map((row) => row.operation))].join(', ') } },
    properties,
    evidence: { occurrences: rows.map(occurrence) },
  };
}

/** A call site: where it is, the function it is in, and its API, owner and open findings in one line. */
function occurrence(row: InventoryRow): object {
  const owner = row.owners.length > 0 ? `${row.owners.join(' ')} (${row.ownerSource})` : 'unowned';
  const counts = new Map<string, number>();
  for (const finding of row.findings) counts.set(`${finding.ruleId} ${finding.severity}`, (counts.get(`${finding.ruleId} ${finding.severity}`) ?? 0) + 1);
  const findings = counts.size > 0 ? [...counts].map(([finding, count]) => (count > 1 ? `${finding} ×${count}` : finding)).join(', ') : 'none';
  return {
    location: row.file,
    line: row.line,
    offset: row.column,
    ...(row.enclosingFunction ? { symbol: row.enclosingFunction } : {}),
    additionalContext: `api: ${row.api}${row.streaming ? ' (stream)' : ''}; owner: ${owner}; findings: ${findings}`,
  };
}

/** The registry's entry for a model, or for the alias a dated snapshot belongs to (`gpt-4o-2024-08-06` → `gpt-4o`). */
function familyOf(model: string, models: ModelRegistry) {
  return (models.lookup(model) ?? models.lookup(model.replace(SNAPSHOT, '')))?.entry;
}

function pinningOf(model: string | undefined, models: ModelRegistry): Pinning {
  if (model === undefined) return 'unknown';
  if (SNAPSHOT.test(model)) return 'pinned';
  const entry = models.lookup(model)?.entry;
  if (entry?.status === 'floating') return 'floating';
  return entry ? 'pinned' : 'unknown';
}
