import type { CatchHandling } from '../../model';
import type { LoggerMatcher } from '../shared/loggers';
import type { PyNode } from './parser';
import { dottedName } from './syntax';

/**
 * What an `except` block does with the failure: an answer (a return, an assignment, another call) is a fallback,
 * unless every answer is an error (`status_code=500`, `{"error": …}`, `return …, 502`, `abort(500)`); only `raise`
 * (after optional logging) rethrows; only logging or `pass` swallows it.
 */
export function classifyExcept(clause: PyNode, isLogger: LoggerMatcher): CatchHandling {
  const block = clause.namedChildren.find((child) => child?.type === 'block');
  const statements = (block?.namedChildren ?? []).filter((child): child is PyNode => child !== null && child.type !== 'comment');
  let logs = false;
  let answers = 0;
  let errorAnswers = 0;
  for (const statement of statements) {
    if (statement.type === 'raise_statement') return answers > 0 ? outcome(answers, errorAnswers) : 'rethrow';
    if (statement.type === 'pass_statement') continue;
    if (statement.type === 'expression_statement' && isLoggingStatement(statement, isLogger)) {
      logs = true;
      continue;
    }
    answers++;
    if (answersWithError(statement)) errorAnswers++;
  }
  if (answers > 0) return outcome(answers, errorAnswers);
  return logs ? 'log-only' : 'empty';
}

function outcome(answers: number, errorAnswers: number): CatchHandling {
  return errorAnswers === answers ? 'error-response' : 'fallback';
}

const ERROR_KEYS = new Set(['error', 'errors', 'detail']);
const STATUS_KEYS = new Set(['status', 'status_code', 'code']);

function isErrorStatus(node: PyNode | null | undefined): boolean {
  if (node?.type !== 'integer') return false;
  const value = Number(node.text);
  return value >= 400 && value < 600;
}

/** The statement answers with an error: an HTTP status of 4xx/5xx, an `error` key or keyword, or `abort(5xx)`. */
function answersWithError(statement: PyNode): boolean {
  const pending: PyNode[] = [statement];
  while (pending.length > 0) {
    const node = pending.pop()!;
    if (node.type === 'keyword_argument') {
      const name = node.childForFieldName('name')?.text ?? '';
      if (ERROR_KEYS.has(name) || (STATUS_KEYS.has(name) && isErrorStatus(node.childForFieldName('value')))) return true;
    } else if (node.type === 'pair') {
      const key = node.childForFieldName('key');
      const content = key?.type === 'string' ? key.namedChildren.find((child) => child?.type === 'string_content')?.text : undefined;
      if (content !== undefined && ERROR_KEYS.has(content)) return true;
    } else if (node.type === 'return_statement' || node.type === 'expression_list') {
      // `return jsonify(…), 502`
      const last = node.type === 'expression_list' ? node.namedChildren[node.namedChildren.length - 1] : undefined;
      if (isErrorStatus(last)) return true;
    } else if (node.type === 'call' && /(^|\.)abort$/.test(dottedName(node.childForFieldName('function')) ?? '')) {
      if (isErrorStatus(node.childForFieldName('arguments')?.namedChildren[0])) return true;
    }
    for (const child of node.namedChildren) if (child) pending.push(child);
  }
  return false;
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
