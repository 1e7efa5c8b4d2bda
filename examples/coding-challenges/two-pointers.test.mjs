import test from 'node:test';
import assert from 'node:assert/strict';
import { pairWithSum, dedupeSorted, twoSum } from './two-pointers.mjs';

test('pairWithSum finds a pair in sorted input', () => {
  assert.deepEqual(pairWithSum([1, 2, 4, 7, 11, 15], 15), [2, 4]);
  assert.deepEqual(pairWithSum([-3, 0, 2, 5], 2), [0, 3]);
  assert.equal(pairWithSum([1, 2, 3], 100), null);
  assert.equal(pairWithSum([5], 10), null); // one element cannot pair with itself
});

test('dedupeSorted compacts in place', () => {
  const xs = [1, 1, 2, 3, 3, 3, 4];
  const n = dedupeSorted(xs);
  assert.equal(n, 4);
  assert.deepEqual(xs.slice(0, n), [1, 2, 3, 4]);
  assert.equal(dedupeSorted([]), 0);
});

test('twoSum works on unsorted input and returns original indexes', () => {
  assert.deepEqual(twoSum([3, 2, 4], 6), [1, 2]);
  assert.deepEqual(twoSum([3, 3], 6), [0, 1]);
  assert.equal(twoSum([1, 2], 7), null);
});
