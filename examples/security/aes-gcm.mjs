// Encryption at rest with AES-256-GCM: confidentiality plus tamper detection.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const IV_LENGTH = 12; // 96-bit nonce, the size GCM is designed for
const TAG_LENGTH = 16;

// --8<-- [start:gcm]
// key: 32 random bytes from a key management service, never hard-coded.
// aad: context that is authenticated but not encrypted (e.g. the record id),
// so a ciphertext copied onto another record fails to decrypt.
export function encrypt(plaintext, key, aad = '') {
  const iv = randomBytes(IV_LENGTH); // never reuse an IV with the same key
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(aad));
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  const tag = cipher.getAuthTag();
  return Buffer.concat([iv, tag, ciphertext]).toString('base64');
}

export function decrypt(encoded, key, aad = '') {
  const data = Buffer.from(encoded, 'base64');
  const iv = data.subarray(0, IV_LENGTH);
  const tag = data.subarray(IV_LENGTH, IV_LENGTH + TAG_LENGTH);
  const ciphertext = data.subarray(IV_LENGTH + TAG_LENGTH);
  const decipher = createDecipheriv('aes-256-gcm', key, iv);
  decipher.setAAD(Buffer.from(aad));
  decipher.setAuthTag(tag);
  // final() throws if the ciphertext, tag, IV, AAD or key do not match.
  return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString('utf8');
}
// --8<-- [end:gcm]
