// What happens to a call's result: JSON parsing and validation, audit logging.
import type { SdkFacts } from '../../catalog';
import type { CallSite, JsonParse } from '../../model';
import { isPythonValidator } from './handling';
import type { PyNode } from './parser';
import { type FunctionInfo } from './scope';
import { dottedName, spanOf, type Arguments } from './syntax';
import { PendingCall, PyFile } from './context';

export function loggingOf(call: PendingCall, result: string | undefined, facts: SdkFacts, list: Arguments): CallSite['logged'] {
  const logs = (call.fn?.logs ?? []).filter((log) => log.start > call.node.startIndex);
  const byOption = facts.auditOptions.find((option) => list.options.entries.has(option) || call.node.text.includes(`${option}=`));
  const recorder = result ? logs.find((log) => log.mentions.has(result)) : logs[0];
  return {
    audit: recorder !== undefined || byOption !== undefined,
    by: recorder?.callee ?? byOption,
    calls: logs.map((log) => ({ span: { start: log.start, end: log.end }, callee: log.callee, mentions: [...log.mentions] })),
  };
}


export function jsonParsesOf(cx: PyFile, call: PendingCall, result: string | undefined): JsonParse[] {
  if (!result) return [];
  return cx.jsonParses
    .filter((parse) => parse.fn === call.fn && parse.node.startIndex > call.node.startIndex && parse.mentions.has(result))
    .map((parse) => ({ span: spanOf(parse.node), validatedBy: validatorOf(cx, parse.node, call.fn) }));
}


/** `Model.model_validate(json.loads(…))`, or the parsed value later passed to a validator or `Model(**data)`. */
export function validatorOf(cx: PyFile, parse: PyNode, fn: FunctionInfo | undefined): string | undefined {
  for (let node = parse.parent; node && node.type !== 'function_definition'; node = node.parent) {
    if (node.type === 'call') {
      const callee = dottedName(node.childForFieldName('function'));
      if (callee && isPythonValidator(callee)) return callee;
    }
    if (node.type === 'expression_statement') break;
  }
  const assigned = parse.parent?.type === 'assignment' ? parse.parent.childForFieldName('left') : undefined;
  if (assigned?.type !== 'identifier') return undefined;
  return cx.validators.find((validator) => validator.fn === fn && validator.node.startIndex > parse.startIndex && validator.mentions.has(assigned.text))?.callee;
}
