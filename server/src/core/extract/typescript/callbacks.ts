// Callbacks: project functions that call what they are given. A model request inside an inline callback
// (`act({ generate: (input) => llm.generate(input) })`) runs inside the function that makes the outer call.
import type { CallbackSlot, SentUrl } from '../../model';
import { isFunctionTracer, TRACING_STEPS } from '../../catalog/observability';
import { calleeName } from './handling';
import { spanOf, unwrap } from './options';
import { PendingCall, TsFile, type Value, type ValueOf } from './context';
import { bindingMembers, type Declaration } from './scope';
import { ts } from './ts';

// Read once: each `ts.X` on the module's exports is a getter, too slow for a per-node switch.
const { SyntaxKind } = ts;


/** Calls by what they call through (`fn` in `fn()` and `fn.x()`), and by the plain names they pass on; built once per file. */
interface CallIndex {
  byCallee: Map<string, PendingCall[]>;
  byArgument: Map<string, { call: PendingCall; index: number }[]>;
  /** Inline functions given to a call, and where: `f(() => …)`, `f({ generate: (x) => … })`. */
  inlineArguments: Map<ts.Node, { call: PendingCall; slot: CallbackSlot }>;
}

const indexes = new WeakMap<TsFile, CallIndex>();
/** Per extraction: a later pass over the same tree may see other modules' invokers. */
const memos = new WeakMap<TsFile, Map<ts.Node, readonly CallbackSlot[]>>();

/**
 * Which of a function's parameters it calls: `fn()` for a parameter `fn`, `generate()` for a parameter
 * destructured as `{ generate }`, `params.generate()`, or passing one on to a function that calls it.
 */
export function invokedParameters(cx: TsFile, node: ts.FunctionLikeDeclaration, valueOf: ValueOf, depth: number): readonly CallbackSlot[] {
  let memo = memos.get(cx);
  if (!memo) memos.set(cx, (memo = new Map()));
  const known = memo.get(node);
  if (known) return known;
  // Recursion (`retry(fn)` calling itself) reads as "calls nothing" while it is being worked out.
  memo.set(node, []);
  const slots: CallbackSlot[] = [];
  const body = node.body;
  if (body) {
    const index = callIndex(cx);
    node.parameters.forEach((parameter, position) => {
      const name = parameter.name;
      if (ts.isIdentifier(name)) {
        slots.push(...slotsOfName(cx, index, node, name, position, undefined, valueOf, depth));
        // `const { generate } = params`, `const generate = params.generate` at the top of the body.
        for (const [local, property] of membersTakenFrom(body, name.text)) slots.push(...slotsOfName(cx, index, node, local, position, property, valueOf, depth));
      } else if (ts.isObjectBindingPattern(name)) {
        for (const [local, property] of bindingMembers(name)) slots.push(...slotsOfName(cx, index, node, local, position, property, valueOf, depth));
      }
    });
  }
  const unique = slots.filter((slot, i) => slots.findIndex((other) => sameSlot(other, slot)) === i);
  memo.set(node, unique);
  return unique;
}

const sentMemos = new WeakMap<TsFile, Map<ts.Node, readonly SentUrl[]>>();

/**
 * Which of a function's parameters it sends a request to: the URL of `fetch(url, …)` (or of another HTTP
 * library's call), or passed on as the URL of a function that sends one.
 */
