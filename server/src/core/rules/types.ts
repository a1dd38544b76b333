import type { ApiFacts, SdkFacts } from '../catalog';
import type { ModelRegistry } from '../catalog/modelRegistry';
import type { LanguageFixer, TextEdit } from '../model';
import type { CallSite, ClientConstruction, FileFacts, Language, Span } from '../model';
import type { Category, Finding, Fix, RuleId, Severity } from '../model';

export type { Category, Finding, Fix, RuleId, Severity };

export interface RuleMeta {
  id: RuleId;
  /** kebab-case name users see beside the id. */
  name: string;
  category: Category;
  /** The rule's level in the `recommended` preset, the default: what blocks a production review warns or errs. */
  defaultSeverity: Severity;
  /** The rule's level in the `strict` preset: nothing stays informational. */
  strictSeverity: Severity;
  docs: RuleDocs;
  /** Fix safety as in ruff: only `safe` fixes are preferred and applied by fix-all and `--fix`. */
  fixable?: 'safe' | 'review';
  /** Also run at calls of project wrappers, for what the caller does with the answer (a wrapper returns model output). */
  judgesWrapperCalls?: boolean;
  /** Message and fix-title templates by id; `{{name}}` is filled from the report's data. */
  messages: Record<string, string>;
}

/**
 * What a rule is for, in one place. The rule's page (docs/rules/<id>.md) repeats `summary` as its lead paragraph
 * and `why` as its "Why it matters in production" section, word for word (test/unit/docs.test.ts checks it);
 * SARIF and the editor read them from here.
 */
export interface RuleDocs {
  /** One sentence: what the rule asks of the code (SARIF `shortDescription`). */
  summary: string;
  /** The production failure the rule prevents, as one paragraph of plain text (SARIF `fullDescription`). */
  why: string;
  /** Why the rule has its level in each preset, one or two sentences (the page's "Severity" section). */
  severity: string;
  /**
   * The rule's page: a URL reference relative to the package root (`docs/rules/AIR001.md`, shipped in the
   * extension and beside the CLI, so it works offline), or an absolute URL. Surfaces resolve it against the
   * folder they run from with `ruleDocsHref` (the diagnostic's `codeDescription`, SARIF `helpUri`).
   */
  url: string;
}

/** Settings a rule reads; defaults come from config.ts. */
export interface RuleSettings {
  timeoutMs: number;
  maxOutputTokens: number;
  retries: number;
}

export interface FixProposal {
  messageId: string;
  data?: Record<string, string | number>;
  edits: TextEdit[];
  /** A fix less certain than the rule's declared safety (an alternative placement) is never preferred. */
  alternative?: boolean;
}

export interface Report {
  messageId: string;
  /** One step below the rule's configured severity, for the milder form of a problem. */
  milder?: boolean;
  data?: Record<string, string | number>;
  span: Span;
  fixes?: FixProposal[];
}

export interface RuleContext {
  readonly settings: RuleSettings;
  readonly models: ModelRegistry;
  /** YYYY-MM-DD, for waivers that end. */
  readonly today: string;
  /** The audit call fixes write, already checked to be in scope in this file (else `console.info`). */
  readonly auditCall: { call: string; style: 'message-first' | 'object-first' };
  /** The first configured redaction function this file can call, if any. */
  readonly redactorInScope: string | undefined;
  /** The project names owners somewhere (CODEOWNERS, config rules, tags in this file): unowned calls are gaps. */
  readonly ownershipDeclared: boolean;
  readonly fixer: LanguageFixer;
  /** The clients built in this file. */
  readonly clients: readonly ClientConstruction[];
  sdkFacts(site: { sdk: string; module?: string; language?: Language }): SdkFacts | undefined;
  apiFacts(site: CallSite): ApiFacts | undefined;
  report(report: Report): void;
}

/** One rule module: metadata plus pure, synchronous checks over the call-site model. */
export interface Rule {
  meta: RuleMeta;
  checkCallSite?(site: CallSite, context: RuleContext): void;
  checkClient?(client: ClientConstruction, context: RuleContext): void;
  /** Once per file, for facts that are not about one call (waivers). */
  checkFile?(facts: FileFacts, context: RuleContext): void;
}

