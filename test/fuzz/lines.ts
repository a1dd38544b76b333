// "No user line lost": every line of the input is still in the fixed output, in order, allowing what fixes do.
//
// Safe fixes insert text (options, arguments, audit lines, imports) and replace literal values: a hard-coded key
// becomes an environment read, a model alias a pinned model, `timeout=None` a number. So lines are compared as
// token sequences with literal values left out (strings blanked by a quote-aware scanner, numbers and
// None/null/undefined dropped), and an input line counts as kept when its tokens appear, in order, within at most
// three consecutive output lines (an inserted option may split a line).
import type { Language } from './mutate';

const DROPPED_WORDS = new Set(['None', 'null', 'undefined']);

/** Each line's tokens (words and single punctuation characters), with string literals and numbers left out. */
export function lineTokens(text: string, language: Language): string[][] {
  const lines: string[][] = [[]];
  let word = '';
  const flush = () => {
    if (word && !DROPPED_WORDS.has(word) && !/^\d/.test(word)) lines[lines.length - 1].push(word);
    word = '';
  };
  const newline = () => {
    flush();
    lines.push([]);
  };
  const isWord = (c: string) => /[\p{L}\p{N}_$]/u.test(c);
  let i = 0;
  /** Skips a string starting at i (quote `q`, `triple` for Python's), keeping only its line breaks. */
  const skipString = (q: string, triple: boolean, multiline: boolean) => {
    i += triple ? 3 : 1;
    while (i < text.length) {
      const c = text[i];
      if (c === '\\') {
        if (text[i + 1] === '\r' && text[i + 2] === '\n') i++;
        if (text[i + 1] === '\n' || text[i + 1] === '\r') newline();
        i += 2;
        continue;
      }
      if (triple ? text.startsWith(q.repeat(3), i) : c === q) {
        i += triple ? 3 : 1;
        return;
      }
      if (c === '\n' || c === '\r') {
        if (c === '\r' && text[i + 1] === '\n') i++;
        // A one-line string ends at the line break (unterminated); the break itself is handled by the caller.
        if (!multiline) return;
        newline();
      }
      i++;
    }
  };
  while (i < text.length) {
    const c = text[i];
    if (c === '\r' || c === '\n') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      newline();
      i++;
    } else if (isWord(c)) {
      word += c;
      i++;
    } else if (language === 'ts' && c === '/' && text[i + 1] === '/') {
      // Comments are kept as words, but a quote inside one does not start a string.
      flush();
      i += 2;
      while (i < text.length && text[i] !== '\n' && text[i] !== '\r') (isWord(text[i]) ? (word += text[i]) : flush(), i++);
      flush();
    } else if (language === 'ts' && c === '/' && text[i + 1] === '*') {
      flush();
      i += 2;
      while (i < text.length && !text.startsWith('*/', i)) {
        if (text[i] === '\n' || (text[i] === '\r' && text[i + 1] !== '\n')) newline();
        else if (isWord(text[i])) word += text[i];
        else flush();
        i++;
      }
      flush();
      i += 2;
    } else if (language === 'py' && c === '#') {
      flush();
      i++;
      while (i < text.length && text[i] !== '\n' && text[i] !== '\r') (isWord(text[i]) ? (word += text[i]) : flush(), i++);
      flush();
    } else if (c === '"' || c === "'" || (language === 'ts' && c === '`')) {
      // A Python prefix (f, r, b) stays as the word before the string; it is the same on both sides.
      flush();
      const triple = language === 'py' && text.startsWith(c.repeat(3), i);
      skipString(c, triple, triple || c === '`');
    } else {
      flush();
      if (!/\s/.test(c)) lines[lines.length - 1].push(c);
      i++;
    }
  }
  flush();
  return lines;
}

export interface LostLine {
  /** 1-based line of the input. */
  line: number;
  text: string;
}

/** How many output lines one input line may be spread over. */
const SPAN = 3;
/** Work budget: the check gives up (undefined) rather than take seconds on a megabyte line. */
const BUDGET = 20_000_000;

/** The first input line not found in the output (in order), or undefined when all are there or the check gave up. */
export function firstLostLine(input: string, output: string, language: Language): LostLine | 'gave-up' | undefined {
  const before = lineTokens(input, language);
  const after = lineTokens(output, language);
  let work = 0;
  // Cursor into the output: a line and a token in it.
  let line = 0;
  let token = 0;
  for (let n = 0; n < before.length; n++) {
    const wanted = before[n];
    if (wanted.length === 0) continue;
    let found = false;
    for (let startLine = line; startLine < after.length && !found; startLine++) {
      const firstToken = startLine === line ? token : 0;
      for (let t = firstToken; t < after[startLine].length && !found; t++) {
        if (++work > BUDGET) return 'gave-up';
        if (after[startLine][t] !== wanted[0]) continue;
        // Greedy subsequence match from here, within SPAN lines.
        let k = 1;
        let l = startLine;
        let p = t + 1;
        while (k < wanted.length && l < startLine + SPAN && l < after.length) {
          if (p >= after[l].length) {
            l++;
            p = 0;
            continue;
          }
          if (after[l][p] === wanted[k]) k++;
          p++;
          if (++work > BUDGET) return 'gave-up';
        }
        if (k === wanted.length) {
          found = true;
          line = l;
          token = p;
        }
      }
      if (++work > BUDGET) return 'gave-up';
    }
    if (!found) return { line: n + 1, text: sourceLine(input, n) };
  }
  return undefined;
}

function sourceLine(text: string, n: number): string {
  const line = text.split(/\r\n|\r|\n/)[n] ?? '';
  return line.length > 200 ? `${line.slice(0, 200)}… (${line.length} chars)` : line;
}
