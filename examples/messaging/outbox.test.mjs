import test from 'node:test';
import assert from 'node:assert/strict';
import initSqlJs from 'sql.js';
import { createSchema, placeOrder, relayOnce, pendingCount } from './outbox.mjs';

const SQL = await initSqlJs();

function setup() {
  const db = new SQL.Database();
  createSchema(db);
  return db;
}

function count(db, table) {
  return db.exec(`SELECT count(*) FROM ${table}`)[0].values[0][0];
}

test('the order row and its event are written atomically', () => {
  const db = setup();
  placeOrder(db, { id: 'o-1', customer: 'ada', total: 42 });
  assert.equal(count(db, 'orders'), 1);
  assert.equal(count(db, 'outbox'), 1);

  // A failing business write takes its event down with it.
  assert.throws(() => placeOrder(db, { id: 'o-2', customer: 'bob', total: -1 }), /CHECK constraint failed/);
  assert.equal(count(db, 'orders'), 1);
  assert.equal(count(db, 'outbox'), 1, 'no event for an order that does not exist');
});

test('a failed publish loses nothing: the next relay pass delivers it', async () => {
  const db = setup();
  placeOrder(db, { id: 'o-1', customer: 'ada', total: 42 });
  placeOrder(db, { id: 'o-2', customer: 'bob', total: 7 });

  const broker = [];
  let brokerUp = false;
  const publish = async (message) => {
    if (!brokerUp) throw new Error('connection refused');
    broker.push(message);
  };

  assert.deepEqual(await relayOnce(db, publish), { published: 0, failed: true });
  assert.equal(pendingCount(db), 2, 'both events wait in the outbox');
  const [attempts] = db.exec("SELECT attempts, last_error FROM outbox WHERE message_id = 'order-placed:o-1'");
  assert.deepEqual(attempts.values[0], [1, 'connection refused']);

  brokerUp = true;
  assert.deepEqual(await relayOnce(db, publish), { published: 2, failed: false });
  assert.equal(pendingCount(db), 0);
  assert.deepEqual(
    broker.map((m) => m.id),
    ['order-placed:o-1', 'order-placed:o-2'],
    'every event arrives, in commit order',
  );
  assert.deepEqual(await relayOnce(db, publish), { published: 0, failed: false }, 'nothing is sent twice');
});

test('a failure mid-batch stops the relay so later events do not overtake', async () => {
  const db = setup();
  for (const id of ['o-1', 'o-2', 'o-3']) placeOrder(db, { id, customer: 'ada', total: 1 });

  const broker = [];
  let calls = 0;
  const flaky = async (message) => {
    calls += 1;
    if (calls === 2) throw new Error('timeout');
    broker.push(message.id);
  };

  assert.deepEqual(await relayOnce(db, flaky), { published: 1, failed: true });
  assert.deepEqual(broker, ['order-placed:o-1']);
  await relayOnce(db, flaky);
  assert.deepEqual(broker, ['order-placed:o-1', 'order-placed:o-2', 'order-placed:o-3']);
});

test('a lost broker confirm causes a duplicate, which consumers dedupe by id', async () => {
  const db = setup();
  placeOrder(db, { id: 'o-1', customer: 'ada', total: 42 });

  const broker = [];
  let confirmLost = true;
  const publish = async (message) => {
    broker.push(message); // the broker stored it...
    if (confirmLost) {
      confirmLost = false;
      throw new Error('confirm timed out'); // ...but the relay never heard back
    }
  };

  await relayOnce(db, publish);
  await relayOnce(db, publish);
  assert.equal(broker.length, 2, 'at-least-once: the event went out twice');
  assert.equal(new Set(broker.map((m) => m.id)).size, 1, 'with one id, so an idempotent consumer applies it once');
});
