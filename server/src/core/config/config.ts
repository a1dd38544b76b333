import type { RuleId, RuleSettings } from '../rules';
import type { ModelEntry } from '../catalog/modelRegistry';
import type { PriceEntry } from '../catalog/priceBook';
import { defaultRedactors } from '../catalog/privacy';
import { describeParseError, JSONC_OPTIONS, MAX_JSON_DEPTH, parseTree, tooDeepAt, type ParseError } from './json';
import { emptyGovernance, toGovernance, type Governance } from './governance';
import { readLocated, type ConfigProblem } from './locate';
import { configSchema, type Preset, type RuleLevel } from './schema';
import { DEFAULT_TEST_FILES, TESTS_PROFILE_RULES, type Override } from './overrides';

export type { ConfigProblem } from './locate';
export type { Preset, RuleLevel } from './schema';

export interface ProdreadyConfig {
  /**
   * The levels rules have unless `rules` sets them, as the file names it; unset, the reader's preset applies (the
   * `prodready.preset` editor setting), else `recommended`.
   */
  preset?: Preset;
  rules: Partial<Record<RuleId, RuleLevel>>;
  /** Globs, relative to the config's folder, of files never analysed. */
  exclude: string[];
  defaults: RuleSettings;
  /** Lifecycle entries that extend or override the built-in model registry. */
  models: ModelEntry[];
  /** Prices that win over the price tables, USD per million tokens. */
  prices: PriceEntry[];
  /** A data file with newer prices and lifecycle entries, as written (relative to the config's folder), and its line. */
  data?: { path: string; line: number };
  audit: AuditConfig;
  privacy: { redactors: string[] };
  /** Ownership, RACI, KPIs, budget and the declarations a readiness review asks for. */
  governance: Governance;
  /** The tests profile: rule levels in test and example files (globs relative to the config's folder). */
  tests: Override;
  /** Rule levels for the files some globs match, in order (later entries win). */
  overrides: Override[];
}

export interface AuditConfig {
  /** Callee patterns that count as recording a request: `logger.*` (any method), `log_*` (a name prefix) or `console.info` (exact). */
  loggers: string[];
  /** The call the AIR004 fix writes, e.g. `logger.info`; used only when its first name is in scope. */
  call: string;
  /** `message-first`: call('ai.request', {...}) as console and winston; `object-first`: call({...}, 'ai.request') as pino. */
  style: 'message-first' | 'object-first';
}

export const defaultAudit: AuditConfig = {
  loggers: [
    'console.*',
    'logger.*',
    // A logger that is itself a function: `logger({ category, message })`, `this.logger?.({ … })`.
    'logger',
    'this.logger',
    'log.*',
    'this.logger.*',
    'this.log.*',
    // Loggers held in private fields: `this.#logger.debug(…)`, `this._logger.info(…)`.
    'this.#logger.*',
    'this._logger.*',
    'winston.*',
    'span.setAttribute',
    'span.setAttributes',
    'span.addEvent',
    // Braintrust: `span.log({ output, metrics })`.
    'span.log',
    'langfuse.*',
    'trace.*',
    'tracer.*',
    'metrics.*',
    'audit.*',
    'auditLog',
    // Python
    'logging.*',
    'self.logger.*',
    'self.log.*',
    'self._logger.*',
    'structlog.*',
    'span.set_attribute',
    'span.add_event',
    'audit_log',
    // Project logging helpers: `log_debug(…)`, `log_llm_stream(…)`.
    'log_*',
  ],
  call: 'console.info',
  style: 'message-first',
};

export const CONFIG_FILE_NAMES = ['.prodready.json'];

export const defaultSettings: RuleSettings = { timeoutMs: 30_000, maxOutputTokens: 1024, retries: 2 };

export function defaultConfig(): ProdreadyConfig {
  return {
    rules: {},
    exclude: [],
    defaults: { ...defaultSettings },
    models: [],
    prices: [],
    audit: { ...defaultAudit, loggers: [...defaultAudit.loggers] },
    privacy: { redactors: [...defaultRedactors] },
    governance: emptyGovernance(),
    tests: { files: [...DEFAULT_TEST_FILES], rules: { ...TESTS_PROFILE_RULES } },
    overrides: [],
  };
}

