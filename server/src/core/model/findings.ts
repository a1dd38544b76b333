import type { Span } from './span';
import type { TextEdit } from './fixes';

// What rules produce: findings with their fixes. Readers (LSP, CLI, sidebar) show them; suppressions hide them.

export type Severity = 'error' | 'warning' | 'info' | 'hint';
export type Category = 'P' | 'R' | 'O' | 'D' | 'U';

export type RuleId =
  | 'AIR001'
  | 'AIR002'
  | 'AIR003'
  | 'AIR004'
  | 'AIR005'
  | 'AIR006'
  | 'AIR007'
  | 'AIR008'
  | 'AIR009'
  | 'AIR010'
  | 'AIR011'
  | 'AIR012'
  | 'AIR013'
  | 'AIR014'
  | 'AIR015';

export interface Fix {
  title: string;
  edits: TextEdit[];
  isPreferred: boolean;
}

export interface Finding {
  ruleId: RuleId;
  messageId: string;
  message: string;
  severity: Severity;
  file: string;
  span: Span;
  /** The call or construction the finding is about; a suppression above it covers the finding. */
  subjectSpan: Span;
  data: Record<string, string | number>;
  fixes: Fix[];
}

/** A rule that threw on a file: its findings there are missing, the other rules' are complete. */
export interface RuleFailure {
  ruleId: RuleId;
  file: string;
  error: string;
}
