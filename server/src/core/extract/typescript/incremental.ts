// An open document's last TypeScript parse and extraction, so that the next keystroke re-parses only what changed
// and re-extracts only the definitions the edit can affect.
import type { ExtractedFacts } from '../../model';
import type { ExtractOptions } from './context';
import { reextractDeclarations, summarizeStatements, type CachedExtraction } from './declarationCache';
import type { StatementSummary } from './declarations';
import { extractTypeScript } from './extractor';
import { parseOptions, parseTypeScript } from './syntax';
import { ts } from './ts';

/**
 * Owned by an editor session per document; each analysis re-parses from the tree it left. The edit is found by
 * comparing the texts (a common prefix and suffix): it covers every change since the last analysis, however many
 * keystrokes the debounce merged, and costs one pass over the text against the parse's many.
 */
export class TypeScriptParse {
  private text?: string;
  private sourceFile?: ts.SourceFile;
  private extraction?: CachedExtraction;
  /** How many extractions read only what an edit affected, and how many the whole file (the bench reports it). */
  readonly extractions = { partial: 0, whole: 0 };
  /** Statement summaries by statement text, so that an edit summarizes only the statement it changed. */
  private readonly summaries = new Map<string, StatementSummary>();

  parse(file: string, text: string): ts.SourceFile {
    const previous = this.sourceFile;
    // The incremental parser reuses the old tree's nodes: it is not read again after this.
    this.sourceFile = undefined;
    this.extraction = undefined;
    const sourceFile =
      previous && this.text !== undefined && previous.fileName === file && previous.languageVersion === parseOptions().languageVersion
        ? ts.updateSourceFile(previous, text, changeBetween(this.text, text))
        : parseTypeScript(file, text);
    this.text = text;
    this.sourceFile = sourceFile;
    return sourceFile;
  }

  /**
   * The facts of `text`. With an `environment` (what else the extraction reads: config, imported modules) equal to
   * the last extraction's, only what the edit can affect is extracted again; the result equals a whole-file
   * extraction.
   */
  extract(file: string, text: string, options: ExtractOptions, environment?: string): ExtractedFacts {
    const previous = this.extraction;
    const reusable = previous && environment !== undefined && previous.environment === environment && this.sourceFile?.fileName === file && this.text === previous.text;
    // Summarized before the re-parse moves the old tree's nodes.
    const statements = reusable ? (previous.statements ?? summarizeStatements(this.sourceFile!, this.summaries)) : undefined;
    const sourceFile = this.parse(file, text);
    const partial =
      reusable && statements ? reextractDeclarations(file, sourceFile, { ...previous, statements }, textChange(previous.text, text), options) : undefined;
    const facts = partial?.facts ?? extractTypeScript(file, sourceFile, options);
    this.extractions[partial ? 'partial' : 'whole']++;
    if (environment !== undefined) this.extraction = { text, environment, facts, statements: partial?.statements };
    return facts;
  }

  release(): void {
    this.text = undefined;
    this.sourceFile = undefined;
    this.extraction = undefined;
    this.summaries.clear();
  }
}

function textChange(before: string, after: string) {
  const { span, newLength } = changeBetween(before, after);
  return { start: span.start, oldEnd: span.start + span.length, delta: newLength - span.length };
}

/** The one span of `before` replaced to make `after`. */
export function changeBetween(before: string, after: string): ts.TextChangeRange {
  const shorter = Math.min(before.length, after.length);
  let start = 0;
  while (start < shorter && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let end = 0;
  while (end < shorter - start && before.charCodeAt(before.length - 1 - end) === after.charCodeAt(after.length - 1 - end)) end++;
  return ts.createTextChangeRange(ts.createTextSpan(start, before.length - start - end), after.length - start - end);
}
