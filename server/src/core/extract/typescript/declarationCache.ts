// TypeScript's part in re-extracting only what an edit affects (see shared/declarationCache): statements parsed
// alone or in the whole tree, skeletons of a few statements parsed from the last skeleton.
import type { ExtractedFacts } from '../../model';
import { samePlaces, textChange, type SkeletonLanguage, type StatementEntry, type SummarizedStatement, type TextChange } from '../shared/declarationCache';
import type { ExtractOptions } from './context';
import { summarize } from './declarations';
import { extractTypeScript } from './extractor';
import { parseOptions, parseProblemsOf, parseTypeScript, syntaxErrorsOf } from './syntax';
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

/** A text and its tree, kept to parse the next version of the text from. */
export interface ParsedText {
  text: string;
  sourceFile: ts.SourceFile;
}

/**
 * `text` parsed, incrementally from `previous` where it can be: the incremental parser reuses the old tree's nodes
 * (it is not read again after this). From a tree with syntax errors it can recover otherwise than a fresh parse does
 * (the property test found such edits), and a text that is mostly new gains nothing from it: parsed afresh then.
 */
export function parseAgain(previous: ParsedText | undefined, file: string, text: string): ts.SourceFile {
  const reusable = previous && previous.sourceFile.fileName === file && previous.sourceFile.languageVersion === parseOptions().languageVersion;
  if (!reusable || syntaxErrorsOf(previous.sourceFile).length > 0) return parseTypeScript(file, text);
  const change = textChange(previous.text, text);
  const kept = change.start + previous.text.length - change.oldEnd;
  return kept * 2 >= text.length ? ts.updateSourceFile(previous.sourceFile, text, changeRange(change)) : parseTypeScript(file, text);
}

/**
 * The last skeleton parsed for a document. Keystrokes in one definition make skeletons that differ only where the
 * edit is: the next one is parsed from this one, re-reading only the statements the edit is in.
 */
export class SkeletonTrees {
  private last?: ParsedText;
  /** How many skeletons were parsed (tests read it). */
  parsed = 0;

  parse(file: string, text: string): ts.SourceFile {
    this.parsed++;
    const last = this.last;
    this.last = undefined;
    const sourceFile = parseAgain(last, file, text);
    this.last = { text, sourceFile };
    return sourceFile;
  }

  clear(): void {
    this.last = undefined;
  }
}

/**
 * TypeScript for the declaration cache. `wholeTree` parses the edited file (incrementally), asked only when it has
 * syntax errors.
 */
export function typeScriptSkeletons(file: string, options: ExtractOptions, wholeTree: () => ts.SourceFile, skeletons: SkeletonTrees): SkeletonLanguage {
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
      const sourceFile = skeletons.parse(file, text);
      return samePlaces(sourceFile.statements, placed) ? extractTypeScript(file, sourceFile, options) : undefined;
    },
    parseSkeleton(text, placed) {
      const sourceFile = skeletons.parse(file, text);
      if (!samePlaces(sourceFile.statements, placed)) return undefined;
      return { summaryAt: (index) => summarize(sourceFile.statements[index]), extract: () => extractTypeScript(file, sourceFile, options), errors: syntaxErrorsOf(sourceFile) };
    },
  };
}
