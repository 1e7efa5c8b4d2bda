import test from 'node:test';
import assert from 'node:assert/strict';
import initSqlJs from 'sql.js';
import { createSchema, createPaymentConsumer, balanceOf } from './idempotent-consumer.mjs';

const SQL = await initSqlJs();

function setup() {
  const db = new SQL.Database();
  createSchema(db);
  db.run('INSERT INTO accounts (id, balance) VALUES (?, ?)', ['acc-1', 0]);
  return { db, handle: createPaymentConsumer(db) };
}

test('a redelivered message credits the account once', () => {
  const { db, handle } = setup();
  const message = { id: 'msg-1', body: { accountId: 'acc-1', amount: 50 } };

  assert.equal(handle(message), 'processed');
  assert.equal(handle(message), 'duplicate');
  assert.equal(balanceOf(db, 'acc-1'), 50);
});

test('a stream with duplicates applies each message id exactly once', () => {
  const { db, handle } = setup();
  const a = { id: 'a', body: { accountId: 'acc-1', amount: 10 } };
  const b = { id: 'b', body: { accountId: 'acc-1', amount: 5 } };

  // What an at-least-once broker may hand you after a crash and a rebalance.
  const deliveries = [a, b, a, a, b];
  const outcomes = deliveries.map((m) => handle(m));

  assert.deepEqual(outcomes, ['processed', 'processed', 'duplicate', 'duplicate', 'duplicate']);
  assert.equal(balanceOf(db, 'acc-1'), 15);
});

test('a failed attempt records nothing, so the redelivery is processed', () => {
  const { db, handle } = setup();
  const message = { id: 'msg-2', body: { accountId: 'acc-2', amount: 30 } };

  assert.throws(() => handle(message), /unknown account acc-2/);
  const [claimed] = db.exec("SELECT count(*) FROM processed_messages WHERE message_id = 'msg-2'");
  assert.equal(claimed.values[0][0], 0, 'the claim rolled back with the failed work');

  db.run('INSERT INTO accounts (id, balance) VALUES (?, ?)', ['acc-2', 0]);
  assert.equal(handle(message), 'processed');
  assert.equal(balanceOf(db, 'acc-2'), 30);
});
