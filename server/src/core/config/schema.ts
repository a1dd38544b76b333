import * as z from 'zod/mini';
import { rules, ruleIds } from '../rules';
import type { RuleSettings, Severity } from '../rules';
import type { ModelStatus } from '../catalog/modelRegistry';
import { documented, says, SOMETHING, strict, stringArray, unknownKeyIn } from './declare';
import { governanceShape } from './governance';
import { DEFAULT_TEST_FILES, TESTS_PROFILE_RULES } from './overrides';

// `.prodready.json`, declared once. What the reader accepts, the messages it gives, the JSON schema VS Code
// validates the file with (schemas/prodready.schema.json) and the `prodready.rules` setting (package.json) all
// come from here; `npm run generate` writes the two files and a test fails when they are stale.

export type RuleLevel = Severity | 'off';

/** The levels a rule can be set to, in the order messages and the schema list them. */
export const LEVELS = ['error', 'warning', 'info', 'hint', 'off'] as const satisfies readonly RuleLevel[];

const quoted = (values: readonly string[]) => values.map((value) => `"${value}"`).join(', ');

const ruleLevels = strict(
  Object.fromEntries(
    ruleIds.map((id) => [
      id,
      z.optional(
        documented(z.enum(LEVELS, says(`Rule ${id} (${rules[id].meta.name}) takes one of ${quoted(LEVELS)}.`)), {
          markdownDescription: `Severity of ${id} (\`${rules[id].meta.name}\`); see docs/rules/${id}.md.`,
        }),
      ),
    ]),
  ),
  {
    error: '"rules" must be an object such as { "AIR001": "error" }.',
    unknownKey: (id, known) => `Unknown rule "${id}". Known rules: ${known.join(', ')}.`,
    meta: { description: 'Severity per rule id.' },
  },
);

/** Rule levels as a whole, like typescript-eslint's configs: `recommended` (the default) or `strict`. */
export const PRESETS = ['recommended', 'strict'] as const;
export type Preset = (typeof PRESETS)[number];

/** The bounds of each rule setting under `defaults`, and what it is counted in. */
export const SETTING_LIMITS = {
  timeoutMs: { min: 1, max: 3_600_000, what: 'milliseconds', description: 'The timeout fixes write and AIR001 expects at most (ms).' },
  maxOutputTokens: { min: 1, max: 1_000_000, what: 'tokens', description: 'The output bound AIR006 fixes write.' },
  retries: { min: 0, max: 20, what: 'retries', description: 'The retry count AIR002 fixes write.' },
} satisfies Record<keyof RuleSettings, { min: number; max: number; what: string; description: string }>;

function setting(key: keyof RuleSettings) {
  const { min, max, what, description } = SETTING_LIMITS[key];
  return z.optional(documented(z.int(says(`"${key}" must be a whole number of ${what} from ${min} to ${max}.`)).check(z.minimum(min), z.maximum(max)), { description }));
}

const defaults = strict(
  { timeoutMs: setting('timeoutMs'), maxOutputTokens: setting('maxOutputTokens'), retries: setting('retries') },
  { error: '"defaults" must be an object such as { "timeoutMs": 30000 }.', unknownKey: unknownKeyIn('default') },
);

export const MODEL_STATUSES = ['floating', 'deprecated', 'retired'] as const satisfies readonly ModelStatus[];

const NEEDS_MODEL = `A model entry needs "id" and a "status" of ${quoted(MODEL_STATUSES)}.`;

/** A missing, empty or unknown id or status is one complaint; a value that is not a string is another. */
const modelKey = (key: string) => says(({ input }) => (input === undefined || typeof input === 'string' ? NEEDS_MODEL : `"${key}" must be a string.`));
const modelText = (key: string) => z.optional(z.string(says(`"${key}" must be a string.`)));

const model = strict(
  {
    id: z.string(modelKey('id')).check(z.minLength(1)),
    status: z.enum(MODEL_STATUSES, modelKey('status')),
    provider: modelText('provider'),
    pinned: modelText('pinned'),
    replacement: modelText('replacement'),
    since: modelText('since'),
  },
  { error: 'Each entry of "models" must be an object with "id" and "status".', unknownKey: unknownKeyIn('model field') },
);

const usdPerMillion = (key: string) =>
  documented(z.number(says(`"${key}" must be a number of USD per million tokens, 0 or more.`)).check(z.nonnegative()), {
    description: `USD per million ${key} tokens.`,
  });

const PRICE = 'A price needs "input" and "output", each a number of USD per million tokens, such as { "input": 2.5, "output": 10 }.';

/** One model's price in `.prodready.json` (`prices`, keyed by model id). */
const price = strict({ input: usdPerMillion('input'), output: usdPerMillion('output') }, { error: PRICE, unknownKey: unknownKeyIn('price field') });

