import type { OptionEntry, OptionMap, OptionTarget } from './callSite';

/** An option found by dotted path, or why it could not be: spread or computed somewhere along the path. */
export type OptionLookup = { found: OptionEntry } | { unknown: true } | { missing: true };

/** `httpOptions.timeout` in `{ httpOptions: { timeout: 5000 } }`; a spread or an opaque value makes it unknown. */
export function optionAt(map: OptionMap | undefined, path: string): OptionLookup {
  if (!map) return { missing: true };
  const [head, ...rest] = path.split('.');
  const entry = map.entries.get(head);
  if (!entry) return map.hasSpread ? { unknown: true } : { missing: true };
  if (rest.length === 0) return { found: entry };
  if (entry.value.kind === 'object') return optionAt(entry.value.options, rest.join('.'));
  // `requestHandler: new NodeHttpHandler({...})`, `config: settings`: something is there, we cannot see what.
  return { unknown: true };
}

/**
 * Where an option at `path` should be written under `target`: the innermost existing object literal on the path
 * and the part of the path still to create (`config: { abortSignal: … }` when `config` is absent).
 */
export function insertionPoint(target: OptionTarget, path: string): { target: OptionTarget; path: string[] } | undefined {
  const segments = path.split('.');
  let current = target;
  while (segments.length > 1 && current.kind === 'object') {
    const entry = current.options.entries.get(segments[0]);
    if (!entry) break;
    if (entry.value.kind !== 'object' || !entry.value.target) return undefined;
    current = entry.value.target;
    segments.shift();
  }
  return { target: current, path: segments };
}
