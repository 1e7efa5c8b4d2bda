import test from 'node:test';
import assert from 'node:assert/strict';
import { createIdGenerator, parseId } from './snowflake.mjs';

const EPOCH = 1_704_067_200_000;

test('IDs in the same millisecond are unique and increasing', () => {
  const nextId = createIdGenerator({ workerId: 7, now: () => EPOCH + 1000 });
  const ids = Array.from({ length: 100 }, () => nextId());
  assert.equal(new Set(ids).size, 100);
  for (let i = 1; i < ids.length; i++) assert.ok(ids[i] > ids[i - 1]);
  assert.deepEqual(parseId(ids[5]), { ms: 1000, workerId: 7, sequence: 5 });
});

test('workers never collide, even at the same instant', () => {
  const a = createIdGenerator({ workerId: 1, now: () => EPOCH + 5 });
  const b = createIdGenerator({ workerId: 2, now: () => EPOCH + 5 });
  assert.notEqual(a(), b());
});

test('waits for the next millisecond when the sequence is exhausted', () => {
  let calls = 0;
  // The fake clock moves forward one millisecond after 5000 reads.
  const now = () => EPOCH + 10 + (++calls > 5000 ? 1 : 0);
  const nextId = createIdGenerator({ workerId: 0, now });
  const ids = Array.from({ length: 4097 }, () => nextId());
  assert.equal(new Set(ids).size, 4097);
  assert.deepEqual(parseId(ids[4095]), { ms: 10, workerId: 0, sequence: 4095 });
  assert.deepEqual(parseId(ids[4096]), { ms: 11, workerId: 0, sequence: 0 });
});

test('refuses to run when the clock goes backwards', () => {
  let t = EPOCH + 100;
  const nextId = createIdGenerator({ workerId: 0, now: () => t });
  nextId();
  t -= 5;
  assert.throws(() => nextId(), /backwards/);
});

test('IDs exceed MAX_SAFE_INTEGER, so serialize them as strings', () => {
  const nextId = createIdGenerator({ workerId: 3, now: () => EPOCH + 365 * 24 * 3600 * 1000 });
  const id = nextId();
  assert.ok(id > BigInt(Number.MAX_SAFE_INTEGER));
  assert.throws(() => JSON.stringify({ id }), TypeError);
  assert.equal(JSON.stringify({ id: id.toString() }), `{"id":"${id}"}`);
});

test('rejects an out-of-range worker ID', () => {
  assert.throws(() => createIdGenerator({ workerId: 1024 }), RangeError);
});
