import { ts } from '../extract/typescript/ts';
import { entries, fieldsOf, lineOf, stringList, type ProblemSink } from './json';
import { codeOwnersPattern } from '../ownership/codeowners';
import { OWNER } from '../model';

// The parts of `.prodready.json` a production-readiness review reads: who owns what, who answers for each
// concern, what success means, what the AI may cost, and what happens to the data and to a bad release.

export const CONCERNS = [
  { id: 'model-quality', label: 'Model quality' },
  { id: 'uptime', label: 'Uptime and on-call' },
  { id: 'cost', label: 'Cost' },
  { id: 'data-privacy', label: 'Data and privacy' },
  { id: 'prompt-changes', label: 'Prompt and model changes' },
] as const;

export type ConcernId = (typeof CONCERNS)[number]['id'];

export interface OwnershipRule {
  /** CODEOWNERS pattern syntax, relative to the config's folder. */
  pattern: string;
  owners: string[];
  line: number;
  matches(path: string): boolean;
}

export interface RaciEntry {
  responsible: string[];
  accountable: string[];
  consulted: string[];
  informed: string[];
  line: number;
}

export interface Kpi {
  name: string;
  target?: string;
  line: number;
}

export interface Budget {
  monthlyUsd: number;
  requestsPerMonth?: number;
  /** Output price per model id, in USD per million tokens: with the output bounds it gives a worst case. */
  outputUsdPerMillionTokens: Record<string, number>;
  line: number;
}

/** A written declaration (retention, rollback, human review): what it says and where. */
export interface Declaration {
  text: string;
  line: number;
}

export interface Governance {
  ownership: OwnershipRule[];
  raci: Partial<Record<ConcernId, RaciEntry>>;
  kpis: Kpi[];
  budget?: Budget;
  retention?: Declaration;
  rollback?: Declaration;
  humanReview?: Declaration;
}

export function emptyGovernance(): Governance {
  return { ownership: [], raci: {}, kpis: [] };
}

export const GOVERNANCE_KEYS = ['ownership', 'raci', 'kpis', 'budget', 'retention', 'rollback', 'humanReview'] as const;
type GovernanceKey = (typeof GOVERNANCE_KEYS)[number];

export function isGovernanceKey(key: string): key is GovernanceKey {
  return (GOVERNANCE_KEYS as readonly string[]).includes(key);
}

export function readGovernance(key: GovernanceKey, value: ts.Expression, governance: Governance, problem: ProblemSink): void {
  switch (key) {
    case 'ownership':
      return readOwnership(value, governance, problem);
    case 'raci':
      return readRaci(value, governance, problem);
    case 'kpis':
      return readKpis(value, governance, problem);
    case 'budget':
      return readBudget(value, governance, problem);
    case 'retention':
      governance.retention = readDeclaration(value, key, problem, '{ "prompts": "30 days", "outputs": "90 days" }');
      return;
    case 'rollback':
      governance.rollback = readDeclaration(value, key, problem, '"flag ai.summarize off; previous prompt pinned in prompts/v3"');
      return;
    case 'humanReview':
      governance.humanReview = readDeclaration(value, key, problem, '"answers under 0.6 confidence go to the support queue"');
      return;
  }
}

function readOwnership(value: ts.Expression, governance: Governance, problem: ProblemSink): void {
  if (!ts.isArrayLiteralExpression(value)) {
    problem(value, '"ownership" must be an array such as [{ "path": "src/ai/", "owners": ["@ml-platform"] }].');
    return;
  }
  for (const element of value.elements) {
    const fields = fieldsOf(element);
    const pathField = fields?.get('path');
    const ownersField = fields?.get('owners') ?? fields?.get('owner');
    if (!fields || !pathField || !ts.isStringLiteral(pathField) || !ownersField) {
      problem(element, 'An ownership rule needs "path" (a CODEOWNERS pattern) and "owners" (e.g. ["@ml-platform"]).');
      continue;
    }
    const matches = codeOwnersPattern(pathField.text);
    if (!matches) {
      problem(pathField, `"${pathField.text}" is not a supported pattern ("!" and "[…]" are not; use CODEOWNERS syntax).`);
      continue;
    }
    const owners = stringList(ownersField);
    const invalid = owners?.filter((owner) => !OWNER.test(owner)) ?? [];
    if (!owners || owners.length === 0 || invalid.length > 0) {
      problem(ownersField, `Owners are @user, @org/team or an email${invalid.length > 0 ? `; not: ${invalid.join(', ')}` : ''}.`);
      continue;
    }
    governance.ownership.push({ pattern: pathField.text, owners, line: lineOf(element), matches });
  }
}

const RACI_ROLES = ['responsible', 'accountable', 'consulted', 'informed'] as const;

