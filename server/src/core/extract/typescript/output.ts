// What happens to a call's result: JSON parsing and validation, audit logging, streams.
import { FETCH_REQUEST_TYPES } from '../../catalog/web';
import { optionAt } from '../../model';
import type { SdkFacts } from '../../catalog';
import type { CallSite, JsonParse, Logged, OptionMap, StreamFacts } from '../../model';
import { type CallRecord, type FunctionRecords } from './handling';
import { ts } from './ts';
import { PendingCall, TsFile } from './context';
import { bindingNames } from './syntax';

// Read once: each `ts.X` on the module's exports is a getter, too slow for a per-node switch.
const { SyntaxKind } = ts;

export function recordsOf(cx: TsFile, call: PendingCall): FunctionRecords {
  return cx.records.get(call.functionNode ?? cx.sourceFile) ?? { logs: [], jsonParses: [], validators: [] };
}


/**
 * `JSON.parse` of this call's result later in its function, with what validates it: a validator around it
 * (`Schema.parse(JSON.parse(x))`) or a later validator given the variable it was stored in.
 */
export function jsonParsesOf(cx: TsFile, call: PendingCall): JsonParse[] {
  const binding = cx.bindings.get(call.node);
  if (!binding) return [];
  const names = bindingNames(binding);
  const { jsonParses, validators } = recordsOf(cx, call);
  return jsonParses
    .filter((parse) => parse.start >= call.node.end && names.some((name) => parse.mentions.has(name)))
    .map((parse) => {
      const stored = cx.bindings.get(parse.node);
      const storedName = stored && stored.kind === SyntaxKind.Identifier ? stored.text : undefined;
      const later = storedName ? validators.find((v) => v.start > parse.end && v.mentions.has(storedName)) : undefined;
      const type = cx.parseTypes.get(parse.node);
      const schema = type ? cx.schemaOfType.get(type) : undefined;
      return { span: { start: parse.start, end: parse.end }, validatedBy: parse.insideValidator ?? later?.callee, schema };
    });
}


/** For a stream: the abort signal it was given, and the handler's fetch `Request` whose signal would do. */
export function streamFactsOf(cx: TsFile, call: PendingCall, sdk: SdkFacts, maps: { body?: OptionMap; requestOptions?: OptionMap }): StreamFacts {
  let signal: string | undefined;
  for (const ref of sdk.timeout.signals) {
    const lookup = optionAt(ref.place === 'body' ? maps.body : maps.requestOptions, ref.path);
    if ('found' in lookup) signal = lookup.found.value.kind === 'expression' ? lookup.found.value.text : ref.path;
  }
  let requestParam: string | undefined;
  for (const parameter of call.functionNode?.parameters ?? []) {
    const type = parameter.type && ts.isTypeReferenceNode(parameter.type) ? parameter.type.typeName.getText(cx.sourceFile) : undefined;
    if (ts.isIdentifier(parameter.name) && type !== undefined && FETCH_REQUEST_TYPES.has(type)) requestParam = parameter.name.text;
  }
  return { signal, requestParam, signalFollowsRequest: signal !== undefined && FOLLOWS_REQUEST.test(signal) && !TIMER_ONLY.test(signal) };
}

