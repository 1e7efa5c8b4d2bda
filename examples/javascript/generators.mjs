// Iterators and generators: lazy sequences, early exit with cleanup, and
// async iteration over a paginated API.

// --8<-- [start:sync]
// An infinite sequence is fine: a generator computes values only on demand.
export function* naturals(from = 1) {
  for (let n = from; ; n++) yield n;
}

export function* take(iterable, count) {
  if (count <= 0) return;
  let taken = 0;
  for (const value of iterable) {
    yield value;
    if (++taken >= count) return; // returning also closes `iterable`
  }
}
// --8<-- [end:sync]

// --8<-- [start:paginate]
// Turn a cursor-based API into one flat async stream of items.
// `fetchPage(cursor)` resolves to { items, next }, where `next` is null at the end.
export async function* paginate(fetchPage, { onClose = () => {} } = {}) {
  let cursor;
  try {
    do {
      const page = await fetchPage(cursor);
      yield* page.items;
      cursor = page.next;
    } while (cursor != null);
  } finally {
    // Runs on normal completion, on an error, and when the consumer stops
    // early (break/return in for await...of calls the generator's return()).
    onClose();
  }
}
// --8<-- [end:paginate]
