import * as z from 'zod/mini';
import { codeOwnersPattern } from '../ownership/codeowners';
import { OWNER } from '../model';
import { documented, says, SOMETHING, strict, unknownKeyIn } from './declare';
import type { Where } from './locate';

// The parts of `.prodready.json` a production-readiness review reads: who owns what, who answers for each
// concern, what success means, what the AI may cost, and what happens to the data and to a bad release.
// Declared here once (zod, below) and turned into the `Governance` the readiness checklist reads.

export const CONCERNS = [
  { id: 'model-quality', label: 'Model quality', description: 'Answer quality, evals, regressions.' },
  { id: 'uptime', label: 'Uptime and on-call', description: 'Availability and on-call for the AI paths.' },
  { id: 'cost', label: 'Cost', description: 'Spend against the budget.' },
  { id: 'data-privacy', label: 'Data and privacy', description: 'Personal data in prompts, retention, vendors.' },
  { id: 'prompt-changes', label: 'Prompt and model changes', description: 'Who changes prompts and models, and who signs off.' },
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

// ---- The declaration -------------------------------------------------------------------------------------------

const NEEDS_RULE = 'An ownership rule needs "path" (a CODEOWNERS pattern) and "owners" (e.g. ["@ml-platform"]).';

/** `Owners are …; not: …` naming the owners that are not owners, when the value is a list of strings at all. */
function ownersMessage({ input }: { input: unknown }): string {
  const list = typeof input === 'string' ? [input] : Array.isArray(input) && input.every((owner) => typeof owner === 'string') ? (input as string[]) : undefined;
  const invalid = list?.filter((owner) => !OWNER.test(owner)) ?? [];
  return `Owners are @user, @org/team or an email${invalid.length > 0 ? `; not: ${invalid.join(', ')}` : ''}.`;
}

const owner = documented(z.string().check(z.regex(OWNER)), { description: '@user, @org/team or an email, as in CODEOWNERS.' });
const owners = z.xor([owner, z.array(owner).check(z.minLength(1))], says(ownersMessage));

const ownershipRule = strict(
  {
    path: documented(
      z.string(says(NEEDS_RULE)).check(z.refine((pattern) => codeOwnersPattern(pattern) !== undefined, says(({ input }) => `"${String(input)}" is not a supported pattern ("!" and "[…]" are not; use CODEOWNERS syntax).`))),
      { description: 'A CODEOWNERS pattern: src/ai/, *.prompt.ts, /apps/web/**' },
    ),
    owners: z.optional(owners),
    owner: z.optional(owners),
  },
  {
    error: NEEDS_RULE,
    unknownKey: unknownKeyIn('ownership field'),
    checks: [z.refine((rule) => rule.owners !== undefined || rule.owner !== undefined, says(NEEDS_RULE))],
  },
);

const RACI_ROLES = {
  responsible: 'Who does the work.',
  accountable: 'The one person or team who answers for it.',
  consulted: 'Who is asked before a change.',
  informed: 'Who is told after a change.',
} as const;
type Role = keyof typeof RACI_ROLES;

/** Someone: a name or a list of names (blank names are dropped when read). */
function people(role: Role) {
  return documented(z.xor([z.string(), z.array(z.string())], says(`"${role}" must name someone: a string or an array of strings.`)), { description: RACI_ROLES[role] });
}

function named(list: string | string[] | undefined): string[] {
  return (list === undefined ? [] : typeof list === 'string' ? [list] : list).filter((person) => person.trim() !== '');
}

function assignment(concern: (typeof CONCERNS)[number]) {
  const roles = Object.fromEntries(Object.keys(RACI_ROLES).map((role) => [role, z.optional(people(role as Role))])) as Record<Role, z.ZodMiniOptional<ReturnType<typeof people>>>;
  return strict(roles, {
    error: `"raci.${concern.id}" must be an object such as { "responsible": "@ml", "accountable": "@head-of-ml" }.`,
    unknownKey: (role, known) => `Unknown RACI role "${role}"; known: ${known.join(', ')}.`,
    advice: (entry) => {
      const accountable = named(entry.accountable).length;
      return accountable > 1 ? `"raci.${concern.id}" names ${accountable} accountable; RACI has exactly one.` : undefined;
    },
    meta: { description: concern.description },
  });
}

const KPI = 'A KPI needs a "name" and may have a "target", both strings.';

const kpi = strict(
  { name: z.string(says(KPI)).check(z.minLength(1), z.regex(SOMETHING)), target: z.optional(z.string(says(KPI))) },
  { error: KPI, unknownKey: unknownKeyIn('KPI field') },
);

const positive = (key: string, description: string) =>
  documented(z.number(says(({ input }) => (input === undefined ? '"budget" needs "monthlyUsd", the most the AI features may cost a month.' : `"budget.${key}" must be a positive number.`))).check(z.positive()), { description });

const budget = strict(
  {
    monthlyUsd: positive('monthlyUsd', 'The most the AI features may cost a month.'),
    requestsPerMonth: z.optional(positive('requestsPerMonth', 'Expected model requests a month, for the worst-case estimate.')),
    outputUsdPerMillionTokens: z.optional(
      documented(
        z.record(
          z.string(),
          z.number(says(({ path }) => `The price of "${String(path[path.length - 1])}" must be a number of USD per million output tokens.`)).check(z.nonnegative()),
          says('"budget.outputUsdPerMillionTokens" maps model ids to prices, e.g. { "gpt-4o-2024-08-06": 10 }.'),
        ),
        { description: 'Output price per model id (USD per million tokens).' },
      ),
    ),
  },
  { error: '"budget" must be an object such as { "monthlyUsd": 500, "requestsPerMonth": 200000 }.', unknownKey: unknownKeyIn('budget setting') },
);

/** A declaration: text, or an object of texts (`{ "prompts": "30 days" }`). */
function declaration(key: string, example: string, description: string) {
  const text = z.string().check(z.regex(SOMETHING));
  const parts = documented(z.record(z.string(), text).check(z.refine((object) => Object.keys(object).length > 0)), { minProperties: 1 });
  return documented(z.xor([text, parts], says(`"${key}" must say what is declared, as text or an object of texts, e.g. ${example}.`)), { description });
}

/** The governance keys of `.prodready.json`, in the order the JSON schema lists them. */
export const governanceShape = {
  ownership: documented(z.array(ownershipRule, says('"ownership" must be an array such as [{ "path": "src/ai/", "owners": ["@ml-platform"] }].')), {
    description: 'Owners by path (CODEOWNERS pattern syntax, relative to this file). Inline @owner tags win over these; these win over CODEOWNERS. The last matching rule wins.',
  }),
  raci: strict(Object.fromEntries(CONCERNS.map((concern) => [concern.id, z.optional(assignment(concern))])) as Record<ConcernId, z.ZodMiniOptional<ReturnType<typeof assignment>>>, {
    error: `"raci" must be an object keyed by concern (${CONCERNS.map((concern) => concern.id).join(', ')}).`,
    unknownKey: unknownKeyIn('concern'),
    meta: { description: 'Who is Responsible, Accountable, Consulted and Informed for each concern of the AI features.' },
  }),
  kpis: documented(z.array(kpi, says('"kpis" must be an array such as [{ "name": "tickets resolved without a human", "target": ">= 30%" }].')), {
    description: 'Success metrics: what the AI feature must achieve to be worth running.',
  }),
  budget,
  retention: declaration('retention', '{ "prompts": "30 days", "outputs": "90 days" }', 'How long prompts, outputs and logs are kept, e.g. { "prompts": "30 days" }.'),
  rollback: declaration('rollback', '"flag ai.summarize off; previous prompt pinned in prompts/v3"', 'How a bad model or prompt release is rolled back.'),
  humanReview: declaration('humanReview', '"answers under 0.6 confidence go to the support queue"', 'Where low-confidence or high-stakes output goes for a human to review.'),
};

export const GOVERNANCE_KEYS = Object.keys(governanceShape) as (keyof typeof governanceShape)[];

// ---- From the validated value to what the checklist reads --------------------------------------------------------

type Read = { [K in keyof typeof governanceShape]?: z.output<(typeof governanceShape)[K]> };

export function toGovernance(read: Read, where: Where): Governance {
  const governance = emptyGovernance();
  for (const rule of read.ownership ?? []) {
    const list = rule.owners ?? rule.owner ?? [];
    governance.ownership.push({ pattern: rule.path, owners: typeof list === 'string' ? [list] : list, line: where.line(rule), matches: codeOwnersPattern(rule.path)! });
  }
  if (read.raci) {
    for (const concern of CONCERNS) {
      const entry = read.raci[concern.id];
      if (!entry) continue;
      governance.raci[concern.id] = {
        responsible: named(entry.responsible),
        accountable: named(entry.accountable),
        consulted: named(entry.consulted),
        informed: named(entry.informed),
        line: where.keyLine(read.raci, concern.id),
      };
    }
  }
  for (const kpi of read.kpis ?? []) governance.kpis.push({ name: kpi.name, target: kpi.target, line: where.line(kpi) });
  if (read.budget) {
    const { monthlyUsd, requestsPerMonth, outputUsdPerMillionTokens = {} } = read.budget;
    governance.budget = { monthlyUsd, ...(requestsPerMonth === undefined ? {} : { requestsPerMonth }), outputUsdPerMillionTokens, line: where.line(read.budget) };
  }
  for (const key of ['retention', 'rollback', 'humanReview'] as const) {
    const value = read[key];
    if (value === undefined) continue;
    const text = typeof value === 'string' ? value.trim() : Object.entries(value).map(([name, part]) => `${name}: ${part.trim()}`).join('; ');
    governance[key] = { text, line: where.valueLine(read, key) };
  }
  return governance;
}
