import test from 'node:test';
import assert from 'node:assert/strict';
import { hashPassword, verifyPassword, needsRehash, DEFAULTS } from './password.mjs';

// Tests use a lower cost to stay fast; one test exercises the production default.
const FAST = { N: 2 ** 14 };

test('the right password verifies, a wrong one does not', async () => {
  const stored = await hashPassword('correct horse battery staple', FAST);
  assert.equal(await verifyPassword('correct horse battery staple', stored), true);
  assert.equal(await verifyPassword('correct horse battery stapl', stored), false);
  assert.equal(await verifyPassword('', stored), false);
});

test('the same password hashes differently each time (random salt)', async () => {
  const a = await hashPassword('hunter2', FAST);
  const b = await hashPassword('hunter2', FAST);
  assert.notEqual(a, b);
  assert.equal(await verifyPassword('hunter2', a), true);
  assert.equal(await verifyPassword('hunter2', b), true);
});

test('the stored string records its parameters', async () => {
  const stored = await hashPassword('pw', FAST);
  const [scheme, N, r, p, salt, key] = stored.split('$');
  assert.deepEqual([scheme, Number(N), Number(r), Number(p)], ['scrypt', 2 ** 14, 8, 1]);
  assert.equal(Buffer.from(salt, 'base64').length, 16);
  assert.equal(Buffer.from(key, 'base64').length, 64);
});

test('weaker hashes are flagged for rehash', async () => {
  const weak = await hashPassword('pw', FAST);
  assert.equal(needsRehash(weak), true);
  assert.equal(needsRehash(weak, { ...DEFAULTS, N: 2 ** 14 }), false);
});

test('the production default (N = 2^17) fits in the raised maxmem', async () => {
  const stored = await hashPassword('pw'); // about 128 MiB and a few hundred ms: that is the point
  assert.equal(stored.split('$')[1], String(2 ** 17));
  assert.equal(needsRehash(stored), false);
});

test('Unicode normalization: the same visible password verifies', async () => {
  const composed = 'caf\u00e9';
  const decomposed = 'cafe\u0301';
  const stored = await hashPassword(composed, FAST);
  assert.equal(await verifyPassword(decomposed, stored), true);
});
