// Messages between the prodready client and server beyond standard LSP; imported by both sides.
import { NotificationType, RequestType } from 'vscode-languageserver-protocol';
import type { Inventory, ReadinessReport } from './core/readiness/types';

export type * from './core/readiness/types';

/**
 * What an open document's diagnostic carries in `data`: the analysis it came from (the document's version) and its
 * finding there; stale once the version moves on. Code actions read the fixes from that analysis, so a keystroke's
 * diagnostics do not carry every fix's edits.
 */
export interface DiagnosticData {
  version: number;
  ruleId: string;
  /** The finding's index in the analysis of `version`. */
  finding: number;
}

export type ServerState = 'indexing' | 'ready' | 'warning';

export interface StatusParams {
  state: ServerState;
  /** Shown in the status bar tooltip; a warning is also written to the output channel. */
  message: string;
  uri?: string;
  /** While indexing: source files read so far, of how many. */
  progress?: { done: number; total: number };
  /** When ready: the findings in the workspace (in open files only with `prodready.scope: openFiles`). */
  findings?: number;
}

/**
 * Server → client: how the server is doing (indexing, ready with a count of findings) and what the user should know
 * that is not a diagnostic (a rule failed, a file was skipped).
 */
export const StatusNotification = new NotificationType<StatusParams>('prodready/status');

export const SOURCE = 'prodready';

/** Client commands code actions may run, when the client offers them (`initializationOptions.commands`). */
export const ClientCommands = {
  /** `(uri, range)`: selects the range in the editor, so the waiver's reason can be typed over. */
  selectRange: 'prodready.selectRange',
  /** `(ruleId)`: the rule's page, rendered, offline. */
  showRuleDocumentation: 'prodready.showRuleDocumentation',
} as const;
export const FIX_ALL_KIND = 'source.fixAll.prodready';

export interface WorkspaceParams {
  /** The workspace folder; the first one when absent. */
  folderUri?: string;
  /** List the folder's files again (new manifests, eval suites, CODEOWNERS) instead of using the last listing. */
  refresh?: boolean;
}

/** Paths inside the report are relative to `folderUri`. */
export interface ReadinessResult {
  folderUri: string;
  report: ReadinessReport;
}

export interface InventoryResult {
  folderUri: string;
  inventory: Inventory;
}

/** The production-readiness checklist of a workspace folder; null when the server has no folder. */
export const ReadinessRequest = new RequestType<WorkspaceParams, ReadinessResult | null, void>('prodready/readiness');
/** Every AI call site with owner and findings, and the ownership map. */
export const InventoryRequest = new RequestType<WorkspaceParams, InventoryResult | null, void>('prodready/inventory');
/** Server → client: analyses changed; views showing readiness or inventory should ask again. */
export const ReadinessChangedNotification = new NotificationType<WorkspaceParams>('prodready/readinessChanged');

/** Client → server: list the workspace again and re-read what changed ("Scan Workspace"); answers when done. */
export const ScanWorkspaceRequest = new RequestType<WorkspaceParams, null, void>('prodready/scanWorkspace');
