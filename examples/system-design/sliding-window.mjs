// Two window-based limiters, to compare with the token bucket.
// Both allow `limit` requests per `windowMs` and take an injectable clock.

// --8<-- [start:windows]
// Fixed window: one counter per calendar window. Cheap (INCR + EXPIRE in Redis),
// but a client can send `limit` at the end of one window and `limit` again at the
// start of the next: up to twice the limit in a short span.
export class FixedWindowCounter {
  #count = 0;
  #windowStart = -Infinity;

  constructor({ limit, windowMs, now = () => performance.now() }) {
    Object.assign(this, { limit, windowMs, now });
  }

  tryAcquire() {
    const start = Math.floor(this.now() / this.windowMs) * this.windowMs;
    if (start !== this.#windowStart) {
      this.#windowStart = start;
      this.#count = 0;
    }
    if (this.#count >= this.limit) return false;
    this.#count++;
    return true;
  }
}

// Sliding window counter: weight the previous window's count by how much of it
// still overlaps the sliding window. Two counters per key, no boundary burst,
// and an approximation that assumes the previous window's requests were spread evenly.
export class SlidingWindowCounter {
  #current = 0;
  #previous = 0;
  #windowStart = 0;

  constructor({ limit, windowMs, now = () => performance.now() }) {
    Object.assign(this, { limit, windowMs, now });
    this.#windowStart = Math.floor(now() / windowMs) * windowMs;
  }

  tryAcquire() {
    const t = this.now();
    const start = Math.floor(t / this.windowMs) * this.windowMs;
    if (start !== this.#windowStart) {
      // One window later: current becomes previous. More than one: both are stale.
      this.#previous = start - this.#windowStart === this.windowMs ? this.#current : 0;
      this.#current = 0;
      this.#windowStart = start;
    }
    const overlap = 1 - (t - start) / this.windowMs;
    const estimate = this.#previous * overlap + this.#current;
    if (estimate + 1 > this.limit) return false;
    this.#current++;
    return true;
  }
}
// --8<-- [end:windows]