export function sentParameters(cx: TsFile, node: ts.FunctionLikeDeclaration, valueOf: ValueOf, depth: number): readonly SentUrl[] {
  let memo = sentMemos.get(cx);
  if (!memo) sentMemos.set(cx, (memo = new Map()));
  const known = memo.get(node);
  if (known) return known;
  memo.set(node, []);
  const sent: SentUrl[] = [];
  if (node.body) {
    const index = callIndex(cx);
    node.parameters.forEach((parameter, position) => {
      const declared = parameter.name;
      if (!ts.isIdentifier(declared)) return;
      for (const { call, index: argument } of index.byArgument.get(declared.text) ?? []) {
        if (!inside(call.node, node) || cx.scopes.resolve(declared.text, call.node.pos)?.start !== declared.pos || !runsWithin(index, call, node)) continue;
        if (argument === 0 && cx.sendsRequest(call.node)) {
          sent.push({ index: position, file: cx.file, span: spanOf(call.node, cx.sourceFile) });
          continue;
        }
        const callee = valueOf(call.node.expression, depth + 1);
        const passedOn = callee?.kind === 'invoker' ? callee.urls?.find((url) => url.index === argument) : undefined;
        if (passedOn) sent.push({ ...passedOn, index: position });
      }
    });
  }
  const unique = sent.filter((url, i) => sent.findIndex((other) => other.index === url.index) === i);
  memo.set(node, unique);
  return unique;
}

/** The slots one parameter name (or a member taken from it) fills by being called or passed on. */
function slotsOfName(
  cx: TsFile,
  index: CallIndex,
  fn: ts.FunctionLikeDeclaration,
  declared: ts.Identifier,
  position: number,
  property: string | undefined,
  valueOf: ValueOf,
  depth: number,
): CallbackSlot[] {
  const name = declared.text;
  // Uses of this very declaration (not a shadowing one in a nested function) that run while `fn` runs.
  const own = (call: PendingCall) => inside(call.node, fn) && cx.scopes.resolve(name, call.node.pos)?.start === declared.pos && runsWithin(index, call, fn);
  const slots: CallbackSlot[] = [];
  for (const call of index.byCallee.get(name) ?? []) {
    if (!own(call)) continue;
    const callee = unwrap(call.node.expression);
    if (ts.isIdentifier(callee)) slots.push({ index: position, property });
    // `params.generate()` names the member of a whole parameter; of a destructured one it is a member's member.
    else if (property === undefined && ts.isPropertyAccessExpression(callee)) slots.push({ index: position, property: callee.name.text });
  }
  for (const { call, index: argument } of index.byArgument.get(name) ?? []) {
    if (!own(call)) continue;
    const callee = valueOf(call.node.expression, depth + 1);
    if (callee?.kind !== 'invoker') continue;
    // Passed on whole to a function that calls it (`generateStructured(generate, …)`).
    if (callee.slots.some((slot) => slot.index === argument && slot.property === undefined)) slots.push({ index: position, property });
    // Passed on to a function that calls one of its members.
    else if (property === undefined) for (const slot of callee.slots) if (slot.index === argument && slot.property) slots.push({ index: position, property: slot.property });
  }
  return slots;
}

/**
 * The call an inline function is given to, and whether the callee runs it there: true when a project function
 * calls that parameter, false when a project function never does (it keeps the callback for later), undefined
 * when the callee is not known.
 */
export function givenTo(cx: TsFile, callback: ts.Node | undefined, valueOf: ValueOf): { call: PendingCall; runs: boolean | undefined } | undefined {
  const given = callback && callIndex(cx).inlineArguments.get(callback);
  if (!given) return undefined;
  const callee = unwrap(given.call.node.expression);
  const value = valueOf(callee, 0);
  if (value?.kind === 'invoker') return { call: given.call, runs: value.slots.some((slot) => sameSlot(slot, given.slot)) };
  // A function of this file that neither makes AI calls nor calls what it is given.
  const local = value === undefined && ts.isIdentifier(callee) && declaresFunction(cx.scopes.resolve(callee.text, callee.pos));
  return { call: given.call, runs: local ? false : undefined };
}

/** An exported function that calls none of its callbacks: importers learn that calling it with one reaches no model. */
export function plainFunctionExport(cx: TsFile, name: string): Extract<Value, { kind: 'invoker' }> | undefined {
  return declaresFunction(cx.scopes.resolve(name, cx.sourceFile.end)) ? { kind: 'invoker', name, file: cx.file, slots: [] } : undefined;
}

