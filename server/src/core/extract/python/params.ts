// `client…create(**params)`: options built as a dict in the same function, or returned by a method or function
// of the module that builds them, are read through the spread.
import type { OptionMap } from '../../model';
import type { PyFile } from './context';
import { dispatchedMethods } from './inheritance';
import type { PyNode } from './parser';
import type { FunctionInfo, Scope } from './scope';
import { entryOf, readArguments, readDict, stringValue, type Arguments } from './syntax';

/** How many option builders deep a spread is followed (`**self._kwargs()` whose dict comes from `self._base()`). */
const MAX_BUILDER_DEPTH = 3;

/**
 * The call's options with each `**x` replaced by what `x` holds: a dict literal or `dict(…)` bound in the function,
 * or the dict a method or function of the module returns (`**self._const_kwargs(messages)`), then
 * `name.update(…)` and `name["key"] = …`. The call's own keywords win (as Python would refuse duplicates, they never
 * overlap in working code). Anything not visible keeps the options open (`hasSpread`).
 */
export function withSpreadOptions(cx: PyFile, list: Arguments, args: PyNode, scope: Scope, fn: FunctionInfo | undefined): Arguments {
  if (!list.options.hasSpread) return list;
  const options: OptionMap = { entries: new Map(), hasSpread: false };
  for (const child of args.namedChildren) {
    if (child?.type === 'list_splat') options.hasSpread = true;
    if (child?.type !== 'dictionary_splat') continue;
    const spread = child.namedChild(0);
    const seen = spread ? spreadDict(cx, spread, scope, fn, 0) : undefined;
    if (seen) merge(options, seen);
    else options.hasSpread = true;
  }
  for (const [key, entry] of list.options.entries) options.entries.set(key, entry);
  // Rules read the options at the fix target: the call's keywords, which now carry what the spread holds.
  return { ...list, options, target: list.target.kind === 'object' ? { ...list.target, options } : list.target };
}

/** The dict an expression given to `**` holds, when the code shows all of it. */
function spreadDict(cx: PyFile, node: PyNode, scope: Scope, fn: FunctionInfo | undefined, depth: number): OptionMap | undefined {
  if (node.type === 'call') return returnedDict(cx, node, scope, depth);
  if (node.type !== 'identifier' || !fn) return undefined;
  const built = scope.names.get(node.text);
  if (built?.kind !== 'value') return undefined;
  const seen = dictOptions(built.node) ?? (built.node.type === 'call' ? returnedDict(cx, built.node, scope, depth) : undefined);
  if (!seen) return undefined;
  const options: OptionMap = { entries: new Map(), hasSpread: false };
  merge(options, seen);
  for (const write of fn.dictWrites ?? []) if (write.name === node.text) merge(options, writeOptions(write.node, fn.scope));
  return options;
}

/**
 * What an options builder returns: `self._kwargs(…)` (one implementation: an override in a subclass could add
 * anything) or a function of the module, every `return` of which gives a visible dict.
 */
function returnedDict(cx: PyFile, call: PyNode, scope: Scope, depth: number): OptionMap | undefined {
  const literal = dictOptions(call);
  if (literal || depth >= MAX_BUILDER_DEPTH) return literal;
  const builder = builderOf(cx, call.childForFieldName('function'), scope);
  if (!builder || builder.returns.length === 0) return undefined;
  const options: OptionMap = { entries: new Map(), hasSpread: false };
  for (const returned of builder.returns) {
    const seen = dictOptions(returned) ?? spreadDict(cx, returned, builder.scope, builder, depth + 1);
    if (!seen) return undefined;
    merge(options, seen);
  }
  return options;
}

function builderOf(cx: PyFile, callee: PyNode | null, scope: Scope): FunctionInfo | undefined {
  if (callee?.type === 'identifier') {
    const binding = scope.lookup(callee.text);
    return binding?.kind === 'function' ? binding.fn : undefined;
  }
  const owner = callee?.type === 'attribute' ? callee.childForFieldName('object') : undefined;
  const cls = scope.fn?.cls;
  if (owner?.type !== 'identifier' || owner.text !== 'self' || !cls) return undefined;
  const implementations = dispatchedMethods(cx, cls, callee!.childForFieldName('attribute')!.text);
  return implementations.length === 1 ? implementations[0] : undefined;
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

/**
 * `for key in ALLOWED: params[key] = kwargs[key]`: the keys a loop over a visible tuple, list or set of strings
 * (written in place or held by a name) can write.
 */
function loopedKeys(key: PyNode, write: PyNode, scope: Scope): string[] | undefined {
  if (key.type !== 'identifier') return undefined;
  for (let node = write.parent; node && node.type !== 'function_definition'; node = node.parent) {
    if (node.type !== 'for_statement' || node.childForFieldName('left')?.text !== key.text) continue;
    let keys = node.childForFieldName('right');
    if (keys?.type === 'identifier') {
      const bound = scope.lookup(keys.text);
      keys = bound?.kind === 'value' ? bound.node : null;
    }
    if (!keys || !LITERAL_COLLECTIONS.has(keys.type)) return undefined;
    const names = keys.namedChildren.map((element) => stringValue(element));
    return names.every((name): name is string => name !== undefined) ? names : undefined;
  }
  return undefined;
}

const LITERAL_COLLECTIONS: ReadonlySet<string> = new Set(['tuple', 'list', 'set']);

/** What one `update(…)` call or `name["key"] = value` adds; unknown content makes the options open. */
function writeOptions(node: PyNode, scope: Scope): OptionMap {
  const open: OptionMap = { entries: new Map(), hasSpread: true };
  if (node.type === 'assignment') {
    const subscript = node.childForFieldName('left')?.childForFieldName('subscript');
    const value = node.childForFieldName('right');
    const key = stringValue(subscript);
    const keys = key !== undefined ? [key] : subscript ? loopedKeys(subscript, node, scope) : undefined;
    if (!keys || !value) return open;
    return { entries: new Map(keys.map((name) => [name, entryOf(name, node, value)])), hasSpread: false };
  }
  const args = node.childForFieldName('arguments');
  if (args?.type !== 'argument_list') return open;
  const list = readArguments(args);
  if (list.positional.length === 0) return list.options;
  const dict = list.positional.length === 1 ? dictOptions(list.positional[0]) : undefined;
  return dict ? { entries: new Map([...dict.entries, ...list.options.entries]), hasSpread: dict.hasSpread || list.options.hasSpread } : open;
}
