import type { CallSite, ClientConstruction, OptionMap, SdkId } from './callSite';
import type { ExportSummary } from './exports';
import type { OwnerTag } from './ownerTags';
import type { LineEnding, Language, Span } from './span';
import type { Suppression } from './suppressions';

export interface FileFacts {
  file: string;
  language: Language;
  callSites: CallSite[];
  clients: ClientConstruction[];
  /** Runs of graphs built by hand in this file, when there are any. */
  graphRuns?: GraphRun[];
  /** Syntax errors the parser reported; rules still run on what could be read. */
  parseErrors: number;
  /** The top-level code around syntax errors; fixes do not edit inside it. */
  brokenRegions: Span[];
  /** How the file breaks lines; fix edits are written with it. */
  lineEnding: LineEnding;
  /** Where the walk met nesting deeper than it reads: the code nested below that point was not analysed. */
  unreadFrom?: number;
  /** Names declared or imported at the top of the file, so fixes only use what is in scope. */
  moduleNames: Set<string>;
  /** `prodready-ignore-next-line` directives and waivers in the file. */
  suppressions: Suppression[];
  /** What other modules can import from this one. */
  exports: ExportSummary;
  /** `@owner` tags in comments. */
  ownerTags: OwnerTag[];
  /** Observability written in the file, for the workspace checklist: read from the text when kept without it. */
  textSignals?: TextSignals;
}

/**
 * A run of a graph built by hand from an SDK's graph builder (a compiled LangGraph `StateGraph`), or a run config
 * bound to one (`withConfig`). It is no model request (the model calls are in the graph's nodes), so it is not a call
 * site; a graph with a cycle runs until its step cap.
 */
export interface GraphRun {
  /** The whole call (`graph.invoke(…)`, `graph.withConfig(…)`). */
  span: Span;
  sdk: SdkId;
  /** The module the graph builder was imported from (`@langchain/langgraph`, `langgraph.graph`). */
  module: string;
  language: Language;
  /** The method as written (`invoke`, `astream`, `withConfig`). */
  method: string;
  /** The run config as written, read as call options are (a config the file does not show is a spread). */
  config: OptionMap;
}

/** Where a file first shows tracing set up, token usage read, latency measured. */
export interface TextSignals {
  tracing?: TextMark;
  usage?: TextMark;
  latency?: TextMark;
}

export interface TextMark {
  span: Span;
  text: string;
}

/** What an extractor reads from syntax; the rest of `FileFacts` is read from the text by the engine. */
export type ExtractedFacts = Omit<FileFacts, 'suppressions' | 'ownerTags' | 'lineEnding' | 'textSignals'>;
