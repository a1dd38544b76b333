import { sdkFacts } from '../catalog';
import { levelOf, type FileAnalysis } from '../engine/analyzeFile';
import type { ProdreadyConfig, RuleLevel } from '../config/config';
import type { CallSite, Span } from '../model';
import { ownershipDeclared, relativeTo, type OwnershipSources } from '../ownership/owners';
import { rules, type Finding, type RuleId } from '../rules';
import type { Evidence, SiteRef } from './types';
import type { ReferenceData } from '../cost/referenceData';

/** Everything the checklist, the inventory and the ownership map are computed from. Pure data, no I/O. */
export interface WorkspaceSnapshot {
  /** Absolute path of the workspace folder. */
  root: string;
  /** Every file of the workspace, relative to `root` with `/` separators (dependency and build folders left out). */
  files: readonly string[];
  /** The analysed source files. */
  analyses: readonly FileAnalysis[];
  config: ProdreadyConfig;
  /** Absolute path of the `.prodready.json` in force, if there is one. */
  configFile?: string;
  /** Rule levels from the editor, over the config's. */
  ruleLevels?: Partial<Record<RuleId, RuleLevel>>;
  ownership?: OwnershipSources;
  /** The price tables and lifecycle data in force; the bundled ones unless given. */
  data?: ReferenceData;
  /** YYYY-MM-DD the price table's age is judged against; today unless a test fixes it. */
  today?: string;
  /** A small workspace file (package.json, requirements.txt) by its relative path. */
  readFile(relative: string): string | undefined;
}

/** One AI call site with where it is and what was found on it. */
export interface SiteView {
  site: CallSite;
  analysis: FileAnalysis;
  ref: SiteRef;
  findings: Finding[];
}

/** The snapshot indexed once for every item that reads it. */
export class WorkspaceView {
  readonly sites: SiteView[] = [];
  readonly findings: { finding: Finding; analysis: FileAnalysis }[] = [];

  constructor(readonly snapshot: WorkspaceSnapshot) {
    for (const analysis of snapshot.analyses) {
      const bySubject = new Map<number, Finding[]>();
      for (const finding of analysis.findings) {
        this.findings.push({ finding, analysis });
        const list = bySubject.get(finding.subjectSpan.start);
        if (list) list.push(finding);
        else bySubject.set(finding.subjectSpan.start, [finding]);
      }
      // Calls to the project's own wrappers are judged at the AI call inside them: counted once, there.
      for (const site of analysis.facts.callSites) {
        if (site.sdk === 'wrapper') continue;
        this.sites.push({ site, analysis, ref: this.siteRef(analysis, site), findings: bySubject.get(site.span.start) ?? [] });
      }
    }
  }

  /** The project names owners somewhere: CODEOWNERS, config rules, or a tag in any analysed file. */
  get ownershipDeclared(): boolean {
    return ownershipDeclared(this.snapshot.ownership, this.snapshot.analyses.flatMap((analysis) => analysis.facts.ownerTags));
  }

  relative(file: string): string {
    return relativeTo(this.snapshot.root, file) ?? file.replace(/\\/g, '/');
  }

  /** Evidence at a span of an analysed file. */
  at(analysis: FileAnalysis, span: Span, label: string): Evidence {
    const { line, character } = analysis.lines.positionAt(span.start);
    return { label, file: this.relative(analysis.file), line: line + 1, column: character + 1 };
  }

  siteRef(analysis: FileAnalysis, site: CallSite): SiteRef {
    const { file, line, column } = this.at(analysis, site.calleeSpan, '') as Required<Evidence>;
    return { file, line, column, label: describeSite(site) };
  }

  isOn(ruleId: RuleId): boolean {
    return levelOf(rules[ruleId], this.snapshot.config, this.snapshot.ruleLevels) !== 'off';
  }

  /** The config file, relative, for evidence; undefined when there is none. */
  configEvidence(line: number | undefined, label: string): Evidence {
    const file = this.snapshot.configFile ? this.relative(this.snapshot.configFile) : undefined;
    return { label, file, line };
  }
}

/** `OpenAI chat.completions.create (gpt-4o) in answer()`. */
export function describeSite(site: CallSite): string {
  const sdk = sdkFacts(site.sdk, site.module, site.language)?.displayName ?? site.sdk;
  const model = site.model?.value ? ` (${site.model.value})` : '';
  const where = site.enclosingFunction ? ` in ${site.enclosingFunction}()` : '';
  return `${sdk} ${site.api}${model}${where}`;
}
