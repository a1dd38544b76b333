// A model stream sent to the client by a streaming response (`StreamingResponse(generate())`): the generator that
// reads it, and whether that generator lets go of the stream when the client leaves and handles its errors.
import { PYTHON_CANCELLATION_ERRORS, PYTHON_DISCONNECT_CHECK, PYTHON_DISCONNECT_REQUESTS, PYTHON_STREAMING_RESPONSES } from '../../catalog/web';
import type { StatementTarget, StreamFacts, StreamResponse } from '../../model';
import type { PyNode } from './parser';
import type { FunctionInfo, Scope } from './scope';
import { dottedName, mentions, spanOf } from './syntax';
import { awaitedCall, type PendingCall, type PyFile } from './context';

type ResponseSpec = (typeof PYTHON_STREAMING_RESPONSES)[number];

interface ResponseCall {
  node: PyNode;
  spec: ResponseSpec;
  /** The iterator it is given, followed through plain names (`events = generate(); StreamingResponse(events)`). */
  content: PyNode;
  /** Where `content` is read: the scope of the name's assignment when it was followed. */
  scope: Scope;
}

/** A function that reads the stream in a loop, and the names the stream has in it. */
interface Reader {
  fn: FunctionInfo;
  names: ReadonlySet<string>;
  loop: PyNode;
}

const NESTED = new Set(['function_definition', 'class_definition', 'lambda']);
/** How far a disconnect check is looked for in the helpers a generator calls. */
const HELPER_DEPTH = 3;

/** For a streaming call: the response that sends it to the client, when this file has one. */
export function streamFactsOf(cx: PyFile, call: PendingCall): StreamFacts | undefined {
  const responses = responsesOf(cx);
  if (responses.length === 0 || !call.fn) return undefined;
  const stream = awaitedCall(call.node);
  const names = boundNames(stream);
  const fromGenerator = readersOf(call, stream, names)
    .map((reader) => ({ reader, sent: sentBy(responses, reader.fn) }))
    .find((found) => found.sent !== undefined);
  if (fromGenerator) return { response: generatorResponse(call, stream, fromGenerator.reader, fromGenerator.sent!) };
  // Only the stream as it is: a stream passed through a function this file cannot read may be handled there.
  const direct = responses.find((response) => sameNode(response.content, call.node) || sameNode(response.content, stream) || (response.content.type === 'identifier' && names.has(response.content.text) && within(response.node, call.fn!.node)));
  return direct && { response: { name: direct.spec.name, span: spanOf(direct.node), canCheckDisconnect: direct.spec.disconnectCheck, stopsOnDisconnect: false, errorsHandled: false } };
}

function generatorResponse(call: PendingCall, stream: PyNode, reader: Reader, sent: { response: ResponseCall; chain: FunctionInfo[] }): StreamResponse {
  const { response, chain } = sent;
  const stopsOnDisconnect =
    chain.some((fn) => checksDisconnect(fn, HELPER_DEPTH, new Set()) || handlesCancellation(fn.node)) || closedOnExit(reader.fn.node, stream, reader.names);
  const errorsHandled = chain.some((fn, index) => {
    const loop = index === 0 ? reader.loop : loopOver(fn.node, (right) => callsFunction(right, chain[index - 1], fn.scope));
    return loop !== undefined && insideTryWithHandler(loop, fn.node);
  });
  const request = response.spec.disconnectCheck && isAsync(reader.fn.node) && isAsync(reader.loop) ? requestIn(reader.fn, call.scope) : undefined;
  const at = request ? loopBodyStart(reader.loop) : undefined;
  return {
    name: response.spec.name,
    span: spanOf(response.node),
    generator: chain[chain.length - 1].name,
    canCheckDisconnect: response.spec.disconnectCheck,
    stopsOnDisconnect,
    errorsHandled,
    disconnectCheck: request && at ? { request, at } : undefined,
  };
}

// ---- the responses ----

const responsesByFile = new WeakMap<PyFile, ResponseCall[]>();

function responsesOf(cx: PyFile): ResponseCall[] {
  let found = responsesByFile.get(cx);
  if (found) return found;
  found = [];
  for (const call of cx.calls) {
    const spec = responseSpec(call.node.childForFieldName('function'), call.scope);
    const args = call.node.childForFieldName('arguments');
    const content = spec && args ? contentOf(args, spec.content) : undefined;
    if (spec && content) found.push({ node: call.node, spec, ...followNames(content, call.scope) });
  }
  responsesByFile.set(cx, found);
  return found;
}

