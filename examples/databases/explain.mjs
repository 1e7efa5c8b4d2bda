// Read a query plan before and after adding an index (SQLite's EXPLAIN QUERY PLAN).
import initSqlJs from 'sql.js';

export async function openShop(rows = 2_000) {
  const SQL = await initSqlJs();
  const db = new SQL.Database();
  db.run(`CREATE TABLE orders (
    id          INTEGER PRIMARY KEY,
    customer_id INTEGER NOT NULL,
    status      TEXT    NOT NULL,
    created_at  TEXT    NOT NULL,
    total       INTEGER NOT NULL
  )`);
  db.run('BEGIN');
  for (let i = 1; i <= rows; i++) {
    const day = String((i % 28) + 1).padStart(2, '0');
    db.run('INSERT INTO orders VALUES (?, ?, ?, ?, ?)', [i, i % 100, i % 7 ? 'paid' : 'refunded', `2026-01-${day}`, i * 10]);
  }
  db.run('COMMIT');
  return db;
}

// --8<-- [start:plan]
// Each row of EXPLAIN QUERY PLAN has a "detail" column: SCAN means read everything,
// SEARCH means seek into a B-tree, TEMP B-TREE means an extra sort step.
export function plan(db, sql, params = []) {
  const stmt = db.prepare(`EXPLAIN QUERY PLAN ${sql}`);
  const steps = [];
  stmt.bind(params);
  while (stmt.step()) steps.push(stmt.getAsObject().detail);
  stmt.free();
  return steps;
}

export const recentOrders =
  'SELECT id, total FROM orders WHERE customer_id = ? ORDER BY created_at DESC LIMIT 20';

export function addCustomerIndex(db) {
  // Equality column first, then the sort column: one seek, rows already in order.
  db.run('CREATE INDEX orders_customer_created ON orders (customer_id, created_at)');
}
// --8<-- [end:plan]
