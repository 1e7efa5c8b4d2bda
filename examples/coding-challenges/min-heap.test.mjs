import test from 'node:test';
import assert from 'node:assert/strict';
import { MinHeap, kSmallest, mergeKSorted } from './min-heap.mjs';

test('pops values in ascending order', () => {
  const heap = new MinHeap();
  for (const v of [5, 3, 8, 1, 9, 2, 2, 7]) heap.push(v);
  assert.equal(heap.size, 8);
  assert.equal(heap.peek(), 1);
  const out = [];
  while (heap.size > 0) out.push(heap.pop());
  assert.deepEqual(out, [1, 2, 2, 3, 5, 7, 8, 9]);
  assert.equal(heap.pop(), undefined);
});

test('accepts a comparator for objects', () => {
  const heap = new MinHeap((a, b) => a.due - b.due);
  heap.push({ id: 'b', due: 20 });
  heap.push({ id: 'a', due: 10 });
  heap.push({ id: 'c', due: 30 });
  assert.equal(heap.pop().id, 'a');
  assert.equal(heap.pop().id, 'b');
});

test('matches a full sort on random input', () => {
  const values = Array.from({ length: 500 }, () => Math.floor(Math.random() * 1000) - 500);
  const heap = new MinHeap();
  values.forEach((v) => heap.push(v));
  const out = [];
  while (heap.size) out.push(heap.pop());
  assert.deepEqual(out, [...values].sort((a, b) => a - b));
});

test('kSmallest returns the k smallest, ascending', () => {
  assert.deepEqual(kSmallest([7, 10, 4, 3, 20, 15], 3), [3, 4, 7]);
  assert.deepEqual(kSmallest([5, 1], 5), [1, 5]);
  assert.deepEqual(kSmallest([5, 1], 0), []);
});

test('mergeKSorted merges sorted arrays, including empty ones', () => {
  assert.deepEqual(mergeKSorted([[1, 4, 5], [1, 3, 4], [2, 6], []]), [1, 1, 2, 3, 4, 4, 5, 6]);
  assert.deepEqual(mergeKSorted([]), []);
});
