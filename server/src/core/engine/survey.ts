// What a workspace scan learns of one file from its text alone, before the scan decides what to parse: what the file
// may reach, and its check should it not be parsed. It reads no other file and no project state, so it is the same
// whichever thread computes it and in whatever order: a reader may compute it ahead (in worker threads) and hand it to
// `Engine.checkFiles`, which otherwise computes it itself.
import type { RuleLevel } from '../config/config';
import type { RuleId } from '../model';
import { describeSkip, type FileAnalysis, type SkipReason } from './analyzeFile';
import type { LoadedConfig } from './configs';
import type { FileRead } from './host';
import { textReach, type TextReach } from './scanReach';

/** A file that was not analysed (in full), and why, in one line. */
export interface EngineNotice {
  file: string;
  message: string;
}

/** The engine as a survey uses it: one file's analysis with the scan's settings. */
export interface FileAnalyzer {
  analyzeFile(request: ScanSettings & { file: string; text: string; ignoreExcludes: boolean; textOnly: boolean }):
    | { status: 'analysed'; analysis: FileAnalysis }
    | { status: 'skipped'; reason: SkipReason }
    | { status: 'excluded' };
}

/** One file's part of a scan: its analysis (when it was analysed) and its notices. */
export interface FileCheck {
  analysis?: FileAnalysis;
  notices: EngineNotice[];
}

/** What every file of one scan is checked with. */
export interface ScanSettings {
  /** The scanned folder: ownership is read from there. */
  root?: string;
  config: LoadedConfig;
  /** Per-rule levels over the config's and its overrides (the CLI's `--rule`). */
  ruleLevels?: Partial<Record<RuleId, RuleLevel>>;
  /** YYYY-MM-DD waivers are judged against, the same for every file of the scan; today unless given. */
  today?: string;
}

export interface FileSurvey {
  /** Undefined when the file could not be read or is in no language prodready reads. */
  reach?: TextReach;
  /** Its check as a file that holds no AI call, when asked for: used if the scan does not parse it. */
  unparsed?: FileCheck;
}

/** A file's survey from its read; with `unparsed`, its check as a file the scan does not parse too. */
export function surveyFile(engine: FileAnalyzer, file: string, read: FileRead, settings: ScanSettings, unparsed: boolean): FileSurvey {
  const reach = 'text' in read ? textReach(file, read.text) : undefined;
  return unparsed ? { reach, unparsed: checkUnparsed(engine, file, read, settings) } : { reach };
}

/** The check of a file the scan does not parse: it cannot hold an AI call, so only its waivers and owner tags are read. */
export function checkUnparsed(engine: FileAnalyzer, file: string, read: FileRead, settings: ScanSettings): FileCheck {
  if ('error' in read) return { notices: [{ file, message: `skipped, ${read.error}.` }] };
  const { root, config, ruleLevels, today } = settings;
  const outcome = engine.analyzeFile({ file, text: read.text, root, config, ignoreExcludes: true, ruleLevels, today, textOnly: true });
  if (outcome.status === 'skipped') {
    const quiet = outcome.reason.kind === 'unsupported' || outcome.reason.kind === 'parser-unavailable';
    return { notices: quiet ? [] : [{ file, message: describeSkip(outcome.reason) }] };
  }
  if (outcome.status !== 'analysed') return { notices: [] };
  const { analysis } = outcome;
  return { analysis, notices: analysis.notice ? [{ file, message: analysis.notice }] : [] };
}
