// An open Python document's last parse and extraction, so that the next keystroke parses incrementally and
// re-extracts only the definitions the edit can affect.
import type { ExtractedFacts } from '../../model';
import { withLfLineBreaks } from '../../model';
import { reextractDeclarations, unlessTooDeep, type CachedExtraction, type StatementEntry } from '../shared/declarationCache';
import type { PythonExtractOptions } from './context';
import { pythonSkeletons, summarizeStatements } from './declarationCache';
import { extractPython } from './extractor';
import { parsePython, pythonParserGeneration, type PyTree } from './parser';

/**
 * A Python document's last parse, owned by an editor session so the next keystroke parses incrementally. Starts
 * empty; each analysis leaves its tree here. The owner calls `release` when the document closes. Trees live in
 * WebAssembly memory: each is deleted when replaced, unless the runtime that made it is gone.
 */
export class PythonParse {
  text?: string;
  tree?: PyTree;
  /** The parser runtime the trees belong to: after a restart they are dropped, their memory being gone. */
  generation = 0;
  private extraction?: CachedExtraction & { options?: PythonExtractOptions };
  /** Statement entries by statement text, so that an edit summarizes only the statement it changed. */
  private readonly entries = new Map<string, StatementEntry>();
  /** How many extractions read only what an edit affected, and how many the whole file (tests and the bench read it). */
  readonly extractions = { partial: 0, whole: 0 };

  /** The last tree, when it can seed the next parse. */
  reusable(): { text: string; tree: PyTree } | undefined {
    if (this.generation !== pythonParserGeneration()) this.forget();
    return this.tree && this.text !== undefined ? { text: this.text, tree: this.tree } : undefined;
  }

  keep(text: string, tree: PyTree): void {
    this.releaseTree();
    this.tree = tree;
    this.text = text;
    this.generation = pythonParserGeneration();
  }

  /**
   * The facts of `original`. With an `environment` (what else the extraction reads: config, imported modules) equal
   * to the last extraction's, only what the edit can affect is extracted again; the result equals a whole-file
   * extraction.
   */
  extract(file: string, original: string, options: PythonExtractOptions, environment?: string): ExtractedFacts {
    // Python reads a lone CR as a line break; tree-sitter's grammar does not. Its LF view has the same offsets.
    const text = withLfLineBreaks(original);
    const previous = this.extraction;
    this.extraction = undefined;
    if (this.generation !== pythonParserGeneration()) this.forget();
    const reusable = previous && environment !== undefined && previous.environment === environment && previous.facts.file === file;
    // The same text read under the same environment: the same facts (a document analysed again for its settings).
    if (reusable && previous.text === text) {
      this.extraction = previous;
      return previous.facts;
    }
    if (reusable && this.tree) {
      // After a whole-file extraction the tree is the previous text's.
      const tree = this.tree;
      const partial = unlessTooDeep(() => {
        const statements = previous.statements ?? (this.text === previous.text ? summarizeStatements(file, previous.text, tree.rootNode, options, this.entries) : undefined);
        return statements && reextractDeclarations(file, text, { ...previous, statements }, pythonSkeletons(file, options));
      });
      if (partial) {
        this.extractions.partial++;
        this.extraction = { text, environment, facts: partial.facts, statements: partial.statements };
        return partial.facts;
      }
    }
    let tree: PyTree;
    try {
      tree = parsePython(text, this.reusable());
    } catch (error) {
      // The parse edited the kept tree for this text before failing: the next one starts from nothing.
      this.release();
      throw error;
    }
    this.keep(text, tree);
    this.extractions.whole++;
    const facts = extractPython(file, tree, options);
    if (environment !== undefined) this.extraction = { text, environment, facts, options };
    return facts;
  }

  /**
   * Summarizes the statements of a whole-file extraction ahead of the next edit, which would do it otherwise: an
   * editor calls it once idle after publishing, so that the first keystroke pays only for itself.
   */
  prepare(): void {
    const extraction = this.extraction;
    if (this.generation !== pythonParserGeneration() || !extraction?.options || extraction.statements || !this.tree || this.text !== extraction.text) return;
    const { tree } = this;
    const { options } = extraction;
    extraction.statements = unlessTooDeep(() => summarizeStatements(extraction.facts.file, extraction.text, tree.rootNode, options, this.entries));
  }

  release(): void {
    this.releaseTree();
    this.forget();
  }

  private releaseTree(): void {
    if (this.generation === pythonParserGeneration()) this.tree?.delete();
    this.tree = undefined;
    this.text = undefined;
  }

  private forget(): void {
    this.tree = undefined;
    this.text = undefined;
    this.extraction = undefined;
    this.entries.clear();
  }
}

/** A Python file's facts without a document session: parsed, read, and the tree deleted. */
export function extractPythonText(file: string, original: string, options: PythonExtractOptions): ExtractedFacts {
  const tree = parsePython(withLfLineBreaks(original));
  try {
    return extractPython(file, tree, options);
  } finally {
    tree.delete();
  }
}
