// An open document's last TypeScript parse and extraction, so that the next keystroke re-parses only what changed
// and re-extracts only the definitions the edit can affect.
import type { ExportSummary, ExtractedFacts } from '../../model';
import { reextractDeclarations, textChange, unlessTooDeep, type CachedExtraction, type StatementEntry, type TextChange } from '../shared/declarationCache';
import type { ExtractOptions } from './context';
import { changeRange, parseAgain, SkeletonTrees, summarizeStatements, typeScriptSkeletons, type ParsedText } from './declarationCache';
import { extractTypeScript } from './extractor';
import { syntaxErrorsOf } from './syntax';
import { ts } from './ts';

/** The one span of `before` replaced to make `after`. */
export function changeBetween(before: string, after: string): ts.TextChangeRange {
  return changeRange(textChange(before, after));
}

/**
 * Owned by an editor session per document. An edit inside one definition is read from a skeleton of the file (see
 * shared/declarationCache); any other edit re-parses the whole file incrementally from the last tree, which may be
 * a few edits old: the change between its text and the new one covers them all.
 */
export class TypeScriptParse {
  private tree?: ParsedText;
  readonly skeletons = new SkeletonTrees();
  private extraction?: CachedExtraction;
  /** Statement entries by statement text, so that an edit summarizes only the statement it changed. */
  private readonly entries = new Map<string, StatementEntry>();
  /** How many extractions read only what an edit affected, and how many the whole file (tests and the bench read it). */
  readonly extractions = { partial: 0, whole: 0 };
  /**
   * Set when the last extraction's facts are the one before's moved by an edit (it affected no statement holding
   * any): the text they were read from, the edit, and the exports before and after it (which read the same to
   * importers). What was derived from those facts can be moved the same way.
   */
  movedFacts?: { from: string; change: TextChange; exports: { before: ExportSummary; after: ExportSummary } };

  /** The whole file's tree for `text`. */
  private parse(file: string, text: string): ts.SourceFile {
    const previous = this.tree;
    if (previous?.text === text && previous.sourceFile.fileName === file) return previous.sourceFile;
    this.tree = undefined;
    const sourceFile = parseAgain(previous, file, text);
    this.tree = { text, sourceFile };
    return sourceFile;
  }

  /**
   * The facts of `text`. With an `environment` (what else the extraction reads: config, imported modules) equal to
   * the last extraction's, only what the edit can affect is extracted again; the result equals a whole-file
   * extraction.
   */
  extract(file: string, text: string, options: ExtractOptions, environment?: string): ExtractedFacts {
    const previous = this.extraction;
    this.extraction = undefined;
    this.movedFacts = undefined;
    const reusable = previous && environment !== undefined && previous.environment === environment && previous.facts.file === file;
    // The same text read under the same environment: the same facts (a document analysed again for its settings).
    if (reusable && previous.text === text) {
      this.extraction = previous;
      this.movedFacts = { from: text, change: { start: 0, oldEnd: 0, delta: 0 }, exports: { before: previous.facts.exports, after: previous.facts.exports } };
      return previous.facts;
    }
    if (reusable) {
      // After a whole-file extraction the tree is the previous text's.
      const partial = unlessTooDeep(() => {
        const statements = previous.statements ?? (this.tree?.text === previous.text ? summarizeStatements(this.tree.sourceFile, this.entries) : undefined);
        return statements && reextractDeclarations(file, text, { ...previous, statements }, typeScriptSkeletons(file, options, () => this.parse(file, text), this.skeletons));
      });
      if (partial) {
        this.extractions.partial++;
        this.extraction = { text, environment, facts: partial.facts, statements: partial.statements, errors: partial.errors };
        if (partial.moved) this.movedFacts = { from: previous.text, change: partial.moved, exports: { before: previous.facts.exports, after: partial.facts.exports } };
        return partial.facts;
      }
    }
    const sourceFile = this.parse(file, text);
    const facts = extractTypeScript(file, sourceFile, options);
    this.extractions.whole++;
    if (environment !== undefined) this.extraction = { text, environment, facts, errors: syntaxErrorsOf(sourceFile) };
    return facts;
  }

  /**
   * Summarizes the statements of a whole-file extraction ahead of the next edit, which would do it otherwise: an
   * editor calls it once idle after publishing, so that the first keystroke pays only for itself.
   */
  prepare(): void {
    const extraction = this.extraction;
    const tree = this.tree;
    if (extraction && !extraction.statements && tree?.text === extraction.text) extraction.statements = unlessTooDeep(() => summarizeStatements(tree.sourceFile, this.entries));
  }

  release(): void {
    this.tree = undefined;
    this.skeletons.clear();
    this.movedFacts = undefined;
    this.extraction = undefined;
    this.entries.clear();
  }
}
