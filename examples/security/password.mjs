// Password hashing with node:crypto scrypt: salted, slow, memory-hard, self-describing.
import { scrypt, randomBytes, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';

const scryptAsync = promisify(scrypt);

// OWASP's minimum for scrypt: N = 2^17, r = 8, p = 1. Memory needed is about
// 128 * N * r bytes (128 MiB here), above Node's 32 MiB default maxmem, so raise it.
export const DEFAULTS = { N: 2 ** 17, r: 8, p: 1, keyLength: 64, saltLength: 16 };

// --8<-- [start:hash]
export async function hashPassword(password, params = DEFAULTS) {
  const { N, r, p, keyLength, saltLength } = { ...DEFAULTS, ...params };
  const salt = randomBytes(saltLength); // unique per password: defeats precomputed tables
  const maxmem = 256 * N * r;
  const key = await scryptAsync(password.normalize('NFC'), salt, keyLength, { N, r, p, maxmem });
  // Store the parameters with the hash so you can raise them later.
  return ['scrypt', N, r, p, salt.toString('base64'), key.toString('base64')].join('$');
}

export async function verifyPassword(password, stored) {
  const [scheme, N, r, p, saltB64, keyB64] = stored.split('$');
  if (scheme !== 'scrypt') throw new Error(`unknown scheme ${scheme}`);
  const expected = Buffer.from(keyB64, 'base64');
  const params = { N: Number(N), r: Number(r), p: Number(p), maxmem: 256 * Number(N) * Number(r) };
  const actual = await scryptAsync(password.normalize('NFC'), Buffer.from(saltB64, 'base64'), expected.length, params);
  // Constant-time comparison: the time taken does not reveal how many bytes matched.
  return timingSafeEqual(actual, expected);
}

// After a successful login, upgrade hashes made with weaker settings.
export function needsRehash(stored, params = DEFAULTS) {
  const [, N, r, p] = stored.split('$').map(Number);
  return N < params.N || r < params.r || p < params.p;
}
// --8<-- [end:hash]
