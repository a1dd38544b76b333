// A generated workspace for the scan bench: ordinary modules of realistic size importing each other, ~2 % of files
// building a model client with a wrapper, and callers in other modules reaching the model only through it.
import * as fs from 'node:fs';
import * as path from 'node:path';

function ordinaryModule(i: number, files: number): string {
  const imports = [1, 2, 3].map((k) => (i + k * 7) % files).filter((j) => j !== i);
  const head = imports.map((j) => `import { helper${j} } from '../m${j % 20}/module${j}';`).join('\n');
  const fn = (k: number) => `
export interface Record${i}_${k} { id: string; name: string; score: number; tags: string[]; createdAt: Date }

/** Scores a batch of records and keeps the best ones. */
export function rank${i}_${k}(records: Record${i}_${k}[], limit = 10): Record${i}_${k}[] {
  const scored = records.map((record) => ({ ...record, score: record.score + record.tags.length * 0.5 }));
  scored.sort((a, b) => b.score - a.score || a.name.localeCompare(b.name));
  const seen = new Set<string>();
  const kept: Record${i}_${k}[] = [];
  for (const record of scored) {
    if (seen.has(record.id)) continue;
    seen.add(record.id);
    kept.push(record);
    if (kept.length >= limit) break;
  }
  return kept;
}

export class Store${i}_${k} {
  private readonly items = new Map<string, Record${i}_${k}>();
  put(record: Record${i}_${k}): void {
    if (!record.id) throw new Error('record without id');
    this.items.set(record.id, record);
  }
  get(id: string): Record${i}_${k} | undefined {
    return this.items.get(id);
  }
  async load(fetcher: (id: string) => Promise<Record${i}_${k}>, ids: string[]): Promise<number> {
    const loaded = await Promise.all(ids.map((id) => fetcher(id)));
    for (const record of loaded) this.put(record);
    return loaded.length;
  }
}
`;
  return `${head}\n${[0, 1, 2, 3, 4].map(fn).join('')}\nexport function helper${i}(value: string): string {\n  return ${imports.length ? `helper${imports[0]}(value.trim())` : 'value.trim()'};\n}\n`;
}

function aiModule(i: number): string {
  return `import OpenAI from 'openai';
import Anthropic from '@anthropic-ai/sdk';

const openai = new OpenAI({ maxRetries: 3 });
const claude = new Anthropic({ timeout: 20_000 });

/** Answers a question with the team's default model. */
export async function ask${i}(question: string): Promise<string> {
  const response = await openai.chat.completions.create({
    model: 'gpt-4o-2024-08-06',
    messages: [{ role: 'user', content: question }],
  });
  return response.choices[0]?.message?.content ?? '';
}

export async function review${i}(text: string): Promise<string> {
  const message = await claude.messages.create({ model: 'claude-sonnet-4-5-20250929', max_tokens: 512, messages: [{ role: 'user', content: text }] });
  return message.content.map((part) => (part.type === 'text' ? part.text : '')).join('');
}
${ordinaryModule(i, 1).replace(/^import.*$/gm, '')}`;
}

function callerModule(i: number, aiFile: number): string {
  return `import { ask${aiFile} } from '../ai/ai${aiFile}';

/** Summarises a ticket for the support queue. */
export async function summarise${i}(ticket: { subject: string; body: string }): Promise<string> {
  const prompt = \`Summarise: \${ticket.subject}\\n\${ticket.body.slice(0, 2000)}\`;
  return ask${aiFile}(prompt);
}
${ordinaryModule(i, 1).replace(/^import.*$/gm, '')}`;
}

/** Writes `files` TypeScript modules under `dir` (emptied first); returns the number of lines written. */
export function writeWorkspace(dir: string, files: number): number {
  fs.rmSync(dir, { recursive: true, force: true });
  let lines = 0;
  const write = (relative: string, text: string) => {
    const file = path.join(dir, relative);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
    lines += text.split('\n').length;
  };
  write('package.json', JSON.stringify({ name: 'generated-workspace', private: true }));
  write('tsconfig.json', JSON.stringify({ compilerOptions: { target: 'ES2022', module: 'ESNext', moduleResolution: 'Bundler', strict: true } }));
  const aiFiles = Math.max(1, Math.round(files * 0.01));
  for (let i = 0; i < aiFiles; i++) write(`src/ai/ai${i}.ts`, aiModule(i));
  for (let i = 0; i < aiFiles; i++) write(`src/callers/caller${i}.ts`, callerModule(i, i));
  for (let i = 0; i < files - 2 * aiFiles; i++) write(`src/m${i % 20}/module${i}.ts`, ordinaryModule(i, files - 2 * aiFiles));
  return lines;
}
