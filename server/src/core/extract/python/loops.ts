// The hand-written agent loop a call is made in: a `while` around the call, within its function, that runs the
// tool calls the model asks for — and whether anything caps its iterations.
import { isCounterName, TOOL_CALL_FIELDS } from '../../catalog/agentLoops';
import type { AgentLoop } from '../../model';
import type { PendingCall } from './context';
import type { PyNode } from './parser';

const FUNCTIONS = new Set(['function_definition', 'lambda', 'class_definition']);

export function agentLoopOf(call: PendingCall): AgentLoop | undefined {
  for (let node = call.node.parent; node && !FUNCTIONS.has(node.type); node = node.parent) {
    // The innermost loop decides: a call made once per element (`for x in items`, `for _ in range(n)`) is bounded.
    if (node.type === 'for_statement') return undefined;
    if (node.type === 'while_statement') {
      if (!runsToolCalls(node)) return undefined;
      return { span: headerOf(node), bounded: isCapped(node) };
    }
  }
  return undefined;
}

function isCapped(loop: PyNode): boolean {
  const condition = loop.childForFieldName('condition');
  if (condition && comparesCounter(condition)) return true;
  let capped = false;
  const visit = (node: PyNode): void => {
    if (capped || FUNCTIONS.has(node.type)) return;
    if ((node.type === 'if_statement' || node.type === 'elif_clause') && comparesCounter(node.childForFieldName('condition'))) capped = true;
    else for (const child of node.namedChildren) if (child) visit(child);
  };
  const body = loop.childForFieldName('body');
  if (body) visit(body);
  return capped;
}

/** `step < MAX_STEPS`, `turns >= 10`: a comparison with a counter on one side. */
function comparesCounter(expression: PyNode | null): boolean {
  if (!expression || FUNCTIONS.has(expression.type)) return false;
  if (expression.type === 'comparison_operator' && expression.namedChildren.some((operand) => operand !== null && isCounter(operand))) return true;
  return expression.namedChildren.some((child) => child !== null && comparesCounter(child));
}

function isCounter(node: PyNode): boolean {
  if (node.type === 'integer') return Number(node.text.replace(/_/g, '')) > 1;
  if (node.type === 'identifier') return isCounterName(node.text);
  return node.type === 'attribute' && isCounterName(node.childForFieldName('attribute')?.text ?? '');
}

/** The loop reads the answer's tool calls (`message.tool_calls`, `block.type == "tool_use"`, `stop_reason`). */
function runsToolCalls(loop: PyNode): boolean {
  const visit = (node: PyNode): boolean => {
    if (node.type === 'identifier' || node.type === 'string_content') return TOOL_CALL_FIELDS.has(node.text);
    return node.namedChildren.some((child) => child !== null && visit(child));
  };
  return visit(loop);
}

/** `while True:`: the loop up to its colon. */
function headerOf(loop: PyNode): { start: number; end: number } {
  const colon = loop.children.find((child) => child?.type === ':');
  return { start: loop.startIndex, end: colon ? colon.endIndex : loop.startIndex + 'while'.length };
}
