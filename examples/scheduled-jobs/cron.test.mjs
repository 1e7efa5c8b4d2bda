import test from 'node:test';
import assert from 'node:assert/strict';
import { parseCron, matches, nextRun } from './cron.mjs';

const at = (iso) => new Date(iso);
const next = (expr, iso) => nextRun(expr, at(iso))?.toISOString() ?? null;
const sorted = (set) => [...set].sort((a, b) => a - b);

test('steps: */15 and a stepped range', () => {
  assert.deepEqual(sorted(parseCron('*/15 * * * *').minute), [0, 15, 30, 45]);
  assert.deepEqual(sorted(parseCron('0 9-17/2 * * *').hour), [9, 11, 13, 15, 17]);
  assert.equal(next('*/15 * * * *', '2025-01-06T10:07:30Z'), '2025-01-06T10:15:00.000Z');
  assert.equal(next('*/15 * * * *', '2025-01-06T23:50:00Z'), '2025-01-07T00:00:00.000Z');
});

test('ranges: weekdays only, 1-5', () => {
  // 2025-01-03 is a Friday; the next weekday run after 09:00 is Monday the 6th.
  assert.equal(next('0 9 * * 1-5', '2025-01-03T09:00:00Z'), '2025-01-06T09:00:00.000Z');
});

test('lists: the 1st and 15th, and list items that are ranges', () => {
  assert.equal(next('0 0 1,15 * *', '2025-01-02T00:00:00Z'), '2025-01-15T00:00:00.000Z');
  assert.equal(next('0 0 1,15 * *', '2025-01-15T00:00:00Z'), '2025-02-01T00:00:00.000Z');
  assert.deepEqual(sorted(parseCron('0 1-3,22 * * *').hour), [1, 2, 3, 22]);
});

test('both day fields restricted: a day matches if EITHER matches', () => {
  const expr = '30 4 1,15 * 5'; // 04:30 on the 1st, the 15th, and every Friday
  assert.equal(matches(expr, at('2025-01-03T04:30:00Z')), true); // Friday the 3rd
  assert.equal(matches(expr, at('2025-01-15T04:30:00Z')), true); // Wednesday the 15th
  assert.equal(matches(expr, at('2025-01-14T04:30:00Z')), false); // Tuesday the 14th
  assert.equal(next(expr, '2025-01-01T04:30:00Z'), '2025-01-03T04:30:00.000Z');
});

test('one day field is *: only the other one counts', () => {
  assert.equal(matches('0 0 13 * *', at('2025-06-13T00:00:00Z')), true);
  assert.equal(matches('0 0 13 * *', at('2025-06-20T00:00:00Z')), false); // a Friday, not the 13th
  assert.equal(matches('0 0 * * 5', at('2025-06-20T00:00:00Z')), true);
});

test('Vixie quirk: */2 in day-of-month counts as a star, so both fields must match', () => {
  const expr = '0 0 */2 * 1'; // odd days of the month AND Mondays, not OR
  assert.equal(matches(expr, at('2025-01-13T00:00:00Z')), true); // Monday the 13th
  assert.equal(matches(expr, at('2025-01-06T00:00:00Z')), false); // Monday the 6th
  assert.equal(matches(expr, at('2025-01-07T00:00:00Z')), false); // Tuesday the 7th
});

test('7 and 0 both mean Sunday', () => {
  assert.deepEqual(sorted(parseCron('0 0 * * 7').dayOfWeek), [0]);
  assert.equal(matches('0 0 * * 7', at('2025-01-05T00:00:00Z')), true); // a Sunday
});

test('rolls over months and years, and gives up on impossible dates', () => {
  assert.equal(next('0 0 1 1 *', '2025-06-01T00:00:00Z'), '2026-01-01T00:00:00.000Z');
  assert.equal(next('0 12 29 2 *', '2025-03-01T00:00:00Z'), '2028-02-29T12:00:00.000Z');
  assert.equal(next('0 0 30 2 *', '2025-01-01T00:00:00Z'), null);
});

test('rejects malformed expressions', () => {
  assert.throws(() => parseCron('* * * *'), /5 fields/);
  assert.throws(() => parseCron('60 * * * *'), /outside 0-59/);
  assert.throws(() => parseCron('0 17-9 * * *'), /backwards/);
  assert.throws(() => parseCron('*/0 * * * *'), /outside/);
  assert.throws(() => parseCron('5/10 * * * *'), /step needs/);
});