const tokens = z.int(says('"aboveInputTokens" must be a whole number of tokens.')).check(z.positive());

/** One model's price in a price table (the bundled prices.json, or a newer data file). */
export const priceEntry = strict(
  {
    id: z.string(says('A price table entry needs an "id", the model id.')).check(z.minLength(1)),
    provider: modelText('provider'),
    input: usdPerMillion('input'),
    output: usdPerMillion('output'),
    snapshots: z.optional(stringArray('"snapshots" must be an array of model ids.')),
    prefixes: z.optional(stringArray('"prefixes" must be an array of model id prefixes.')),
    longContext: z.optional(z.array(strict({ aboveInputTokens: tokens, input: usdPerMillion('input'), output: usdPerMillion('output') }, { error: 'A long-context tier needs "aboveInputTokens", "input" and "output".', unknownKey: unknownKeyIn('tier field') }))),
  },
  { error: 'Each price table entry must be an object with "id", "input" and "output".', unknownKey: unknownKeyIn('price table field') },
);

/** A YYYY-MM-DD date. */
export const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A data file with newer prices and lifecycle entries than the bundled ones: what `data` and `prodready.dataFile` point at. */
export const dataFileSchema = strict(
  {
    $comment: z.optional(z.string()),
    asOf: documented(z.string(says('A data file needs "asOf", the date its data was checked (YYYY-MM-DD).')).check(z.regex(DATE)), { description: 'The date the data was checked (YYYY-MM-DD).' }),
    source: z.optional(z.string(says('"source" must be a string naming where the data comes from.'))),
    models: z.optional(z.array(priceEntry, says('"models" must be an array of price entries such as { "id": "gpt-4o", "input": 2.5, "output": 10 }.'))),
    lifecycle: z.optional(z.array(model, says('"lifecycle" must be an array of model entries such as { "id": "gpt-4o", "status": "floating", "pinned": "gpt-4o-2024-08-06" }.'))),
  },
  { error: 'A data file must hold one JSON object with "asOf".', unknownKey: unknownKeyIn('data file setting') },
);

/**
 * The `prodready` field of a package's package.json: a package the workspace depends on that has one is a data
 * package, and its data file (the shape of `dataFileSchema`) is read as a data file.
 */
export const dataPackageSchema = strict(
  {
    data: z.string(says('"prodready.data" must be the path of the package\'s data file, relative to the package, such as "data.json".')).check(z.regex(SOMETHING)),
  },
  { error: '"prodready" must be an object such as { "data": "data.json" }: the path of the package\'s data file.', unknownKey: unknownKeyIn('"prodready" field') },
);

/** A callee as the AIR004 fix writes it: `name` or `name.member…`. */
export const CALLEE = /^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)*$/;

const audit = strict(
  {
    loggers: z.optional(
      documented(stringArray('"audit.loggers" must be an array of callee patterns such as "logger.*" or "auditLog".'), {
        description: 'Callee patterns that record a request (`logger.*`, `auditLog`); added to the defaults.',
      }),
    ),
    call: z.optional(documented(z.string(says('"audit.call" must name a function such as "logger.info".')).check(z.regex(CALLEE)), { description: 'The call the AIR004 fix writes, e.g. logger.info.' })),
    style: z.optional(z.enum(['message-first', 'object-first'], says('"audit.style" takes "message-first" or "object-first".'))),
  },
  { error: '"audit" must be an object such as { "loggers": ["logger.*"], "call": "logger.info", "style": "object-first" }.', unknownKey: unknownKeyIn('audit setting') },
);

const privacy = strict(
  {
    redactors: z.optional(
      documented(stringArray('"privacy.redactors" must be an array of function names.'), { description: 'Functions that redact personal data (AIR005); the first in scope is used by fixes.' }),
    ),
  },
  { error: '"privacy" must be an object such as { "redactors": ["redactPII"] }.', unknownKey: unknownKeyIn('privacy setting') },
);

const globs = (what: string) =>
  documented(stringArray(`"${what}" must be an array of glob strings such as "**/*.test.ts".`), { description: "Globs, relative to this file's folder, of the files this applies to." });

const override = strict(
  { files: globs('files'), rules: ruleLevels },
  {
    error: 'Each entry of "overrides" must be an object such as { "files": ["scripts/**"], "rules": { "AIR004": "off" } }.',
    unknownKey: unknownKeyIn('override field'),
  },
);

