// What readers ask the engine and what it answers: one file, a scan of many, the workspace snapshot.
import type { Preset, RuleLevel } from '../config/config';
import type { Finding, RuleId } from '../model';
import type { OwnershipSources } from '../ownership/owners';
import type { DocumentParse, FileAnalysis, RuleFailure, SkipReason } from './analyzeFile';
import type { LoadedConfig } from './configs';
import type { EngineNotice, FileSurvey, ScanSettings } from './survey';

/** One file to analyse (or fix), with what the reader knows about where it sits. */
export interface FileRequest {
  file: string;
  text: string;
  /** The workspace (or scanned) folder holding the file: config search stops there, ownership is read from there. */
  root?: string;
  /** The config to apply instead of the nearest one. */
  config?: LoadedConfig;
  /** More globs of files never analysed, relative to `root` (the editor's setting). */
  exclude?: readonly string[];
  /** Analyse even when an exclude glob matches (the file was named explicitly). */
  ignoreExcludes?: boolean;
  /** Per-rule levels over the config's (the editor's settings). */
  ruleLevels?: Partial<Record<RuleId, RuleLevel>>;
  /** The preset when the config file names none (the editor's setting). */
  preset?: Preset;
  /** The previous parse of this open document, for an incremental re-parse. */
  previousParse?: DocumentParse;
  /** Apply every safe fix until none is left (as `eslint --fix`). */
  fix?: boolean;
  /** The file cannot hold an AI call (a scan read so from its text and imports): it is not parsed. */
  textOnly?: boolean;
  /** YYYY-MM-DD waivers are judged against; today unless given. */
  today?: string;
}

export type FileResult =
  | {
      status: 'analysed';
      analysis: FileAnalysis;
      config: LoadedConfig;
      /** Files whose analysis read this file's previous exports: they are stale now. */
      staleReaders: string[];
      /** With `fix`: the fixed text and the findings fixed in it (none when nothing was fixable). */
      fixed?: { text: string; findings: Finding[] };
    }
  | { status: 'skipped'; reason: SkipReason }
  | { status: 'excluded' };

export interface CheckRequest extends ScanSettings {
  files: readonly string[];
  fix?: boolean;
  /** Told each file as its analysis starts (a progress line). */
  onFile?: (file: string, index: number, total: number) => void;
  /**
   * Surveys of the files made elsewhere with the same settings (on worker threads), asked for in file order as the
   * scan reaches each file; undefined for a file means none was made: it is surveyed here.
   */
  surveys?: { get(file: string): FileSurvey | undefined };
}

export interface CheckResult {
  analyses: FileAnalysis[];
  /** In file order: files not read, not analysed (in full) or not written. */
  notices: EngineNotice[];
  /** The first failure of each rule that threw. */
  failures: RuleFailure[];
  fixed: { problems: number; files: number };
}

export interface SnapshotRequest {
  root: string;
  files: readonly string[];
  analyses: readonly FileAnalysis[];
  config: LoadedConfig;
  ownership?: OwnershipSources;
  ruleLevels?: Partial<Record<RuleId, RuleLevel>>;
  /** The preset when the config file names none (the editor's setting). */
  preset?: Preset;
  /** YYYY-MM-DD the price table's age is judged against; today unless given. */
  today?: string;
}
