import test from 'node:test';
import assert from 'node:assert/strict';
import { mergeIntervals, minMeetingRooms } from './merge-intervals.mjs';

test('merges overlapping intervals', () => {
  assert.deepEqual(mergeIntervals([[1, 3], [2, 6], [8, 10], [15, 18]]), [[1, 6], [8, 10], [15, 18]]);
});

test('merges touching and nested intervals', () => {
  assert.deepEqual(mergeIntervals([[1, 4], [4, 5]]), [[1, 5]]);
  assert.deepEqual(mergeIntervals([[1, 10], [2, 3], [4, 5]]), [[1, 10]]);
});

test('sorts numerically, not lexicographically', () => {
  assert.deepEqual(mergeIntervals([[10, 12], [9, 11], [1, 2]]), [[1, 2], [9, 12]]);
});

test('does not mutate the input', () => {
  const input = [[5, 6], [1, 2]];
  mergeIntervals(input);
  assert.deepEqual(input, [[5, 6], [1, 2]]);
});

test('handles empty input and a single interval', () => {
  assert.deepEqual(mergeIntervals([]), []);
  assert.deepEqual(mergeIntervals([[3, 4]]), [[3, 4]]);
});

test('counts meeting rooms with half-open intervals', () => {
  assert.equal(minMeetingRooms([[0, 30], [5, 10], [15, 20]]), 2);
  assert.equal(minMeetingRooms([[9, 10], [10, 11]]), 1);
  assert.equal(minMeetingRooms([]), 0);
});
