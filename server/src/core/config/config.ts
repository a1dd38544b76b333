import { ts } from '../extract/typescript/ts';
import type { Span } from '../model';
import { isRuleId, ruleIds, rules } from '../rules';
import type { RuleId, RuleSettings, Severity } from '../rules';
import type { ModelEntry, ModelStatus } from '../catalog/modelRegistry';
import { defaultRedactors } from '../catalog/privacy';
import { entries, MAX_JSON_DEPTH, tooDeepAt, type ProblemSink } from './json';
import { emptyGovernance, isGovernanceKey, readGovernance, type Governance } from './governance';

export type RuleLevel = Severity | 'off';

export interface ProdreadyConfig {
  rules: Partial<Record<RuleId, RuleLevel>>;
  /** Globs, relative to the config's folder, of files never analysed. */
  exclude: string[];
  defaults: RuleSettings;
  /** Lifecycle entries that extend or override the built-in model registry. */
  models: ModelEntry[];
  audit: AuditConfig;
  privacy: { redactors: string[] };
  /** Ownership, RACI, KPIs, budget and the declarations a readiness review asks for. */
  governance: Governance;
}

export interface AuditConfig {
  /** Callee patterns that count as recording a request: `logger.*` (any method) or `console.info` (exact). */
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
    'log.*',
    'this.logger.*',
    'this.log.*',
    'winston.*',
    'span.setAttribute',
    'span.setAttributes',
    'span.addEvent',
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
    'structlog.*',
    'span.set_attribute',
    'span.add_event',
    'audit_log',
  ],
  call: 'console.info',
  style: 'message-first',
};

export interface ConfigProblem {
  message: string;
  span: Span;
  severity: 'error' | 'warning';
}

export const CONFIG_FILE_NAMES = ['.prodready.json'];

export const defaultSettings: RuleSettings = { timeoutMs: 30_000, maxOutputTokens: 1024, retries: 2 };

export function defaultConfig(): ProdreadyConfig {
  return {
    rules: {},
    exclude: [],
    defaults: { ...defaultSettings },
    models: [],
    audit: { ...defaultAudit, loggers: [...defaultAudit.loggers] },
    privacy: { redactors: [...defaultRedactors] },
    governance: emptyGovernance(),
  };
}

const LEVELS: readonly RuleLevel[] = ['error', 'warning', 'info', 'hint', 'off'];

const SETTING_LIMITS: Record<keyof RuleSettings, { min: number; max: number; what: string }> = {
  timeoutMs: { min: 1, max: 3_600_000, what: 'milliseconds' },
  maxOutputTokens: { min: 1, max: 1_000_000, what: 'tokens' },
  retries: { min: 0, max: 20, what: 'retries' },
};

