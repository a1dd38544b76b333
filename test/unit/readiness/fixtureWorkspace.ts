// Small in-memory workspaces for the readiness checklist and the inventory: files by path, analysed as the CLI would.
import { analyzeText, languageOf } from '../../../server/src/core/engine/analyzeFile';
import { parseConfig } from '../../../server/src/core/config/config';
import { parseCodeOwners } from '../../../server/src/core/ownership/codeowners';
import type { OwnershipSources } from '../../../server/src/core/ownership/owners';
import { buildInventory, buildReadiness, type ReadinessItem, type WorkspaceSnapshot } from '../../../server/src/core/readiness';

export const ROOT = '/ws';

/** `files` by path relative to the root; `.prodready.json` and `.github/CODEOWNERS` among them are read as such. */
export function fixtureWorkspace(files: Record<string, string>): WorkspaceSnapshot {
  const configText = files['.prodready.json'];
  const config = configText === undefined ? parseConfig('{}').config : parseConfig(configText).config;
  const configFile = configText === undefined ? undefined : `${ROOT}/.prodready.json`;
  const ownership: OwnershipSources = {};
  if (configFile && config.governance.ownership.length > 0) ownership.config = { file: configFile, root: ROOT, rules: config.governance.ownership };
  const codeowners = files['.github/CODEOWNERS'];
  if (codeowners !== undefined) ownership.codeowners = { file: `${ROOT}/.github/CODEOWNERS`, root: ROOT, rules: parseCodeOwners(codeowners) };
  const analyses = Object.entries(files)
    .filter(([file]) => languageOf(file) && !/\.(test|spec)\./.test(file))
    .map(([file, text]) => analyzeText(`${ROOT}/${file}`, text, { config, ownership, today: '2026-11-22' }));
  return { root: ROOT, files: Object.keys(files).sort(), analyses, config, configFile, ownership, today: '2026-11-22', readFile: (file) => files[file] };
}

export function itemOf(files: Record<string, string>, id: string): ReadinessItem {
  const found = buildReadiness(fixtureWorkspace(files)).categories.flatMap((category) => category.items).find((item) => item.id === id);
  if (!found) throw new Error(`no item ${id}`);
  return found;
}

export function inventoryOf(files: Record<string, string>) {
  return buildInventory(fixtureWorkspace(files));
}

/** A production-grade OpenAI call: timeout, retries, bound, pinned model, handled with a fallback, logged. */
export const goodCall = `import OpenAI from 'openai';
const openai = new OpenAI({ timeout: 20_000, maxRetries: 2 });
export async function summarize(text: string) {
  try {
    const response = await openai.chat.completions.create({ model: 'gpt-4o-2024-08-06', max_tokens: 400, messages: [{ role: 'user', content: text }] });
    console.info('ai.request', { model: response.model, id: response.id, usage: response.usage });
    return response.choices[0].message.content;
  } catch {
    return 'Summary unavailable.';
  }
}
`;

/** A demo-grade call: no timeout, no bound, floating model, unhandled, unlogged. */
export const demoCall = `import OpenAI from 'openai';
const openai = new OpenAI();
export async function draft(text: string) {
  const response = await openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: text }] });
  return response.choices[0].message.content;
}
`;
