import { REQUEST_NAME, REQUEST_READS_PYTHON } from '../../catalog/web';
import type { PromptFacts } from '../../catalog';
import type { PromptInput, PromptRole, PromptSource } from '../../model';
import { isPersonObjectName, piiHintsForLiteral, piiHintsForNames } from '../../catalog/privacy';
import { MESSAGE_CLASS_ROLES, ROLES, TUPLE_ROLES } from '../shared/roles';
import type { PyNode } from './parser';
import { dottedName, spanOf, stringValue } from './syntax';
import type { ApiFacts } from '../../catalog';
import type { OptionMap } from '../../model';
import type { Arguments } from './syntax';
import { PendingCall, PyFile } from './context';

/** Where a name's value comes from, as the extractor's scopes know it. */
export type PythonSourceOf = (name: string) => PromptSource;


/** Reads every value that reaches the prompt of one Python call, with its role and where it comes from. */
export class PythonPromptReader {
  private readonly inputs: PromptInput[] = [];
  /** Characters of literal prompt text, quotes and interpolations included: what an input estimate counts. */
  literalChars = 0;

  constructor(
    private readonly sourceOf: PythonSourceOf,
    private readonly redactors: ReadonlySet<string>,
  ) {}

  /** Keyword arguments (`messages=[…]`, `system="…"`). */
  read(keywords: Map<string, PyNode>, facts: PromptFacts): PromptInput[] {
    for (const [name, value] of keywords) {
      if (facts.system?.some((path) => path === name || path.endsWith(`.${name}`))) this.collect(value, 'system');
      else if (facts.user?.includes(name)) this.collect(value, 'user');
      else if (name === facts.messages) this.readMessages(value);
    }
    return this.inputs;
  }

  /** LangChain's `invoke(input)`: a string, a list of messages, tuples or message classes. */
  readArgument(argument: PyNode): PromptInput[] {
    this.readMessages(argument);
    return this.inputs;
  }

  private readMessages(node: PyNode): void {
    if (node.type !== 'list' && node.type !== 'tuple') {
      this.collect(node, node.type === 'string' ? 'user' : 'unknown');
      return;
    }
    for (const message of node.namedChildren) {
      if (!message || message.type === 'comment') continue;
      if (message.type === 'tuple' && message.namedChildCount === 2) {
        const role = stringValue(message.namedChild(0));
        if (role !== undefined) {
          this.collect(message.namedChild(1)!, TUPLE_ROLES[role] ?? 'unknown');
          continue;
        }
      }
      if (message.type === 'call') {
        const callee = dottedName(message.childForFieldName('function'))?.split('.').pop() ?? '';
        const content = message.childForFieldName('arguments')?.namedChild(0);
        if (MESSAGE_CLASS_ROLES[callee] && content) {
          this.collect(content.type === 'keyword_argument' ? content.childForFieldName('value')! : content, MESSAGE_CLASS_ROLES[callee]);
          continue;
        }
      }
      if (message.type !== 'dictionary') {
        this.collect(message, 'unknown');
        continue;
      }
      let role: PromptRole = 'unknown';
      let roleNode: PyNode | undefined;
      const contents: PyNode[] = [];
      for (const pair of message.namedChildren) {
        if (pair?.type !== 'pair') continue;
        const key = stringValue(pair.childForFieldName('key'));
        const value = pair.childForFieldName('value');
        if (!value) continue;
        const text = stringValue(value);
        if (key === 'role' && text !== undefined && ROLES.has(text as PromptRole)) {
          role = text as PromptRole;
          roleNode = value;
        } else if (key === 'content' || key === 'text' || key === 'parts') {
          contents.push(value);
        }
      }
      for (const content of contents) {
        const first = this.inputs.length;
        this.collect(content, role);
        if (!roleNode) continue;
        for (const input of this.inputs.slice(first)) {
          input.message = { roleSpan: spanOf(roleNode), wholeContent: input.span.start === content.startIndex && input.span.end === content.endIndex };
        }
      }
    }
  }