/**
 * Reads `.prodready.json`. Config is data: nothing in it runs. Every problem comes back with where it is, and
 * whatever could not be read falls back to the default, so a typo never turns the linter off.
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
  let json: ts.JsonSourceFile;
  try {
    // Parents are set so that readers can find the line of what they read.
    json = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.JSON) as ts.JsonSourceFile;
  } catch (error) {
    // The parser reads any expression as a value and recurses on some without brackets (`!!!!1`): not JSON either way.
    if (!(error instanceof RangeError)) throw error;
    problems.push({ message: `${fileName} is not valid JSON: it nests too deeply to read. Using defaults.`, span: { start: 0, end: 1 }, severity: 'error' });
    return { config, problems };
  }
  const syntaxErrors = (json as unknown as { parseDiagnostics?: ts.Diagnostic[] }).parseDiagnostics ?? [];
  for (const error of syntaxErrors) {
    const start = error.start ?? 0;
    problems.push({
      message: `${fileName} is not valid JSON: ${ts.flattenDiagnosticMessageText(error.messageText, ' ')}. Using defaults.`,
      span: { start, end: start + (error.length ?? 1) },
      severity: 'error',
    });
  }
  if (syntaxErrors.length > 0) return { config, problems };

  const root = json.statements[0]?.expression;
  if (!root || !ts.isObjectLiteralExpression(root)) {
    problems.push({ message: `${fileName} must hold one JSON object.`, span: { start: 0, end: text.length }, severity: 'error' });
    return { config, problems };
  }
  const problem = (node: ts.Node, message: string, severity: ConfigProblem['severity'] = 'error') =>
    problems.push({ message, span: { start: node.getStart(json), end: node.end }, severity });

  for (const [key, value, property] of entries(root)) {
    switch (key) {
      case '$schema':
        break;
      case 'rules':
        readRules(value, config, problem);
        break;
      case 'exclude':
        if (ts.isArrayLiteralExpression(value) && value.elements.every(ts.isStringLiteral)) {
          config.exclude = value.elements.map((element) => (element as ts.StringLiteral).text);
        } else {
          problem(value, '"exclude" must be an array of glob strings.');
        }
        break;
      case 'defaults':
        readDefaults(value, config, problem);
        break;
      case 'models':
        readModels(value, config, problem);
        break;
      case 'audit':
        readAudit(value, config, problem);
        break;
      case 'privacy':
        readPrivacy(value, config, problem);
        break;
      default:
        if (isGovernanceKey(key)) readGovernance(key, value, config.governance, problem);
        else problem(property.name, `Unknown setting "${key}" in ${fileName}; it is ignored.`, 'warning');
    }
  }
  return { config, problems };
}

function readRules(value: ts.Expression, config: ProdreadyConfig, problem: ProblemSink): void {
  if (!ts.isObjectLiteralExpression(value)) {
    problem(value, '"rules" must be an object such as { "AIR001": "error" }.');
    return;
  }
  for (const [id, level, property] of entries(value)) {
    if (!isRuleId(id)) {
      problem(property.name, `Unknown rule "${id}". Known rules: ${ruleIds.join(', ')}.`, 'warning');
      continue;
    }
    if (!ts.isStringLiteral(level) || !LEVELS.includes(level.text as RuleLevel)) {
      problem(level, `Rule ${id} (${rules[id].meta.name}) takes one of ${LEVELS.map((l) => `"${l}"`).join(', ')}.`);
      continue;
    }
    config.rules[id] = level.text as RuleLevel;
  }
}

function readDefaults(value: ts.Expression, config: ProdreadyConfig, problem: ProblemSink): void {
  if (!ts.isObjectLiteralExpression(value)) {
    problem(value, '"defaults" must be an object such as { "timeoutMs": 30000 }.');
    return;
  }
  for (const [key, setting, property] of entries(value)) {
    // Own keys only: `toString` or `constructor` are not settings.
    const limits = Object.hasOwn(SETTING_LIMITS, key) ? SETTING_LIMITS[key as keyof RuleSettings] : undefined;
    if (!limits) {
      problem(property.name, `Unknown default "${key}"; known: ${Object.keys(SETTING_LIMITS).join(', ')}.`, 'warning');
      continue;
    }
    const number = ts.isNumericLiteral(setting) ? Number(setting.text) : NaN;
    if (!Number.isInteger(number) || number < limits.min || number > limits.max) {
      problem(setting, `"${key}" must be a whole number of ${limits.what} from ${limits.min} to ${limits.max}.`);
      continue;
    }
    config.defaults[key as keyof RuleSettings] = number;
  }
}

const MODEL_STATUSES: readonly ModelStatus[] = ['floating', 'deprecated', 'retired'];
const MODEL_FIELDS: readonly string[] = ['id', 'status', 'provider', 'pinned', 'replacement', 'since'];

function readModels(value: ts.Expression, config: ProdreadyConfig, problem: ProblemSink): void {
  if (!ts.isArrayLiteralExpression(value)) {
    problem(value, '"models" must be an array such as [{ "id": "my-model", "status": "retired", "replacement": "other" }].');
    return;
  }
  for (const element of value.elements) {
    if (!ts.isObjectLiteralExpression(element)) {
      problem(element, 'Each entry of "models" must be an object with "id" and "status".');
      continue;
    }
    // A Map: a key such as `__proto__` or `constructor` is just an unknown field.
    const fields = new Map<string, string>();
    for (const [key, field, property] of entries(element)) {
      if (!MODEL_FIELDS.includes(key)) problem(property.name, `Unknown model field "${key}"; known: ${MODEL_FIELDS.join(', ')}.`, 'warning');
      else if (ts.isStringLiteral(field)) fields.set(key, field.text);
      else problem(field, `"${key}" must be a string.`);
    }
    const id = fields.get('id');
    const status = fields.get('status') as ModelStatus | undefined;
    if (!id || !status || !MODEL_STATUSES.includes(status)) {
      problem(element, `A model entry needs "id" and a "status" of ${MODEL_STATUSES.map((s) => `"${s}"`).join(', ')}.`);
      continue;
    }
    config.models.push({
      id,
      provider: fields.get('provider') ?? 'custom',
      status,
      pinned: fields.get('pinned'),
      replacement: fields.get('replacement'),
      since: fields.get('since'),
    });
  }
}

function readAudit(value: ts.Expression, config: ProdreadyConfig, problem: ProblemSink): void {
  if (!ts.isObjectLiteralExpression(value)) {
    problem(value, '"audit" must be an object such as { "loggers": ["logger.*"], "call": "logger.info", "style": "object-first" }.');
    return;
  }
  for (const [key, field, property] of entries(value)) {
    if (key === 'loggers') {
      if (ts.isArrayLiteralExpression(field) && field.elements.every(ts.isStringLiteral)) {
        // Project loggers add to the defaults: console and friends still count.
        config.audit.loggers.push(...field.elements.map((element) => (element as ts.StringLiteral).text));
      } else {
        problem(field, '"audit.loggers" must be an array of callee patterns such as "logger.*" or "auditLog".');
      }
    } else if (key === 'call') {
      if (ts.isStringLiteral(field) && /^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)*$/.test(field.text)) config.audit.call = field.text;
      else problem(field, '"audit.call" must name a function such as "logger.info".');
    } else if (key === 'style') {
      if (ts.isStringLiteral(field) && (field.text === 'message-first' || field.text === 'object-first')) config.audit.style = field.text;
      else problem(field, '"audit.style" takes "message-first" or "object-first".');
    } else {
      problem(property.name, `Unknown audit setting "${key}"; known: loggers, call, style.`, 'warning');
    }
  }
}

function readPrivacy(value: ts.Expression, config: ProdreadyConfig, problem: ProblemSink): void {
  if (!ts.isObjectLiteralExpression(value)) {
    problem(value, '"privacy" must be an object such as { "redactors": ["redactPII"] }.');
    return;
  }
  for (const [key, field, property] of entries(value)) {
    if (key !== 'redactors') {
      problem(property.name, `Unknown privacy setting "${key}"; known: redactors.`, 'warning');
    } else if (ts.isArrayLiteralExpression(field) && field.elements.every(ts.isStringLiteral)) {
      // The project's redactors come first: the AIR005 fix uses the first one in scope.
      config.privacy.redactors = [...field.elements.map((element) => (element as ts.StringLiteral).text), ...defaultRedactors];
    } else {
      problem(field, '"privacy.redactors" must be an array of function names.');
    }
  }
}
