// Base62 turns a numeric ID into a short, URL-safe code: 0-9, a-z, A-Z.
// BigInt keeps 64-bit IDs exact; a plain number is only exact up to 2^53 - 1.

// --8<-- [start:base62]
const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
const BASE = BigInt(ALPHABET.length); // 62n
const INDEX = new Map([...ALPHABET].map((ch, i) => [ch, BigInt(i)]));

export function encode(id) {
  if (typeof id === 'number' && !Number.isSafeInteger(id)) {
    throw new RangeError(`not a safe integer: ${id}; pass a BigInt`);
  }
  let n = BigInt(id);
  if (n < 0n) throw new RangeError('IDs must not be negative');
  if (n === 0n) return ALPHABET[0];
  const digits = [];
  while (n > 0n) {
    digits.push(ALPHABET[Number(n % BASE)]);
    n /= BASE; // BigInt division truncates
  }
  return digits.reverse().join('');
}

export function decode(code) {
  if (typeof code !== 'string' || code.length === 0) throw new TypeError('empty code');
  let n = 0n;
  for (const ch of code) {
    const digit = INDEX.get(ch);
    if (digit === undefined) throw new TypeError(`invalid base62 character: ${JSON.stringify(ch)}`);
    n = n * BASE + digit;
  }
  return n;
}

// Shortest code length that can represent `count` distinct IDs.
export function codeLength(count) {
  let length = 1;
  let capacity = BASE;
  while (capacity < BigInt(count)) {
    capacity *= BASE;
    length++;
  }
  return length;
}
// --8<-- [end:base62]
