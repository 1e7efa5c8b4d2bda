import test from 'node:test';
import assert from 'node:assert/strict';
import { withDeadline, pollUntil, slowJob } from './abortable.mjs';

test('a task that finishes in time returns its value', async () => {
  assert.equal(await withDeadline((signal) => slowJob(5, 'done', { signal }), 200), 'done');
});

test('the deadline aborts a slow task with an AbortError caused by a TimeoutError', async () => {
  const started = Date.now();
  await assert.rejects(withDeadline((signal) => slowJob(10_000, 'late', { signal }), 30), (err) => {
    assert.equal(err.name, 'AbortError');
    assert.equal(err.cause.name, 'TimeoutError');
    return true;
  });
  assert.ok(Date.now() - started < 1000, 'the 10 s timer was canceled, not awaited');
});

test("the caller's signal cancels too, and its reason is passed through", async () => {
  const controller = new AbortController();
  setTimeout(() => controller.abort(new Error('client disconnected')), 10);
  await assert.rejects(
    withDeadline((signal) => slowJob(10_000, 'late', { signal }), 5_000, { signal: controller.signal }),
    (err) => err.name === 'AbortError' && err.cause.message === 'client disconnected',
  );
});

test('pollUntil stops as soon as the check passes', async () => {
  let calls = 0;
  const result = await pollUntil(async () => (++calls === 3 ? 'ready' : null), { intervalMs: 5 });
  assert.equal(result, 'ready');
  assert.equal(calls, 3);
});

test('pollUntil stops when the signal aborts', async () => {
  await assert.rejects(
    pollUntil(async () => null, { intervalMs: 5, signal: AbortSignal.timeout(40) }),
    { name: 'AbortError' },
  );
});
