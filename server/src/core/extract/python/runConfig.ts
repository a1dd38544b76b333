// Run configs of LangChain runnables: what `.with_config(…)` binds, and the config a run is given — positionally or by
// keyword — merged over it, so that `body('config.recursion_limit')` reads one map whichever way it was written.
import type { ApiFacts } from '../../catalog';
import type { OptionEntry, OptionMap } from '../../model';
import { entryOf, readValue, spanOf, type Arguments } from './syntax';

/** What `.with_config(…)` binds over `earlier`: a dict given first or as `config=`, and keyword arguments. */
export function boundRunConfig(list: Arguments | undefined, earlier: OptionMap | undefined): OptionMap {
  const bound: OptionMap = { entries: new Map(earlier?.entries), hasSpread: earlier?.hasSpread ?? false };
  if (!list) return { ...bound, hasSpread: true };
  const given = list.positional[0] ? readValue(list.positional[0]) : list.options.entries.get('config')?.value;
  if (given?.kind === 'object') {
    for (const [name, entry] of given.options.entries) bound.entries.set(name, entry);
    bound.hasSpread ||= given.options.hasSpread;
  } else if (given && given.kind !== 'null') {
    // A config held in a variable: anything may be in it.
    bound.hasSpread = true;
  }
  for (const [name, entry] of list.options.entries) if (name !== 'config') bound.entries.set(name, entry);
  bound.hasSpread ||= list.options.hasSpread;
  return bound;
}

/**
 * The call's arguments with its run config under the API's keyword (`config`): a positional config reads as that
 * keyword, and what the runnable has bound sits under what the call gives, as LangChain merges them.
 */
export function withRunConfig(list: Arguments, api: ApiFacts, bound: OptionMap | undefined): Arguments {
  const keyword = api.optionsKeyword;
  if (!keyword) return list;
  const written = list.options.entries.get(keyword);
  const positional = api.optionsArgument === undefined ? undefined : list.positional[api.optionsArgument];
  let entry: OptionEntry | undefined = written ?? (positional && entryOf(keyword, positional, positional));
  if (bound && !entry) {
    // Only bound: readable for judging, with no literal at the call to write into.
    const at = list.target.kind === 'object' ? list.target.span : spanOf(positional!);
    entry = { name: keyword, span: at, valueSpan: at, value: { kind: 'object', options: bound } };
  } else if (bound && entry?.value.kind === 'object') {
    const own = entry.value.options;
    const options: OptionMap = { entries: new Map([...bound.entries, ...own.entries]), hasSpread: bound.hasSpread || own.hasSpread };
    entry = { ...entry, value: { ...entry.value, options } };
  }
  if (!entry || entry === written) return list;
  const options: OptionMap = { ...list.options, entries: new Map(list.options.entries).set(keyword, entry) };
  return { ...list, options, target: list.target.kind === 'object' ? { ...list.target, options } : list.target };
}
