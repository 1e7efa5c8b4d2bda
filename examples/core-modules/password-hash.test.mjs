import test from 'node:test';
import assert from 'node:assert/strict';
import { timingSafeEqual } from 'node:crypto';
import { hashPassword, verifyPassword } from './password-hash.mjs';

// A low cost keeps the test fast; production uses DEFAULT_COST.
const FAST = { N: 2 ** 12, r: 8, p: 1 };

test('a hash verifies the right password and rejects a wrong one', async () => {
  const stored = await hashPassword('correct horse battery staple', FAST);
  assert.match(stored, /^scrypt\$4096\$8\$1\$/);
  assert.equal(await verifyPassword('correct horse battery staple', stored), true);
  assert.equal(await verifyPassword('correct horse battery stapler', stored), false);
});

test('the same password hashes differently each time (random salt)', async () => {
  const [a, b] = await Promise.all([hashPassword('hunter2', FAST), hashPassword('hunter2', FAST)]);
  assert.notEqual(a, b);
  assert.equal(await verifyPassword('hunter2', a), true);
  assert.equal(await verifyPassword('hunter2', b), true);
});

test('Unicode normalization: composed and decomposed forms verify alike', async () => {
  const stored = await hashPassword('caf\u00e9', FAST); // é as one code point
  assert.equal(await verifyPassword('cafe\u0301', stored), true); // e + combining accent
});

test('timingSafeEqual refuses inputs of different lengths', () => {
  assert.throws(() => timingSafeEqual(Buffer.from('abc'), Buffer.from('abcd')), RangeError);
});
