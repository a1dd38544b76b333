// `client…create(**params)`: options built as a dict in the same function are read through the spread.
import type { OptionMap } from '../../model';
import type { PyNode } from './parser';
import type { FunctionInfo, Scope } from './scope';
import { entryOf, readArguments, readDict, stringValue, type Arguments } from './syntax';

/**
 * The call's options with each `**name` replaced by what the function put in `name`: a dict literal or
 * `dict(…)`, then `name.update(…)` and `name["key"] = …`. The call's own keywords win (as Python would refuse
 * duplicates, they never overlap in working code). Anything not visible keeps the options open (`hasSpread`).
 */
export function withSpreadOptions(list: Arguments, args: PyNode, scope: Scope, fn: FunctionInfo | undefined): Arguments {
  if (!list.options.hasSpread || !fn) return list;
  const options: OptionMap = { entries: new Map(), hasSpread: false };
  for (const child of args.namedChildren) {
    if (child?.type === 'list_splat') options.hasSpread = true;
    if (child?.type !== 'dictionary_splat') continue;
    const name = child.namedChild(0);
    const built = name?.type === 'identifier' && scope.names.get(name.text);
    const seen = built && built.kind === 'value' ? dictOptions(built.node) : undefined;
    if (!seen || !name) {
      options.hasSpread = true;
      continue;
    }
    merge(options, seen);
    for (const write of fn.dictWrites ?? []) if (write.name === name.text) merge(options, writeOptions(write.node));
  }
  for (const [key, entry] of list.options.entries) options.entries.set(key, entry);
  // Rules read the options at the fix target: the call's keywords, which now carry what the spread holds.
  return { ...list, options, target: list.target.kind === 'object' ? { ...list.target, options } : list.target };
}

function merge(into: OptionMap, from: OptionMap): void {
  for (const [key, entry] of from.entries) into.entries.set(key, entry);
  if (from.hasSpread) into.hasSpread = true;
}

/** `{"model": …}` or `dict(model=…)`; undefined for anything else. */
function dictOptions(node: PyNode): OptionMap | undefined {
  if (node.type === 'dictionary') return readDict(node);
  const args = node.type === 'call' && node.childForFieldName('function')?.text === 'dict' ? node.childForFieldName('arguments') : undefined;
  if (args?.type !== 'argument_list') return undefined;
  const list = readArguments(args);
  return list.positional.length === 0 ? list.options : undefined;
}

/** What one `update(…)` call or `name["key"] = value` adds; unknown content makes the options open. */
function writeOptions(node: PyNode): OptionMap {
  const open: OptionMap = { entries: new Map(), hasSpread: true };
  if (node.type === 'assignment') {
    const key = stringValue(node.childForFieldName('left')?.childForFieldName('subscript'));
    const value = node.childForFieldName('right');
    if (key === undefined || !value) return open;
    return { entries: new Map([[key, entryOf(key, node, value)]]), hasSpread: false };
  }
  const args = node.childForFieldName('arguments');
  if (args?.type !== 'argument_list') return open;
  const list = readArguments(args);
  if (list.positional.length === 0) return list.options;
  const dict = list.positional.length === 1 ? dictOptions(list.positional[0]) : undefined;
  return dict ? { entries: new Map([...dict.entries, ...list.options.entries]), hasSpread: dict.hasSpread || list.options.hasSpread } : open;
}
