// What the declaration cache knows of a top-level statement, of a syntax error and of the last extraction, and what
// it needs from a language.
import type { ExtractedFacts } from '../../model';
import type { Placed } from './skeleton';

/**
 * One top-level statement as the declaration cache sees it. The sets over-approximate: a name in two statements'
 * sets makes them depend on each other even when resolution would not connect them, never the reverse.
 */
export interface StatementSummary {
  /**
   * Names other statements can reach it by: top-level bindings and imports, and anywhere in it named functions,
   * methods, class fields, classes and types (wrappers are found by a call's leaf name, schemas by type name).
   */
  declares: ReadonlySet<string>;
  /** Every identifier in it (and `this`, `super`). */
  mentions: ReadonlySet<string>;
  /** Names it may store a value into: assignment targets, `++`/`delete` operands, receivers of storing calls. */
  writes: ReadonlySet<string>;
  /** A function, class or type definition that runs no call when the module loads: nothing in it is top-level code. */
  definition: boolean;
  /** The names it exports, in the order the extractor's export reading sets them. */
  exportNames: string[];
  /** The modules it passes on whole (`export * from`, `from m import *`), in order. */
  star: string[];
  /**
   * It declares a function that calls (or passes on) what it is given: its facts depend on what its callers pass, so
   * a statement that names it and changes makes it change too.
   */
  readsCallers?: boolean;
  /**
   * The names it binds in the module, when its language gives them (a Python class binds its attributes there too);
   * else they are read from the skeleton and the last analysis.
   */
  moduleNames?: readonly string[];
}

/** A top-level statement's text and what it can affect, shared by every version of the file that holds it. */
export interface StatementEntry {
  summary: StatementSummary;
}

/** A statement of an analysed text: where it is, and its entry. */
export interface SummarizedStatement {
  pos: number;
  end: number;
  entry: StatementEntry;
}

/** A syntax error as the parser reports it: where, how long, which. Two parses of one broken statement agree on all three. */
export interface SyntaxErrorAt {
  start: number;
  length: number;
  code: number;
}

/** The last extraction of an open document, and its statements once summarized. */
export interface CachedExtraction {
  text: string;
  /** What the extraction read besides the text (config, imported modules); reused only under the same. */
  environment: string;
  facts: ExtractedFacts;
  statements?: SummarizedStatement[];
  /** The text's syntax errors, where the language reports them (TypeScript): an edit inside the statement holding them all is read in part. */
  errors?: readonly SyntaxErrorAt[];
}

/** What the declaration cache needs from a language. */
export interface SkeletonLanguage {
  /** The summary of a statement's text parsed on its own, when it is one statement without syntax errors. */
  summarizeAlone(source: string): StatementSummary | undefined;
  /**
   * The whole edited file parsed (asked only when the edited statement cannot be read from a skeleton or alone): its
   * statements' places, the summary of one, and its syntax errors.
   */
  wholeFile?(): { placed: readonly Placed[]; summaryAt(index: number): StatementSummary; errors: readonly SyntaxErrorAt[] };
  /**
   * A statement that reads nothing and binds nothing (`{}`, `pass`): it stands for statements a skeleton leaves
   * out, so that the statements around them end and start where they did.
   */
  placeholder: string;
  /** What starts a comment running to the end of its line. */
  lineComment: string;
  /** The skeleton's facts, when it parses with its statements at `placed`. */
  extractSkeleton(text: string, placed: readonly Placed[]): ExtractedFacts | undefined;
  /**
   * The skeleton parsed once, when its statements sit at `placed`: a statement's summary can be read from it, its
   * facts, and its syntax errors. A language offering it has the edited statement summarized in place, and edits
   * that leave syntax errors read in part.
   */
  parseSkeleton?(text: string, placed: readonly Placed[]): ParsedSkeleton | undefined;
}

export interface ParsedSkeleton {
  summaryAt(index: number): StatementSummary;
  extract(): ExtractedFacts;
  errors: readonly SyntaxErrorAt[];
}

/** The one span of `before` replaced to make `after` (`textChange` finds it). */
export interface TextChange {
  start: number;
  oldEnd: number;
  delta: number;
}
