import test from 'node:test';
import assert from 'node:assert/strict';
import { compare } from './coordinated-omission.mjs';

test('a closed-model generator hides a one-second stall; an open model shows it', () => {
  const { closed, open } = compare();

  // Closed model: the stall is ONE slow sample among ~18,000 fast ones.
  assert.equal(closed.p99, 0.5);
  assert.equal(closed.max, 1000.5);

  // Open model: every request that arrived during the stall, and the backlog
  // behind it, waited. p99 is in the hundreds of milliseconds.
  assert.ok(open.p99 > 500, `open-model p99 is ${open.p99} ms`);
  assert.ok(open.p90 > 100, `open-model p90 is ${open.p90} ms`);
  assert.equal(open.p50, 0.5);
});
