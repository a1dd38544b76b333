// Drives the language server with hostile documents: open, 1–3 incremental edits, hovers and code actions, close;
// then a health probe (a normal fixture must still get its diagnostics). One server serves many inputs and is
// restarted after a failure, which is then blamed on the input being processed.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic, Range } from 'vscode-languageserver-protocol';
import { LspSession } from './lspDriver';
import type { FuzzInput } from './mutate';
import { Rng } from './prng';

export interface LspOptions {
  server: string;
  /** Folder the server is told is the workspace; the probe fixture is written there. */
  workspace: string;
  /** A fixture known to have findings, e.g. examples/demo-app/lib/summarize.ts. */
  probeText: string;
}

export interface LspResult {
  /** Set when the server died, hung or failed the protocol on this input. */
  failure?: { message: string; detail: string };
  /** JSON-RPC error responses: allowed, counted. */
  errorResponses: string[];
  /** Handler failures the server logged and survived. */
  loggedErrors: string[];
  /** What was sent, for the failure report. */
  steps: string[];
}

const LANGUAGE_IDS: Record<string, string> = { '.ts': 'typescript', '.tsx': 'typescriptreact', '.js': 'javascript', '.mjs': 'javascript', '.py': 'python' };

/** Text an edit may insert: brackets, quotes, line breaks of each kind, hostile code points, a half call. */
const EDIT_TEXTS = ['', 'x', '(', ')', '{', '}', '[', '"', "'", '`', '"""', '\n', '\r\n', '\r', '\uD800', '\uDC00', '😀', '\u202E', '\u0000', '\uFEFF', 'openai.chat.completions.create({', 'client.messages.create(', '    ', 'a'.repeat(5000)];

export class LspFuzzer {
  private session: LspSession | undefined;
  private probeVersion = 1;
  private readonly probeUri: string;

  constructor(private readonly options: LspOptions) {
    const probeFile = path.join(options.workspace, 'probe.ts');
    fs.mkdirSync(options.workspace, { recursive: true });
    fs.writeFileSync(probeFile, options.probeText);
    this.probeUri = pathToFileURL(probeFile).toString();
  }

  /** A server that is up, initialized, with the probe document open and analysed. */
  private async ready(): Promise<LspSession> {
    if (this.session && !this.session.exited) return this.session;
    const session = new LspSession(this.options.server);
    const init = await session.initialize(this.options.workspace, 30_000);
    if (!init.ok) {
      session.kill();
      throw new Error(`the language server did not start: ${init.message}\n${session.stderrTail}`);
    }
    this.probeVersion = 1;
    session.notify('textDocument/didOpen', { textDocument: { uri: this.probeUri, languageId: 'typescript', version: 1, text: this.options.probeText } });
    const first = await session.diagnostics(this.probeUri, () => true, 30_000);
    if (typeof first === 'string' || first.diagnostics.length === 0) {
      session.kill();
      throw new Error(`the probe fixture got no diagnostics on a fresh server (${typeof first === 'string' ? first : 'empty'})\n${session.stderrTail}`);
    }
    this.session = session;
    return session;
  }

  async run(input: FuzzInput): Promise<LspResult> {
    const session = await this.ready();
    const loggedBefore = session.loggedErrors.length;
    const result: LspResult = { errorResponses: [], loggedErrors: [], steps: [] };
    try {
      const failure = await this.exercise(session, input, result);
      if (failure) {
        result.failure = { message: failure, detail: `sent: didOpen, ${result.steps.join(', ')}\n\nserver stderr:\n${session.stderrTail}` };
        session.kill();
        this.session = undefined;
      }
    } finally {
      result.loggedErrors = session.loggedErrors.slice(loggedBefore);
    }
    return result;
  }

