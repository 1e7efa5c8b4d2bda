import test from 'node:test';
import assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';
import { vulnerable, safe, isWordList } from './redos.mjs';

const time = (fn) => {
  const start = performance.now();
  fn();
  return performance.now() - start;
};

test('both patterns accept and reject the same ordinary inputs', () => {
  const samples = ['', 'hello', 'hello world', 'hello world ', 'a b c', ' leading', 'double  space', 'bad!', 'tab\tsep'];
  for (const s of samples) assert.equal(safe.test(s), vulnerable.test(s), JSON.stringify(s));
});

test('the safe pattern rejects a long hostile input in linear time', () => {
  const hostile = 'a'.repeat(50_000) + '!';
  const ms = time(() => assert.equal(safe.test(hostile), false));
  assert.ok(ms < 200, `took ${ms} ms`);
});

test('the vulnerable pattern slows down exponentially on a short near-miss', () => {
  // 22 letters and a "!": trivial for the safe pattern, millions of backtracking paths for the other.
  const hostile = 'a'.repeat(22) + '!';
  const slow = time(() => assert.equal(vulnerable.test(hostile), false));
  const fast = time(() => assert.equal(safe.test(hostile), false));
  assert.ok(slow > fast * 20, `vulnerable ${slow.toFixed(2)} ms vs safe ${fast.toFixed(3)} ms`);
});

test('the length bound rejects oversized input before matching', () => {
  assert.equal(isWordList('a'.repeat(201)), false);
  assert.equal(isWordList('hello world'), true);
  assert.equal(isWordList({ toString: () => 'x' }), false);
});