const tests = strict(
  {
    files: z.optional(
      documented(stringArray('"tests.files" must be an array of glob strings such as "**/*.test.ts".'), {
        description: `Globs of test and example files, replacing the built-in ones (${DEFAULT_TEST_FILES.join(', ')}); [] turns the profile off.`,
      }),
    ),
    rules: z.optional(ruleLevels),
  },
  {
    error: '"tests" must be an object such as { "files": ["**/*.test.ts"] }.',
    unknownKey: unknownKeyIn('tests setting'),
    meta: {
      description: `The tests profile: in test and example files the rules about running in production are off (${Object.keys(TESTS_PROFILE_RULES).join(', ')}); keys, personal data and prompt injection are still reported. "rules" changes levels in these files.`,
    },
  },
);

const governance = Object.fromEntries(Object.entries(governanceShape).map(([key, schema]) => [key, z.optional(schema)])) as {
  [K in keyof typeof governanceShape]: z.ZodMiniOptional<(typeof governanceShape)[K]>;
};

/** The whole file. */
export const configSchema = strict(
  {
    $schema: z.optional(z.string(says('"$schema" must be a string: the address of the JSON schema.'))),
    preset: z.optional(
      documented(z.enum(PRESETS, says(`"preset" takes one of ${quoted(PRESETS)}.`)), {
        markdownDescription:
          'Rule levels as a whole: `recommended` (default) warns on what blocks a production review and keeps governance and bookkeeping rules (AIR004, AIR012, AIR013) as information; `strict` makes every rule at least a warning. `rules` override single rules.',
      }),
    ),
    rules: z.optional(ruleLevels),
    exclude: z.optional(documented(stringArray('"exclude" must be an array of glob strings.'), { description: "Globs, relative to this file's folder, of files never analysed." })),
    defaults: z.optional(defaults),
    models: z.optional(documented(z.array(model, says('"models" must be an array such as [{ "id": "my-model", "status": "retired", "replacement": "other" }].')), { description: 'Model lifecycle entries that extend the built-in registry (AIR008).' })),
    prices: z.optional(
      documented(z.record(z.string(), price, says('"prices" maps model ids to prices, e.g. { "gpt-4o-2024-08-06": { "input": 2.5, "output": 10 } }.')), {
        description: 'Prices per model id (USD per million input and output tokens); they win over the bundled price table and data files.',
      }),
    ),
    data: z.optional(
      documented(z.string(says('"data" must be the path of a data file, relative to this file.')).check(z.minLength(1)), {
        description: 'A data file (relative to this file) with newer prices and model lifecycle entries than the bundled ones; the newest "asOf" wins.',
      }),
    ),
    audit: z.optional(audit),
    privacy: z.optional(privacy),
    tests: z.optional(tests),
    overrides: z.optional(
      documented(z.array(override, says('"overrides" must be an array such as [{ "files": ["scripts/**"], "rules": { "AIR004": "off" } }].')), {
        description: 'Rule levels for some files, as ESLint overrides: each entry\'s "rules" apply over the top-level ones to the files its globs match; later entries win.',
      }),
    ),
    ...governance,
  },
  {
    error: 'The configuration must hold one JSON object.',
    unknownKey: (key, _known, fileName) => `Unknown setting "${key}" in ${fileName}; it is ignored.`,
    meta: {
      title: 'prodready project configuration',
      description: 'Rule settings and the production-readiness declarations (ownership, RACI, KPIs, budget, retention, rollback, human review) for the AI code in this folder.',
    },
  },
);

export type ConfigInput = z.output<typeof configSchema>;

/** A rule level in the editor's settings: `default` keeps the rule's own level or the `.prodready.json` one. */
export const EDITOR_LEVELS = ['default', ...LEVELS] as const;

/** The `prodready.rules` editor setting: one property per rule. */
export const editorRulesSchema = documented(
  z.strictObject(
    Object.fromEntries(
      ruleIds.map((id) => [
        id,
        z.optional(
          documented(z._default(z.enum(EDITOR_LEVELS), 'default'), {
            markdownDescription: `Severity of ${id} (\`${rules[id].meta.name}\`); \`default\` keeps the rule's own or the \`.prodready.json\` level.`,
          }),
        ),
      ]),
    ),
  ),
  { markdownDescription: 'Per-rule severity, over the `.prodready.json` `rules`. Example: `{ "AIR006": "off" }`.' },
);

/** The `prodready.preset` editor setting: the preset where `.prodready.json` names none. */
export const editorPresetSchema = documented(z._default(z.enum(PRESETS), 'recommended'), {
  markdownDescription:
    'Rule levels as a whole where `.prodready.json` names no `preset`: `recommended` warns on what blocks a production review and keeps governance and bookkeeping rules (AIR004, AIR012, AIR013) as information; `strict` makes every rule at least a warning. A `preset` in `.prodready.json` wins (the project decides); `rules` there and `#prodready.rules#` here still set single rules.',
});
