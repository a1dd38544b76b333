// The shape the code keeps: no import cycles (type-only imports included), a spine that imports nothing above it,
// analysis free of editor, protocol and disk.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { REPO_ROOT } from '../repoRoot';

const SERVER = path.join(REPO_ROOT, 'server', 'src');

/** Every relative import of every server source file, resolved to a file, `import type` and re-exports included. */
function importGraph(): Map<string, string[]> {
  const files = fs
    .readdirSync(SERVER, { recursive: true })
    .map((name) => path.join(SERVER, String(name)))
    .filter((file) => file.endsWith('.ts'));
  const known = new Set(files);
  const resolve = (from: string, spec: string) => [`${spec}.ts`, path.join(spec, 'index.ts')].map((candidate) => path.resolve(path.dirname(from), candidate)).find((candidate) => known.has(candidate));
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const text = fs.readFileSync(file, 'utf8');
    const targets = [...text.matchAll(/(?:^|\n)\s*(?:import|export)\b[^'"]*?from\s+['"](\.[^'"]+)['"]/g)].flatMap((match) => resolve(file, match[1]) ?? []);
    graph.set(file, targets);
  }
  return graph;
}

/** Strongly connected components with more than one file (or a file importing itself): Tarjan's algorithm. */
function cycles(graph: Map<string, string[]>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const connect = (node: string) => {
    index.set(node, counter);
    low.set(node, counter++);
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!index.has(next)) {
        connect(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node)!, index.get(next)!));
      }
    }
    if (low.get(node) === index.get(node)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(path.relative(SERVER, member));
      } while (member !== node);
      if (component.length > 1 || (graph.get(node) ?? []).includes(node)) found.push(component.sort());
    }
  };
  for (const node of graph.keys()) if (!index.has(node)) connect(node);
  return found;
}

describe('layout', () => {
  const graph = importGraph();

  it('has no import cycle, type-only imports included', () => {
    assert.deepEqual(cycles(graph), []);
  });

  it('keeps the spine a leaf: core/model imports nothing outside core/model', () => {
    const model = path.join(SERVER, 'core', 'model') + path.sep;
    const outward = [...graph].filter(([file]) => file.startsWith(model)).flatMap(([file, targets]) => targets.filter((target) => !target.startsWith(model)).map((target) => `${path.relative(SERVER, file)} → ${path.relative(SERVER, target)}`));
    assert.deepEqual(outward, []);
  });

  it('keeps the core free of the editor, the protocol and the disk', () => {
    const core = path.join(SERVER, 'core');
    const offenders = [...graph.keys()]
      .filter((file) => file.startsWith(core))
      .filter((file) => /from ['"](vscode|vscode-languageserver[^'"]*|node:fs|fs|node:child_process)['"]/.test(fs.readFileSync(file, 'utf8')))
      .map((file) => path.relative(SERVER, file));
    assert.deepEqual(offenders, []);
  });
});
