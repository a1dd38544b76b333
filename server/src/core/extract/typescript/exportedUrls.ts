// URLs other modules read from this one's exports: the texts a name it exports can give once a member, an
// element, a call's result or an instance is read from it (`Providers[p].api.getEndpoint(…)`).
import type { ExtractOptions } from './context';
import { walkedFile } from './extractor';
import { parseTypeScript } from './syntax';
import { ts } from './ts';
import { declarationTexts, urlTexts, type Access } from './urlFlow';

const hasModifier = (node: ts.Node, kind: ts.SyntaxKind): boolean =>
  ts.canHaveModifiers(node) && (ts.getModifiers(node)?.some((modifier) => modifier.kind === kind) ?? false);

/** The texts reading `path` from the export `exportName` of `file` can give; undefined when not known. */
export function exportedUrlTexts(file: string, text: string, options: ExtractOptions, exportName: string, path: readonly Access[]): readonly string[] | undefined {
  const cx = walkedFile(file, parseTypeScript(file, text), options);
  const statements = cx.sourceFile.statements;
  let local = exportName;
  for (const statement of statements) {
    if (exportName === 'default' && ts.isExportAssignment(statement)) return urlTexts(cx, statement.expression, path);
    const declared = (ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement)) && hasModifier(statement, ts.SyntaxKind.DefaultKeyword);
    if (exportName === 'default' && declared) return urlTexts(cx, statement, path);
    // `export { config as default }`, `export { a as b }`
    if (ts.isExportDeclaration(statement) && !statement.moduleSpecifier && statement.exportClause && ts.isNamedExports(statement.exportClause)) {
      for (const element of statement.exportClause.elements) if (element.name.text === exportName) local = (element.propertyName ?? element.name).text;
    }
  }
  const declaration = cx.scopes.resolve(local, cx.sourceFile.end);
  return declaration && declarationTexts(cx, declaration, path);
}
