import test from 'node:test';
import assert from 'node:assert/strict';
import { recordOrder } from './event-loop-order.mjs';

const expected = [
  'sync',
  'nextTick',
  'nextTick queued by a nextTick', // the nextTick queue drains completely first
  'promise',
  'nextTick queued by a promise', // then promises, then any ticks they queued
  'immediate', // check phase of this iteration
  'timeout', // timers run after the check phase
];

test('inside an I/O callback: sync, nextTicks, promises, immediate, timeout', async () => {
  assert.deepEqual(await recordOrder(), expected);
});

test('the order is deterministic: the same on every run', async () => {
  for (let i = 0; i < 10; i++) assert.deepEqual(await recordOrder(), expected);
});
