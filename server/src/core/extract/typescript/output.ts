// What happens to a call's result: JSON parsing and validation, audit logging, streams.
import { FETCH_REQUEST_TYPES } from '../../catalog/web';
import { optionAt } from '../../model';
import type { SdkFacts } from '../../catalog';
import type { CallSite, JsonParse, Logged, OptionMap, StreamFacts } from '../../model';
import { type FunctionRecords } from './handling';
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
  if (off !== undefined && !body.entries.has(off) && !clientOptions?.entries.has(off)) return { audit: true, by: `${sdk.displayName}'s built-in tracing`, calls };
  if (traced) return { audit: true, by: traced, calls };
  const binding = cx.bindings.get(call.node);
  const names = new Set(['usage', ...(binding ? bindingNames(binding) : [])]);
  const callEnd = call.node.end;
  const record = logs.find((log) => log.start >= callEnd && [...names].some((name) => log.mentions.has(name)));
  return record ? { audit: true, by: record.callee, calls } : { audit: false, calls };
}


export function resultBindingOf(cx: TsFile, node: ts.CallExpression): CallSite['resultBinding'] {
  const binding = cx.bindings.get(node);
  if (!binding) return undefined;
  if (binding.kind === SyntaxKind.Identifier) return { name: binding.text, destructured: [] };
  return { name: '', destructured: bindingNames(binding) };
}