/** `function f() {}`, `const f = () => …`, `const f = function () {}`. */
function declaresFunction(declaration: Declaration | undefined): boolean {
  return declaration?.function !== undefined || (declaration?.initializer !== undefined && isInlineFunction(unwrap(declaration.initializer)));
}

/**
 * What traces a call, if anything does: a function around it is given to a tracing wrapper (`traceable(fn)`,
 * `observe(fn)`) or run by a tracing step (`step.ai.wrap(id, async () => …)`). Tracers record inputs and outputs.
 */
export function tracerAround(cx: TsFile, call: PendingCall, valueOf: ValueOf): string | undefined {
  const index = callIndex(cx);
  for (let holder = call.holders; holder; holder = holder.outer) {
    const fn = holder.node;
    const given = index.inlineArguments.get(fn);
    const inline = given && tracerOf(given.call, given.slot, valueOf);
    if (inline) return inline;
    const name = cx.functionNames.get(fn);
    for (const passed of (name !== undefined && index.byArgument.get(name)) || []) {
      if (cx.scopes.resolve(name!, passed.call.node.pos)?.function !== fn) continue;
      const tracer = tracerOf(passed.call, { index: passed.index }, valueOf);
      if (tracer) return tracer;
    }
  }
  return undefined;
}

function tracerOf(call: PendingCall, slot: CallbackSlot, valueOf: ValueOf): string | undefined {
  if (slot.property !== undefined) return undefined;
  const callee = unwrap(call.node.expression);
  const path = calleeName(callee);
  const step = path && TRACING_STEPS.find((candidate) => path.endsWith(`.${candidate.path}`) && candidate.callback === slot.index);
  if (step) return `${path}()`;
  if (slot.index !== 0) return undefined;
  const value = valueOf(callee, 0);
  return value?.kind === 'module' && isFunctionTracer(value.module, value.exportName) ? `${value.exportName}()` : undefined;
}

function callIndex(cx: TsFile): CallIndex {
  let index = indexes.get(cx);
  if (index) return index;
  index = { byCallee: new Map(), byArgument: new Map(), inlineArguments: new Map() };
  for (const call of cx.calls) {
    const callee = unwrap(call.node.expression);
    const root = ts.isIdentifier(callee) ? callee : ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression) ? callee.expression : undefined;
    if (root) push(index.byCallee, root.text, call);
    call.node.arguments.forEach((raw, position) => {
      const argument = unwrap(raw);
      if (ts.isIdentifier(argument)) push(index.byArgument, argument.text, { call, index: position });
      else if (isInlineFunction(argument)) index!.inlineArguments.set(argument, { call, slot: { index: position } });
      else if (ts.isObjectLiteralExpression(argument)) {
        for (const member of argument.properties) {
          const name = member.name && (ts.isIdentifier(member.name) || ts.isStringLiteral(member.name)) ? member.name.text : undefined;
          if (name === undefined) continue;
          const inline = ts.isPropertyAssignment(member) ? unwrap(member.initializer) : ts.isMethodDeclaration(member) ? member : undefined;
          if (inline && isInlineFunction(inline)) index!.inlineArguments.set(inline, { call, slot: { index: position, property: name } });
        }
      }
    });
  }
  indexes.set(cx, index);
  return index;
}

function isInlineFunction(node: ts.Node): boolean {
  return node.kind === SyntaxKind.ArrowFunction || node.kind === SyntaxKind.FunctionExpression || node.kind === SyntaxKind.MethodDeclaration;
}

