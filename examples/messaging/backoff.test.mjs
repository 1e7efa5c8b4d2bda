import test from 'node:test';
import assert from 'node:assert/strict';
import { backoffDelay, nextStep } from './backoff.mjs';

const top = () => 0.999999; // the largest delay jitter can pick

test('the delay ceiling doubles per attempt and stops at the cap', () => {
  const delays = [0, 1, 2, 3, 10].map((n) => backoffDelay(n, { baseMs: 100, capMs: 1000, random: top }));
  assert.deepEqual(delays, [99, 199, 399, 799, 999]);
});

test('jitter spreads retries between zero and the ceiling', () => {
  assert.equal(backoffDelay(3, { baseMs: 100, random: () => 0 }), 0);
  assert.equal(backoffDelay(3, { baseMs: 100, random: () => 0.5 }), 400);
});

test('after maxAttempts the message goes to the dead-letter queue', () => {
  const steps = [0, 1, 2].map((n) => nextStep(n, { maxAttempts: 3, random: top }).action);
  assert.deepEqual(steps, ['retry', 'retry', 'dead-letter']);
});
