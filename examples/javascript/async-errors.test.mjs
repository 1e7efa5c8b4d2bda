import test from 'node:test';
import assert from 'node:assert/strict';
import {
  sleep, failAfter, settle, firstAvailable, withTimeout, TimeoutError,
  withoutAwait, withAwait, sumWithForEach, sumSequential, sumConcurrent,
} from './async-errors.mjs';

test('Promise.all rejects on the first failure, but the other work keeps running', async () => {
  let slowFinished = false;
  const slow = sleep(40).then(() => { slowFinished = true; });
  await assert.rejects(Promise.all([slow, failAfter(5, 'fast failure')]), /fast failure/);
  assert.equal(slowFinished, false); // all() did not wait for it...
  await slow;
  assert.equal(slowFinished, true); // ...and did not cancel it either
});

test('Promise.allSettled never rejects and reports every outcome', async () => {
  const { ok, failed } = await settle([
    () => sleep(5, 'a'),
    () => failAfter(5, 'b broke'),
    () => sleep(1, 'c'),
  ]);
  assert.deepEqual(ok, [{ index: 0, value: 'a' }, { index: 2, value: 'c' }]);
  assert.equal(failed.length, 1);
  assert.equal(failed[0].index, 1);
  assert.equal(failed[0].error.message, 'b broke');
});

test('Promise.any takes the first success and ignores earlier failures', async () => {
  const value = await firstAvailable([
    () => failAfter(1, 'primary down'),
    () => sleep(10, 'replica'),
    () => sleep(30, 'cache'),
  ]);
  assert.equal(value, 'replica');
});

test('Promise.any rejects with an AggregateError when every source fails', async () => {
  await assert.rejects(
    firstAvailable([() => failAfter(1, 'a'), () => failAfter(2, 'b')]),
    (err) => {
      assert.equal(err.message, 'all 2 sources failed');
      assert.ok(err.cause instanceof AggregateError);
      assert.deepEqual(err.cause.errors.map((e) => e.message), ['a', 'b']);
      return true;
    },
  );
});

test('Promise.race settles with whichever settles first, even a rejection', async () => {
  await assert.rejects(Promise.race([sleep(30, 'slow ok'), failAfter(1, 'fast error')]), /fast error/);
  assert.equal(await Promise.race([sleep(1, 'fast ok'), failAfter(30, 'slow error').catch(() => {})]), 'fast ok');
});

test('withTimeout rejects slow work and passes fast results through', async () => {
  await assert.rejects(withTimeout(sleep(100, 'late'), 10), TimeoutError);
  assert.equal(await withTimeout(sleep(1, 'on time'), 50), 'on time');
});

test('return await inside try/catch: only the awaited version catches', async () => {
  const work = () => failAfter(1, 'boom');
  await assert.rejects(withoutAwait(work), /boom/);
  assert.equal(await withAwait(work), 'fallback');
});

test('async callbacks in forEach are not awaited', async () => {
  const load = async (id) => {
    await sleep(1);
    return id;
  };
  assert.equal(await sumWithForEach([1, 2, 3], load), 0); // read before any callback finished
  assert.equal(await sumSequential([1, 2, 3], load), 6);
  assert.equal(await sumConcurrent([1, 2, 3], load), 6);
  await sleep(5); // let the forgotten forEach callbacks finish before the test ends
});
