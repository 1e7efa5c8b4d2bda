import test from 'node:test';
import assert from 'node:assert/strict';
import { encode, decode, codeLength } from './base62.mjs';

test('encodes known values', () => {
  assert.equal(encode(0), '0');
  assert.equal(encode(61), 'Z');
  assert.equal(encode(62), '10');
  assert.equal(encode(62 ** 2 - 1), 'ZZ');
});

test('round-trips numbers and BigInts', () => {
  const samples = [0, 1, 61, 62, 3843, 3844, 125_000_000, Number.MAX_SAFE_INTEGER];
  for (const n of samples) assert.equal(decode(encode(n)), BigInt(n));
  for (let i = 0; i < 1000; i++) {
    const n = BigInt(Math.floor(Math.random() * Number.MAX_SAFE_INTEGER));
    assert.equal(decode(encode(n)), n);
  }
  const max64 = 2n ** 64n - 1n;
  assert.equal(decode(encode(max64)), max64);
  assert.equal(encode(max64).length, 11);
});

test('codes only use URL-safe characters', () => {
  for (let i = 0; i < 200; i++) assert.match(encode(BigInt(i) * 7919n ** 3n), /^[0-9a-zA-Z]+$/);
});

test('rejects input it cannot represent exactly', () => {
  assert.throws(() => encode(-1), RangeError);
  assert.throws(() => encode(2 ** 53), RangeError);
  assert.throws(() => encode(1.5), RangeError);
  assert.throws(() => decode('abc-'), TypeError);
  assert.throws(() => decode(''), TypeError);
});

test('seven characters cover about 3.5 trillion IDs', () => {
  assert.equal(62n ** 7n, 3_521_614_606_208n);
  assert.equal(codeLength(62n ** 7n), 7);
  assert.equal(codeLength(62n ** 7n + 1n), 8);
  assert.equal(codeLength(1), 1);
});
