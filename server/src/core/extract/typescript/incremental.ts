// An open document's last TypeScript parse and extraction, so that the next keystroke re-parses only what changed
// and re-extracts only the definitions the edit can affect.
import type { ExtractedFacts } from '../../model';
import { reextractDeclarations, textChange, unlessTooDeep, type CachedExtraction, type StatementEntry } from '../shared/declarationCache';
import type { ExtractOptions } from './context';
import { changeRange, summarizeStatements, typeScriptSkeletons } from './declarationCache';
import { extractTypeScript } from './extractor';
import { parseOptions, parseTypeScript, syntaxErrorsOf } from './syntax';
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
  private tree?: { text: string; sourceFile: ts.SourceFile };
  private extraction?: CachedExtraction;
  /** Statement entries by statement text, so that an edit summarizes only the statement it changed. */
  private readonly entries = new Map<string, StatementEntry>();
  /** How many extractions read only what an edit affected, and how many the whole file (tests and the bench read it). */
  readonly extractions = { partial: 0, whole: 0 };

  /** The whole file's tree for `text`. */
  private parse(file: string, text: string): ts.SourceFile {
    const previous = this.tree;
    if (previous?.text === text && previous.sourceFile.fileName === file) return previous.sourceFile;
    // The incremental parser reuses the old tree's nodes: it is not read again after this. From a tree with syntax
    // errors it can recover otherwise than a fresh parse does (the property test found such edits): parsed afresh.
    this.tree = undefined;
    const reusable = previous && previous.sourceFile.fileName === file && previous.sourceFile.languageVersion === parseOptions().languageVersion;
    const sourceFile =
      reusable && syntaxErrorsOf(previous.sourceFile).length === 0
        ? ts.updateSourceFile(previous.sourceFile, text, changeBetween(previous.text, text))
        : parseTypeScript(file, text);
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
    const reusable = previous && environment !== undefined && previous.environment === environment && previous.facts.file === file;
    // The same text read under the same environment: the same facts (a document analysed again for its settings).
    if (reusable && previous.text === text) {
      this.extraction = previous;
      return previous.facts;
    }
    if (reusable) {
      // After a whole-file extraction the tree is the previous text's.
      const partial = unlessTooDeep(() => {
        const statements = previous.statements ?? (this.tree?.text === previous.text ? summarizeStatements(this.tree.sourceFile, this.entries) : undefined);
        return statements && reextractDeclarations(file, text, { ...previous, statements }, typeScriptSkeletons(file, options, () => this.parse(file, text)));
      });
      if (partial) {
        this.extractions.partial++;
        this.extraction = { text, environment, facts: partial.facts, statements: partial.statements, errors: partial.errors };
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
    this.extraction = undefined;
    this.entries.clear();
  }
}