  private collect(node: PyNode, role: PromptRole): void {
    switch (node.type) {
      case 'parenthesized_expression':
        if (node.namedChild(0)) this.collect(node.namedChild(0)!, role);
        return;
      case 'string':
      case 'concatenated_string': {
        const literal = node.text;
        this.literalChars += literal.length;
        const hints = piiHintsForLiteral(literal);
        if (hints.length > 0) this.add(node, role, 'literal', hints);
        for (const interpolation of interpolations(node)) this.collect(interpolation, role);
        return;
      }
      case 'binary_operator':
        for (const side of ['left', 'right']) {
          const child = node.childForFieldName(side);
          if (child) this.collect(child, role);
        }
        return;
      case 'conditional_expression':
        for (const child of node.namedChildren.slice(0, 2)) if (child) this.collect(child, role);
        return;
      case 'list':
      case 'tuple':
        for (const child of node.namedChildren) if (child) this.collect(child, role);
        return;
      case 'dictionary':
        for (const pair of node.namedChildren) {
          const value = pair?.childForFieldName('value');
          if (value) this.collect(value, role);
        }
        return;
      case 'call':
        this.collectCall(node, role);
        return;
      default:
        this.addAccess(node, role);
    }
  }

  private collectCall(node: PyNode, role: PromptRole): void {
    const callee = node.childForFieldName('function');
    const name = dottedName(callee);
    const leaf = name?.split('.').pop();
    const first = node.childForFieldName('arguments')?.namedChild(0) ?? undefined;
    if (leaf && this.redactors.has(leaf)) {
      const input = first ? this.accessInput(first, role) : undefined;
      this.inputs.push({ ...(input ?? this.base(node, role, 'unknown')), span: spanOf(node), text: node.text, redactedBy: leaf });
      return;
    }
    if ((name === 'json.dumps' || name === 'str' || name === 'repr') && first) {
      const input = this.accessInput(first, role);
      if (input) this.inputs.push({ ...input, span: spanOf(node), text: node.text });
      return;
    }
    // `form.get("email")` reads a named field; `text.strip()`, `"\n".join(notes)` carry their values.
    if (callee?.type === 'attribute') {
      const method = callee.childForFieldName('attribute')?.text;
      const receiver = callee.childForFieldName('object');
      if (method === 'get') this.addAccess(node, role);
      else if (method === 'join' && first) this.collect(first, role);
      else if (method === 'format') for (const argument of node.childForFieldName('arguments')?.namedChildren ?? []) argument && this.collect(argument.type === 'keyword_argument' ? argument.childForFieldName('value')! : argument, role);
      else if (receiver) this.collect(receiver, role);
    }
  }

  private addAccess(node: PyNode, role: PromptRole): void {
    const input = this.accessInput(node, role);
    if (input) this.inputs.push(input);
  }

  /** `user.email`, `body["message"]`, `form.get("phone")`, `text`: names give PII hints, the root the source. */
  private accessInput(node: PyNode, role: PromptRole): PromptInput | undefined {
    const names: string[] = [];
    let root: PyNode = node;
    for (;;) {
      if (root.type === 'attribute') {
        names.unshift(root.childForFieldName('attribute')!.text);
        root = root.childForFieldName('object')!;
      } else if (root.type === 'subscript') {
        const key = stringValue(root.childForFieldName('subscript'));
        if (key !== undefined) names.unshift(key);
        root = root.childForFieldName('value')!;
      } else if (root.type === 'call' && root.childForFieldName('function')?.type === 'attribute' && root.childForFieldName('function')!.childForFieldName('attribute')?.text === 'get') {
        const key = stringValue(root.childForFieldName('arguments')?.namedChild(0));
        if (key !== undefined) names.unshift(key);
        root = root.childForFieldName('function')!.childForFieldName('object')!;
      } else if (root.type === 'await') {
        root = root.namedChild(0)!;
      } else {
        break;
      }
    }
    if (root.type !== 'identifier') return this.base(node, role, isRequestRead(root) ? 'request' : 'unknown');
    names.unshift(root.text);
    const source = names.length === 1 && isPersonObjectName(root.text) ? 'user-object' : this.sourceOf(root.text);
    const hints = piiHintsForNames(names);
    if (source === 'user-object') hints.push(`${root.text} object`);
    return { ...this.base(node, role, source), piiHints: hints };
  }

