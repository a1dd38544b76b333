import { REQUEST_NAME, REQUEST_READS_TS } from '../../catalog/web';
import type { FileFacts, OptionMap } from '../../model';
import { brokenRegions } from '../shared/brokenRegions';
import type { SyntaxErrorAt } from '../shared/declarationCache';
import { unwrap } from './options';
import { ts } from './ts';

// Small readings of TypeScript syntax shared by the extractor's rooms.

export function mergeOptions(body: OptionMap, requestOptions: OptionMap | undefined): OptionMap {
  if (!requestOptions) return body;
  return {
    entries: new Map([...body.entries, ...requestOptions.entries]),
    hasSpread: body.hasSpread || requestOptions.hasSpread,
  };
}

/** The syntax errors of a parse. parseDiagnostics is internal but stable; it is the only list of them a bare parse gives. */
export function syntaxErrorsOf(sourceFile: ts.SourceFile): SyntaxErrorAt[] {
  const diagnostics = (sourceFile as unknown as { parseDiagnostics?: { start?: number; length?: number; code: number }[] }).parseDiagnostics ?? [];
  return diagnostics.map((diagnostic) => ({ start: diagnostic.start ?? 0, length: diagnostic.length ?? 0, code: diagnostic.code }));
}

export function parseProblemsOf(sourceFile: ts.SourceFile): Pick<FileFacts, 'parseErrors' | 'brokenRegions'> {
  const diagnostics = syntaxErrorsOf(sourceFile);
  if (diagnostics.length === 0) return { parseErrors: 0, brokenRegions: [] };
  const statements = sourceFile.statements.map((statement) => ({ start: statement.pos, end: statement.end }));
  return { parseErrors: diagnostics.length, brokenRegions: brokenRegions(statements, diagnostics.map((diagnostic) => diagnostic.start)) };
}

export function bindingNames(name: ts.BindingName): string[] {
  if (ts.isIdentifier(name)) return [name.text];
  const names: string[] = [];
  for (const element of name.elements) {
    if (!ts.isOmittedExpression(element)) names.push(...bindingNames(element.name));
  }
  return names;
}

export function typeReferenceName(type: ts.TypeNode | undefined): string | undefined {
  return type && ts.isTypeReferenceNode(type) && ts.isIdentifier(type.typeName) ? type.typeName.text : undefined;
}

/** The identifier a callee starts from: `ask` for `ask(…)`, `ai` for `ai.ask(…)`. */
export function rootName(callee: ts.Expression): string {
  let node = callee;
  while (node.kind === ts.SyntaxKind.PropertyAccessExpression) node = (node as ts.PropertyAccessExpression).expression;
  return node.kind === ts.SyntaxKind.Identifier ? (node as ts.Identifier).text : '';
}


export function scriptKindFor(file: string): ts.ScriptKind {
  const lower = file.toLowerCase();
  if (lower.endsWith('.tsx')) return ts.ScriptKind.TSX;
  if (lower.endsWith('.jsx')) return ts.ScriptKind.JSX;
  if (/\.[cm]?js$/.test(lower)) return ts.ScriptKind.JS;
  return ts.ScriptKind.TS;
}

/** Nothing reads JSDoc (types come from syntax, owner tags from the text): its comments are skipped as trivia. */
export function parseOptions(): ts.CreateSourceFileOptions {
  return { languageVersion: ts.ScriptTarget.Latest, jsDocParsingMode: ts.JSDocParsingMode.ParseNone };
}

export function parseTypeScript(file: string, text: string): ts.SourceFile {
  return ts.createSourceFile(file, text, parseOptions(), false, scriptKindFor(file));
}

/** Reads of the incoming request: `await req.json()`, `req.body`, `request.formData()`, `url.searchParams`. */
export function isRequestRead(expression: ts.Expression | undefined): boolean {
  if (!expression) return false;
  let node = unwrap(expression);
  while (ts.isPropertyAccessExpression(node) || ts.isCallExpression(node) || ts.isElementAccessExpression(node)) {
    if (ts.isPropertyAccessExpression(node)) {
      const name = node.name.text;
      const owner = unwrap(node.expression);
      const ownerName = ts.isIdentifier(owner) ? owner.text : ts.isPropertyAccessExpression(owner) ? owner.name.text : '';
      if (REQUEST_NAME.test(ownerName) && REQUEST_READS_TS.test(name)) return true;
      if (name === 'searchParams') return true;
      node = owner;
    } else {
      node = unwrap(node.expression);
    }
  }
  return false;
}
