// A read-modify-write across an `await` loses updates, even on one thread.
// Every store call yields to the event loop, like a real database call.

const tick = () => new Promise((resolve) => setImmediate(resolve));

export class AccountStore {
  #rows = new Map();

  async create(id, balance) {
    await tick();
    this.#rows.set(id, { id, balance, version: 0 });
  }

  async get(id) {
    await tick();
    const row = this.#rows.get(id);
    return row && { ...row };
  }

  // A blind write, like `UPDATE accounts SET balance = $1 WHERE id = $2`.
  async setBalance(id, balance) {
    await tick();
    const row = this.#rows.get(id);
    this.#rows.set(id, { ...row, balance, version: row.version + 1 });
  }

  // A conditional write, like
  // `UPDATE accounts SET balance = $1, version = version + 1 WHERE id = $2 AND version = $3`.
  // Returns false when someone else wrote first (0 rows updated).
  async setBalanceIfVersion(id, balance, expectedVersion) {
    await tick();
    const row = this.#rows.get(id);
    if (row.version !== expectedVersion) return false;
    this.#rows.set(id, { ...row, balance, version: row.version + 1 });
    return true;
  }
}

// --8<-- [start:unsafe]
// BROKEN: between the read and the write, other deposits read the same balance.
export async function depositUnsafe(store, id, amount) {
  const account = await store.get(id);
  await store.setBalance(id, account.balance + amount);
}
// --8<-- [end:unsafe]

// --8<-- [start:mutex]
// Fix 1: serialize the critical section per key. Works inside ONE process only.
export class KeyedMutex {
  #tails = new Map();

  async run(key, fn) {
    const previous = this.#tails.get(key) ?? Promise.resolve();
    let release;
    const current = new Promise((resolve) => (release = resolve));
    const tail = previous.then(() => current);
    this.#tails.set(key, tail);
    await previous; // wait for everyone queued before us
    try {
      return await fn();
    } finally {
      release();
      if (this.#tails.get(key) === tail) this.#tails.delete(key); // nobody queued after us
    }
  }
}

export async function depositWithMutex(store, mutex, id, amount) {
  await mutex.run(id, async () => {
    const account = await store.get(id);
    await store.setBalance(id, account.balance + amount);
  });
}
// --8<-- [end:mutex]

// --8<-- [start:optimistic]
// Fix 2: optimistic concurrency. Write only if the version is still the one we read;
// otherwise re-read and try again. Works across processes, because the check
// happens in the database.
export async function depositOptimistic(store, id, amount, { maxAttempts = 100 } = {}) {
  for (let attempt = 1; attempt <= maxAttempts; attempt += 1) {
    const account = await store.get(id);
    if (await store.setBalanceIfVersion(id, account.balance + amount, account.version)) {
      return attempt; // how many tries it took
    }
  }
  throw new Error(`deposit to ${id}: gave up after ${maxAttempts} conflicting attempts`);
}
// --8<-- [end:optimistic]
