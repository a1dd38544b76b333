// TypeScript's part in re-extracting only what an edit affects (see shared/declarationCache): statements parsed
// alone or in the whole tree, skeletons of a few statements parsed afresh.
import type { ExtractedFacts } from '../../model';
import { samePlaces, type SkeletonLanguage, type StatementEntry, type SummarizedStatement, type TextChange } from '../shared/declarationCache';
import type { ExtractOptions } from './context';
import { summarize } from './declarations';
import { extractTypeScript } from './extractor';
import { parseProblemsOf, parseTypeScript, syntaxErrorsOf } from './syntax';
import { ts } from './ts';

/** Entries of a tree's statements; statement texts `memo` holds (from the last summary) are not read again. */
export function summarizeStatements(sourceFile: ts.SourceFile, memo: Map<string, StatementEntry>): SummarizedStatement[] {
  const { text } = sourceFile;
  const next = new Map<string, StatementEntry>();
  const statements = sourceFile.statements.map((statement) => {
    const source = text.slice(statement.pos, statement.end);
    const entry = memo.get(source) ?? next.get(source) ?? { summary: summarize(statement) };
    next.set(source, entry);
    return { pos: statement.pos, end: statement.end, entry };
  });
  memo.clear();
  for (const [source, entry] of next) memo.set(source, entry);
  return statements;
}

/** The TypeScript change range of a text change. */
export function changeRange(change: TextChange): ts.TextChangeRange {
  return ts.createTextChangeRange(ts.createTextSpan(change.start, change.oldEnd - change.start), change.oldEnd - change.start + change.delta);
}

/**
 * TypeScript for the declaration cache. `wholeTree` parses the edited file (incrementally), asked only when it has
 * syntax errors.
 */
export function typeScriptSkeletons(file: string, options: ExtractOptions, wholeTree: () => ts.SourceFile): SkeletonLanguage {
  return {
    summarizeAlone(source) {
      const alone = parseTypeScript(file, source);
      if (alone.statements.length !== 1 || alone.statements[0].end !== source.length || parseProblemsOf(alone).parseErrors > 0) return undefined;
      return summarize(alone.statements[0]);
    },
    wholeFile() {
      const tree = wholeTree();
      return { placed: tree.statements, summaryAt: (index) => summarize(tree.statements[index]), errors: syntaxErrorsOf(tree) };
    },
    placeholder: '{}',
    lineComment: '//',
    extractSkeleton(text, placed): ExtractedFacts | undefined {
      const sourceFile = parseTypeScript(file, text);
      return samePlaces(sourceFile.statements, placed) ? extractTypeScript(file, sourceFile, options) : undefined;
    },
    parseSkeleton(text, placed) {
      const sourceFile = parseTypeScript(file, text);
      if (!samePlaces(sourceFile.statements, placed)) return undefined;
      return { summaryAt: (index) => summarize(sourceFile.statements[index]), extract: () => extractTypeScript(file, sourceFile, options), errors: syntaxErrorsOf(sourceFile) };
    },
  };
}