function readRaci(value: ts.Expression, governance: Governance, problem: ProblemSink): void {
  const known = CONCERNS.map((concern) => concern.id) as string[];
  if (!ts.isObjectLiteralExpression(value)) {
    problem(value, `"raci" must be an object keyed by concern (${known.join(', ')}).`);
    return;
  }
  for (const [concern, assignment, property] of entries(value)) {
    if (!known.includes(concern)) {
      problem(property.name, `Unknown concern "${concern}"; known: ${known.join(', ')}.`, 'warning');
      continue;
    }
    if (!ts.isObjectLiteralExpression(assignment)) {
      problem(assignment, `"raci.${concern}" must be an object such as { "responsible": "@ml", "accountable": "@head-of-ml" }.`);
      continue;
    }
    const entry: RaciEntry = { responsible: [], accountable: [], consulted: [], informed: [], line: lineOf(property) };
    for (const [role, people, roleProperty] of entries(assignment)) {
      const list = stringList(people)?.filter((person) => person.trim() !== '');
      if (!(RACI_ROLES as readonly string[]).includes(role)) {
        problem(roleProperty.name, `Unknown RACI role "${role}"; known: ${RACI_ROLES.join(', ')}.`, 'warning');
      } else if (!list) {
        problem(people, `"${role}" must name someone: a string or an array of strings.`);
      } else {
        entry[role as (typeof RACI_ROLES)[number]] = list;
      }
    }
    if (entry.accountable.length > 1) {
      problem(assignment, `"raci.${concern}" names ${entry.accountable.length} accountable; RACI has exactly one.`, 'warning');
    }
    governance.raci[concern as ConcernId] = entry;
  }
}

function readKpis(value: ts.Expression, governance: Governance, problem: ProblemSink): void {
  if (!ts.isArrayLiteralExpression(value)) {
    problem(value, '"kpis" must be an array such as [{ "name": "tickets resolved without a human", "target": ">= 30%" }].');
    return;
  }
  for (const element of value.elements) {
    const fields = fieldsOf(element);
    const name = fields?.get('name');
    const target = fields?.get('target');
    if (!name || !ts.isStringLiteral(name) || name.text.trim() === '' || (target && !ts.isStringLiteral(target))) {
      problem(element, 'A KPI needs a "name" and may have a "target", both strings.');
      continue;
    }
    governance.kpis.push({ name: name.text, target: target && ts.isStringLiteral(target) ? target.text : undefined, line: lineOf(element) });
  }
}

function readBudget(value: ts.Expression, governance: Governance, problem: ProblemSink): void {
  if (!ts.isObjectLiteralExpression(value)) {
    problem(value, '"budget" must be an object such as { "monthlyUsd": 500, "requestsPerMonth": 200000 }.');
    return;
  }
  const budget: Partial<Budget> = { outputUsdPerMillionTokens: {}, line: lineOf(value) };
  for (const [key, field, property] of entries(value)) {
    if (key === 'monthlyUsd' || key === 'requestsPerMonth') {
      const number = ts.isNumericLiteral(field) ? Number(field.text) : NaN;
      if (!(number > 0)) problem(field, `"budget.${key}" must be a positive number.`);
      else budget[key] = number;
    } else if (key === 'outputUsdPerMillionTokens') {
      if (!ts.isObjectLiteralExpression(field)) {
        problem(field, '"budget.outputUsdPerMillionTokens" maps model ids to prices, e.g. { "gpt-4o-2024-08-06": 10 }.');
        continue;
      }
      for (const [model, price] of entries(field)) {
        const number = ts.isNumericLiteral(price) ? Number(price.text) : NaN;
        if (!(number >= 0)) problem(price, `The price of "${model}" must be a number of USD per million output tokens.`);
        // Defined, not assigned: `"__proto__": 10` is the price of a model of that name, not a prototype.
        else Object.defineProperty(budget.outputUsdPerMillionTokens!, model, { value: number, enumerable: true, writable: true, configurable: true });
      }
    } else {
      problem(property.name, `Unknown budget setting "${key}"; known: monthlyUsd, requestsPerMonth, outputUsdPerMillionTokens.`, 'warning');
    }
  }
  if (budget.monthlyUsd === undefined) {
    problem(value, '"budget" needs "monthlyUsd", the most the AI features may cost a month.');
    return;
  }
  governance.budget = budget as Budget;
}

/** A declaration is a non-empty string, or an object of non-empty strings (`{ "prompts": "30 days" }`). */
function readDeclaration(value: ts.Expression, key: string, problem: ProblemSink, example: string): Declaration | undefined {
  if (ts.isStringLiteral(value) && value.text.trim() !== '') return { text: value.text.trim(), line: lineOf(value) };
  if (ts.isObjectLiteralExpression(value)) {
    const parts = [...entries(value)].filter(([, field]) => ts.isStringLiteral(field) && field.text.trim() !== '');
    if (parts.length > 0 && parts.length === value.properties.length) {
      return { text: parts.map(([name, field]) => `${name}: ${(field as ts.StringLiteral).text.trim()}`).join('; '), line: lineOf(value) };
    }
  }
  problem(value, `"${key}" must say what is declared, as text or an object of texts, e.g. ${example}.`);
  return undefined;
}
