import test from 'node:test';
import assert from 'node:assert/strict';
import { sign, verify } from './jwt-hs256.mjs';

const secret = 'a-32-byte-or-longer-random-secret-value!';
const b64 = (obj) => Buffer.from(JSON.stringify(obj)).toString('base64url');

test('a token round-trips and carries iat and exp', () => {
  const now = Date.UTC(2026, 0, 1);
  const token = sign({ sub: 'user-42', role: 'reader' }, secret, { expiresIn: 60, now });
  assert.equal(token.split('.').length, 3);
  const claims = verify(token, secret, { now: now + 30_000 });
  assert.equal(claims.sub, 'user-42');
  assert.equal(claims.exp - claims.iat, 60);
});

test('a tampered payload fails the signature check', () => {
  const token = sign({ sub: 'user-42', role: 'reader' }, secret);
  const [header, , signature] = token.split('.');
  const forged = `${header}.${b64({ sub: 'user-42', role: 'admin', exp: 9999999999 })}.${signature}`;
  assert.throws(() => verify(forged, secret), /bad signature/);
});

test('a token signed with another secret is rejected', () => {
  const token = sign({ sub: 'user-42' }, 'some-other-secret');
  assert.throws(() => verify(token, secret), /bad signature/);
});

test('an expired token is rejected', () => {
  const now = Date.UTC(2026, 0, 1);
  const token = sign({ sub: 'user-42' }, secret, { expiresIn: 60, now });
  assert.throws(() => verify(token, secret, { now: now + 61_000 }), /expired/);
  assert.ok(verify(token, secret, { now: now + 61_000, leewaySeconds: 5 }));
});

test('alg "none" is refused even with an empty signature', () => {
  const unsigned = `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ sub: 'user-42', exp: 9999999999 })}.`;
  assert.throws(() => verify(unsigned, secret), /unexpected alg none/);
});
