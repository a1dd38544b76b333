// TypeScript's part in re-extracting only what an edit affects (see shared/declarationCache): statements parsed
// alone or in the whole tree, bodies emptied down to their line breaks, skeletons parsed incrementally.
import type { ExtractedFacts } from '../../model';
import { samePlaces, textChange, type SkeletonLanguage, type StatementEntry, type SummarizedStatement, type TextChange } from '../shared/declarationCache';
import type { ExtractOptions } from './context';
import { summarize } from './declarations';
import { extractTypeScript } from './extractor';
import { parseProblemsOf, parseTypeScript } from './syntax';
import { ts } from './ts';

/** The last skeleton parsed: the next one is parsed incrementally from it. */
export interface Skeleton {
  text: string;
  sourceFile: ts.SourceFile;
}

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
 * TypeScript for the declaration cache. `skeletons` holds the last skeleton parsed (the next is parsed from it);
 * `wholeTree` parses the edited file (incrementally), asked only when it has syntax errors.
 */
export function typeScriptSkeletons(file: string, options: ExtractOptions, skeletons: { last?: Skeleton }, wholeTree: () => ts.SourceFile): SkeletonLanguage {
  return {
    summarizeAlone(source) {
      const alone = parseTypeScript(file, source);
      if (alone.statements.length !== 1 || alone.statements[0].end !== source.length || parseProblemsOf(alone).parseErrors > 0) return undefined;
      return summarize(alone.statements[0]);
    },
    wholeFile() {
      const tree = wholeTree();
      return { placed: tree.statements, summaryAt: (index) => summarize(tree.statements[index]), problems: parseProblemsOf(tree) };
    },
    compact(source, bodies) {
      let compact = '';
      let at = 0;
      for (const body of bodies) {
        if (body.start < at || body.end <= body.start) continue;
        compact += source.slice(at, body.start) + source.slice(body.start, body.end).replace(/[^\r\n]/g, '');
        at = body.end;
      }
      return compact + source.slice(at);
    },
    extractSkeleton(text, placed): ExtractedFacts | undefined {
      const last = skeletons.last;
      skeletons.last = undefined;
      const sourceFile =
        last && last.sourceFile.fileName === file ? ts.updateSourceFile(last.sourceFile, text, changeRange(textChange(last.text, text))) : parseTypeScript(file, text);
      skeletons.last = { text, sourceFile };
      return samePlaces(sourceFile.statements, placed) ? extractTypeScript(file, sourceFile, options) : undefined;
    },
  };
}
