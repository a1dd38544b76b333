import type { ConcernId } from '../config/governance';
import type { OwnerSource } from '../model';
import type { Category, RuleId, Severity } from '../rules';

// What the sidebar, the Markdown report and the custom LSP requests carry. Plain data: paths are relative to the
// workspace root with `/` separators, lines and columns 1-based.

export type ItemStatus = 'pass' | 'fail' | 'unknown';

/** A place that shows why an item has its status. */
export interface Evidence {
  label: string;
  /** For a call site an item counted: how it counted. */
  status?: ItemStatus;
  file?: string;
  line?: number;
  column?: number;
}

/** What the user can do about an item from the sidebar. */
export type ReadinessAction =
  | { kind: 'open'; title: string; file: string; line: number; column: number }
  | { kind: 'createConfig'; title: string }
  | { kind: 'addCodeowners'; title: string; pattern: string }
  | { kind: 'addOwnershipRule'; title: string; pattern: string };

export interface ReadinessItem {
  /** Stable id, e.g. `R.timeouts`. */
  id: string;
  category: Category;
  title: string;
  status: ItemStatus;
  /** One line: "14 of 17 call sites", "declared in .prodready.json". */
  summary: string;
  /** For items counted over call sites: how many passed, of how many, and how many could not be told. */
  counts?: { passing: number; total: number; unknown?: number };
  /** Failing places first, then unknown, then passing; at most `MAX_EVIDENCE`, with `more` counting the rest. */
  evidence: Evidence[];
  moreEvidence: number;
  /** What it would take to pass, for items that do not. */
  toPass?: string;
  action?: ReadinessAction;
  /** The rule whose findings decide the item, when one does. */
  ruleId?: RuleId;
}

export interface ReadinessCategory {
  id: Category;
  title: string;
  items: ReadinessItem[];
}

export interface ReadinessReport {
  /** Share of items that pass, 0–100. */
  score: number;
  passed: number;
  failed: number;
  unknown: number;
  callSites: number;
  files: number;
  categories: ReadinessCategory[];
  /** "Title: what to do", for every item that does not pass. */
  toPass: string[];
}

export interface InventoryFinding {
  ruleId: RuleId;
  severity: Severity;
  message: string;
  line: number;
  column: number;
}

export interface InventoryRow {
  id: string;
  file: string;
  line: number;
  column: number;
  sdk: string;
  /** The SDK's display name (`OpenAI`, `Vercel AI SDK`). */
  provider: string;
  api: string;
  operation: string;
  streaming: boolean;
  model?: string;
  /** The values a model set at run time can take, when all of them are visible. */
  candidates?: string[];
  enclosingFunction?: string;
  owners: string[];
  ownerSource?: OwnerSource;
  ownerDeclaredAt?: Evidence;
  findings: InventoryFinding[];
  /** For a generating call: its worst case, in words ("≤ $0.0123 per request (…)" or "unknown (no output bound)"). */
  cost?: { text: string; usdPerRequest?: number; usdPerMonth?: number };
}

export interface SiteRef {
  file: string;
  line: number;
  column: number;
  label: string;
}

export interface RaciRow {
  concern: ConcernId;
  label: string;
  responsible: string[];
  accountable: string[];
  consulted: string[];
  informed: string[];
  /** What is missing or wrong: "no one accountable", "2 accountable". */
  gaps: string[];
  declaredAt?: Evidence;
}

export interface OwnershipMap {
  /** The project names owners somewhere (CODEOWNERS, config rules or tags). */
  declared: boolean;
  owners: { owner: string; sources: OwnerSource[]; sites: SiteRef[] }[];
  /** Unowned call sites, by folder: the CODEOWNERS pattern that would cover them. */
  unowned: { pattern: string; sites: SiteRef[] }[];
  raci: RaciRow[];
  /** Where owners come from, for the map's footer. */
  sources: Evidence[];
}

export interface Inventory {
  rows: InventoryRow[];
  ownership: OwnershipMap;
}
