// What the language server does for its process rather than for a document: how it writes LSP frames, when it
// collects the young generation, and what node runs it with.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { EventEmitter } from 'node:events';
import * as v8 from 'node:v8';
import { describe, it } from 'node:test';
import { SERVER_NODE_ARGUMENTS } from '../../server/src/launch';
import { FramedMessageWriter } from '../../server/src/lsp/messageWriter';
import { YoungGeneration } from '../../server/src/node/youngGeneration';

/** A writable that records each write, failing them when told to. */
class RecordingWritable extends EventEmitter {
  readonly writes: Buffer[] = [];
  failWith: Error | undefined;
  write(chunk: Buffer, callback: (error?: Error | null) => void): boolean {
    this.writes.push(chunk);
    queueMicrotask(() => callback(this.failWith ?? null));
    return true;
  }
  end(): void {}
}

function frameOf(bytes: Buffer): { length: number; body: string } {
  const text = bytes.toString('utf8');
  const match = /^Content-Length: (\d+)\r\n\r\n/.exec(text);
  assert.ok(match, `no header in ${text.slice(0, 40)}`);
  return { length: Number(match[1]), body: bytes.subarray(Buffer.byteLength(match[0])).toString('utf8') };
}

describe('the LSP frame writer', () => {
  it('writes a message as one frame whose Content-Length counts UTF-8 bytes', async () => {
    const writable = new RecordingWritable();
    const writer = new FramedMessageWriter(writable as unknown as NodeJS.WritableStream);
    const message = { jsonrpc: '2.0', method: 'window/logMessage', params: { type: 3, message: 'prompt sent to 모델 — “quoted” 🚀' } } as const;
    await writer.write(message);
    assert.equal(writable.writes.length, 1);
    const { length, body } = frameOf(writable.writes[0]);
    assert.equal(length, Buffer.byteLength(body, 'utf8'));
    assert.ok(length > body.length, 'the message holds multi-byte characters');
    assert.deepEqual(JSON.parse(body), message);
  });

  it('keeps messages in the order they were written', async () => {
    const writable = new RecordingWritable();
    const writer = new FramedMessageWriter(writable as unknown as NodeJS.WritableStream);
    await Promise.all([1, 2, 3].map((id) => writer.write({ jsonrpc: '2.0', id, result: null } as never)));
    assert.deepEqual(writable.writes.map((bytes) => (JSON.parse(frameOf(bytes).body) as { id: number }).id), [1, 2, 3]);
  });

  it('reports a failed write to the connection and rejects it', async () => {
    const writable = new RecordingWritable();
    const writer = new FramedMessageWriter(writable as unknown as NodeJS.WritableStream);
    const errors: unknown[][] = [];
    writer.onError((event) => errors.push(event));
    writable.failWith = new Error('EPIPE');
    await assert.rejects(writer.write({ jsonrpc: '2.0', method: 'x' } as never), /EPIPE/);
    assert.equal(errors.length, 1);
    assert.equal(errors[0][2], 1, 'the error count');
  });

  it('reports the stream closing', () => {
    const writable = new RecordingWritable();
    const writer = new FramedMessageWriter(writable as unknown as NodeJS.WritableStream);
    let closed = 0;
    writer.onClose(() => closed++);
    writable.emit('close');
    assert.equal(closed, 1);
  });
});

describe('the young generation between keystrokes', () => {
  const young = () => v8.getHeapSpaceStatistics().find((space) => space.space_name === 'new_space')!;

  it('is collected once it holds more than a couple of keystrokes of garbage', () => {
    const generation = new YoungGeneration();
    // Short-lived garbage, as an analysis leaves: grown until the young generation is past what the collector waits for.
    const filled = () => young().space_used_size > Math.min(2.5 * 1024 * 1024, 0.6 * (young().space_used_size + young().space_available_size));
    let kept: unknown[];
    let round = 0;
    do kept = Array.from({ length: 1000 }, (_, i) => ({ i, round }));
    while (!filled() && ++round < 1000);
    assert.ok(filled(), 'the test could not fill the young generation');
    const before = young().space_used_size;
    generation.collectIfFilling();
    assert.ok(young().space_used_size < before / 2, `${young().space_used_size} of ${before} bytes still in use`);
    assert.equal(kept.length, 1000);
  });

  it('is left alone while it holds little', () => {
    const generation = new YoungGeneration();
    generation.collectIfFilling();
    const little = young().space_used_size;
    const garbage = Array.from({ length: 100 }, (_, i) => ({ i }));
    generation.collectIfFilling();
    assert.ok(young().space_used_size >= little, 'a collection ran with the young generation nearly empty');
    assert.equal(garbage.length, 100);
  });
});

describe('the node arguments the server is launched with', () => {
  it('are ones this node accepts (an unknown one stops node before the server starts)', () => {
    const run = spawnSync(process.execPath, [...SERVER_NODE_ARGUMENTS, '-e', 'process.exit(0)'], { encoding: 'utf8' });
    assert.equal(run.stderr, '');
    assert.equal(run.status, 0);
  });
});