function responseSpec(callee: PyNode | null, scope: Scope): ResponseSpec | undefined {
  const imported = importedPath(dottedName(callee), scope);
  return imported && PYTHON_STREAMING_RESPONSES.find((spec) => spec.name === imported.name && spec.modules.includes(imported.module));
}

/** `StreamingResponse` imported from `fastapi.responses`, or `responses.StreamingResponse` with `from fastapi import responses`. */
function importedPath(written: string | undefined, scope: Scope): { module: string; name: string } | undefined {
  const [root, ...rest] = written?.split('.') ?? [];
  const binding = root ? scope.lookup(root) : undefined;
  if (binding?.kind !== 'import') return undefined;
  const path = [binding.module, ...(binding.name === '*' ? [] : [binding.name]), ...rest];
  return path.length > 1 ? { module: path.slice(0, -1).join('.'), name: path[path.length - 1] } : undefined;
}

function contentOf(args: PyNode, keyword: string): PyNode | undefined {
  for (const child of args.namedChildren) {
    if (!child || child.type === 'comment') continue;
    if (child.type !== 'keyword_argument') return child.type === 'list_splat' || child.type === 'dictionary_splat' ? undefined : child;
    if (child.childForFieldName('name')?.text === keyword) return child.childForFieldName('value') ?? undefined;
  }
  return undefined;
}

function followNames(node: PyNode, scope: Scope): { content: PyNode; scope: Scope } {
  let current = { content: node, scope };
  for (let step = 0; step < 3 && current.content.type === 'identifier'; step++) {
    const found = current.scope.resolve(current.content.text);
    if (found?.binding.kind !== 'value') break;
    current = { content: found.binding.node, scope: found.scope };
  }
  const { content } = current;
  return content.type === 'await' ? { ...current, content: content.namedChild(0) ?? content } : current;
}

/** The response whose content is a call of `fn`, or of a generator that reads what `fn` yields (one level up). */
function sentBy(responses: readonly ResponseCall[], fn: FunctionInfo): { response: ResponseCall; chain: FunctionInfo[] } | undefined {
  if (!isGenerator(fn.node)) return undefined;
  for (const response of responses) {
    const given = calledFunction(response.content, response.scope);
    if (!given || !isGenerator(given.node)) continue;
    if (given.node.id === fn.node.id) return { response, chain: [fn] };
    if (loopOver(given.node, (right) => callsFunction(right, fn, given.scope))) return { response, chain: [fn, given] };
  }
  return undefined;
}

// ---- who reads the stream ----

/**
 * The functions that loop over the stream: the call's own, a generator nested in it that reads the stream's name,
 * or a generator the stream is handed to (`relay(stream)`, read through its parameter).
 */
function readersOf(call: PendingCall, stream: PyNode, names: ReadonlySet<string>): Reader[] {
  const readers: Reader[] = [];
  const own = call.fn!;
  const reads = (fn: FunctionInfo, held: ReadonlySet<string>) => {
    const loop = loopOver(fn.node, (right) => holds(right, stream) || [...mentions(right)].some((name) => held.has(name)));
    if (loop) readers.push({ fn, names: held, loop });
  };
  reads(own, names);
  for (const binding of own.scope.names.values()) {
    if (binding.kind === 'function' && within(binding.fn.node, own.node) && binding.fn.node.id !== own.node.id) reads(binding.fn, names);
  }
  for (const handedTo of ownNodes(own.node, (node) => node.type === 'call')) {
    const fn = calledFunction(handedTo, own.scope);
    const args = handedTo.childForFieldName('arguments')?.namedChildren.filter((arg): arg is PyNode => arg !== null && arg.type !== 'comment') ?? [];
    const index = args.findIndex((arg) => holds(arg, stream) || (arg.type === 'identifier' && names.has(arg.text)));
    const parameter = fn && index >= 0 ? parameterNames(fn.node)[index] : undefined;
    if (fn && parameter) reads(fn, new Set([parameter]));
  }
  return readers;
}

