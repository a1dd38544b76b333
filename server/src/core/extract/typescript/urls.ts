// URLs as far as they are static: the text a fetch or axios call is sent to.
import { trimTrailing } from '../../model';
import { unwrap } from './options';
import { ts } from './ts';
import { MAX_ALIAS_DEPTH, TsFile } from './context';

/**
 * The text a URL expression has where it is static; `*` where it is only known at run time. `a || DEFAULT` reads as
 * the default, unless `configured` asks for the configured value (`*`) that usually wins.
 */
export function staticText(cx: TsFile, expression: ts.Expression | undefined, depth = 0, configured = false): string | undefined {
  if (!expression || depth > MAX_ALIAS_DEPTH) return undefined;
  const node = unwrap(expression);
  if (ts.isStringLiteralLike(node)) return node.text;
  if (ts.isTemplateExpression(node)) {
    return node.head.text + node.templateSpans.map((span) => (staticText(cx, span.expression, depth + 1, configured) ?? '*') + span.literal.text).join('');
  }
  if (ts.isBinaryExpression(node)) {
    const operator = node.operatorToken.kind;
    if (operator === ts.SyntaxKind.PlusToken) return (staticText(cx, node.left, depth + 1, configured) ?? '*') + (staticText(cx, node.right, depth + 1, configured) ?? '*');
    if (operator === ts.SyntaxKind.QuestionQuestionToken || operator === ts.SyntaxKind.BarBarToken) {
      if (configured) return staticText(cx, node.left, depth + 1, configured) ?? '*';
      return staticText(cx, node.right, depth + 1) ?? staticText(cx, node.left, depth + 1);
    }
    return undefined;
  }
  if (ts.isIdentifier(node)) {
    const declaration = cx.scopes.resolve(node.text, node.pos);
    return declaration?.constant && declaration.initializer ? staticText(cx, declaration.initializer, depth + 1, configured) : undefined;
  }
  if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'URL' && node.arguments?.length) {
    const [path, base] = node.arguments;
    const pathText = staticText(cx, path, depth + 1, configured);
    const baseText = base ? staticText(cx, base, depth + 1, configured) : undefined;
    return baseText !== undefined && pathText?.startsWith('/') ? trimTrailing(baseText, '/') + pathText : pathText;
  }
  if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === 'toString') {
    return staticText(cx, node.expression.expression, depth + 1, configured);
  }
  return undefined;
}
