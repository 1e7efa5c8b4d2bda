import test from 'node:test';
import assert from 'node:assert/strict';
import { sendWithFailover, backoffMs, PermanentError } from './send-with-failover.mjs';

function provider(name, outcomes) {
  const calls = [];
  return {
    name,
    calls,
    async send(notification, { idempotencyKey }) {
      calls.push(idempotencyKey);
      const next = outcomes.length > 1 ? outcomes.shift() : outcomes[0];
      if (next instanceof Error) throw next;
      return next;
    },
  };
}

const noSleep = async () => {};
const notification = { id: 'n-42', userId: 'u-1', channel: 'email', body: 'Hi' };

test('succeeds on the first provider after a transient failure', async () => {
  const primary = provider('primary', [new Error('503'), 'receipt-1']);
  const backup = provider('backup', ['receipt-2']);
  const result = await sendWithFailover(notification, [primary, backup], { sleep: noSleep });
  assert.deepEqual(result, { provider: 'primary', attempts: 2, receipt: 'receipt-1' });
  assert.deepEqual(primary.calls, ['n-42', 'n-42']); // same idempotency key on retry
  assert.equal(backup.calls.length, 0);
});

test('fails over when a provider keeps failing', async () => {
  const primary = provider('primary', [new Error('timeout')]);
  const backup = provider('backup', ['receipt-2']);
  const result = await sendWithFailover(notification, [primary, backup], {
    sleep: noSleep,
    retriesPerProvider: 2,
  });
  assert.equal(result.provider, 'backup');
  assert.equal(primary.calls.length, 3);
  assert.equal(result.attempts, 4);
});

test('stops at once on a permanent error', async () => {
  const primary = provider('primary', [new PermanentError('invalid address')]);
  const backup = provider('backup', ['receipt-2']);
  await assert.rejects(
    sendWithFailover(notification, [primary, backup], { sleep: noSleep }),
    (err) => err instanceof AggregateError && err.errors.length === 1,
  );
  assert.equal(backup.calls.length, 0);
});

test('throws with every error when all providers fail', async () => {
  const a = provider('a', [new Error('down')]);
  const b = provider('b', [new Error('down')]);
  await assert.rejects(
    sendWithFailover(notification, [a, b], { sleep: noSleep, retriesPerProvider: 1 }),
    (err) => err instanceof AggregateError && err.errors.length === 4,
  );
});

test('backs off exponentially with jitter and a cap', async () => {
  assert.equal(backoffMs(0, { baseMs: 100, random: () => 0.999 }), 99);
  assert.equal(backoffMs(3, { baseMs: 100, random: () => 0.5 }), 400);
  assert.equal(backoffMs(20, { baseMs: 100, capMs: 5000, random: () => 0.999 }), 4995);
  assert.equal(backoffMs(5, { random: () => 0 }), 0);

  const delays = [];
  const failing = provider('p', [new Error('down')]);
  await assert.rejects(
    sendWithFailover(notification, [failing], {
      retriesPerProvider: 3,
      baseMs: 10,
      random: () => 0.999,
      sleep: async (ms) => { delays.push(ms); },
    }),
  );
  assert.deepEqual(delays, [9, 19, 39]);
});

test('uses real timers by default, briefly', async () => {
  const flaky = provider('p', [new Error('blip'), 'ok']);
  const result = await sendWithFailover(notification, [flaky], { baseMs: 5 });
  assert.equal(result.receipt, 'ok');
});