/** A signal expression that follows the client connection (`req.signal`, `AbortSignal.any([signal, …])`)… */
const FOLLOWS_REQUEST = /(^|[^\w])(signal|\w+\.signal)\b/;
/** …unless it is only a timer. */
const TIMER_ONLY = /^AbortSignal\.timeout\(/;


/**
 * Whether the request is recorded: an audit option, the SDK's own tracing, a tracer around the call (`traced`,
 * worked out by the caller), or a log after the call that mentions its result or usage.
 */
export function loggingOf(cx: TsFile, call: PendingCall, sdk: Pick<SdkFacts, 'auditOptions' | 'builtInTracing' | 'displayName'>, body: OptionMap, clientOptions?: OptionMap, traced?: string): Logged {
  const { logs } = recordsOf(cx, call);
  const calls = logs.map((log) => ({ span: { start: log.start, end: log.end }, callee: log.callee, mentions: [...log.mentions] }));
  const option = sdk.auditOptions.find((name) => body.entries.has(name));
  if (option) return { audit: true, by: option, calls };
  const off = sdk.builtInTracing?.disabledBy;
  if (sdk.builtInTracing && (off === undefined || (!body.entries.has(off) && !clientOptions?.entries.has(off)))) return { audit: true, by: `${sdk.displayName}'s built-in tracing`, calls };
  if (traced) return { audit: true, by: traced, calls };
  const binding = cx.bindings.get(call.node);
  const callEnd = call.node.end;
  // A log right before a throw (other logs aside) reports a failure, not the request. Callbacks written after the
  // call (`stream.done().then((usage) => span.log({ usage }))`) log for it too.
  const later = [...logs, ...logsInCallbacksAfter(cx, call.functionNode, callEnd)].filter((log) => log.start >= callEnd && !log.beforeThrow);
  if (later.length === 0) return { audit: false, calls };
  const names = derivedNames(call.functionNode ?? cx.sourceFile, ['usage', ...(binding ? bindingNames(binding) : [])], callEnd);
  const record = later.find((log) => [...names].some((name) => log.mentions.has(name)));
  return record ? { audit: true, by: record.callee, calls } : { audit: false, calls };
}

/** The logs of functions written inside `fn` after `after`: callbacks that run once the call has answered. */
function logsInCallbacksAfter(cx: TsFile, fn: ts.SignatureDeclaration | undefined, after: number): CallRecord[] {
  if (!fn) return [];
  const logs: CallRecord[] = [];
  for (const [node, records] of cx.records) {
    if (node !== fn && node.pos >= after && node.end <= fn.end) logs.push(...records.logs);
  }
  return logs;
}

/**
 * The result's names and those later bound from them in the function: `completion = await completionPromise`,
 * `const { usage } = response`, `for await (const chunk of stream)` (or of the call itself) — a log of any of them
 * records the request.
 * Nested functions keep their own records, so they are not entered.
 */
function derivedNames(fn: ts.Node, results: readonly string[], after: number): Set<string> {
  const names = new Set(results);
  const reads = (node: ts.Node): boolean => (ts.isIdentifier(node) ? names.has(node.text) : ts.forEachChild(node, (child) => reads(child) || undefined) === true);
  const bind = (name: ts.BindingName) => bindingNames(name).forEach((bound) => names.add(bound));
  const visit = (node: ts.Node): void => {
    if (node.end <= after || (node !== fn && ts.isFunctionLike(node))) return;
    // `for await (const chunk of client.…stream(…))`: the loop's names are what the call gives.
    const iteratesCall = ts.isForOfStatement(node) && node.expression.pos < after && node.expression.end >= after && ts.isVariableDeclarationList(node.initializer);
    if (iteratesCall) (node.initializer as ts.VariableDeclarationList).declarations.forEach((declaration) => bind(declaration.name));
    if (node.pos >= after) {
      if (ts.isVariableDeclaration(node) && node.initializer && reads(node.initializer)) bind(node.name);
      else if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isIdentifier(node.left) && reads(node.right)) names.add(node.left.text);
      else if (ts.isForOfStatement(node) && reads(node.expression) && ts.isVariableDeclarationList(node.initializer)) node.initializer.declarations.forEach((declaration) => bind(declaration.name));
    }
    ts.forEachChild(node, visit);
  };
  visit(fn);
  return names;
}


export function resultBindingOf(cx: TsFile, node: ts.CallExpression): CallSite['resultBinding'] {
  const binding = cx.bindings.get(node);
  if (!binding) return undefined;
  if (binding.kind === SyntaxKind.Identifier) return { name: binding.text, destructured: [] };
  return { name: '', destructured: bindingNames(binding) };
}
