import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { checkSync } from 'recheck';
import * as ts from 'typescript';
import { REPO_ROOT } from '../repoRoot';

/** Every regular expression written in the server's source: literals and `new RegExp('…')` with literal text. */
function regexesIn(dir: string): { where: string; source: string; flags: string }[] {
  const found: { where: string; source: string; flags: string }[] = [];
  for (const name of fs.readdirSync(dir, { recursive: true }).map(String)) {
    if (!name.endsWith('.ts')) continue;
    const file = path.join(dir, name);
    const sourceFile = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const where = (node: ts.Node) => `${path.relative(REPO_ROOT, file)}:${sourceFile.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
    const visit = (node: ts.Node): void => {
      if (ts.isRegularExpressionLiteral(node)) {
        const text = node.text;
        const end = text.lastIndexOf('/');
        found.push({ where: where(node), source: text.slice(1, end), flags: text.slice(end + 1) });
      } else if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'RegExp') {
        const [pattern, flags] = node.arguments ?? [];
        if (pattern && ts.isStringLiteralLike(pattern)) found.push({ where: where(node), source: pattern.text, flags: flags && ts.isStringLiteralLike(flags) ? flags.text : '' });
      }
      ts.forEachChild(node, visit);
    };
    visit(sourceFile);
  }
  return found;
}

describe('regular expressions run in linear time', () => {
  const regexes = regexesIn(path.join(REPO_ROOT, 'server', 'src'));

  it('finds the server source regexes', () => assert.ok(regexes.length > 50, `only ${regexes.length} found`));

  it('has no regex that backtracks super-linearly (recheck)', () => {
    const unsafe = regexes.flatMap(({ where, source, flags }) => {
      // The `g`/`y` flags change how a regex is driven, not how it backtracks; recheck takes the rest.
      const checked = (timeout: number) => checkSync(source, flags.replace(/[gy]/g, ''), { timeout });
      // `unknown` is recheck running out of time (a busy machine): given longer, it must still decide `safe`.
      const first = checked(10_000);
      const diagnostics = first.status === 'unknown' ? checked(60_000) : first;
      return diagnostics.status === 'safe' ? [] : [`${where} /${source}/${flags}: ${diagnostics.status}${diagnostics.status === 'vulnerable' ? ` (${diagnostics.complexity.type})` : ''}`];
    });
    assert.deepEqual(unsafe, []);
  });
});
