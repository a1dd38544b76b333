// Hostile inputs built from the fixtures: each input is one fixture with 1–3 mutations, fully determined by (seed, index).
import { Rng } from './prng';
import type { SourceFile } from './sources';

export type Language = 'ts' | 'py';

export interface FuzzInput {
  seed: number;
  index: number;
  /** The fixture it started from. */
  source: string;
  /** File name in a batch folder: `i000042.ts`. */
  name: string;
  ext: string;
  language: Language;
  text: string;
  /** What was done, in order, with the parameters that matter for reproducing by hand. */
  mutations: string[];
}

/** The CLI and server skip files over this many bytes with a notice. */
export const MAX_FILE_BYTES = 2 * 1024 * 1024;

interface Mutation {
  name: string;
  /** Heavy mutations make big or deep inputs; they are rarer so a run stays fast. */
  weight: number;
  apply(text: string, rng: Rng, language: Language): { text: string; label: string };
}

export function inputName(index: number, ext: string): string {
  return `i${String(index).padStart(6, '0')}${ext}`;
}

export function makeInput(sources: readonly SourceFile[], seed: number, index: number): FuzzInput {
  const rng = new Rng(seed, index);
  const source = rng.pick(sources);
  let text = source.text;
  const mutations: string[] = [];
  const count = rng.int(1, 3);
  for (let i = 0; i < count; i++) {
    const mutation = rng.weighted(MUTATIONS.map((m) => [m, m.weight] as const));
    const result = mutation.apply(text, rng, source.language);
    text = result.text;
    mutations.push(result.label);
  }
  // Inputs stay under the size limit unless the oversize mutation asked for more (a few check the skip notice).
  if (!mutations.some((m) => m.startsWith('oversize')) && Buffer.byteLength(text, 'utf8') > MAX_FILE_BYTES) {
    while (Buffer.byteLength(text, 'utf8') > MAX_FILE_BYTES) text = text.slice(0, Math.floor(text.length * 0.95));
    mutations.push(`cap-2MB@${text.length}`);
  }
  return { seed, index, source: source.path, name: inputName(index, source.ext), ext: source.ext, language: source.language, text, mutations };
}

// ---- tokens, lines and insertion points ----

interface Token {
  start: number;
  end: number;
  kind: 'space' | 'word' | 'number' | 'string' | 'punct';
}

// One-line strings and templates are whole tokens; everything else is a word, a number or one character.
const LEXER = /(\s+)|([\p{L}_$][\p{L}\p{N}_$]*)|(\d[\w.]*)|("(?:[^"\\\r\n]|\\.)*"|'(?:[^'\\\r\n]|\\.)*'|`(?:[^`\\]|\\[\s\S])*`)|([\s\S])/uy;

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  LEXER.lastIndex = 0;
  for (let match = LEXER.exec(text); match; match = LEXER.exec(text)) {
    const kind = match[1] ? 'space' : match[2] ? 'word' : match[3] ? 'number' : match[4] ? 'string' : 'punct';
    tokens.push({ start: match.index, end: LEXER.lastIndex, kind });
    if (LEXER.lastIndex >= text.length) break;
  }
  return tokens;
}

const solid = (tokens: Token[]) => tokens.filter((t) => t.kind !== 'space');

/** Offsets just after each line break (and 0): where a whole new line can go. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) starts.push(i + 1);
  }
  return starts;
}

const eolOf = (text: string) => (/\r\n/.test(text) ? '\r\n' : /\r(?!\n)/.test(text) ? '\r' : '\n');

/** Adds whole lines at the end (parses, when the block is valid at top level) or at a random line start (often breaks). */
function addLines(text: string, rng: Rng, block: string, atEndChance = 0.7): { text: string; where: string } {
  const eol = eolOf(text);
  const lines = block.replace(/\n/g, eol);
  if (rng.chance(atEndChance)) {
    const sep = text.length === 0 || /[\r\n]$/.test(text) ? '' : eol;
    return { text: text + sep + lines + eol, where: '@end' };
  }
  const at = rng.pick(lineStarts(text));
  return { text: text.slice(0, at) + lines + eol + text.slice(at), where: `@${at}` };
}