const withPresets = new WeakMap<ProdreadyConfig, Map<Preset, ProdreadyConfig>>();

/**
 * The config a reader with its own preset (the editor setting) analyses with: the file's `preset` wins when it
 * names one, as a project's choice outranks one person's editor; otherwise the reader's fills in below `rules`,
 * `tests` and `overrides`. The same object comes back for the same config, so caches keyed on it keep working.
 */
export function withReaderPreset(config: ProdreadyConfig, preset: Preset | undefined): ProdreadyConfig {
  if (preset === undefined || config.preset !== undefined) return config;
  let byPreset = withPresets.get(config);
  if (!byPreset) withPresets.set(config, (byPreset = new Map()));
  let layered = byPreset.get(preset);
  if (!layered) byPreset.set(preset, (layered = { ...config, preset }));
  return layered;
}

/** Syntax errors reported at most: a file of garbage is one problem, not thousands. */
const MAX_SYNTAX_ERRORS = 10;

/**
 * Reads `.prodready.json` (JSON with comments; trailing commas allowed). Config is data: nothing in it runs. Every
 * problem comes back with where it is, and whatever could not be read falls back to the default, so a typo never
 * turns the linter off. What is valid and what each problem says is declared once, in schema.ts.
 */
export function parseConfig(text: string, fileName = '.prodready.json'): { config: ProdreadyConfig; problems: ConfigProblem[] } {
  const config = defaultConfig();
  const problems: ConfigProblem[] = [];
  // The JSON parser below recurses once per level: hostile nesting is refused before it runs.
  const deep = tooDeepAt(text);
  if (deep !== undefined) {
    problems.push({ message: `nesting deeper than ${MAX_JSON_DEPTH} levels: ${fileName} is not read. Using defaults.`, span: { start: deep, end: deep + 1 }, severity: 'error' });
    return { config, problems };
  }
  const syntaxErrors: ParseError[] = [];
  const root = parseTree(text, syntaxErrors, JSONC_OPTIONS);
  for (const error of syntaxErrors.slice(0, MAX_SYNTAX_ERRORS)) {
    problems.push({ message: `${fileName} is not valid JSON: ${describeParseError(error)}. Using defaults.`, span: { start: error.offset, end: error.offset + error.length }, severity: 'error' });
  }
  if (syntaxErrors.length > 0) return { config, problems };
  if (!root || root.type !== 'object') {
    problems.push({ message: `${fileName} must hold one JSON object.`, span: { start: 0, end: text.length }, severity: 'error' });
    return { config, problems };
  }

  const read = readLocated(configSchema, root, text, fileName);
  problems.push(...read.problems);
  const value = read.value;
  if (!value) return { config, problems };
  if (value.preset) config.preset = value.preset;
  if (value.rules) Object.assign(config.rules, value.rules);
  if (value.exclude) config.exclude = [...value.exclude];
  if (value.defaults) Object.assign(config.defaults, value.defaults);
  for (const model of value.models ?? []) {
    config.models.push({ id: model.id, provider: model.provider ?? 'custom', status: model.status, pinned: model.pinned, replacement: model.replacement, since: model.since });
  }
  for (const [id, price] of Object.entries(value.prices ?? {})) config.prices.push({ id, input: price.input, output: price.output });
  if (value.data !== undefined) config.data = { path: value.data, line: read.where.valueLine(value, 'data') };
  // Project loggers add to the defaults: console and friends still count.
  if (value.audit?.loggers) config.audit.loggers.push(...value.audit.loggers);
  if (value.audit?.call) config.audit.call = value.audit.call;
  if (value.audit?.style) config.audit.style = value.audit.style;
  // The project's redactors come first: the AIR005 fix uses the first one in scope.
  if (value.privacy?.redactors) config.privacy.redactors = [...value.privacy.redactors, ...defaultRedactors];
  if (value.tests?.files) config.tests.files = [...value.tests.files];
  if (value.tests?.rules) Object.assign(config.tests.rules, value.tests.rules);
  for (const entry of value.overrides ?? []) config.overrides.push({ files: [...entry.files], rules: { ...entry.rules } });
  config.governance = toGovernance(value, read.where);
  return { config, problems };
}
