// Where model output must not go unchecked (OWASP LLM05, improper output handling): functions and properties
// that run, execute or render a string as code, a shell command, SQL or trusted HTML; and the calls that make a
// value safe on the way there. Node API names from nodejs.org/api (child_process, vm); DOM from MDN; Python from
// docs.python.org (builtins, os, subprocess), markupsafe, Django (django.utils.safestring) and Flask.

import type { SinkKind } from '../model';

export interface SinkFunction {
  kind: SinkKind;
  /** Which positional arguments carry the dangerous string; `all` for every one (`new Function(a, b, body)`). */
  arguments: number[] | 'all';
  /** Dangerous only with a shell (`spawn(cmd, { shell: true })`, `subprocess.run(cmd, shell=True)`). */
  needsShell?: boolean;
}

const first = (kind: SinkKind, needsShell?: boolean): SinkFunction => ({ kind, arguments: [0], needsShell });
const every = (kind: SinkKind, needsShell?: boolean): SinkFunction => ({ kind, arguments: 'all', needsShell });

/** TS/JS globals that evaluate or write a string: `eval(x)`, `new Function(x)`, `document.write(x)`. */
export const TS_GLOBAL_SINKS: ReadonlyMap<string, SinkFunction> = new Map([
  ['eval', first('code')],
  ['Function', every('code')],
  ['document.write', every('html')],
  ['document.writeln', every('html')],
]);

/** Node modules whose exports run a string: by module, export name → sink. */
export const TS_MODULE_SINKS: ReadonlyMap<string, ReadonlyMap<string, SinkFunction>> = (() => {
  const childProcess = new Map([
    ['exec', first('shell')],
    ['execSync', first('shell')],
    ['spawn', every('shell', true)],
    ['spawnSync', every('shell', true)],
    ['execFile', every('shell', true)],
    ['execFileSync', every('shell', true)],
  ]);
  const vm = new Map([
    ['runInNewContext', first('code')],
    ['runInThisContext', first('code')],
    ['runInContext', first('code')],
    ['compileFunction', first('code')],
    ['Script', first('code')],
  ]);
  return new Map([
    ['child_process', childProcess],
    ['node:child_process', childProcess],
    ['vm', vm],
    ['node:vm', vm],
  ]);
})();

/** DOM properties that parse what they are given as HTML (`el.innerHTML = x`). */
export const HTML_PROPERTIES: ReadonlySet<string> = new Set(['innerHTML', 'outerHTML']);
/** DOM methods that parse an argument as HTML: `el.insertAdjacentHTML(position, html)`. */
export const HTML_METHODS: ReadonlyMap<string, SinkFunction> = new Map([['insertAdjacentHTML', { kind: 'html', arguments: [1] }]]);
/** React's escape hatch: `dangerouslySetInnerHTML={{ __html: x }}`. */
export const HTML_JSX_ATTRIBUTE = 'dangerouslySetInnerHTML';

/** Python builtins that run a string as code; a sink only while the name is not rebound in the file. */
export const PYTHON_BUILTIN_SINKS: ReadonlyMap<string, SinkFunction> = new Map([
  ['eval', first('code')],
  ['exec', first('code')],
  ['compile', first('code')],
]);

/** Python functions by `module.name` (as imported): the shell, and templates trusted as they are. */
export const PYTHON_SINKS: ReadonlyMap<string, SinkFunction> = new Map([
  ['os.system', first('shell')],
  ['os.popen', first('shell')],
  ['subprocess.getoutput', first('shell')],
  ['subprocess.getstatusoutput', first('shell')],
  ['subprocess.run', every('shell', true)],
  ['subprocess.call', every('shell', true)],
  ['subprocess.check_call', every('shell', true)],
  ['subprocess.check_output', every('shell', true)],
  ['subprocess.Popen', every('shell', true)],
  ['asyncio.create_subprocess_shell', first('shell')],
  ['markupsafe.Markup', first('template')],
  ['jinja2.Markup', first('template')],
  ['flask.Markup', first('template')],
  ['django.utils.safestring.mark_safe', first('template')],
  ['django.utils.safestring.SafeString', first('template')],
  ['django.utils.html.mark_safe', first('template')],
  ['flask.render_template_string', first('template')],
  ['jinja2.Template', first('template')],
]);

/**
 * Query methods that take SQL text as their first argument, on a receiver named like a database handle
 * (`db.query`, `pool.query`, `cursor.execute`, `prisma.$queryRawUnsafe`, `knex.raw`, `Model.objects.raw`).
 * The receiver's name keeps `tool.execute(args)` and `/re/.exec(s)` out.
 */
export const SQL_METHODS: ReadonlySet<string> = new Set([
  'query',
  'execute',
  'executemany',
  'executescript',
  'exec_driver_sql',
  'raw',
  'whereRaw',
  'unsafe',
  '$queryRawUnsafe',
  '$executeRawUnsafe',
  'prepare',
]);
export const SQL_RECEIVER = /^(db|database|conn|connection|cursor|cur|pool|pg|client|sql|knex|prisma|sequelize|session|engine|mysql|sqlite|objects|tx|trx|transaction)$/i;

/**
 * Calls whose result no longer carries the input as markup, code or SQL: sanitisers and escapers (`DOMPurify.sanitize`,
 * `sanitizeHtml`, `escapeHtml`, `html.escape`, `bleach.clean`, `shlex.quote`, `encodeURIComponent`) and conversions
 * to numbers or booleans. `unescape…` undoes escaping and is none.
 */
const SANITIZING = /sanitize|escape|encodeURI/i;
const SANITIZERS: ReadonlySet<string> = new Set(['purify', 'clean', 'quote', 'filterXSS', 'xss', 'Number', 'parseInt', 'parseFloat', 'Boolean', 'int', 'float', 'bool', 'len', 'length']);

export function isSanitizer(name: string): boolean {
  return SANITIZERS.has(name) || (SANITIZING.test(name) && !name.toLowerCase().startsWith('un'));
}

/** Lookups keyed by the output return the table's value, not the output (`ALLOWED.get(name)`, `COMMANDS.has(cmd)`). */
export const LOOKUP_METHODS: ReadonlySet<string> = new Set(['get', 'has', 'includes', 'indexOf', 'startsWith', 'endsWith', 'test', '__contains__']);
