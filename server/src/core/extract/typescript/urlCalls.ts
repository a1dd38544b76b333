// Calls read for a URL: the literal arguments a call passes (`getEndpoint({ fn: 'retrieveBatch' })`), and the parts
// of the called function those literals let run: a `switch` or `if` on such a parameter takes one branch.
import { MAX_ALIAS_DEPTH, type TsFile } from './context';
import { unwrap } from './options';
import { ts } from './ts';

/** The literal values a call gives a function's parameters, by local name, and whether a position of its body runs. */
export interface Bound {
  fn: ts.Node;
  values: ReadonlyMap<string, string>;
  reached: (at: number) => boolean;
}

export const isCall = (access: string | undefined): boolean => access?.startsWith('(') === true;

/** A call as an access: `(#0=chat)` for a literal argument, `(#0.fn=retrieveBatch)` for a literal member of an object argument. */
export function callAccess(call: ts.CallExpression, textsOf: (expression: ts.Expression) => readonly string[] | undefined): string {
  const literals: string[] = [];
  const literal = (expression: ts.Expression): string | undefined => {
    const texts = textsOf(expression);
    return texts?.length === 1 && !texts[0].includes('*') && !/[\u0001=]/.test(texts[0]) ? texts[0] : undefined;
  };
  call.arguments.forEach((argument, index) => {
    const node = unwrap(argument);
    if (ts.isObjectLiteralExpression(node)) {
      for (const property of node.properties) {
        const value = ts.isPropertyAssignment(property) && ts.isIdentifier(property.name) ? literal(property.initializer) : undefined;
        if (value !== undefined) literals.push(`#${index}.${(property.name as ts.Identifier).text}=${value}`);
      }
    } else if (ts.isStringLiteralLike(node) || ts.isIdentifier(node)) {
      const value = literal(node);
      if (value !== undefined) literals.push(`#${index}=${value}`);
    }
  });
  return `(${literals.join('\u0001')})`;
}

/** The literal values a call (an access) gives a function's parameters, by local name (destructured members included). */
export function boundParameters(fn: ts.SignatureDeclaration, call: string): Map<string, string> {
  const given = new Map(call.slice(1, -1).split('\u0001').filter(Boolean).map((entry) => [entry.slice(0, entry.indexOf('=')), entry.slice(entry.indexOf('=') + 1)] as const));
  const values = new Map<string, string>();
  fn.parameters.forEach((parameter, index) => {
    if (ts.isIdentifier(parameter.name)) {
      const value = given.get(`#${index}`);
      if (value !== undefined) values.set(parameter.name.text, value);
    } else if (ts.isObjectBindingPattern(parameter.name)) {
      for (const element of parameter.name.elements) {
        const member = element.propertyName ?? element.name;
        const value = ts.isIdentifier(member) && ts.isIdentifier(element.name) ? given.get(`#${index}.${member.text}`) : undefined;
        if (value !== undefined) values.set((element.name as ts.Identifier).text, value);
      }
    }
  });
  return values;
}

/**
 * The `return`s of a body a call can reach: an `if` on a parameter the call gives a literal takes one branch, and a
 * `switch` on it (or on a local set from it, `let mapped = fn`, outside the branches not taken) its cases.
 */
export function reachedReturns(cx: TsFile, body: ts.Node, bound: Bound): ts.Expression[] {
  const { reached } = bound;
  const found: ts.Expression[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node) || ts.isClassLike(node) || !reached(node.pos)) return;
    if (ts.isReturnStatement(node)) {
      if (node.expression) found.push(node.expression);
      return;
    }
    const values = ts.isSwitchStatement(node) ? switchedValues(cx, node.expression, bound, reached, 0) : undefined;
    if (ts.isSwitchStatement(node) && values) {
      const clauses = new Set(values.flatMap((value) => takenClauses(node.caseBlock.clauses, value)));
      return node.caseBlock.clauses.filter((clause) => clauses.has(clause)).forEach((clause) => clause.statements.forEach(visit));
    }
    ts.forEachChild(node, visit);
  };
  ts.forEachChild(body, visit);
  return found;
}

/** Whether a position of a body runs, given literal parameters: not in the branch of an `if` on them that is not taken. */
export function reachedIn(body: ts.Node, values: ReadonlyMap<string, string>): (at: number) => boolean {
  const untaken: ts.Node[] = [];
  const bound: Bound = { fn: body, values, reached: () => true };
  const branches = (node: ts.Node): void => {
    if (ts.isFunctionLike(node) || ts.isClassLike(node)) return;
    if (ts.isIfStatement(node)) {
      const taken = decided(node.expression, bound);
      if (taken === false) untaken.push(node.thenStatement);
      if (taken === true && node.elseStatement) untaken.push(node.elseStatement);
    }
    if (ts.isBlock(node)) {
      // `if (fn === 'files') return '/files';` taken: what follows it in the block does not run.
      const exit = node.statements.findIndex((statement) => ts.isIfStatement(statement) && exitsWhenTaken(statement, bound));
      if (exit >= 0) untaken.push(...node.statements.slice(exit + 1));
    }
    ts.forEachChild(node, branches);
  };
  branches(body);
  return (at) => !untaken.some((node) => node.pos <= at && at < node.end);
}

