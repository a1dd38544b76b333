import type { OptionPlace, OptionRef, SdkFacts } from '../../catalog';
import type { ClientConstruction, EffectiveSetting, OptionEntry, OptionMap } from '../../model';
import { optionAt } from '../../model';

/** The option maps a call can read settings from, by place. Language-neutral: every extractor fills it. */
export interface OptionSources {
  body?: OptionMap;
  requestOptions?: OptionMap;
  client?: ClientConstruction;
  /** Overrides applied to the client for this call (`client.withOptions({...})`). */
  clientOverrides?: OptionMap;
  clientKnown: boolean;
  /** A retry policy around the call or on the client (`withRetry()`, `pRetry(() => …)`), by its name. */
  retryWrapper?: string;
  /** A timeout helper around the call (`pTimeout`, `withTimeout`), by its name. */
  timeoutWrapper?: string;
}

type Lookup = { entry: OptionEntry; place: OptionPlace } | 'unknown' | undefined;

/** The first of `refs` that is set, call places before the client; 'unknown' when a spread may hide it. */
function lookup(refs: readonly OptionRef[], sources: OptionSources, places: readonly OptionPlace[]): Lookup {
  let unknown = false;
  for (const place of places) {
    for (const ref of refs.filter((r) => r.place === place)) {
      const maps = place === 'body' ? [sources.body] : place === 'requestOptions' ? [sources.requestOptions] : [sources.clientOverrides, sources.client?.options];
      for (const map of maps) {
        const result = optionAt(map, ref.path);
        if ('found' in result) return { entry: result.found, place };
        if ('unknown' in result) unknown = true;
      }
      if (place === 'client' && !sources.clientKnown) unknown = true;
    }
  }
  return unknown ? 'unknown' : undefined;
}

function numberOf(entry: OptionEntry): number | undefined {
  return entry.value.kind === 'number' ? entry.value.value : undefined;
}

const sourceOf = (place: OptionPlace) => (place === 'client' ? 'client' : 'call');

/** Call places first, then the client, then the SDK's default. Spreads or untraceable clients give 'unknown'. */
export function effectiveTimeout(facts: SdkFacts, sources: OptionSources): EffectiveSetting {
  const { timeout } = facts;
  const scale = timeout.unit === 's' ? 1000 : 1;
  const callPlaces: OptionPlace[] = ['body', 'requestOptions'];
  const atCall = lookup(timeout.durations, sources, callPlaces);
  if (atCall && atCall !== 'unknown') return withValue(atCall, scale);
  const signal = lookup(timeout.signals, sources, callPlaces);
  if (signal && signal !== 'unknown') return { source: 'call', option: signal.entry, viaSignal: true };
  if (sources.timeoutWrapper) return { source: 'wrapper', by: sources.timeoutWrapper };
  if (atCall === 'unknown' || signal === 'unknown') return { source: 'unknown' };
  const atClient = lookup(timeout.durations, sources, ['client']);
  if (atClient === 'unknown') return { source: 'unknown' };
  if (atClient) return withValue(atClient, scale);
  // Nothing set where the code shows everything: left to the SDK, even when its default is not documented —
  // unless the SDK has no timeout a call could set (then there is no gap to report).
  if (timeout.default === 'unknown') return timeout.durations.length + timeout.signals.length > 0 ? { source: 'sdk-default' } : { source: 'unknown' };
  return timeout.default === 'none' ? { source: 'none' } : { source: 'sdk-default', value: timeout.default };
}

export function effectiveRetries(facts: SdkFacts, sources: OptionSources): EffectiveSetting {
  const { retries } = facts;
  const found = lookup(retries.options, sources, ['body', 'requestOptions', 'client']);
  if (found === 'unknown') return { source: 'unknown' };
  if (found) {
    const raw = numberOf(found.entry);
    const value = raw === undefined ? undefined : retries.counts === 'attempts' ? Math.max(0, raw - 1) : raw;
    // SDK retries turned off under a retry helper is the usual way to avoid retrying twice: the helper rules.
    if (value === 0 && sources.retryWrapper) return { source: 'wrapper', by: sources.retryWrapper };
    // A non-numeric retry option (`retryConfig: {...}`) is a policy: set, value unknown.
    return { source: sourceOf(found.place), option: found.entry, value };
  }
  if (sources.retryWrapper) return { source: 'wrapper', by: sources.retryWrapper };
  return retries.default === 'unknown' ? { source: 'unknown' } : { source: 'sdk-default', value: retries.default };
}

function withValue(found: { entry: OptionEntry; place: OptionPlace }, scale: number): EffectiveSetting {
  // An explicit `timeout=None` (Python SDKs) turns the limit off.
  if (found.entry.value.kind === 'null') return { source: 'none', option: found.entry };
  const value = numberOf(found.entry);
  return { source: sourceOf(found.place), option: found.entry, value: value === undefined ? undefined : value * scale };
}
