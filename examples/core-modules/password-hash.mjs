// Password hashing with node:crypto only: scrypt (memory-hard, runs on the libuv
// thread pool) plus a constant-time comparison.
import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';

const scryptAsync = promisify(scrypt);
const KEY_LENGTH = 64;

// OWASP's minimum for scrypt: N = 2^17, r = 8, p = 1 (about 128 MiB per hash).
export const DEFAULT_COST = { N: 2 ** 17, r: 8, p: 1 };

// --8<-- [start:hash]
export async function hashPassword(password, cost = DEFAULT_COST) {
  const salt = randomBytes(16); // unique per password: equal passwords get different hashes
  const { N, r, p } = cost;
  const maxmem = 256 * N * r; // scrypt needs about 128 * N * r bytes; the default cap is 32 MiB
  const key = await scryptAsync(password.normalize('NFC'), salt, KEY_LENGTH, { N, r, p, maxmem });
  // Store the parameters with the hash so you can raise the cost later.
  return `scrypt$${N}$${r}$${p}$${salt.toString('base64')}$${key.toString('base64')}`;
}

export async function verifyPassword(password, stored) {
  const [scheme, N, r, p, saltB64, keyB64] = stored.split('$');
  if (scheme !== 'scrypt') throw new Error(`unknown scheme ${scheme}`);
  const expected = Buffer.from(keyB64, 'base64');
  const cost = { N: Number(N), r: Number(r), p: Number(p) };
  const actual = await scryptAsync(password.normalize('NFC'), Buffer.from(saltB64, 'base64'), expected.length, {
    ...cost,
    maxmem: 256 * cost.N * cost.r,
  });
  // Same length by construction; timingSafeEqual throws if lengths differ.
  return timingSafeEqual(actual, expected);
}
// --8<-- [end:hash]
