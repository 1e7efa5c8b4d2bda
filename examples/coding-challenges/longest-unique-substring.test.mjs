import test from 'node:test';
import assert from 'node:assert/strict';
import { longestUniqueSubstring, longestUniqueSubstringBrute } from './longest-unique-substring.mjs';

test('finds the classic answers', () => {
  assert.equal(longestUniqueSubstring('abcabcbb'), 'abc');
  assert.equal(longestUniqueSubstring('bbbbb'), 'b');
  assert.equal(longestUniqueSubstring('pwwkew'), 'wke');
});

test('handles the edge cases you should name aloud', () => {
  assert.equal(longestUniqueSubstring(''), '');
  assert.equal(longestUniqueSubstring('a'), 'a');
  assert.equal(longestUniqueSubstring('abcdef'), 'abcdef');
  // "abba": the second "a" was seen before the window start, so it must not move left back.
  assert.equal(longestUniqueSubstring('abba'), 'ab');
});

test('counts an emoji as one character', () => {
  assert.equal(longestUniqueSubstring('😀a😀b'), 'a😀b');
});

test('agrees with the brute force on random inputs', () => {
  const alphabet = 'abcd';
  for (let run = 0; run < 300; run++) {
    let s = '';
    const n = Math.floor(Math.random() * 12);
    for (let i = 0; i < n; i++) s += alphabet[Math.floor(Math.random() * alphabet.length)];
    assert.equal(longestUniqueSubstring(s).length, longestUniqueSubstringBrute(s).length, s);
  }
});
