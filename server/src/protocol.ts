// Messages between the prodready client and server beyond standard LSP; imported by both sides.
import { NotificationType } from 'vscode-languageserver-protocol';
import type { TextEdit } from 'vscode-languageserver-protocol';

/** Carried in `Diagnostic.data` so code actions need no server-side state; stale once the version moves on. */
export interface DiagnosticData {
  version: number;
  ruleId: string;
  fixes: { title: string; edits: TextEdit[]; isPreferred: boolean }[];
  /** The line a suppression comment goes above, with its indentation. */
  suppress: { line: number; indent: string };
}

export type ServerState = 'ready' | 'warning';

export interface StatusParams {
  state: ServerState;
  /** Shown in the status bar tooltip and written to the output channel. */
  message: string;
  uri?: string;
}

/** Server → client: something the user should know that is not a diagnostic (a rule failed, a file was skipped). */
export const StatusNotification = new NotificationType<StatusParams>('prodready/status');

export const SOURCE = 'prodready';
export const FIX_ALL_KIND = 'source.fixAll.prodready';