  /** The failure message, or undefined when the server came through. */
  private async exercise(session: LspSession, input: FuzzInput, result: LspResult): Promise<string | undefined> {
    // Its own stream (not the mutation stream), so the edits for input N are the same whatever the CLI checks did.
    const rng = new Rng(input.seed ^ 0x4c5350, input.index);
    const bound = 15_000 + 10_000 * (input.text.length / 1_000_000);
    const steps = result.steps;
    const uri = pathToFileURL(path.join(this.options.workspace, input.name)).toString();
    const languageId = LANGUAGE_IDS[input.ext] ?? 'typescript';
    let doc = TextDocument.create(uri, languageId, 1, input.text);
    session.notify('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text: input.text } });

    const ask = async (method: string, params: unknown): Promise<string | undefined> => {
      const outcome = await session.request(method, params, bound);
      if (outcome.ok) return undefined;
      if (outcome.kind === 'error-response') {
        result.errorResponses.push(outcome.message);
        return undefined;
      }
      return outcome.message;
    };
    const randomPosition = () => (rng.chance(0.1) ? { line: doc.lineCount + rng.int(0, 5), character: rng.int(0, 50) } : doc.positionAt(rng.int(0, doc.getText().length)));

    for (let edit = rng.int(1, 3); edit > 0; edit--) {
      const length = doc.getText().length;
      const start = rng.int(0, length);
      const end = Math.min(length, start + rng.pick([0, rng.int(0, 20), rng.int(0, 2000)]));
      // Now and then a range reaching past the end of the document, which servers must clamp.
      const range: Range = rng.chance(0.1) ? { start: doc.positionAt(start), end: { line: doc.lineCount + 3, character: 0 } } : { start: doc.positionAt(start), end: doc.positionAt(end) };
      const text = rng.pick(EDIT_TEXTS);
      doc = TextDocument.update(doc, [{ range, text }], doc.version + 1);
      steps.push(`didChange v${doc.version} ${JSON.stringify(range)} ${JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text)}`);
      session.notify('textDocument/didChange', { textDocument: { uri, version: doc.version }, contentChanges: [{ range, text }] });
    }
    for (let i = 0; i < 3; i++) {
      const position = randomPosition();
      steps.push(`hover ${JSON.stringify(position)}`);
      const failed = await ask('textDocument/hover', { textDocument: { uri }, position });
      if (failed) return `${failed} (after ${doc.version - 1} edits)`;
    }
    // Code actions with the diagnostics of the edited text, so the quick-fix and fix-all code runs.
    // Not a failure when none comes (a skipped or failed analysis publishes nothing new): stale ones will do.
    const published = await session.diagnostics(uri, (p) => p.version === undefined || p.version === doc.version, 5_000 + 10_000 * (input.text.length / 1_000_000));
    if (published === 'dead') return `server ${session.exited} while analysing the edited document`;
    const diagnostics: Diagnostic[] = published === 'timeout' ? (session.lastDiagnostics(uri)?.diagnostics ?? []) : published.diagnostics;
    for (let i = 0; i < 2; i++) {
      const around = diagnostics.length > 0 && rng.chance(0.7) ? rng.pick(diagnostics).range : { start: randomPosition(), end: randomPosition() };
      const only = i === 1 && rng.chance(0.5) ? { only: ['source.fixAll.prodready'] } : {};
      steps.push(`codeAction ${JSON.stringify(around)} with ${diagnostics.length} diagnostics${'only' in only ? ', only fixAll' : ''}`);
      const failed = await ask('textDocument/codeAction', { textDocument: { uri }, range: around, context: { diagnostics, ...only } });
      if (failed) return failed;
    }
    session.notify('textDocument/didClose', { textDocument: { uri } });
    return this.probe(session);
  }

  /** The server is alive and still analysing: an edit to the probe fixture gets its (non-empty) diagnostics. */
  private async probe(session: LspSession): Promise<string | undefined> {
    const version = ++this.probeVersion;
    session.notify('textDocument/didChange', { textDocument: { uri: this.probeUri, version }, contentChanges: [{ text: this.options.probeText }] });
    const published = await session.diagnostics(this.probeUri, (p) => p.version === version, 30_000);
    if (published === 'dead') return `server ${session.exited} (seen by the health probe)`;
    if (published === 'timeout') return 'health probe: no diagnostics for the probe fixture within 30 s';
    if (published.diagnostics.length === 0) return 'health probe: the probe fixture got empty diagnostics';
    return undefined;
  }

  async stop(): Promise<void> {
    await this.session?.stop();
    this.session = undefined;
  }
}
