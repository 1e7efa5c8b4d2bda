import test from 'node:test';
import assert from 'node:assert/strict';
import { naturals, take, paginate } from './generators.mjs';

test('generators are lazy: take() stops an infinite sequence', () => {
  assert.deepEqual([...take(naturals(), 4)], [1, 2, 3, 4]);
  assert.deepEqual([...take(naturals(10), 0)], []);
});

test('a generator object follows the iterator protocol', () => {
  const it = naturals(5);
  assert.deepEqual(it.next(), { value: 5, done: false });
  assert.deepEqual(it.next(), { value: 6, done: false });
  assert.deepEqual(it.return('stopped'), { value: 'stopped', done: true });
  assert.deepEqual(it.next(), { value: undefined, done: true });
});

const pages = {
  undefined: { items: [1, 2], next: 'p2' },
  p2: { items: [3, 4], next: 'p3' },
  p3: { items: [5], next: null },
};

test('paginate() flattens pages into one async stream', async () => {
  const requested = [];
  const fetchPage = async (cursor) => {
    requested.push(cursor ?? 'first');
    return pages[cursor];
  };
  const items = [];
  for await (const item of paginate(fetchPage)) items.push(item);
  assert.deepEqual(items, [1, 2, 3, 4, 5]);
  assert.deepEqual(requested, ['first', 'p2', 'p3']);
});

test('breaking out early fetches no further pages and runs cleanup', async () => {
  let fetches = 0;
  let closed = false;
  const fetchPage = async (cursor) => {
    fetches += 1;
    return pages[cursor];
  };
  for await (const item of paginate(fetchPage, { onClose: () => { closed = true; } })) {
    if (item === 2) break;
  }
  assert.equal(fetches, 1);
  assert.equal(closed, true);
});

test('an error from a page propagates to the consumer and still runs cleanup', async () => {
  let closed = false;
  const fetchPage = async (cursor) => {
    if (cursor === 'p2') throw new Error('page 2 failed');
    return pages[cursor];
  };
  const seen = [];
  await assert.rejects(async () => {
    for await (const item of paginate(fetchPage, { onClose: () => { closed = true; } })) seen.push(item);
  }, /page 2 failed/);
  assert.deepEqual(seen, [1, 2]);
  assert.equal(closed, true);
});