/** A string token, preferring one on a line that looks like a prompt. */
function promptString(text: string, tokens: Token[], rng: Rng): Token | undefined {
  const strings = tokens.filter((t) => t.kind === 'string' && t.end - t.start >= 3);
  if (strings.length === 0) return undefined;
  const prompty = strings.filter((t) => {
    const lineStart = text.lastIndexOf('\n', t.start) + 1;
    const lineEnd = text.indexOf('\n', t.end);
    return /content|prompt|input|system|messages|instructions|text/i.test(text.slice(lineStart, lineEnd === -1 ? undefined : lineEnd));
  });
  return rng.pick(prompty.length > 0 && rng.chance(0.8) ? prompty : strings);
}

/**
 * A model call whose prompt is `prompt` (an expression), with its own client so that it is recognised wherever it
 * lands (the prompt is then scanned for personal data); the call itself is one line.
 */
function promptCall(language: Language, prompt: string): string {
  return language === 'py'
    ? `from openai import OpenAI\nfuzz_client = OpenAI()\nreply = fuzz_client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": ${prompt}}])`
    : `import OpenAI from 'openai';\nconst fuzzClient = new OpenAI();\nexport const reply = fuzzClient.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: ${prompt} }] });`;
}

// ---- filler ----

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** `length` characters of one kind of filler: prose, a base64-looking run, e-mail-looking text, or one letter. */
function filler(rng: Rng, length: number, kind = rng.pick(['words', 'base64', 'emails', 'dotted', 'letter'] as const)): { text: string; kind: string } {
  const parts: string[] = [];
  let size = 0;
  const push = (s: string) => {
    parts.push(s);
    size += s.length;
  };
  while (size < length) {
    switch (kind) {
      case 'words':
        push(rng.pick(['lorem ', 'ipsum ', 'customer ', 'summary ', 'the ', 'ticket ']));
        break;
      case 'base64':
        for (let i = 0; i < 64; i++) push(BASE64[rng.int(0, 63)]);
        break;
      case 'emails':
        push(`user.name+${rng.int(0, 999)}@example.com `);
        break;
      case 'dotted':
        push('ab.cd-ef_gh.');
        break;
      case 'letter':
        push('a'.repeat(Math.min(4096, length - size)));
        break;
    }
  }
  return { text: parts.join('').slice(0, length), kind };
}