/** Members a function's top-level statements take out of one of its parameters. */
function membersTakenFrom(body: ts.ConciseBody, parameter: string): [ts.Identifier, string][] {
  if (!ts.isBlock(body)) return [];
  const members: [ts.Identifier, string][] = [];
  for (const statement of body.statements) {
    if (!ts.isVariableStatement(statement)) continue;
    for (const declaration of statement.declarationList.declarations) {
      const from = declaration.initializer && unwrap(declaration.initializer);
      if (!from) continue;
      if (ts.isObjectBindingPattern(declaration.name) && ts.isIdentifier(from) && from.text === parameter) members.push(...bindingMembers(declaration.name));
      else if (ts.isIdentifier(declaration.name) && ts.isPropertyAccessExpression(from) && ts.isIdentifier(from.expression) && from.expression.text === parameter) {
        members.push([declaration.name, from.name.text]);
      }
    }
  }
  return members;
}

/** Array methods that call their callback before they return. */
const ITERATING = new Set(['map', 'forEach', 'filter', 'flatMap', 'reduce', 'reduceRight', 'some', 'every', 'find', 'findIndex', 'findLast', 'findLastIndex']);

/**
 * Whether a call inside `fn` runs while `fn` runs: each function between them is given to a call that runs it then —
 * an array method (`items.map((x) => generate(x))`) or a call whose result is awaited or returned (`await
 * retry(() => generate(x))`). One registered (`consumer.on('message', (m) => handler(m))`), returned or kept in an
 * object (`return { run: () => handler() }`) runs later, if ever.
 */
function runsWithin(index: CallIndex, call: PendingCall, fn: ts.FunctionLikeDeclaration): boolean {
  for (let holder = call.holders; holder && holder.node !== fn; holder = holder.outer) {
    if (ts.isFunctionLike(holder.node) && !runsWhereGiven(index, holder.node)) return false;
  }
  return true;
}

/** Whether an inline function runs while the call it is given to runs (see runsWithin). */
function runsWhereGiven(index: CallIndex, fn: ts.Node): boolean {
  const given = index.inlineArguments.get(fn);
  if (!given) return false;
  const callee = unwrap(given.call.node.expression);
  const iterates = ts.isPropertyAccessExpression(callee) && ITERATING.has(callee.name.text);
  return iterates || isAwaited(given.call) || isReturned(given.call);
}

/**
 * The functions a model request makes reach a model, innermost first: the one it is in, and each inline function
 * around that runs while the call it is given to runs. A handler it is registered in (`app.post('/x', async () => …)`)
 * stops the climb: the function registering it sends nothing.
 */
export function functionsAround(cx: TsFile, call: PendingCall): ts.Node[] {
  const index = callIndex(cx);
  const around: ts.Node[] = [];
  for (let holder = call.holders; holder; holder = holder.outer) {
    if (!ts.isFunctionLike(holder.node) || around.includes(holder.node)) continue;
    around.push(holder.node);
    if (!runsWhereGiven(index, holder.node)) break;
  }
  return around;
}

/** `await call(…)` in the statement that holds the call. */
export function isAwaited(call: PendingCall): boolean {
  const awaits = (node: ts.Node): boolean => {
    if (ts.isAwaitExpression(node) && unwrap(node.expression) === call.node) return true;
    return !ts.isFunctionLike(node) && ts.forEachChild(node, (child) => awaits(child) || undefined) === true;
  };
  return call.statement !== undefined && awaits(call.statement);
}

/** `return call(…)`, or an arrow whose body is the call: the function's result is the call's promise. */
export function isReturned(call: PendingCall): boolean {
  const fn = call.functionNode;
  if (fn && ts.isArrowFunction(fn) && !ts.isBlock(fn.body)) return unwrap(fn.body) === call.node;
  const statement = call.statement;
  return statement !== undefined && ts.isReturnStatement(statement) && statement.expression !== undefined && unwrap(statement.expression) === call.node;
}

function inside(node: ts.Node, fn: ts.FunctionLikeDeclaration): boolean {
  return fn.body !== undefined && fn.body.pos <= node.pos && node.end <= fn.body.end;
}

export function sameSlot(a: CallbackSlot, b: CallbackSlot): boolean {
  return a.index === b.index && a.property === b.property;
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
