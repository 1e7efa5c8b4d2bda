import test from 'node:test';
import assert from 'node:assert/strict';
import {
  openLibrary,
  booksWithAuthorsNPlusOne,
  booksWithAuthorsJoin,
  booksWithAuthorsBatched,
} from './n-plus-one.mjs';

test('the naive loop issues 1 + N queries', async () => {
  const db = await openLibrary({ authors: 10, booksPerAuthor: 3 });
  const rows = booksWithAuthorsNPlusOne(db);
  assert.equal(rows.length, 30);
  assert.equal(db.queries, 1 + 30);
});

test('the JOIN returns the same rows in one query', async () => {
  const db = await openLibrary({ authors: 10, booksPerAuthor: 3 });
  const expected = booksWithAuthorsNPlusOne(db);
  db.queries = 0;
  assert.deepEqual(booksWithAuthorsJoin(db), expected);
  assert.equal(db.queries, 1);
});

test('batching returns the same rows in two queries, whatever N is', async () => {
  const db = await openLibrary({ authors: 50, booksPerAuthor: 4 });
  const expected = booksWithAuthorsJoin(db);
  db.queries = 0;
  assert.deepEqual(booksWithAuthorsBatched(db), expected);
  assert.equal(db.queries, 2);
});
