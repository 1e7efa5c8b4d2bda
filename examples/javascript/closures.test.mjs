import test from 'node:test';
import assert from 'node:assert/strict';
import {
  makeCounter, once, memoize, memoizeAsync, callbacksWithVar, callbacksWithLet,
} from './closures.mjs';

test('each counter has its own private state', () => {
  const a = makeCounter();
  const b = makeCounter(10);
  a.increment();
  a.increment();
  b.decrement();
  assert.equal(a.value(), 2);
  assert.equal(b.value(), 9);
  assert.equal(a.count, undefined); // not reachable from outside
});

test('once() runs the function a single time and replays the result', () => {
  let calls = 0;
  const init = once((x) => {
    calls += 1;
    return x * 2;
  });
  assert.equal(init(21), 42);
  assert.equal(init(100), 42); // later arguments are ignored
  assert.equal(calls, 1);
});

test('once() forwards `this` when used as a method', () => {
  const service = { name: 'db', connect: once(function () { return `connected ${this.name}`; }) };
  assert.equal(service.connect(), 'connected db');
});

test('memoize() caches by argument key', () => {
  let calls = 0;
  const square = memoize((n) => {
    calls += 1;
    return n * n;
  });
  assert.equal(square(4), 16);
  assert.equal(square(4), 16);
  assert.equal(square(5), 25);
  assert.equal(calls, 2);
  assert.equal(square.cache.size, 2);
});

test('memoizeAsync() dedupes concurrent calls and evicts rejections', async () => {
  let calls = 0;
  let fail = true;
  const load = memoizeAsync(async (id) => {
    calls += 1;
    if (fail) throw new Error('flaky');
    return { id };
  });

  // Two concurrent callers share one failed attempt...
  const results = await Promise.allSettled([load(1), load(1)]);
  assert.deepEqual(results.map((r) => r.status), ['rejected', 'rejected']);
  assert.equal(calls, 1);

  // ...and the failure is not cached, so the next call retries.
  fail = false;
  assert.deepEqual(await load(1), { id: 1 });
  assert.deepEqual(await load(1), { id: 1 });
  assert.equal(calls, 2);
});

test('the var-in-loop trap: one shared binding versus one per iteration', () => {
  assert.deepEqual(callbacksWithVar(), [3, 3, 3]);
  assert.deepEqual(callbacksWithLet(), [0, 1, 2]);
});
