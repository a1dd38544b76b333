// What the declaration cache knows of a top-level statement, and of a syntax error, for every language.

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