/** Characters that make a string non-breaking inside a quoted literal. */
const quoteSafe = (s: string) => s.replace(/["'`\\$]/g, 'x');

// ---- the mutations ----

const MUTATIONS: Mutation[] = [
  {
    name: 'token-delete',
    weight: 3,
    apply(text, rng) {
      const tokens = solid(tokenize(text));
      if (tokens.length === 0) return { text, label: 'token-delete(none)' };
      const t = rng.pick(tokens);
      return { text: text.slice(0, t.start) + text.slice(t.end), label: `token-delete@${t.start}` };
    },
  },
  {
    name: 'token-duplicate',
    weight: 3,
    apply(text, rng) {
      const tokens = solid(tokenize(text));
      if (tokens.length === 0) return { text, label: 'token-duplicate(none)' };
      const t = rng.pick(tokens);
      return { text: text.slice(0, t.end) + text.slice(t.start, t.end) + text.slice(t.end), label: `token-duplicate@${t.start}` };
    },
  },
  {
    name: 'token-swap',
    weight: 2,
    apply(text, rng) {
      const tokens = solid(tokenize(text));
      if (tokens.length < 2) return { text, label: 'token-swap(none)' };
      const i = rng.int(0, tokens.length - 2);
      const [a, b] = [tokens[i], tokens[i + 1]];
      const swapped = text.slice(0, a.start) + text.slice(b.start, b.end) + text.slice(a.end, b.start) + text.slice(a.start, a.end) + text.slice(b.end);
      return { text: swapped, label: `token-swap@${a.start}` };
    },
  },
  {
    name: 'line-swap',
    weight: 2,
    apply(text, rng) {
      const lines = text.split(/(?<=\r\n|\r(?!\n)|\n)/);
      if (lines.length < 2) return { text, label: 'line-swap(none)' };
      const i = rng.int(0, lines.length - 2);
      [lines[i], lines[i + 1]] = [lines[i + 1], lines[i]];
      return { text: lines.join(''), label: `line-swap@line${i + 1}` };
    },
  },
  {
    name: 'truncate',
    weight: 2,
    apply(text, rng) {
      const at = rng.int(0, text.length);
      return { text: text.slice(0, at), label: `truncate@${at}` };
    },
  },
  {
    name: 'unicode',
    weight: 3,
    apply(text, rng) {
      const kind = rng.pick(['bom', 'nul', 'rtl-override', 'lone-surrogate', 'combining', 'emoji'] as const);
      if (kind === 'bom') return { text: `\uFEFF${text}`, label: 'unicode-bom' };
      const insert = {
        nul: '\u0000',
        'rtl-override': '\u202E',
        'lone-surrogate': rng.pick(['\uD800', '\uDC00', '\uDBFF']),
        combining: Array.from({ length: rng.int(1, 200) }, () => String.fromCharCode(0x300 + rng.int(0, 0x6f))).join(''),
        emoji: rng.pick(['😀', '👩‍👩‍👧‍👦', '🏳️‍🌈', '\u{1F9EA}\uFE0F']),
      }[kind];
      // Half the time inside a string literal (still parses), half anywhere (inside identifiers, between tokens).
      const strings = tokenize(text).filter((t) => t.kind === 'string' && t.end - t.start >= 2);
      const at = strings.length > 0 && rng.chance(0.5) ? rng.pick(strings).start + 1 : rng.int(0, text.length);
      return { text: text.slice(0, at) + insert + text.slice(at), label: `unicode-${kind}@${at}` };
    },
  },
  {
    name: 'line-endings',
    weight: 2,
    apply(text, rng) {
      const eol = rng.pick(['\r', '\r\n'] as const);
      return { text: text.replace(/\r\n|\r|\n/g, eol), label: eol === '\r' ? 'eol-cr' : 'eol-crlf' };
    },
  },
  {
    name: 'unterminated',
    weight: 2,
    apply(text, rng, language) {
      const opener = rng.pick(language === 'py' ? ["'", '"', "'''", '"""', 'f"{'] : ["'", '"', '`', '/*', '`${']);
      const starts = solid(tokenize(text)).map((t) => t.start);
      const at = starts.length > 0 ? rng.pick(starts) : 0;
      return { text: text.slice(0, at) + opener + text.slice(at), label: `unterminated(${opener})@${at}` };
    },
  },
  {
    name: 'deep-nesting',
    weight: 1,
    apply(text, rng, language) {
      const depth = Math.round(10 ** (2 + 2 * rng.next()));
      const shape = rng.pick(['open', 'wrap', 'array', 'blocks'] as const);
      switch (shape) {
        case 'open': {
          const bracket = rng.pick(['(', '[', '{']);
          const at = rng.int(0, text.length);
          return { text: text.slice(0, at) + bracket.repeat(depth) + text.slice(at), label: `deep-nesting(open ${bracket}×${depth})@${at}` };
        }
        case 'wrap': {
          // Balanced parentheses around a string or a name: still valid code where that token is an expression.
          const tokens = solid(tokenize(text)).filter((t) => t.kind === 'string' || t.kind === 'word');
          if (tokens.length === 0) return { text, label: 'deep-nesting(wrap none)' };
          const t = promptString(text, tokens, rng) ?? rng.pick(tokens);
          const wrapped = '('.repeat(depth) + text.slice(t.start, t.end) + ')'.repeat(depth);
          return { text: text.slice(0, t.start) + wrapped + text.slice(t.end), label: `deep-nesting(wrap ×${depth})@${t.start}` };
        }
        case 'array': {
          const value = '['.repeat(depth) + '1' + ']'.repeat(depth);
          const added = addLines(text, rng, language === 'py' ? `deep = ${value}` : `export const deep = ${value};`);
          return { text: added.text, label: `deep-nesting(array ×${depth})${added.where}` };
        }
        case 'blocks': {
          if (language === 'py') {
            // One space of indentation per level keeps 1,200 levels under a megabyte.
            const levels = Math.min(depth, 1200);
            const lines = Array.from({ length: levels }, (_, i) => `${' '.repeat(i)}if x:`);
            lines.push(`${' '.repeat(levels)}pass`);
            const added = addLines(text, rng, `x = 1\n${lines.join('\n')}`);
            return { text: added.text, label: `deep-nesting(ifs ×${levels})${added.where}` };
          }
          const block = 'if (x) { '.repeat(depth) + 'x++;' + ' }'.repeat(depth);
          const added = addLines(text, rng, `export function deep(x: number) { ${block} }`);
          return { text: added.text, label: `deep-nesting(blocks ×${depth})${added.where}` };
        }
      }
    },
  },
  {
    name: 'huge-line',
    weight: 1,
    apply(text, rng, language) {
      return hugeLine(text, rng, language, rng.int(1_000_000, 1_048_576), 'huge-line');
    },
  },
  {
    name: 'oversize',
    weight: 0.15,
    apply(text, rng, language) {
      return hugeLine(text, rng, language, rng.int(2_200_000, 2_600_000), 'oversize');
    },
  },
  {
    name: 'long-identifier',
    weight: 1,
    apply(text, rng) {
      // A word an earlier mutation already stretched is left alone (a regular expression of it would be too large).
      const words = solid(tokenize(text)).filter((t) => t.kind === 'word' && t.end - t.start < 1000 && !KEYWORDS.has(text.slice(t.start, t.end)));
      if (words.length === 0) return { text, label: 'long-identifier(none)' };
      const t = rng.pick(words);
      const name = text.slice(t.start, t.end);
      const long = name + 'x'.repeat(100_000 - name.length);
      // Renaming every use keeps the code meaning the same; only the chosen one when that would pass a megabyte.
      const uses = text.match(new RegExp(`(?<![\\p{L}\\p{N}_$])${escapeRegExp(name)}(?![\\p{L}\\p{N}_$])`, 'gu'))?.length ?? 1;
      if (uses * 100_000 <= 1_200_000) {
        const renamed = text.replace(new RegExp(`(?<![\\p{L}\\p{N}_$])${escapeRegExp(name)}(?![\\p{L}\\p{N}_$])`, 'gu'), long);
        return { text: renamed, label: `long-identifier(${name} ×${uses})` };
      }
      return { text: text.slice(0, t.start) + long + text.slice(t.end), label: `long-identifier(${name} once)@${t.start}` };
    },
  },
  {
    name: 'long-word-in-prompt',
    weight: 1,
    apply(text, rng, language) {
      const word = filler(rng, 100_000, rng.pick(['base64', 'dotted', 'letter'] as const));
      const t = promptString(text, tokenize(text), rng);
      if (!t) {
        const added = addLines(text, rng, promptCall(language, `"${word.text}"`), 1);
        return { text: added.text, label: `long-word-in-prompt(${word.kind}, new call)` };
      }
      const at = t.start + (text[t.start + 1] === text[t.start] ? 2 : 1);
      return { text: text.slice(0, at) + word.text + text.slice(at), label: `long-word-in-prompt(${word.kind})@${at}` };
    },
  },
  {
    name: 'plus-chain',
    weight: 1,
    apply(text, rng, language) {
      const terms = rng.int(1500, 5000);
      const chain = Array.from({ length: terms }, () => '"ab"').join(' + ');
      const t = promptString(text, tokenize(text), rng);
      if (!t || rng.chance(0.2)) {
        const added = addLines(text, rng, promptCall(language, chain));
        return { text: added.text, label: `plus-chain(${terms} terms, new call)${added.where}` };
      }
      return { text: text.slice(0, t.start) + chain + text.slice(t.end), label: `plus-chain(${terms} terms)@${t.start}` };
    },
  },
  {
    name: 'one-argument-fetch',
    weight: 2,
    apply(text, rng, language) {
      const block = rng.pick(
        language === 'py'
          ? [
              'import requests\nrequests.post("https://api.anthropic.com/v1/messages")',
              'import httpx\nhttpx.post("https://api.openai.com/v1/chat/completions")',
              'import requests\nURL = "https://api.anthropic.com/v1/messages"\nrequests.post(URL)',
              'import httpx\nasync def probe():\n    async with httpx.AsyncClient() as http:\n        return await http.post("https://api.anthropic.com/v1/messages")',
            ]
          : [
              "fetch('https://api.anthropic.com/v1/messages');",
              'export async function probe() { return fetch("https://api.openai.com/v1/chat/completions"); }',
              "const MESSAGES_URL = 'https://api.anthropic.com/v1/messages';\nfetch(MESSAGES_URL);",
              'fetch(`https://api.anthropic.com/v1/messages`).then((r) => r.json());',
              "import axios from 'axios';\naxios.post('https://api.openai.com/v1/responses');",
            ],
      );
      const added = addLines(text, rng, block);
      return { text: added.text, label: `one-argument-fetch${added.where}` };
    },
  },
  {
    name: 'half-typed-call',
    weight: 2,
    apply(text, rng, language) {
      const full = rng.pick(
        language === 'py'
          ? [
              'reply = client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": question',
              'client = anthropic.Anthropic(api_key="sk-ant-api03-abcdefghijklmnop',
              'msg = client.messages.create(',
              'resp = client.responses.',
              'llm = ChatOpenAI(model="gpt-4o", timeout=',
            ]
          : [
              "const reply = await openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: question",
              "const client = new OpenAI({ apiKey: 'sk-proj-abcdefghijklmnop",
              'const msg = await anthropic.messages.create(',
              'const r = await openai.responses.',
              "const { text } = await generateText({ model: openai('gpt-4o'), prompt: ",
            ],
      );
      // Sometimes cut further, as if the user were mid-keystroke.
      const typed = rng.chance(0.5) ? full.slice(0, rng.int(1, full.length)) : full;
      const added = addLines(text, rng, typed, 0.3);
      return { text: added.text, label: `half-typed-call(${typed.length} chars)${added.where}` };
    },
  },
];

function hugeLine(text: string, rng: Rng, language: Language, length: number, name: string): { text: string; label: string } {
  const shape = rng.pick(['comment', 'string', 'numbers', 'prompt'] as const);
  const fill = filler(rng, length);
  let line: string;
  switch (shape) {
    case 'comment':
      line = (language === 'py' ? '# ' : '// ') + fill.text;
      break;
    case 'string':
      line = language === 'py' ? `blob = "${quoteSafe(fill.text)}"` : `export const blob = "${quoteSafe(fill.text)}";`;
      break;
    case 'numbers': {
      const numbers: number[] = [];
      for (let size = 0; size < length; size += String(numbers.length).length + 2) numbers.push(numbers.length);
      line = language === 'py' ? `nums = [${numbers.join(', ')}]` : `export const nums = [${numbers.join(', ')}];`;
      break;
    }
    case 'prompt':
      line = promptCall(language, `"${quoteSafe(fill.text)}"`);
      break;
  }
  const added = addLines(text, rng, line);
  return { text: added.text, label: `${name}(${shape}, ${fill.kind}, ${line.length} chars)${added.where}` };
}

const KEYWORDS = new Set(
  'import from export default const let var function return async await if else for while new class this true false null undefined def as with in is not and or None True False pass self typeof of try catch except finally raise throw lambda yield'.split(
    ' ',
  ),
);

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
