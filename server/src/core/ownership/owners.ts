import type { CallSite, OwnerAssignment } from '../model';
import type { OwnershipRule } from '../config/governance';
import { trimTrailing, type LineIndex } from '../model';
import type { OwnerTag } from '../model';
import { ownersOf, type CodeOwners } from './codeowners';

/**
 * Who answers for a call site: an inline `@owner` tag > a `.prodready.json` ownership rule > CODEOWNERS > nobody.
 *
 * A tag is about the code directly below its comment: the call's statement, or the function, method, class or
 * property that holds the call. A tag in the comment block that opens the file covers the whole file.
 */

/** Where the project declares owners; paths in each are relative to its `root` (absolute, `/` separated). */
export interface OwnershipSources {
  codeowners?: { file: string; root: string; rules: CodeOwners };
  config?: { file: string; root: string; rules: OwnershipRule[] };
}

/** True when the project names owners anywhere this analysis can see. */
export function ownershipDeclared(sources: OwnershipSources | undefined, tags: readonly OwnerTag[]): boolean {
  return tags.length > 0 || (sources?.config?.rules.length ?? 0) > 0 || (sources?.codeowners?.rules.entries.length ?? 0) > 0;
}

export function ownerOf(site: CallSite, tags: readonly OwnerTag[], lines: LineIndex, sources: OwnershipSources | undefined): OwnerAssignment | undefined {
  for (const anchor of site.anchors) {
    const anchorLine = lines.positionAt(anchor).line;
    const tag = tags.find((candidate) => candidate.anchorLine === anchorLine && !candidate.fileWide);
    if (tag) return inline(site, tag);
  }
  const header = tags.find((tag) => tag.fileWide);
  if (header) return inline(site, header);

  const config = sources?.config;
  const configPath = config && relativeTo(config.root, site.file);
  if (config && configPath !== undefined) {
    // The last matching rule wins, as in CODEOWNERS.
    const rule = [...config.rules].reverse().find((candidate) => candidate.matches(configPath));
    if (rule) return { owners: rule.owners, source: 'config', declaredAt: { file: config.file, line: rule.line } };
  }

  const codeowners = sources?.codeowners;
  const repoPath = codeowners && relativeTo(codeowners.root, site.file);
  if (codeowners && repoPath !== undefined) {
    const { owners, decidedBy } = ownersOf(codeowners.rules, repoPath);
    if (owners.length > 0) return { owners, source: 'codeowners', declaredAt: { file: codeowners.file, line: decidedBy[decidedBy.length - 1].line } };
  }
  return undefined;
}

function inline(site: CallSite, tag: OwnerTag): OwnerAssignment {
  return { owners: tag.owners, source: 'inline', declaredAt: { file: site.file, line: tag.line + 1 } };
}

/** `file` relative to `root` with `/` separators, or undefined when it lies outside. */
export function relativeTo(root: string, file: string): string | undefined {
  const normalise = (path: string) => trimTrailing(path.replace(/\\/g, '/'), '/');
  const base = normalise(root);
  const target = normalise(file);
  if (base === '') return target.replace(/^\//, '');
  return target.startsWith(`${base}/`) ? target.slice(base.length + 1) : undefined;
}