/** An `if` decided by literal parameters whose branch taken always returns or throws. */
function exitsWhenTaken(statement: ts.IfStatement, bound: Bound): boolean {
  const taken = decided(statement.expression, bound);
  const branch = taken === true ? statement.thenStatement : taken === false ? statement.elseStatement : undefined;
  const last = branch && (ts.isBlock(branch) ? branch.statements[branch.statements.length - 1] : branch);
  return last !== undefined && (ts.isReturnStatement(last) || ts.isThrowStatement(last));
}

/** The literals a `switch` can see: a bound parameter's, or a local's from its value and the assignments the call reaches. */
function switchedValues(cx: TsFile, expression: ts.Expression, bound: Bound, reached: (at: number) => boolean, depth: number): string[] | undefined {
  const node = unwrap(expression);
  if (ts.isStringLiteralLike(node)) return [node.text];
  if (!ts.isIdentifier(node) || depth > MAX_ALIAS_DEPTH) return undefined;
  const value = boundValue(node, bound);
  if (value !== undefined) return [value];
  const declaration = cx.scopes.resolve(node.text, node.pos);
  if (!declaration?.initializer || declaration.slot) return undefined;
  const sources = [declaration.initializer];
  for (const { at, value: assigned } of cx.assignments.get(declaration.name) ?? []) {
    if (declaration.scope.start <= at && at < declaration.scope.end && reached(at)) sources.push(assigned);
  }
  const values: string[] = [];
  for (const source of sources) {
    const found = switchedValues(cx, source, bound, reached, depth + 1);
    if (!found) return undefined;
    values.push(...found);
  }
  return values;
}

/** The clauses a `switch` runs for a value: from the matching case (else `default`) through the empty ones falling into the next. */
function takenClauses(clauses: readonly ts.CaseOrDefaultClause[], value: string): ts.CaseOrDefaultClause[] {
  let start = clauses.findIndex((clause) => ts.isCaseClause(clause) && ts.isStringLiteralLike(clause.expression) && clause.expression.text === value);
  if (start < 0) start = clauses.findIndex((clause) => ts.isDefaultClause(clause));
  if (start < 0) return [];
  const taken: ts.CaseOrDefaultClause[] = [];
  for (let i = start; i < clauses.length; i++) {
    taken.push(clauses[i]);
    if (clauses[i].statements.length > 0) break;
  }
  return taken;
}

/** The literal a bound parameter holds, for `switch (fn)`. */
function boundValue(expression: ts.Expression, bound: Bound): string | undefined {
  const node = unwrap(expression);
  return ts.isIdentifier(node) ? bound.values.get(node.text) : undefined;
}

/** Whether `fn === 'x'` (or `!==`, either side) holds for a bound parameter; undefined when it depends on anything else. */
export function decided(condition: ts.Expression, bound: Bound | undefined): boolean | undefined {
  const node = unwrap(condition);
  if (!bound || !ts.isBinaryExpression(node)) return undefined;
  if (node.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken || node.operatorToken.kind === ts.SyntaxKind.BarBarToken) {
    const [left, right] = [decided(node.left, bound), decided(node.right, bound)];
    const and = node.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken;
    // `a && b` is false when either is, `a || b` true when either is.
    if (left === !and || right === !and) return !and;
    return left === and && right === and ? and : undefined;
  }
  const equal = node.operatorToken.kind === ts.SyntaxKind.EqualsEqualsEqualsToken || node.operatorToken.kind === ts.SyntaxKind.EqualsEqualsToken;
  const unequal = node.operatorToken.kind === ts.SyntaxKind.ExclamationEqualsEqualsToken || node.operatorToken.kind === ts.SyntaxKind.ExclamationEqualsToken;
  if (!equal && !unequal) return undefined;
  const [left, right] = [unwrap(node.left), unwrap(node.right)];
  const value = boundValue(left, bound) ?? boundValue(right, bound);
  const literal = ts.isStringLiteralLike(right) ? right.text : ts.isStringLiteralLike(left) ? left.text : undefined;
  if (value === undefined || literal === undefined) return undefined;
  return (value === literal) === equal;
}
