import test from 'node:test';
import assert from 'node:assert/strict';
import { BUCKETS, bucketOf, createFlags, defineFlag, evaluate } from './feature-flags.mjs';

const userIds = Array.from({ length: 20_000 }, (_, i) => `user-${i}`);

test('a user lands in the same bucket on every call', () => {
  for (const id of userIds.slice(0, 500)) {
    const b = bucketOf('new-checkout', id);
    assert.equal(bucketOf('new-checkout', id), b);
    assert.ok(b >= 0 && b < BUCKETS);
  }
});

test('the same user gets the same decision on every evaluation', () => {
  const flag = defineFlag({ key: 'new-checkout', percentage: 30 });
  for (const id of userIds.slice(0, 500)) {
    const first = evaluate(flag, id).on;
    for (let i = 0; i < 5; i += 1) assert.equal(evaluate(flag, id).on, first);
  }
});

test('the rollout fraction matches the percentage within 1.5 points', () => {
  for (const percentage of [1, 10, 25, 50, 90]) {
    const flag = defineFlag({ key: 'new-checkout', percentage });
    const on = userIds.filter((id) => evaluate(flag, id).on).length;
    const fraction = (on / userIds.length) * 100;
    assert.ok(Math.abs(fraction - percentage) < 1.5, `${percentage}% rollout gave ${fraction.toFixed(2)}%`);
  }
});

test('raising the percentage only adds users, it never flips anyone off', () => {
  const at10 = defineFlag({ key: 'new-checkout', percentage: 10 });
  const at40 = defineFlag({ key: 'new-checkout', percentage: 40 });
  for (const id of userIds) {
    if (evaluate(at10, id).on) assert.equal(evaluate(at40, id).on, true, id);
  }
});

test('0% is off and 100% is on for everyone', () => {
  const off = defineFlag({ key: 'f', percentage: 0 });
  const on = defineFlag({ key: 'f', percentage: 100 });
  assert.ok(userIds.every((id) => !evaluate(off, id).on));
  assert.ok(userIds.every((id) => evaluate(on, id).on));
});

test('different flags pick different users', () => {
  const a = defineFlag({ key: 'flag-a', percentage: 50 });
  const b = defineFlag({ key: 'flag-b', percentage: 50 });
  const both = userIds.filter((id) => evaluate(a, id).on && evaluate(b, id).on).length;
  // Independent 50% rollouts overlap on about 25% of users, not 50%.
  const overlap = (both / userIds.length) * 100;
  assert.ok(Math.abs(overlap - 25) < 2, `overlap was ${overlap.toFixed(2)}%`);
});

test('the allowlist turns a flag on at 0%, the deny list off at 100%', () => {
  const flag = defineFlag({ key: 'beta', percentage: 0, allow: ['qa-1', 42] });
  assert.deepEqual(evaluate(flag, 'qa-1'), { on: true, reason: 'allowed' });
  assert.deepEqual(evaluate(flag, 42), { on: true, reason: 'allowed' });
  assert.deepEqual(evaluate(flag, 'someone-else'), { on: false, reason: 'rollout' });
  const full = defineFlag({ key: 'beta', percentage: 100, allow: ['x'], deny: ['x'] });
  assert.deepEqual(evaluate(full, 'x'), { on: false, reason: 'denied' });
});

test('the kill switch wins over the allowlist', () => {
  const flag = defineFlag({ key: 'beta', enabled: false, percentage: 100, allow: ['qa-1'] });
  assert.deepEqual(evaluate(flag, 'qa-1'), { on: false, reason: 'killed' });
});

test('unknown flags and anonymous users get safe defaults', () => {
  const flags = createFlags([{ key: 'half', percentage: 50 }, { key: 'all', percentage: 100 }]);
  assert.equal(flags.isOn('does-not-exist', 'u1'), false);
  assert.deepEqual(flags.explain('half', undefined), { on: false, reason: 'anonymous' });
  assert.equal(flags.isOn('all', null), true);
});

test('invalid definitions fail at load time', () => {
  assert.throws(() => defineFlag({ key: 'x', percentage: 150 }), RangeError);
  assert.throws(() => defineFlag({ key: 'x', percentage: Number.NaN }), RangeError);
  assert.throws(() => defineFlag({ key: '' }), TypeError);
});
