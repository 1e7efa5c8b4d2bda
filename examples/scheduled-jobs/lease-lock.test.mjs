import test from 'node:test';
import assert from 'node:assert/strict';
import { MemoryLeaseStore, createJobRunner } from './lease-lock.mjs';

function fakeClock(start = 0) {
  let t = start;
  return { now: () => t, advance: (ms) => { t += ms; } };
}

function deferred() {
  let resolve;
  const promise = new Promise((r) => { resolve = r; });
  return { promise, resolve };
}

test('a second run while the first is in progress is skipped', async () => {
  const clock = fakeClock();
  const store = new MemoryLeaseStore({ now: clock.now });
  const run = createJobRunner({ store, name: 'nightly-backup', ttlMs: 60_000 });

  const gate = deferred();
  const first = run(() => gate.promise);
  const second = await run(() => 'should not run');
  assert.deepEqual(second, { status: 'skipped' });

  gate.resolve('backed up');
  const done = await first;
  assert.equal(done.status, 'done');
  assert.equal(done.result, 'backed up');

  // The lease was released, so the next scheduled run goes ahead.
  const third = await run(() => 'again');
  assert.equal(third.status, 'done');
});

test('an expired lease lets the next run take over, and the late run cannot release it', async () => {
  const clock = fakeClock();
  const store = new MemoryLeaseStore({ now: clock.now });
  const run = createJobRunner({ store, name: 'sync', ttlMs: 1_000 });

  const stuck = deferred();
  const first = run(() => stuck.promise); // a hung run that never renews

  clock.advance(1_001); // past the lease
  const slow = deferred();
  const second = run(() => slow.promise);

  stuck.resolve('late'); // the first run finishes after losing its lease
  const firstResult = await first;
  assert.equal(firstResult.status, 'done');

  // Its release must not have removed the second run's lease.
  assert.deepEqual(await run(() => 'x'), { status: 'skipped' });

  slow.resolve('ok');
  const secondResult = await second;
  assert.ok(secondResult.fencingToken > firstResult.fencingToken, 'newer holder has a larger token');
});

test('renewing the lease keeps a long run exclusive past the original TTL', async () => {
  const clock = fakeClock();
  const store = new MemoryLeaseStore({ now: clock.now });
  const run = createJobRunner({ store, name: 'report', ttlMs: 1_000 });

  const gate = deferred();
  let renewed;
  const first = run(async ({ renew }) => {
    clock.advance(900);
    renewed = await renew(); // heartbeat before the lease runs out
    await gate.promise;
  });

  await new Promise(setImmediate); // let the job start and renew
  assert.equal(renewed, true);
  clock.advance(900); // 1,800 ms after the start, still within the renewed lease
  assert.deepEqual(await run(() => 'x'), { status: 'skipped' });

  gate.resolve();
  assert.equal((await first).status, 'done');
});

test('a failing job still releases its lease', async () => {
  const store = new MemoryLeaseStore({ now: fakeClock().now });
  const run = createJobRunner({ store, name: 'flaky', ttlMs: 60_000 });

  await assert.rejects(run(() => { throw new Error('boom'); }), /boom/);
  assert.equal((await run(() => 'recovered')).status, 'done');
});
