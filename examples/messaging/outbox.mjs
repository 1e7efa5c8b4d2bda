// The transactional outbox: write the business row and the event in ONE local
// transaction, then let a relay publish the event and mark it sent.
//
// The database commit is the only "decision". If the broker is down, the event
// waits in the outbox; if the relay crashes after publishing but before
// marking, the event goes out again (at-least-once), so consumers dedupe on id.

export function createSchema(db) {
  db.exec(`
    CREATE TABLE orders (
      id       TEXT PRIMARY KEY,
      customer TEXT NOT NULL,
      total    INTEGER NOT NULL CHECK (total >= 0)
    );
    CREATE TABLE outbox (
      seq          INTEGER PRIMARY KEY AUTOINCREMENT,
      message_id   TEXT NOT NULL UNIQUE,
      topic        TEXT NOT NULL,
      payload      TEXT NOT NULL,
      attempts     INTEGER NOT NULL DEFAULT 0,
      last_error   TEXT,
      published_at TEXT
    );
  `);
}

// --8<-- [start:write]
export function placeOrder(db, order) {
  db.exec('BEGIN');
  try {
    db.run('INSERT INTO orders (id, customer, total) VALUES (?, ?, ?)', [order.id, order.customer, order.total]);
    db.run('INSERT INTO outbox (message_id, topic, payload) VALUES (?, ?, ?)', [
      `order-placed:${order.id}`,
      'orders.placed',
      JSON.stringify(order),
    ]);
    db.exec('COMMIT'); // both rows or neither
  } catch (err) {
    db.exec('ROLLBACK');
    throw err;
  }
}
// --8<-- [end:write]

// --8<-- [start:relay]
// One pass of the relay. Run it on a short interval (or on a change-data-capture
// feed). `publish` resolves once the broker has confirmed the message.
export async function relayOnce(db, publish, { batchSize = 100, now = () => new Date() } = {}) {
  const [result] = db.exec(
    'SELECT seq, message_id, topic, payload FROM outbox WHERE published_at IS NULL ORDER BY seq LIMIT ?',
    [batchSize],
  );
  const rows = result ? result.values : [];
  let published = 0;
  for (const [seq, messageId, topic, payload] of rows) {
    try {
      await publish({ id: messageId, topic, payload: JSON.parse(payload) });
    } catch (err) {
      db.run('UPDATE outbox SET attempts = attempts + 1, last_error = ? WHERE seq = ?', [String(err.message), seq]);
      // Stop here: a later event must not overtake one that failed.
      return { published, failed: true };
    }
    db.run('UPDATE outbox SET published_at = ? WHERE seq = ?', [now().toISOString(), seq]);
    published += 1;
  }
  return { published, failed: false };
}
// --8<-- [end:relay]

export function pendingCount(db) {
  const [result] = db.exec('SELECT count(*) FROM outbox WHERE published_at IS NULL');
  return result.values[0][0];
}
