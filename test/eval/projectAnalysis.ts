// Analyses a set of files as the CLI does (`Engine.checkFiles` over the disk, default config): imports followed
// across them, files a later file made stale read again, files that cannot hold an AI call left unparsed.
import { defaultConfig } from '../../server/src/core/config/config';
import { Engine } from '../../server/src/core/engine/engine';
import type { FileAnalysis } from '../../server/src/core/engine/analyzeFile';
import { NodeHost } from '../../server/src/node/host';

export function analyseProject(files: readonly string[], read: (file: string) => string): Map<string, FileAnalysis> {
  const texts = new Map(files.map((file) => [file, read(file)]));
  const config = defaultConfig();
  const engine = new Engine(new NodeHost((file) => texts.get(file)), config);
  const { analyses } = engine.checkFiles({ files, config: { config, problems: [] } });
  return new Map(analyses.map((analysis) => [analysis.file, analysis]));
}
