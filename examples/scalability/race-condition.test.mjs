import test from 'node:test';
import assert from 'node:assert/strict';
import { AccountStore, KeyedMutex, depositUnsafe, depositWithMutex, depositOptimistic } from './race-condition.mjs';

const N = 50;

async function freshStore() {
  const store = new AccountStore();
  await store.create('acc-1', 0);
  return store;
}

test('concurrent read-modify-write loses updates', async () => {
  const store = await freshStore();
  await Promise.all(Array.from({ length: N }, () => depositUnsafe(store, 'acc-1', 1)));
  const { balance } = await store.get('acc-1');
  assert.ok(balance < N, `expected lost updates, got ${balance} of ${N}`);
});

test('a per-key mutex serializes the critical section: no update is lost', async () => {
  const store = await freshStore();
  const mutex = new KeyedMutex();
  await Promise.all(Array.from({ length: N }, () => depositWithMutex(store, mutex, 'acc-1', 1)));
  assert.equal((await store.get('acc-1')).balance, N);
});

test('the mutex does not serialize different keys against each other', async () => {
  const mutex = new KeyedMutex();
  const order = [];
  const slow = mutex.run('a', async () => {
    order.push('a:start');
    await new Promise((r) => setTimeout(r, 20));
    order.push('a:end');
  });
  const fast = mutex.run('b', async () => order.push('b'));
  await Promise.all([slow, fast]);
  assert.deepEqual(order, ['a:start', 'b', 'a:end']);
});

test('the mutex releases the lock when the critical section throws', async () => {
  const mutex = new KeyedMutex();
  await assert.rejects(mutex.run('k', async () => { throw new Error('boom'); }), /boom/);
  assert.equal(await mutex.run('k', async () => 'next caller runs'), 'next caller runs');
});

test('optimistic version checks retry on conflict: no update is lost', async () => {
  const store = await freshStore();
  const attempts = await Promise.all(Array.from({ length: N }, () => depositOptimistic(store, 'acc-1', 1)));
  const account = await store.get('acc-1');
  assert.equal(account.balance, N);
  assert.equal(account.version, N, 'one successful write per deposit');
  assert.ok(attempts.some((a) => a > 1), 'some deposits had to retry after a conflict');
});

test('optimistic deposits give up under unbounded contention', async () => {
  const store = await freshStore();
  const results = await Promise.allSettled(
    Array.from({ length: 5 }, () => depositOptimistic(store, 'acc-1', 1, { maxAttempts: 1 })),
  );
  assert.equal(results.filter((r) => r.status === 'fulfilled').length, 1);
  assert.match(results.find((r) => r.status === 'rejected').reason.message, /gave up after 1/);
});
