// A money transfer that is all-or-nothing, on SQLite (sql.js, in memory).
import initSqlJs from 'sql.js';

export async function openBank(accounts) {
  const SQL = await initSqlJs();
  const db = new SQL.Database();
  db.run(`CREATE TABLE accounts (
    id      INTEGER PRIMARY KEY,
    owner   TEXT    NOT NULL,
    balance INTEGER NOT NULL CHECK (balance >= 0)  -- cents; the database guards the invariant
  )`);
  for (const [id, owner, balance] of accounts) {
    db.run('INSERT INTO accounts (id, owner, balance) VALUES (?, ?, ?)', [id, owner, balance]);
  }
  return db;
}

// --8<-- [start:transaction]
// Run fn inside one transaction: commit if it returns, roll back if it throws.
export function withTransaction(db, fn) {
  db.run('BEGIN IMMEDIATE'); // take the write lock now, not halfway through
  try {
    const result = fn(db);
    db.run('COMMIT');
    return result;
  } catch (err) {
    db.run('ROLLBACK');
    throw err;
  }
}

export function transfer(db, fromId, toId, amount) {
  if (!Number.isInteger(amount) || amount <= 0) throw new RangeError('amount must be a positive integer');
  return withTransaction(db, (tx) => {
    // Fails with a CHECK constraint error if the balance would go negative.
    tx.run('UPDATE accounts SET balance = balance - ? WHERE id = ?', [amount, fromId]);
    if (tx.getRowsModified() !== 1) throw new Error(`no account ${fromId}`);

    // The debit above is already applied inside the transaction...
    tx.run('UPDATE accounts SET balance = balance + ? WHERE id = ?', [amount, toId]);
    // ...so a failure here must undo it. ROLLBACK does.
    if (tx.getRowsModified() !== 1) throw new Error(`no account ${toId}`);
  });
}
// --8<-- [end:transaction]

export function balances(db) {
  const [result] = db.exec('SELECT id, balance FROM accounts ORDER BY id');
  return Object.fromEntries(result.values);
}
