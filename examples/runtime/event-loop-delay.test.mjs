import test from 'node:test';
import assert from 'node:assert/strict';
import { measureBlocking } from './event-loop-delay.mjs';

test('a 100 ms synchronous block shows up as at least ~100 ms of loop delay', async () => {
  const blockMs = 100;
  const resolution = 10;
  const result = await measureBlocking(blockMs, { resolution });
  // The sample that spans the block is late by about the block's length.
  assert.ok(result.maxDelayMs >= blockMs - resolution, `max delay was ${result.maxDelayMs} ms`);
  // The median hides the stall: most samples were on time.
  assert.ok(result.p50DelayMs < blockMs / 2, `p50 was ${result.p50DelayMs} ms`);
  // The loop was busy for a large share of the measured window.
  assert.ok(result.utilization > 0.3, `utilization was ${result.utilization}`);
});

test('an idle loop stays far below the blocked figure', async () => {
  const result = await measureBlocking(0);
  assert.ok(result.maxDelayMs < 60, `max delay was ${result.maxDelayMs} ms`);
  assert.ok(result.utilization < 0.5, `utilization was ${result.utilization}`);
});
