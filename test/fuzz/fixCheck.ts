// What `--fix` must guarantee for one file: valid code stays valid, a second run changes nothing, no line is lost.
import { firstLostLine } from './lines';
import type { FuzzInput } from './mutate';
import { firstParseError, parseResult, type ParseResult } from './parseCheck';
import type { Failure } from './report';

export interface FixOutcome {
  /** The input as the CLI read it (lone surrogates are written to disk as U+FFFD). */
  before: Buffer;
  /** After the first `--fix` run. */
  fixed: Buffer;
  /** After a second `--fix` run on `fixed`; undefined when that run failed (reported as its own failure). */
  fixedAgain?: Buffer;
  /** Parse result of `before`, computed once per input. */
  inputParse: ParseResult;
}

export interface FixCheckResult {
  failures: Failure[];
  lostLineCheckGaveUp: boolean;
}

export function checkFix(input: FuzzInput, outcome: FixOutcome): FixCheckResult {
  const failures: Failure[] = [];
  const extras = { '.fixed': outcome.fixed, ...(outcome.fixedAgain ? { '.fixed-again': outcome.fixedAgain } : {}) };
  const fail = (kind: Failure['kind'], message: string, detail: string) => failures.push({ kind, phase: 'fix', inputs: [input], message, detail, extras });

  if (outcome.fixedAgain && !outcome.fixedAgain.equals(outcome.fixed)) {
    fail('non-idempotent-fix', 'a second --fix run changed the file again', firstDifference(outcome.fixed.toString('utf8'), outcome.fixedAgain.toString('utf8')));
  }
  if (outcome.fixed.equals(outcome.before)) return { failures, lostLineCheckGaveUp: false };

  const before = outcome.before.toString('utf8');
  const fixed = outcome.fixed.toString('utf8');
  if (outcome.inputParse === 'clean' && parseResult(fixed, input.ext) === 'errors') {
    fail('broken-fix', `the input parsed cleanly, the fixed output does not: ${firstParseError(fixed, input.ext)}`, firstDifference(before, fixed));
  }
  // A fix follows the file's line endings: a CR-only or CRLF file must not get other line breaks.
  const endings = lineEndings(before);
  const added = [...lineEndings(fixed)].filter((eol) => !endings.has(eol));
  if (endings.size === 1 && added.length > 0) {
    fail('broken-fix', `the fix wrote ${added.map(showEol).join(' and ')} line breaks into a file that uses only ${showEol([...endings][0])}`, firstDifference(before, fixed));
  }
  const lost = firstLostLine(before, fixed, input.language);
  if (lost && lost !== 'gave-up') {
    fail('lost-lines', `input line ${lost.line} is not in the fixed output: ${JSON.stringify(lost.text.trim().slice(0, 120))}`, firstDifference(before, fixed));
  }
  return { failures, lostLineCheckGaveUp: lost === 'gave-up' };
}

function lineEndings(text: string): Set<string> {
  return new Set(text.match(/\r\n|\r|\n/g) ?? []);
}

const showEol = (eol: string) => JSON.stringify(eol);

/** The first place two texts differ, with some context, escaped so line endings and odd code points show. */
export function firstDifference(a: string, b: string): string {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const show = (s: string) => JSON.stringify(s.slice(Math.max(0, i - 120), i + 200));
  return `first difference at offset ${i}:\n  before: ${show(a)}\n  after:  ${show(b)}`;
}
