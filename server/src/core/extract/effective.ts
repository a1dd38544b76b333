import type { OptionPlace, SdkFacts } from '../catalog';
import type { ClientConstruction, EffectiveSetting, OptionEntry, OptionMap } from '../model';

/** The option maps a call can read settings from, by place. Language-neutral: both extractors fill it. */
export interface OptionSources {
  body?: OptionMap;
  requestOptions?: OptionMap;
  client?: ClientConstruction;
  /** Overrides applied to the client for this call (`client.withOptions({...})`). */
  clientOverrides?: OptionMap;
  clientKnown: boolean;
}

function mapsAt(place: OptionPlace, sources: OptionSources): OptionMap[] {
  if (place === 'body') return sources.body ? [sources.body] : [];
  if (place === 'requestOptions') return sources.requestOptions ? [sources.requestOptions] : [];
  return [];
}

function find(maps: OptionMap[], name: string): OptionEntry | undefined {
  for (const map of maps) {
    const entry = map.entries.get(name);
    if (entry) return entry;
  }
  return undefined;
}

function numberOf(entry: OptionEntry): number | undefined {
  return entry.value.kind === 'number' ? entry.value.value : undefined;
}

/** Call places first, then the client, then the SDK's default. Spreads or untraceable clients give 'unknown'. */
export function effectiveTimeout(facts: SdkFacts, sources: OptionSources): EffectiveSetting {
  const { timeout } = facts;
  const scale = timeout.unit === 's' ? 1000 : 1;
  const callMaps = timeout.places.flatMap((place) => mapsAt(place, sources));
  const signalMaps = mapsAt(timeout.signalPlace, sources);
  const callTimeout = timeout.option ? find(callMaps, timeout.option) : undefined;
  if (callTimeout) return { source: 'call', option: callTimeout, value: scaled(numberOf(callTimeout), scale) };
  for (const name of timeout.signalOptions) {
    const signal = find(signalMaps, name);
    if (signal) return { source: 'call', option: signal, viaSignal: true };
  }
  if ([...callMaps, ...signalMaps].some((map) => map.hasSpread)) return { source: 'unknown' };
  if (timeout.places.includes('client')) {
    const fromClient = clientSetting(timeout.option, sources);
    if (fromClient) return fromClient.option ? { ...fromClient, value: scaled(numberOf(fromClient.option), scale) } : fromClient;
  }
  return timeout.defaultMs === undefined ? { source: 'none' } : { source: 'sdk-default', value: timeout.defaultMs };
}

export function effectiveRetries(facts: SdkFacts, sources: OptionSources): EffectiveSetting {
  const { retries } = facts;
  const callMaps = retries.places.flatMap((place) => mapsAt(place, sources));
  const atCall = find(callMaps, retries.option);
  if (atCall) return { source: 'call', option: atCall, value: numberOf(atCall) };
  if (callMaps.some((map) => map.hasSpread)) return { source: 'unknown' };
  if (retries.places.includes('client')) {
    const fromClient = clientSetting(retries.option, sources);
    if (fromClient) return fromClient.option ? { ...fromClient, value: numberOf(fromClient.option) } : fromClient;
  }
  return { source: 'sdk-default', value: retries.default };
}

function clientSetting(option: string | undefined, sources: OptionSources): EffectiveSetting | undefined {
  if (!option) return undefined;
  const override = sources.clientOverrides?.entries.get(option);
  if (override) return { source: 'client', option: override };
  if (sources.clientOverrides?.hasSpread) return { source: 'unknown' };
  if (!sources.clientKnown || !sources.client) return { source: 'unknown' };
  const entry = sources.client.options.entries.get(option);
  if (entry) return { source: 'client', option: entry };
  if (sources.client.options.hasSpread) return { source: 'unknown' };
  return undefined;
}

function scaled(value: number | undefined, scale: number): number | undefined {
  return value === undefined ? undefined : value * scale;
}
