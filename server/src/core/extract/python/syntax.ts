import type { OptionEntry, OptionMap, OptionTarget, OptionValue, Span } from '../../model';
import type { PyNode } from './parser';

// Reading Python syntax into the language-neutral model: keyword arguments and dict literals become option
// maps, literals become option values.

export const spanOf = (node: PyNode): Span => ({ start: node.startIndex, end: node.endIndex });

export const noOptions = (): OptionMap => ({ entries: new Map(), hasSpread: false });

/** `a.b.c` for an identifier or attribute chain; undefined when any part is something else (a call, a subscript). */
export function dottedName(node: PyNode | null | undefined): string | undefined {
  if (!node) return undefined;
  if (node.type === 'identifier') return node.text;
  if (node.type === 'attribute') {
    const object = dottedName(node.childForFieldName('object'));
    const attribute = node.childForFieldName('attribute');
    return object && attribute ? `${object}.${attribute.text}` : undefined;
  }
  return undefined;
}

/** The text of a plain string literal (no interpolation), or undefined. */
export function stringValue(node: PyNode | null | undefined): string | undefined {
  if (!node) return undefined;
  if (node.type === 'concatenated_string') {
    const parts = node.namedChildren.map((child) => stringValue(child));
    return parts.every((part) => part !== undefined) ? parts.join('') : undefined;
  }
  if (node.type !== 'string') return undefined;
  if (node.namedChildren.some((child) => child?.type === 'interpolation')) return undefined;
  return node.namedChildren.filter((child) => child?.type === 'string_content').map((child) => child!.text).join('');
}

/** The static text of an f-string with `*` for each interpolation (for URLs), or a plain string's text. */
export function templateText(node: PyNode): string | undefined {
  if (node.type !== 'string') return stringValue(node);
  return node.namedChildren.map((child) => (child?.type === 'string_content' ? child.text : child?.type === 'interpolation' ? '*' : '')).join('');
}

export function isFString(node: PyNode): boolean {
  return node.type === 'string' && /^[rRbB]*[fF]/.test(node.text);
}

export function readValue(node: PyNode): OptionValue {
  switch (node.type) {
    case 'integer':
    case 'float': {
      const value = Number(node.text.replace(/_/g, ''));
      return Number.isFinite(value) ? { kind: 'number', value } : { kind: 'expression', text: node.text };
    }
    case 'unary_operator': {
      const operand = node.childForFieldName('argument');
      const inner = operand && readValue(operand);
      if (node.text.startsWith('-') && inner?.kind === 'number') return { kind: 'number', value: -inner.value };
      return { kind: 'expression', text: node.text };
    }
    case 'true':
    case 'false':
      return { kind: 'boolean', value: node.type === 'true' };
    case 'none':
      return { kind: 'null' };
    case 'dictionary':
      return { kind: 'object', options: readDict(node), target: dictTarget(node) };
    case 'call': {
      // `Config(read_timeout=30)`, `types.GenerateContentConfig(max_output_tokens=400)`: a settings object.
      const callee = dottedName(node.childForFieldName('function'));
      const args = node.childForFieldName('arguments');
      if (callee && /(^|\.)[A-Z]\w*$/.test(callee) && args?.type === 'argument_list' && args.namedChildren.every((child) => child?.type !== 'identifier')) {
        const { options, target } = readArguments(args);
        if (options.entries.size > 0 || args.namedChildCount === 0) return { kind: 'object', options, target };
      }
      return { kind: 'expression', text: node.text };
    }
    default: {
      const text = stringValue(node);
      return text !== undefined ? { kind: 'string', value: text } : { kind: 'expression', text: node.text };
    }
  }
}

export function entryOf(name: string, whole: PyNode, value: PyNode): OptionEntry {
  return { name, span: spanOf(whole), valueSpan: spanOf(value), value: readValue(value) };
}

/** A dict literal with string keys, as options; `**other` means options we cannot see. */
export function readDict(node: PyNode): OptionMap {
  const map = noOptions();
  for (const child of node.namedChildren) {
    if (!child) continue;
    if (child.type === 'dictionary_splat') {
      map.hasSpread = true;
      continue;
    }
    if (child.type !== 'pair') continue;
    const key = stringValue(child.childForFieldName('key'));
    const value = child.childForFieldName('value');
    if (key === undefined || !value) {
      map.hasSpread = true;
      continue;
    }
    map.entries.set(key, entryOf(key, child, value));
  }
  return map;
}

export interface Arguments {
  positional: PyNode[];
  /** Keyword arguments' value nodes, for readers that need more than the option value. */
  keywords: Map<string, PyNode>;
  options: OptionMap;
  target: OptionTarget;
}

/** A call's arguments: positional ones, keyword arguments as options, and where a new keyword argument goes. */
export function readArguments(list: PyNode): Arguments {
  const positional: PyNode[] = [];
  const keywords = new Map<string, PyNode>();
  const options = noOptions();
  for (const child of list.namedChildren) {
    if (!child || child.type === 'comment') continue;
    if (child.type === 'keyword_argument') {
      const name = child.childForFieldName('name')?.text;
      const value = child.childForFieldName('value');
      if (name && value) {
        options.entries.set(name, entryOf(name, child, value));
        keywords.set(name, value);
      }
    } else if (child.type === 'dictionary_splat' || child.type === 'list_splat') {
      options.hasSpread = true;
    } else {
      positional.push(child);
    }
  }
  return { positional, keywords, options, target: entriesTarget(list, options, 'kwargs') };
}

function dictTarget(node: PyNode): OptionTarget {
  return entriesTarget(node, readDict(node), 'dict');
}

/** Where one more entry goes in `(…)` or `{…}`: after the last entry, keeping the author's layout. */
function entriesTarget(node: PyNode, options: OptionMap, syntax: 'kwargs' | 'dict'): OptionTarget {
  const entries = node.namedChildren.filter((child): child is PyNode => child !== null && child.type !== 'comment');
  const last = entries[entries.length - 1];
  const text = node.text;
  const multiline = /[\r\n]/.test(text);
  const after = last ? text.slice(last.endIndex - node.startIndex, text.length - 1) : '';
  return {
    kind: 'object',
    span: spanOf(node),
    options,
    multiline,
    indent: multiline && last ? ' '.repeat(last.startPosition.column) : '',
    lastEntryEnd: last?.endIndex,
    trailingComma: /^\s*,/.test(after),
    syntax,
  };
}

/** The nearest ancestor of one of `types`, stopping at `stop` types (a function boundary). */
export function ancestor(node: PyNode, types: ReadonlySet<string>, stop?: ReadonlySet<string>): PyNode | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (types.has(current.type)) return current;
    if (stop?.has(current.type)) return undefined;
  }
  return undefined;
}

/** Identifiers read anywhere inside a node (`r.usage`, `f"{r.id}"` give `r`). */
export function mentions(node: PyNode): Set<string> {
  const names = new Set<string>();
  const visit = (current: PyNode) => {
    if (current.type === 'identifier') names.add(current.text);
    for (const child of current.namedChildren) if (child) visit(child);
  };
  visit(node);
  return names;
}
