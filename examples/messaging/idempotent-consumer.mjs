// An idempotent consumer for an at-least-once broker.
//
// The broker may deliver the same message twice (a lost ack, a consumer crash,
// a rebalance). The consumer records each message id in the SAME transaction
// as its side effect, so a redelivery finds the id and does nothing.

export function createSchema(db) {
  db.exec(`
    CREATE TABLE accounts (
      id      TEXT PRIMARY KEY,
      balance INTEGER NOT NULL
    );
    CREATE TABLE processed_messages (
      message_id TEXT PRIMARY KEY
    );
  `);
}

// --8<-- [start:handler]
export function createPaymentConsumer(db) {
  // Returns 'processed' or 'duplicate'; throws if the work failed, so the
  // caller nacks and the broker redelivers later.
  return function handle(message) {
    const { accountId, amount } = message.body;
    db.exec('BEGIN');
    try {
      // 1. Claim the message id. The primary key makes a second claim a no-op.
      db.run('INSERT OR IGNORE INTO processed_messages (message_id) VALUES (?)', [message.id]);
      if (db.getRowsModified() === 0) {
        db.exec('ROLLBACK');
        return 'duplicate';
      }
      // 2. The side effect, in the same transaction as the claim.
      db.run('UPDATE accounts SET balance = balance + ? WHERE id = ?', [amount, accountId]);
      if (db.getRowsModified() === 0) throw new Error(`unknown account ${accountId}`);
      db.exec('COMMIT');
      return 'processed';
    } catch (err) {
      // Nothing was recorded: the claim rolls back with the side effect,
      // so a redelivery gets a fresh attempt.
      db.exec('ROLLBACK');
      throw err;
    }
  };
}
// --8<-- [end:handler]

export function balanceOf(db, accountId) {
  const [result] = db.exec('SELECT balance FROM accounts WHERE id = ?', [accountId]);
  return result ? result.values[0][0] : undefined;
}
