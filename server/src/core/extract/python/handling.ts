import type { CatchHandling } from '../../model';
import type { LoggerMatcher } from '../shared/loggers';
import type { PyNode } from './parser';
import { dottedName } from './syntax';

/**
 * What an `except` block does with the failure: anything beyond logging and raising (a return, an assignment,
 * another call) is a fallback; only `raise` (after optional logging) rethrows; only logging or `pass` swallows it.
 */
export function classifyExcept(clause: PyNode, isLogger: LoggerMatcher): CatchHandling {
  const block = clause.namedChildren.find((child) => child?.type === 'block');
  const statements = (block?.namedChildren ?? []).filter((child): child is PyNode => child !== null && child.type !== 'comment');
  let logs = false;
  for (const statement of statements) {
    if (statement.type === 'raise_statement') return 'rethrow';
    if (statement.type === 'pass_statement') continue;
    if (statement.type === 'expression_statement' && isLoggingStatement(statement, isLogger)) {
      logs = true;
      continue;
    }
    return 'fallback';
  }
  return logs ? 'log-only' : 'empty';
}

function isLoggingStatement(statement: PyNode, isLogger: LoggerMatcher): boolean {
  const call = statement.namedChildren[0];
  if (call?.type !== 'call') return false;
  const callee = dottedName(call.childForFieldName('function'));
  return callee !== undefined && (isLogger(callee) || callee === 'print' || callee.startsWith('traceback.'));
}

/** `model_validate`, `parse_obj`, `validate_python`, `jsonschema.validate`: what checks a parsed value's shape. */
export function isPythonValidator(callee: string): boolean {
  return /(^|\.)(model_validate|model_validate_json|parse_obj|parse_raw|validate_python|validate_json|validate)$/.test(callee);
}
