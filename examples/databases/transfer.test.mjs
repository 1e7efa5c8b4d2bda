import test from 'node:test';
import assert from 'node:assert/strict';
import { openBank, transfer, balances } from './transfer.mjs';

const seed = [[1, 'alice', 10_000], [2, 'bob', 500]];

test('a successful transfer moves money and keeps the total', async () => {
  const db = await openBank(seed);
  transfer(db, 1, 2, 2_500);
  assert.deepEqual(balances(db), { 1: 7_500, 2: 3_000 });
});

test('a failure after the debit rolls the debit back', async () => {
  const db = await openBank(seed);
  assert.throws(() => transfer(db, 1, 99, 2_500), /no account 99/);
  assert.deepEqual(balances(db), { 1: 10_000, 2: 500 }, 'alice was not debited');
});

test('insufficient funds violates the CHECK constraint and changes nothing', async () => {
  const db = await openBank(seed);
  assert.throws(() => transfer(db, 2, 1, 501), /CHECK constraint failed/);
  assert.deepEqual(balances(db), { 1: 10_000, 2: 500 });
});

test('the connection is usable after a rollback', async () => {
  const db = await openBank(seed);
  assert.throws(() => transfer(db, 1, 99, 1));
  transfer(db, 1, 2, 1);
  assert.deepEqual(balances(db), { 1: 9_999, 2: 501 });
});