/** `stream = await …`, `async with client.messages.stream(…) as stream`: the names the call's result is held by. */
function boundNames(stream: PyNode): Set<string> {
  const names = new Set<string>();
  const parent = stream.parent;
  if (parent?.type === 'assignment' && parent.childForFieldName('left')?.type === 'identifier') names.add(parent.childForFieldName('left')!.text);
  if (parent?.type === 'as_pattern') {
    const alias = parent.childForFieldName('alias')?.namedChild(0) ?? parent.namedChild(1);
    if (alias?.type === 'identifier') names.add(alias.text);
  }
  return names;
}

// ---- what the reader does ----

/** `await request.is_disconnected()` in the function, or in a project function it calls. */
function checksDisconnect(fn: FunctionInfo, depth: number, seen: Set<number>): boolean {
  seen.add(fn.node.id);
  for (const call of ownNodes(fn.node, (node) => node.type === 'call')) {
    const callee = call.childForFieldName('function');
    if (callee?.type === 'attribute' && callee.childForFieldName('attribute')?.text === PYTHON_DISCONNECT_CHECK) return true;
    const helper = depth > 0 ? calledFunction(call, fn.scope) : undefined;
    if (helper && !seen.has(helper.node.id) && checksDisconnect(helper, depth - 1, seen)) return true;
  }
  return false;
}

/** `except asyncio.CancelledError:` or `except GeneratorExit:`, or a `finally:` that closes something. */
function handlesCancellation(fn: PyNode): boolean {
  const clauses = ownNodes(fn, (node) => node.type === 'except_clause' || node.type === 'except_group_clause' || node.type === 'finally_clause');
  return clauses.some((clause) =>
    clause.type === 'finally_clause'
      ? ownNodes(clause, (node) => node.type === 'call').some((call) => /(^|\.)a?close$/.test(dottedName(call.childForFieldName('function')) ?? ''))
      : caughtNames(clause).some((name) => PYTHON_CANCELLATION_ERRORS.has(name)),
  );
}

/** The stream opened by `with`/`async with` (the SDK's stream manager, `aclosing(…)`): leaving the block closes it. */
function closedOnExit(fn: PyNode, stream: PyNode, names: ReadonlySet<string>): boolean {
  return ownNodes(fn, (node) => node.type === 'with_item').some((item) => holds(item, stream) || [...mentions(item.childForFieldName('value') ?? item)].some((name) => names.has(name) && !isAlias(item, name)));
}

function isAlias(item: PyNode, name: string): boolean {
  const value = item.childForFieldName('value');
  return value?.type === 'as_pattern' && (value.childForFieldName('alias')?.text ?? value.namedChild(1)?.text) === name;
}

/** The loop is in a `try` (within the function) with a handler for something other than cancellation. */
function insideTryWithHandler(loop: PyNode, fn: PyNode): boolean {
  for (let node = loop.parent; node && node.id !== fn.id; node = node.parent) {
    if (node.type !== 'block' || node.parent?.type !== 'try_statement' || node.parent.childForFieldName('body')?.id !== node.id) continue;
    const clauses = node.parent.namedChildren.filter((child): child is PyNode => child?.type === 'except_clause' || child?.type === 'except_group_clause');
    if (clauses.some((clause) => caughtNames(clause).every((name) => !PYTHON_CANCELLATION_ERRORS.has(name)) || caughtNames(clause).length === 0)) return true;
  }
  return false;
}

/** The exception names an `except` clause catches (last parts: `asyncio.CancelledError` gives `CancelledError`); none for a bare `except:`. */
function caughtNames(clause: PyNode): string[] {
  const caught = clause.namedChildren.find((child) => child !== null && child.type !== 'block' && child.type !== 'comment');
  const types = caught?.type === 'as_pattern' ? caught.namedChild(0) : caught;
  if (!types) return [];
  const listed = types.type === 'tuple' || types.type === 'parenthesized_expression' ? types.namedChildren : [types];
  return listed.flatMap((type) => {
    const name = dottedName(type);
    return name ? [name.slice(name.lastIndexOf('.') + 1)] : ['?'];
  });
}

/** A parameter of the generator or of a function around it typed as a request that can be asked about its client. */
function requestIn(fn: FunctionInfo, scope: Scope): string | undefined {
  for (let node: PyNode | null = fn.node; node; node = node.parent) {
    if (node.type !== 'function_definition') continue;
    for (const parameter of node.childForFieldName('parameters')?.namedChildren ?? []) {
      const name = parameter?.namedChildren.find((child) => child?.type === 'identifier');
      const type = parameter?.childForFieldName('type')?.namedChild(0);
      const imported = importedPath(dottedName(type), scope);
      if (name && imported && PYTHON_DISCONNECT_REQUESTS.some((request) => request.name === imported.name && request.modules.includes(imported.module))) return name.text;
    }
  }
  return undefined;
}

