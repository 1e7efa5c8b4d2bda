import test from 'node:test';
import assert from 'node:assert/strict';
import { percentile, summarize } from './percentiles.mjs';

test('nearest-rank percentiles on 1..100', () => {
  const samples = Array.from({ length: 100 }, (_, i) => i + 1);
  const s = summarize(samples.reverse()); // input order does not matter
  assert.deepEqual(
    { min: s.min, p50: s.p50, p90: s.p90, p95: s.p95, p99: s.p99, max: s.max },
    { min: 1, p50: 50, p90: 90, p95: 95, p99: 99, max: 100 },
  );
  assert.equal(s.mean, 50.5);
});

test('the mean hides a slow tail that p99 shows', () => {
  // 97 fast requests and 3 that waited on a lock.
  const samples = [...Array(97).fill(20), 2000, 2100, 2500];
  const s = summarize(samples);
  assert.equal(s.p50, 20);
  assert.equal(s.p95, 20);
  assert.equal(s.p99, 2100, 'one in a hundred users waits two seconds');
  assert.ok(s.mean < 100, `mean ${s.mean} ms looks healthy`);
});

test('samples sort numerically, not as strings', () => {
  assert.equal(summarize([100, 9, 20]).p50, 20);
});

test('percentiles cannot be averaged across servers', () => {
  const serverA = Array(100).fill(10); // fast host
  const serverB = [...Array(90).fill(10), ...Array(10).fill(1000)]; // host with a slow tail
  const averagedP99 = (summarize(serverA).p99 + summarize(serverB).p99) / 2;
  const trueP99 = summarize([...serverA, ...serverB]).p99;
  assert.equal(averagedP99, 505);
  assert.equal(trueP99, 1000, 'merge the raw samples or histograms, never the percentiles');
});

test('edge cases', () => {
  assert.equal(percentile([7], 0), 7);
  assert.equal(percentile([7], 100), 7);
  assert.throws(() => percentile([], 50), /no samples/);
  assert.throws(() => percentile([1], 101), RangeError);
});
