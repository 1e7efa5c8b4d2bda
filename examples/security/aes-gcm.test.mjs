import test from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { encrypt, decrypt } from './aes-gcm.mjs';

const key = randomBytes(32);

test('round trip with matching key and AAD', () => {
  const box = encrypt('4111 1111 1111 1111', key, 'customer:42');
  assert.equal(decrypt(box, key, 'customer:42'), '4111 1111 1111 1111');
});

test('the same plaintext encrypts differently each time (random IV)', () => {
  assert.notEqual(encrypt('same', key), encrypt('same', key));
});

test('a flipped ciphertext bit is detected', () => {
  const data = Buffer.from(encrypt('pay 10 EUR', key), 'base64');
  data[data.length - 1] ^= 0x01;
  assert.throws(() => decrypt(data.toString('base64'), key), /unable to authenticate/);
});

test('the wrong key or the wrong AAD fails', () => {
  const box = encrypt('secret', key, 'customer:42');
  assert.throws(() => decrypt(box, randomBytes(32), 'customer:42'), /unable to authenticate/);
  assert.throws(() => decrypt(box, key, 'customer:43'), /unable to authenticate/);
});