/**
 * Where a statement opening the loop body goes: `insertAfter` writes it after `end` (the line break before the
 * body's first line) at `indent` (the body's). None when the body shares the loop's line or is indented with tabs.
 */
function loopBodyStart(loop: PyNode): StatementTarget | undefined {
  const body = loop.childForFieldName('body');
  // Comments may sit at any indentation: the first statement says where the body's lines start.
  const first = body?.namedChildren.find((child) => child !== null && child.type !== 'comment');
  if (!body || !first || first.startPosition.row === loop.startPosition.row) return undefined;
  const text = loop.text;
  const offset = first.startIndex - loop.startIndex;
  const lineBreak = text.lastIndexOf('\n', offset - 1);
  const indent = text.slice(lineBreak + 1, offset);
  if (!/^ +$/.test(indent)) return undefined;
  const end = loop.startIndex + (text[lineBreak - 1] === '\r' ? lineBreak - 1 : lineBreak);
  return { start: loop.startIndex, end, blockEnd: body.endIndex, indent, reindentable: true };
}

// ---- syntax helpers ----

/** The nodes in a function's own body that pass `test`, not those of functions or classes defined in it. */
function ownNodes(root: PyNode, test: (node: PyNode) => boolean): PyNode[] {
  const found: PyNode[] = [];
  // Without recursion: generated code can nest expressions deeper than the stack goes.
  const pending: PyNode[] = [root];
  for (let node = pending.pop(); node; node = pending.pop()) {
    if (node.id !== root.id && NESTED.has(node.type)) continue;
    if (test(node)) found.push(node);
    const children = node.namedChildren;
    for (let i = children.length - 1; i >= 0; i--) if (children[i]) pending.push(children[i]!);
  }
  return found;
}

function loopOver(fn: PyNode, reads: (right: PyNode) => boolean): PyNode | undefined {
  return ownNodes(fn, (node) => node.type === 'for_statement').find((loop) => {
    const right = loop.childForFieldName('right');
    return right !== null && reads(right);
  });
}

function isGenerator(fn: PyNode): boolean {
  return ownNodes(fn, (node) => node.type === 'yield').length > 0;
}

/** `async def`, `async for`: the node's first token. */
function isAsync(node: PyNode): boolean {
  return node.child(0)?.type === 'async';
}

/** `generate(…)` or `self.generate(…)` (possibly awaited): the project function it calls. */
function calledFunction(node: PyNode, scope: Scope): FunctionInfo | undefined {
  if (node.type !== 'call') return undefined;
  const callee = node.childForFieldName('function');
  if (callee?.type === 'identifier') {
    const binding = scope.lookup(callee.text);
    return binding?.kind === 'function' ? binding.fn : undefined;
  }
  if (callee?.type === 'attribute' && (callee.childForFieldName('object')?.text === 'self' || callee.childForFieldName('object')?.text === 'cls')) {
    return scope.fn?.cls?.methods.get(callee.childForFieldName('attribute')!.text);
  }
  return undefined;
}

function callsFunction(node: PyNode, fn: FunctionInfo, scope: Scope): boolean {
  return calledFunction(node, scope)?.node.id === fn.node.id;
}

function parameterNames(fn: PyNode): string[] {
  return (fn.childForFieldName('parameters')?.namedChildren ?? []).flatMap((parameter) => {
    const name = parameter?.type === 'identifier' ? parameter : parameter?.namedChildren.find((child) => child?.type === 'identifier');
    return name && name.text !== 'self' && name.text !== 'cls' ? [name.text] : [];
  });
}

function holds(outer: PyNode, inner: PyNode): boolean {
  return outer.startIndex <= inner.startIndex && inner.endIndex <= outer.endIndex;
}

function sameNode(a: PyNode, b: PyNode): boolean {
  return a.startIndex === b.startIndex && a.endIndex === b.endIndex;
}

function within(inner: PyNode, outer: PyNode): boolean {
  return holds(outer, inner);
}
