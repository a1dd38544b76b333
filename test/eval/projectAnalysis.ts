// Analyses a set of files with imports followed across them as the CLI does (`Engine.checkFiles`): files a later
// file made stale (a base class read before the subclass module implementing its abstract method) are read again.
import { analyzeText, type FileAnalysis } from '../../server/src/core/engine/analyzeFile';
import type { ProjectIndex } from '../../server/src/core/project/projectIndex';

const MAX_STALE_PASSES = 2;

export function analyseProject(project: ProjectIndex, files: readonly string[], read: (file: string) => string): Map<string, FileAnalysis> {
  const analyses = new Map<string, FileAnalysis>();
  const requested = new Set(files);
  let stale = new Set<string>();
  const analyse = (file: string) => {
    stale.delete(file);
    const analysis = analyzeText(file, read(file), { resolveImport: project.resolverFor(file) });
    for (const reader of project.update(file, analysis.facts.exports)) if (requested.has(reader)) stale.add(reader);
    analyses.set(file, analysis);
  };
  for (const file of files) analyse(file);
  for (let pass = 0; pass < MAX_STALE_PASSES && stale.size > 0; pass++) {
    const again = files.filter((file) => stale.has(file));
    stale = new Set();
    for (const file of again) analyse(file);
  }
  return analyses;
}
