import type { ExportedValue, ExportSummary } from '../../model';
import { calleeName } from './handling';
import { ts } from './ts';

/** How the extractor values a top-level name or an exported expression, for other modules. */
export interface ExportValuer {
  ofName(localName: string): ExportedValue | undefined;
  ofExpression(expression: ts.Expression): ExportedValue | undefined;
}

const hasModifier = (node: ts.Node, kind: ts.SyntaxKind): boolean =>
  ts.canHaveModifiers(node) && (ts.getModifiers(node)?.some((modifier) => modifier.kind === kind) ?? false);

/**
 * What the module exports that matters to AI calls elsewhere: ES exports (named, default, `export { a as b }`,
 * re-exports, `export *`) and CommonJS `module.exports = { … }` / `exports.name = …`. Top-level statements only.
 */
export function readExports(sourceFile: ts.SourceFile, valuer: ExportValuer): ExportSummary {
  const names = new Map<string, ExportedValue>();
  const star: string[] = [];
  const set = (exported: string, value: ExportedValue | undefined) => {
    if (value) names.set(exported, value);
  };
  for (const statement of sourceFile.statements) {
    const exported = hasModifier(statement, ts.SyntaxKind.ExportKeyword);
    const asDefault = hasModifier(statement, ts.SyntaxKind.DefaultKeyword);
    if (ts.isVariableStatement(statement) && exported) {
      for (const declaration of statement.declarationList.declarations) {
        if (ts.isIdentifier(declaration.name)) set(declaration.name.text, valuer.ofName(declaration.name.text));
      }
    } else if (ts.isFunctionDeclaration(statement) && exported) {
      const value = statement.name ? valuer.ofName(statement.name.text) : undefined;
      set(asDefault ? 'default' : (statement.name?.text ?? 'default'), value);
    } else if (ts.isClassDeclaration(statement) && exported) {
      const value = statement.name ? valuer.ofName(statement.name.text) : undefined;
      set(asDefault ? 'default' : (statement.name?.text ?? 'default'), value);
    } else if (ts.isExportAssignment(statement)) {
      set('default', valuer.ofExpression(statement.expression));
    } else if (ts.isExportDeclaration(statement) && !statement.isTypeOnly) {
      const from = statement.moduleSpecifier && ts.isStringLiteral(statement.moduleSpecifier) ? statement.moduleSpecifier.text : undefined;
      const clause = statement.exportClause;
      if (!clause) {
        if (from) star.push(from);
      } else if (ts.isNamedExports(clause)) {
        for (const element of clause.elements) {
          const local = (element.propertyName ?? element.name).text;
          set(element.name.text, from ? { kind: 'reexport', module: from, exportName: local } : valuer.ofName(local));
        }
      }
    } else if (ts.isExpressionStatement(statement)) {
      readCommonJsExport(statement.expression, valuer, set);
    }
  }
  return { names, star };
}

/** `module.exports = { client, ask }`, `module.exports = client`, `exports.ask = ask`. */
function readCommonJsExport(expression: ts.Expression, valuer: ExportValuer, set: (name: string, value: ExportedValue | undefined) => void): void {
  if (!ts.isBinaryExpression(expression) || expression.operatorToken.kind !== ts.SyntaxKind.EqualsToken) return;
  const target = calleeName(expression.left);
  const right = expression.right;
  if (target === 'module.exports') {
    if (!ts.isObjectLiteralExpression(right)) {
      set('default', valuer.ofExpression(right));
      return;
    }
    for (const property of right.properties) {
      if (ts.isShorthandPropertyAssignment(property)) set(property.name.text, valuer.ofName(property.name.text));
      else if (ts.isPropertyAssignment(property) && ts.isIdentifier(property.name)) set(property.name.text, valuer.ofExpression(property.initializer));
    }
    return;
  }
  const named = target === undefined ? null : /^(?:module\.)?exports\.([A-Za-z_$][\w$]*)$/.exec(target);
  if (named) set(named[1], valuer.ofExpression(right));
}
