// The hand-written agent loop a call is made in: a `while`/`do`/`for (;;)` around the call, within its function,
// that runs the tool calls the model asks for — and whether anything caps its iterations.
import { isCounterName, TOOL_CALL_FIELDS } from '../../catalog/agentLoops';
import type { AgentLoop } from '../../model';
import { TsFile, type PendingCall } from './context';
import { ts } from './ts';

// Read once: each `ts.X` on the module's exports is a getter, too slow for a per-node switch.
const { SyntaxKind } = ts;

type OpenLoop = ts.WhileStatement | ts.DoStatement | ts.ForStatement;

export function agentLoopOf(cx: TsFile, call: PendingCall): AgentLoop | undefined {
  // The walk keeps no parent pointers: the statements holding the call, innermost first, lead to its loops.
  for (let holder = call.holders; holder; holder = holder.outer) {
    const node = holder.node;
    if (ts.isFunctionLike(node) || ts.isClassLike(node)) return undefined;
    // The innermost loop decides: a call made once per element of a list (`for…of`) is not an open loop.
    if (ts.isForOfStatement(node) || ts.isForInStatement(node)) return undefined;
    if (ts.isWhileStatement(node) || ts.isDoStatement(node) || ts.isForStatement(node)) {
      if (!runsToolCalls(node)) return undefined;
      return { span: headerOf(cx, node), bounded: isCapped(node) };
    }
  }
  return undefined;
}

function isCapped(loop: OpenLoop): boolean {
  const condition = ts.isForStatement(loop) ? loop.condition : loop.expression;
  if (condition && comparesCounter(condition)) return true;
  let capped = false;
  const visit = (node: ts.Node): void => {
    if (capped || ts.isFunctionLike(node)) return;
    if ((ts.isIfStatement(node) || ts.isConditionalExpression(node)) && comparesCounter(ts.isIfStatement(node) ? node.expression : node.condition)) capped = true;
    else ts.forEachChild(node, visit);
  };
  visit(loop.statement);
  return capped;
}

const RELATIONS = new Set([
  SyntaxKind.LessThanToken,
  SyntaxKind.LessThanEqualsToken,
  SyntaxKind.GreaterThanToken,
  SyntaxKind.GreaterThanEqualsToken,
  SyntaxKind.EqualsEqualsEqualsToken,
  SyntaxKind.EqualsEqualsToken,
  SyntaxKind.ExclamationEqualsEqualsToken,
  SyntaxKind.ExclamationEqualsToken,
]);

/** `step < MAX_STEPS`, `turns >= 10`, `--remaining > 0`: a comparison with a counter on one side. */
function comparesCounter(expression: ts.Expression): boolean {
  let found = false;
  const visit = (node: ts.Node): void => {
    if (found || ts.isFunctionLike(node)) return;
    if (ts.isBinaryExpression(node) && RELATIONS.has(node.operatorToken.kind) && (isCounter(node.left) || isCounter(node.right))) found = true;
    else ts.forEachChild(node, visit);
  };
  visit(expression);
  return found;
}

function isCounter(node: ts.Expression): boolean {
  if (ts.isParenthesizedExpression(node)) return isCounter(node.expression);
  if (ts.isPrefixUnaryExpression(node) || ts.isPostfixUnaryExpression(node)) {
    return node.operator === SyntaxKind.PlusPlusToken || node.operator === SyntaxKind.MinusMinusToken;
  }
  if (ts.isNumericLiteral(node)) return Number(node.text) > 1;
  if (ts.isIdentifier(node)) return isCounterName(node.text);
  return ts.isPropertyAccessExpression(node) && isCounterName(node.name.text);
}

/** The loop reads the answer's tool calls (`message.tool_calls`, `block.type === 'tool_use'`, `toolCalls`). */
function runsToolCalls(loop: OpenLoop): boolean {
  let found = false;
  const visit = (node: ts.Node): void => {
    if (found) return;
    if ((ts.isIdentifier(node) || ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) && TOOL_CALL_FIELDS.has(node.text)) found = true;
    else ts.forEachChild(node, visit);
  };
  visit(loop);
  return found;
}

/** `while (true)`, `for (;;)`, `do`: the loop up to its body. */
function headerOf(cx: TsFile, loop: OpenLoop): { start: number; end: number } {
  const start = loop.getStart(cx.sourceFile);
  if (ts.isDoStatement(loop)) return { start, end: start + 'do'.length };
  const text = cx.sourceFile.text;
  let end = loop.statement.getStart(cx.sourceFile);
  while (end > start && /\s/.test(text[end - 1])) end--;
  return { start, end };
}
