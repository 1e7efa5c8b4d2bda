import test from 'node:test';
import assert from 'node:assert/strict';
import { openShop, plan, recentOrders, addCustomerIndex } from './explain.mjs';

test('without an index the query scans the table and sorts', async () => {
  const db = await openShop();
  assert.deepEqual(plan(db, recentOrders, [7]), ['SCAN orders', 'USE TEMP B-TREE FOR ORDER BY']);
});

test('a composite index turns the scan into a search and removes the sort', async () => {
  const db = await openShop();
  addCustomerIndex(db);
  const steps = plan(db, recentOrders, [7]);
  assert.equal(steps.length, 1);
  assert.match(steps[0], /^SEARCH orders USING INDEX orders_customer_created \(customer_id=\?\)/);
});

test('selecting only indexed columns makes the index covering', async () => {
  const db = await openShop();
  addCustomerIndex(db);
  // SQLite stores the rowid (id) in every index entry, so id counts as indexed.
  const [step] = plan(db, 'SELECT id, created_at FROM orders WHERE customer_id = ?', [7]);
  assert.match(step, /USING COVERING INDEX orders_customer_created/);
});

test('column order matters: filtering only on the second column cannot seek', async () => {
  const db = await openShop();
  addCustomerIndex(db);
  const [step] = plan(db, 'SELECT id FROM orders WHERE created_at > ?', ['2026-01-20']);
  assert.match(step, /^SCAN orders/);
  assert.doesNotMatch(step, /SEARCH/);
});
