// A minimal HS256 JSON Web Token, to see what a library does for you.
// In production use a maintained library (jose, jsonwebtoken); this is for learning.
import { createHmac, timingSafeEqual } from 'node:crypto';

const b64url = (value) => Buffer.from(value).toString('base64url');
const fromB64url = (text) => Buffer.from(text, 'base64url');

// --8<-- [start:sign]
export function sign(claims, secret, { expiresIn = 900, now = Date.now() } = {}) {
  const iat = Math.floor(now / 1000);
  const header = b64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
  const payload = b64url(JSON.stringify({ ...claims, iat, exp: iat + expiresIn }));
  const signature = createHmac('sha256', secret).update(`${header}.${payload}`).digest('base64url');
  return `${header}.${payload}.${signature}`;
}
// --8<-- [end:sign]

// --8<-- [start:verify]
export function verify(token, secret, { now = Date.now(), leewaySeconds = 0 } = {}) {
  const parts = String(token).split('.');
  if (parts.length !== 3) throw new Error('malformed token');
  const [header, payload, signature] = parts;

  // Pin the algorithm: never let the token choose it ("none", RS256/HS256 confusion).
  const { alg } = JSON.parse(fromB64url(header).toString('utf8'));
  if (alg !== 'HS256') throw new Error(`unexpected alg ${alg}`);

  const expected = createHmac('sha256', secret).update(`${header}.${payload}`).digest();
  const given = fromB64url(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw new Error('bad signature');
  }

  // Only after the signature checks out are the claims worth reading.
  const claims = JSON.parse(fromB64url(payload).toString('utf8'));
  if (typeof claims.exp !== 'number' || Math.floor(now / 1000) >= claims.exp + leewaySeconds) {
    throw new Error('token expired');
  }
  return claims;
}
// --8<-- [end:verify]
