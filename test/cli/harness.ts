import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { REPO_ROOT } from '../repoRoot';

// Runs the bundled CLI (dist/cli.js) in throwaway folders, as a user would from a shell.

export const CLI = path.join(REPO_ROOT, 'dist', 'cli.js');

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** A folder under the OS temp dir, removed by `remove`. */
export function scratch(prefix: string): { dir: string; remove(): void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  return { dir, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/** Writes `files` (relative path → text) under `dir`, making folders as needed. */
export function writeFiles(dir: string, files: Record<string, string>): string {
  fs.mkdirSync(dir, { recursive: true });
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), text);
  }
  return dir;
}

export function runCli(cwd: string, args: string[], options: { input?: string; cli?: string } = {}): Run {
  const result = spawnSync(process.execPath, [options.cli ?? CLI, ...args], { cwd, encoding: 'utf8', input: options.input ?? '' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A route handler with one OpenAI call and its usual gaps (AIR001, AIR003, AIR004, AIR006, AIR008). */
export const routeTs = `import OpenAI from 'openai';
const openai = new OpenAI();
export async function POST(req: Request) {
  const body = await req.json();
  const r = await openai.responses.create({ model: 'gpt-4o', input: body.message });
  return Response.json({ text: r.output_text });
}
`;
