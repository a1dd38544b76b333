// CPU the language server spends before its first diagnostics: spawns `node dist/server.js --stdio`, initializes it
// with a workspace folder, opens one file and waits for that file's publishDiagnostics. The child's CPU (user +
// system) is read from /proc/<pid>/stat at the moment the initialize reply and the diagnostics arrive, so it counts
// the server's own work and nothing of this script's. Linux only. Prints each run and the medians. Several
// --server options compare builds, their runs interleaved so that load from elsewhere on the machine falls on all.
//
//   node test/bench/firstDiagnostics.mjs [--runs 5] [--server dist/server.js ...]
//        [--root examples/demo-app] [--file examples/demo-app/lib/summarize.ts]
import { spawn } from 'node:child_process';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

const argv = process.argv.slice(2);
const option = (name, fallback) => {
  const at = argv.indexOf(`--${name}`);
  return at >= 0 && at + 1 < argv.length ? argv[at + 1] : fallback;
};
const runs = Number(option('runs', '5'));
const servers = argv.flatMap((arg, at) => (arg === '--server' && at + 1 < argv.length ? [path.resolve(argv[at + 1])] : []));
if (servers.length === 0) servers.push(path.resolve('dist/server.js'));
const root = path.resolve(option('root', 'examples/demo-app'));
const file = path.resolve(option('file', 'examples/demo-app/lib/summarize.ts'));
const ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;

/** utime + stime of a live process, in milliseconds (fields 14 and 15 of /proc/<pid>/stat). */
function cpuMs(pid) {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / ticksPerSecond;
}

function runOnce(server) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [server, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error('no diagnostics in 30 s'));
    }, 30_000);
    const result = {};
    let nextId = 1;
    const send = (message) => {
      const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...message }), 'utf8');
      child.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
      child.stdin.write(body);
    };
    const uri = pathToFileURL(file).toString();
    const onMessage = (message) => {
      if (message.id === 1 && 'result' in message) {
        result.initializeCpuMs = cpuMs(child.pid);
        result.initializeWallMs = performance.now() - started;
        send({ method: 'initialized', params: {} });
        send({ method: 'textDocument/didOpen', params: { textDocument: { uri, languageId: 'typescript', version: 1, text: readFileSync(file, 'utf8') } } });
      } else if (message.method === 'textDocument/publishDiagnostics' && message.params.uri === uri) {
        result.diagnosticsCpuMs = cpuMs(child.pid);
        result.diagnosticsWallMs = performance.now() - started;
        result.diagnostics = message.params.diagnostics.length;
        clearTimeout(timer);
        child.kill();
        resolve(result);
      } else if (message.method && message.id !== undefined) {
        // Requests from the server: settings (none), capability registrations.
        const reply = message.method === 'workspace/configuration' ? message.params.items.map(() => ({})) : null;
        send({ id: message.id, result: reply });
      }
    };
    let buffer = Buffer.alloc(0);
    child.stdout.on('data', (chunk) => {
      buffer = Buffer.concat([buffer, chunk]);
      for (;;) {
        const headerEnd = buffer.indexOf('\r\n\r\n');
        if (headerEnd < 0) return;
        const length = Number(/Content-Length: (\d+)/i.exec(buffer.subarray(0, headerEnd).toString('ascii'))?.[1]);
        if (buffer.length < headerEnd + 4 + length) return;
        const body = buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8');
        buffer = buffer.subarray(headerEnd + 4 + length);
        onMessage(JSON.parse(body));
      }
    });
    child.on('error', reject);
    send({
      id: nextId++,
      method: 'initialize',
      params: {
        processId: process.pid,
        rootUri: pathToFileURL(root).toString(),
        workspaceFolders: [{ uri: pathToFileURL(root).toString(), name: path.basename(root) }],
        capabilities: { workspace: { configuration: true } },
      },
    });
  });
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

const results = servers.map(() => []);
for (let run = 1; run <= runs; run++) {
  for (const [at, server] of servers.entries()) {
    const result = await runOnce(server);
    results[at].push(result);
    console.log(
      `run ${run} ${path.relative(process.cwd(), server)}: initialize ${result.initializeCpuMs} ms CPU (${result.initializeWallMs.toFixed(0)} ms wall), ` +
        `first diagnostics ${result.diagnosticsCpuMs} ms CPU (${result.diagnosticsWallMs.toFixed(0)} ms wall), ${result.diagnostics} diagnostics`,
    );
  }
}
for (const [at, server] of servers.entries()) {
  console.log(
    `median of ${runs} ${path.relative(process.cwd(), server)}: initialize ${median(results[at].map((r) => r.initializeCpuMs))} ms CPU, ` +
      `first diagnostics ${median(results[at].map((r) => r.diagnosticsCpuMs))} ms CPU ` +
      `(${median(results[at].map((r) => r.diagnosticsWallMs)).toFixed(0)} ms wall)`,
  );
}
