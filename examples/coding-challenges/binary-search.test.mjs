import test from 'node:test';
import assert from 'node:assert/strict';
import { firstTrue, lowerBound, minShipCapacity } from './binary-search.mjs';

test('lowerBound finds the insertion point', () => {
  const xs = [1, 3, 3, 3, 7, 9];
  assert.equal(lowerBound(xs, 3), 1);
  assert.equal(lowerBound(xs, 4), 4);
  assert.equal(lowerBound(xs, 0), 0);
  assert.equal(lowerBound(xs, 10), 6);
  assert.equal(lowerBound([], 5), 0);
});

test('firstTrue returns hi when the predicate is never true', () => {
  assert.equal(firstTrue(0, 10, () => false), 10);
  assert.equal(firstTrue(0, 10, () => true), 0);
});

test('does not overflow into wrong answers near large bounds', () => {
  const target = Number.MAX_SAFE_INTEGER - 5;
  assert.equal(firstTrue(0, Number.MAX_SAFE_INTEGER, (x) => x >= target), target);
});

test('searches on the answer', () => {
  assert.equal(minShipCapacity([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 5), 15);
  assert.equal(minShipCapacity([3, 2, 2, 4, 1, 4], 3), 6);
  assert.equal(minShipCapacity([1, 2, 3, 1, 1], 4), 3);
});
