import test from 'node:test';
import assert from 'node:assert/strict';
import { FixedWindowCounter, SlidingWindowCounter } from './sliding-window.mjs';

function fakeClock(start = 0) {
  let t = start;
  return { now: () => t, set: (ms) => { t = ms; } };
}

function burst(limiter, n) {
  let allowed = 0;
  for (let i = 0; i < n; i++) if (limiter.tryAcquire()) allowed++;
  return allowed;
}

test('both enforce the limit inside one window', () => {
  for (const Limiter of [FixedWindowCounter, SlidingWindowCounter]) {
    const clock = fakeClock();
    const limiter = new Limiter({ limit: 10, windowMs: 1000, now: clock.now });
    assert.equal(burst(limiter, 15), 10, Limiter.name);
  }
});

test('fixed window lets twice the limit through across a boundary', () => {
  const clock = fakeClock();
  const limiter = new FixedWindowCounter({ limit: 10, windowMs: 1000, now: clock.now });
  clock.set(999);
  assert.equal(burst(limiter, 10), 10);
  clock.set(1000);
  assert.equal(burst(limiter, 10), 10); // 20 requests in 2 ms
});

test('sliding window smooths the boundary burst', () => {
  const clock = fakeClock();
  const limiter = new SlidingWindowCounter({ limit: 10, windowMs: 1000, now: clock.now });
  clock.set(999);
  assert.equal(burst(limiter, 10), 10);
  clock.set(1000);
  assert.equal(burst(limiter, 10), 0); // previous window still counts fully
  clock.set(1500);
  assert.equal(burst(limiter, 10), 5); // half of it has slid out
});

test('sliding window forgets traffic older than one full window', () => {
  const clock = fakeClock();
  const limiter = new SlidingWindowCounter({ limit: 3, windowMs: 1000, now: clock.now });
  assert.equal(burst(limiter, 3), 3);
  clock.set(2500);
  assert.equal(burst(limiter, 5), 3);
});
