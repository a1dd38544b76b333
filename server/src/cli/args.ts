import { isRuleId, type RuleId } from '../core';

export const USAGE = `Usage: prodready check [paths...] [options]

Finds AI call sites and the production gaps around them (timeouts, retries, output bounds, keys).

Options:
  --format FORMAT          text, json, sarif, markdown or cyclonedx (default: text); markdown writes the
                           readiness checklist, AI inventory and ownership map as a review document; cyclonedx
                           writes the AI inventory as a CycloneDX 1.6 ML-BOM
  --checklist              with text output, print the readiness checklist after the findings
  --fail-on LEVEL          exit 1 when a finding is at or above LEVEL: error, warning, info, hint, or off
                           (default: warning; error when --max-warnings is given)
  --max-warnings N         exit 1 when more than N warnings are reported
  --quiet                  report errors only
  --rule ID                report only this rule (repeatable: --rule AIR001 --rule AIR007)
  --baseline FILE          report only findings not recorded in FILE (written by --write-baseline)
  --write-baseline FILE    record every finding of this run in FILE; later runs with --baseline FILE
                           report only new ones
  --stdin                  read one file's text from standard input
  --stdin-filename PATH    the path that text stands for (its language, config and owners)
  --no-ignore              also check files that .gitignore leaves out
  --config FILE            use this .prodready.json instead of the nearest one
  --fix                    apply every safe fix in place, then report what is left
  --jobs N                 scan on N threads, the main one and N-1 that read files (1: the main one
                           only); by default one per core once a scan has 1,000 files or more; the
                           report is the same either way
  --debug                  on an internal error, print its stack
  -h, --help               show this help

A file that cannot be read or analysed is skipped with a notice (stderr; "notices" in JSON; SARIF
toolExecutionNotifications); every other file is checked as usual.

Exit codes: 0 clean, 1 findings at or above --fail-on (or over --max-warnings), 2 usage or configuration
error, 3 internal error.`;

export const FORMATS = ['text', 'json', 'sarif', 'markdown', 'cyclonedx'] as const;
export const FAIL_LEVELS = ['error', 'warning', 'info', 'hint', 'off'] as const;

export type Format = (typeof FORMATS)[number];
export type FailLevel = (typeof FAIL_LEVELS)[number];

export class UsageError extends Error {}

export interface CliOptions {
  paths: string[];
  format: Format;
  failOn: FailLevel;
  maxWarnings?: number;
  quiet: boolean;
  /** Only these rules run; empty means all. */
  rules: RuleId[];
  baseline?: string;
  writeBaseline?: string;
  /** The path standing for the text read from standard input. */
  stdinFilename?: string;
  /** Honour .gitignore files while walking folders. */
  gitignore: boolean;
  configPath?: string;
  fix: boolean;
  /** Threads reading files; undefined: decided by the scan's size. */
  jobs?: number;
  checklist: boolean;
  debug: boolean;
}

/** `prodready check …` as options, or 'help'; a UsageError says what is wrong. */
export function parseArgs(argv: string[]): CliOptions | 'help' {
  const [command, ...rest] = argv;
  if (command === undefined || command === '-h' || command === '--help') return 'help';
  if (command !== 'check') throw new UsageError(`Unknown command "${command}". Did you mean "prodready check"?`);
  const options: CliOptions = { paths: [], format: 'text', failOn: 'warning', quiet: false, rules: [], gitignore: true, fix: false, checklist: false, debug: false };
  let failOnGiven = false;
  let stdin = false;
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = () => {
      const next = inline ?? rest[++i];
      if (next === undefined) throw new UsageError(`${flag} needs a value.`);
      return next;
    };
    switch (flag) {
      case '-h':
      case '--help':
        return 'help';
      case '--format':
        options.format = oneOf(flag, value(), FORMATS);
        break;
      case '--fail-on':
        options.failOn = oneOf(flag, value(), FAIL_LEVELS);
        failOnGiven = true;
        break;
      case '--max-warnings': {
        const given = value();
        if (!/^\d+$/.test(given)) throw new UsageError(`--max-warnings takes a whole number of warnings; got "${given}".`);
        options.maxWarnings = Number(given);
        break;
      }
      case '--quiet':
        options.quiet = true;
        break;
      case '--rule': {
        const id = value().toUpperCase();
        if (!isRuleId(id)) throw new UsageError(`--rule takes a rule id such as AIR001; got "${id}".`);
        if (!options.rules.includes(id)) options.rules.push(id);
        break;
      }
      case '--baseline':
        options.baseline = value();
        break;
      case '--write-baseline':
        options.writeBaseline = value();
        break;
      case '--stdin':
        stdin = true;
        break;
      case '--stdin-filename':
        options.stdinFilename = value();
        break;
      case '--no-ignore':
        options.gitignore = false;
        break;
      case '--config':
        options.configPath = value();
        break;
      case '--fix':
        options.fix = true;
        break;
      case '--jobs': {
        const given = value();
        if (!/^\d+$/.test(given) || Number(given) < 1) throw new UsageError(`--jobs takes a number of threads, 1 or more; got "${given}".`);
        options.jobs = Number(given);
        break;
      }
      case '--checklist':
        options.checklist = true;
        break;
      case '--debug':
        options.debug = true;
        break;
      default:
        if (flag.startsWith('-')) throw new UsageError(`Unknown option ${flag}.`);
        options.paths.push(arg);
    }
  }
  // As ESLint: a warning budget means warnings alone do not fail the run; errors still do.
  if (options.maxWarnings !== undefined && !failOnGiven) options.failOn = 'error';
  if (stdin !== (options.stdinFilename !== undefined)) throw new UsageError('--stdin and --stdin-filename PATH go together: the path says what the text is.');
  if (stdin && options.paths.length > 0) throw new UsageError('With --stdin, give no paths: the text comes from standard input.');
  if (stdin && options.fix) throw new UsageError('--fix writes files in place; it cannot be used with --stdin.');
  if (options.paths.length === 0) options.paths.push('.');
  return options;
}

function oneOf<T extends string>(flag: string, value: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`${flag} takes one of ${allowed.join(', ')}; got "${value}".`);
}