  private base(node: PyNode, role: PromptRole, source: PromptSource): PromptInput {
    return { span: spanOf(node), text: node.text, source, role, piiHints: [] };
  }

  private add(node: PyNode, role: PromptRole, source: PromptSource, piiHints: string[]): void {
    this.inputs.push({ ...this.base(node, role, source), piiHints });
  }
}

function interpolations(node: PyNode): PyNode[] {
  const found: PyNode[] = [];
  const visit = (current: PyNode) => {
    for (const child of current.namedChildren) {
      if (!child) continue;
      if (child.type === 'interpolation') {
        const expression = child.namedChild(0);
        if (expression) found.push(expression);
      } else if (child.type === 'string') {
        visit(child);
      }
    }
  };
  visit(node);
  return found;
}

/** Reads of the incoming request: `await request.json()`, `request.form`, `request.args`, `request.body`. */
export function isRequestRead(node: PyNode | null | undefined): boolean {
  let current = node;
  while (current) {
    if (current.type === 'await') current = current.namedChild(0);
    else if (current.type === 'call') current = current.childForFieldName('function');
    else if (current.type === 'subscript') current = current.childForFieldName('value');
    else if (current.type === 'attribute') {
      const owner = current.childForFieldName('object');
      const name = current.childForFieldName('attribute')?.text ?? '';
      if (owner?.type === 'identifier' && REQUEST_NAME.test(owner.text) && REQUEST_READS_PYTHON.test(name)) return true;
      current = owner;
    } else return false;
  }
  return false;
}

/** The values that flow into a call's prompt, and how many characters of literal text it holds. */
export function promptOf(cx: PyFile, call: PendingCall, api: ApiFacts, list: Arguments, payload: OptionMap | undefined): { inputs: PromptInput[]; literalChars: number } {
  if (!api.prompt) return { inputs: [], literalChars: 0 };
  const reader = new PythonPromptReader((name) => sourceOf(name, call), cx.redactors);
  const read = (inputs: PromptInput[]) => ({ inputs, literalChars: reader.literalChars });
  if (api.prompt.argument) return read(list.positional[0] ? reader.readArgument(list.positional[0]) : []);
  const keywords = new Map<string, PyNode>();
  const args = call.node.childForFieldName('arguments')!;
  for (const child of args.namedChildren) {
    if (child?.type !== 'keyword_argument') continue;
    const value = child.childForFieldName('value');
    if (!value) continue;
    // HTTP payloads: `json={"messages": [...]}`.
    if (payload && child.childForFieldName('name')?.text === 'json' && value.type === 'dictionary') {
      for (const pair of value.namedChildren) {
        const key = stringValue(pair?.childForFieldName('key'));
        const inner = pair?.childForFieldName('value');
        if (key !== undefined && inner) keywords.set(key, inner);
      }
    } else {
      keywords.set(child.childForFieldName('name')!.text, value);
    }
  }
  return read(reader.read(keywords, api.prompt));
}


/** A parameter of a web handler, a value read from the request, or something else. */
export function sourceOf(name: string, call: PendingCall): PromptSource {
  const binding = call.scope.lookup(name);
  if (binding?.kind === 'param') return 'param';
  if (binding?.kind === 'value' && isRequestRead(binding.node)) return 'request';
  return 'unknown';
}
