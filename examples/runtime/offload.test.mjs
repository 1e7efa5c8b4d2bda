import test from 'node:test';
import assert from 'node:assert/strict';
import { runInline, runChunked, runInWorker, heartbeatsDuring } from './offload.mjs';

const N = 3_000_000;
const expected = runInline(N);

test('all three strategies compute the same result', async () => {
  assert.equal(await runChunked(N), expected);
  assert.equal(await runInWorker(N), expected);
});

test('inline work starves timers; chunking and a worker do not', async () => {
  const inline = await heartbeatsDuring(async () => runInline(N));
  const chunked = await heartbeatsDuring(() => runChunked(N, 50_000));
  const worker = await heartbeatsDuring(() => runInWorker(N));
  assert.equal(inline, 0); // the interval never fired while the loop was blocked
  assert.ok(chunked > 0, `chunked: ${chunked} heartbeats`);
  assert.ok(worker > 0, `worker: ${worker} heartbeats`);
});
