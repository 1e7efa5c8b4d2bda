import test from 'node:test';
import assert from 'node:assert/strict';
import { ascending, frequencies, topKFrequent, reverseWords } from './js-traps.mjs';

test('sort() is lexicographic unless you pass a comparator', () => {
  assert.deepEqual([10, 9, 1, 100].sort(), [1, 10, 100, 9]);
  assert.deepEqual([10, 9, 1, 100].sort(ascending), [1, 9, 10, 100]);
});

test('numbers are doubles: integers are exact only up to 2^53 - 1', () => {
  assert.equal(Number.MAX_SAFE_INTEGER, 2 ** 53 - 1);
  assert.equal(2 ** 53 + 1, 2 ** 53); // precision is gone
  assert.equal(0.1 + 0.2 === 0.3, false);
  assert.equal(2n ** 53n + 1n, 9007199254740993n); // BigInt stays exact
  assert.equal(7 / 2, 3.5); // no integer division: use Math.floor or Math.trunc
  assert.equal(Math.trunc(-7 / 2), -3);
  assert.equal(Math.floor(-7 / 2), -4);
});

test('object keys become strings, Map keys keep their type', () => {
  const obj = {};
  obj[1] = 'number';
  obj['1'] = 'string';
  assert.deepEqual(Object.keys(obj), ['1']);

  const map = new Map([[1, 'number'], ['1', 'string']]);
  assert.equal(map.size, 2);

  assert.equal('constructor' in {}, true); // inherited keys leak into "in" checks
  assert.equal(new Map().has('constructor'), false);
});

test('strings are immutable', () => {
  const s = 'abc';
  assert.throws(() => {
    s[0] = 'x'; // TypeError in strict mode, and ES modules are always strict
  }, TypeError);
  assert.equal(s, 'abc');
});

test('helpers do what they claim', () => {
  assert.deepEqual([...frequencies('abca')], [['a', 2], ['b', 1], ['c', 1]]);
  assert.deepEqual(topKFrequent([1, 1, 1, 2, 2, 3], 2), [1, 2]);
  assert.equal(reverseWords('  the sky  is blue '), 'blue is sky the');
});
