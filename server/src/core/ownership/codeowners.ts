import { trimTrailing } from '../model';
import { OWNER } from '../model';

/**
 * CODEOWNERS as GitHub and GitLab read it: gitignore-style patterns, the last matching line wins, a line with no
 * owners leaves the path unowned. GitLab sections (`[Name] @default`, `^[Optional]`, `[Name][2]`) are evaluated
 * separately and their owners combined; entries without owners take their section's defaults.
 */

/** Where the file is looked for, in the order the hosts look. */
export const CODEOWNERS_LOCATIONS = ['.github/CODEOWNERS', 'CODEOWNERS', 'docs/CODEOWNERS', '.gitlab/CODEOWNERS'];

export interface CodeOwnersEntry {
  pattern: string;
  owners: string[];
  /** 1-based line in the CODEOWNERS file, for evidence links. */
  line: number;
  section: string;
  matches(path: string): boolean;
}

export interface CodeOwners {
  entries: CodeOwnersEntry[];
  problems: { line: number; message: string }[];
}

const DEFAULT_SECTION = '';
const SECTION = /^\^?\[([^\]]+)\](?:\[\d+\])?(.*)$/;

export function parseCodeOwners(text: string): CodeOwners {
  const entries: CodeOwnersEntry[] = [];
  const problems: CodeOwners['problems'] = [];
  let section = DEFAULT_SECTION;
  let sectionOwners: string[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = index + 1;
    const content = stripComment(raw).trim();
    if (content === '') return;
    const header = SECTION.exec(content);
    if (header) {
      section = header[1].trim().toLowerCase();
      sectionOwners = header[2].split(/\s+/).filter(Boolean);
      return;
    }
    const [pattern, ...owners] = splitUnescaped(content);
    const invalid = owners.filter((owner) => !OWNER.test(owner));
    if (invalid.length > 0) problems.push({ line, message: `Not an owner (expected @user, @org/team or an email): ${invalid.join(', ')}` });
    const matcher = codeOwnersPattern(pattern);
    if (!matcher) {
      problems.push({ line, message: `Pattern not supported by CODEOWNERS: ${pattern}` });
      return;
    }
    const valid = owners.filter((owner) => OWNER.test(owner));
    entries.push({ pattern, owners: valid.length > 0 || section === DEFAULT_SECTION ? valid : sectionOwners, line, section, matches: matcher });
  });
  return { entries, problems };
}

/** The owners of a repository-relative path (`/` separators), and the lines that decided it. */
export function ownersOf(codeOwners: CodeOwners, path: string): { owners: string[]; decidedBy: CodeOwnersEntry[] } {
  const lastBySection = new Map<string, CodeOwnersEntry>();
  for (const entry of codeOwners.entries) if (entry.matches(path)) lastBySection.set(entry.section, entry);
  const decidedBy = [...lastBySection.values()];
  return { owners: [...new Set(decidedBy.flatMap((entry) => entry.owners))], decidedBy };
}

/** `#` starts a comment unless escaped (`\#`). */
function stripComment(line: string): string {
  for (let i = 0; i < line.length; i++) {
    if (line[i] === '\\') i++;
    else if (line[i] === '#') return line.slice(0, i);
  }
  return line;
}

/** Splits on whitespace, keeping `\ ` (an escaped space in a path) inside its word. */
function splitUnescaped(content: string): string[] {
  const words: string[] = [];
  let current = '';
  for (let i = 0; i < content.length; i++) {
    const char = content[i];
    if (char === '\\' && i + 1 < content.length) {
      current += content[++i];
    } else if (/\s/.test(char)) {
      if (current) words.push(current);
      current = '';
    } else {
      current += char;
    }
  }
  if (current) words.push(current);
  return words;
}

/**
 * gitignore-style matching: a slash at the start or in the middle anchors to the root; otherwise the pattern matches
 * at any depth. A match on a directory owns everything below it, except for patterns whose last segment is a
 * wildcard (`docs/*` owns `docs/a.md`, not `docs/guides/b.md`). `!` negation and `[…]` ranges are not supported.
 */
export function codeOwnersPattern(pattern: string): ((path: string) => boolean) | undefined {
  if (pattern.startsWith('!') || /\[|\]/.test(pattern)) return undefined;
  const directoryOnly = pattern.endsWith('/');
  const trimmed = trimTrailing(pattern, '/');
  const anchored = trimmed.startsWith('/') || trimmed.includes('/');
  const body = trimmed.replace(/^\//, '');
  const lastSegment = body.slice(body.lastIndexOf('/') + 1);
  const source = body
    .split('/')
    .map((segment) => (segment === '**' ? '\u0000' : segment.replace(/[.+^${}()|\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]')))
    .join('/')
    .replace(/\u0000\//g, '(?:.*/)?')
    .replace(/\/\u0000$/, '/.*')
    .replace(/\u0000/g, '.*');
  const prefix = anchored ? '^' : '^(?:.*/)?';
  const below = directoryOnly ? '/.+$' : lastSegment.includes('*') && lastSegment !== '**' ? '$' : '(?:/.+)?$';
  const regex = new RegExp(prefix + source + below);
  return (path) => regex.test(path.replace(/^\/+/, ''));
}
