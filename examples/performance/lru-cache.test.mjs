import test from 'node:test';
import assert from 'node:assert/strict';
import { LruCache } from './lru-cache.mjs';

function fakeClock(start = 0) {
  let t = start;
  return { now: () => t, advance: (ms) => (t += ms) };
}

test('evicts the least recently used entry when full', () => {
  const clock = fakeClock();
  const cache = new LruCache({ maxEntries: 3, ttlMs: 1000, now: clock.now });
  cache.set('a', 1).set('b', 2).set('c', 3);

  cache.get('a'); // a is now the most recently used; b is the oldest
  cache.set('d', 4);

  assert.equal(cache.get('b'), undefined, 'b was evicted');
  assert.deepEqual(cache.keys(), ['c', 'a', 'd']);
  assert.equal(cache.evictions, 1);
});

test('setting an existing key refreshes its recency instead of growing the cache', () => {
  const cache = new LruCache({ maxEntries: 2, ttlMs: 1000, now: fakeClock().now });
  cache.set('a', 1).set('b', 2).set('a', 10).set('c', 3);
  assert.deepEqual(cache.keys(), ['a', 'c']);
  assert.equal(cache.get('a'), 10);
});

test('entries expire after their TTL, measured by the injected clock', () => {
  const clock = fakeClock();
  const cache = new LruCache({ maxEntries: 10, ttlMs: 1000, now: clock.now });
  cache.set('price:42', 1999);

  clock.advance(999);
  assert.equal(cache.get('price:42'), 1999, 'still fresh 1 ms before expiry');
  clock.advance(1);
  assert.equal(cache.get('price:42'), undefined, 'expired at exactly ttlMs');
  assert.equal(cache.size, 0, 'the expired entry was removed on read');
});

test('a per-entry TTL overrides the default', () => {
  const clock = fakeClock();
  const cache = new LruCache({ maxEntries: 10, ttlMs: 60_000, now: clock.now });
  cache.set('flash-sale', true, { ttlMs: 100 });
  clock.advance(100);
  assert.equal(cache.get('flash-sale'), undefined);
});

test('reading does not extend the TTL', () => {
  const clock = fakeClock();
  const cache = new LruCache({ maxEntries: 10, ttlMs: 1000, now: clock.now });
  cache.set('k', 'v');
  clock.advance(600);
  cache.get('k');
  clock.advance(600);
  assert.equal(cache.get('k'), undefined);
});

test('counts hits and misses for a hit-ratio metric', () => {
  const cache = new LruCache({ maxEntries: 10, ttlMs: 1000, now: fakeClock().now });
  cache.set('a', 1);
  cache.get('a');
  cache.get('a');
  cache.get('missing');
  assert.deepEqual([cache.hits, cache.misses], [2, 1]);
});

test('getOrLoad coalesces concurrent misses into one load', async () => {
  const cache = new LruCache({ maxEntries: 10, ttlMs: 1000, now: fakeClock().now });
  let loads = 0;
  const load = async (key) => {
    loads += 1;
    await new Promise((resolve) => setImmediate(resolve));
    return `row for ${key}`;
  };

  const results = await Promise.all(Array.from({ length: 20 }, () => cache.getOrLoad('user:1', load)));
  assert.equal(loads, 1, 'twenty concurrent misses, one database query');
  assert.ok(results.every((r) => r === 'row for user:1'));
  assert.equal(await cache.getOrLoad('user:1', load), 'row for user:1');
  assert.equal(loads, 1, 'later reads are hits');
});

test('a failed load is not cached, so the next call retries', async () => {
  const cache = new LruCache({ maxEntries: 10, ttlMs: 1000, now: fakeClock().now });
  await assert.rejects(cache.getOrLoad('k', async () => { throw new Error('db down'); }), /db down/);
  assert.equal(await cache.getOrLoad('k', async () => 'ok'), 'ok');
});
