// An in-process LRU (least recently used) cache with a per-entry TTL.
//
// A Map remembers insertion order, so "move to the end on every read" makes
// the first key the least recently used one. The clock is injectable, so tests
// control time instead of sleeping.

// --8<-- [start:cache]
export class LruCache {
  #entries = new Map(); // key -> { value, expiresAt }
  #inflight = new Map(); // key -> Promise, for coalescing concurrent misses
  #maxEntries;
  #ttlMs;
  #now;
  hits = 0;
  misses = 0;
  evictions = 0;

  constructor({ maxEntries, ttlMs, now = Date.now }) {
    if (!(maxEntries > 0)) throw new RangeError('maxEntries must be positive');
    this.#maxEntries = maxEntries;
    this.#ttlMs = ttlMs;
    this.#now = now;
  }

  get size() {
    return this.#entries.size;
  }

  get(key) {
    const entry = this.#entries.get(key);
    if (entry === undefined || entry.expiresAt <= this.#now()) {
      if (entry !== undefined) this.#entries.delete(key); // expired: drop it lazily
      this.misses += 1;
      return undefined;
    }
    // Refresh recency: delete and re-insert moves the key to the newest end.
    this.#entries.delete(key);
    this.#entries.set(key, entry);
    this.hits += 1;
    return entry.value;
  }

  set(key, value, { ttlMs = this.#ttlMs } = {}) {
    this.#entries.delete(key);
    this.#entries.set(key, { value, expiresAt: this.#now() + ttlMs });
    while (this.#entries.size > this.#maxEntries) {
      const oldest = this.#entries.keys().next().value; // least recently used
      this.#entries.delete(oldest);
      this.evictions += 1;
    }
    return this;
  }

  delete(key) {
    return this.#entries.delete(key); // explicit invalidation on writes
  }

  keys() {
    return [...this.#entries.keys()]; // oldest first
  }

  // Cache-aside with stampede protection: concurrent misses for one key share a
  // single call to `load` instead of each hitting the database.
  async getOrLoad(key, load) {
    const cached = this.get(key);
    if (cached !== undefined) return cached;
    if (this.#inflight.has(key)) return this.#inflight.get(key);
    const pending = (async () => {
      try {
        const value = await load(key);
        this.set(key, value);
        return value;
      } finally {
        this.#inflight.delete(key);
      }
    })();
    this.#inflight.set(key, pending);
    return pending;
  }
}
// --8<-- [end:cache]
