// A token bucket rate limiter with an injectable clock, so tests control time.
// The bucket holds up to `capacity` tokens and gains `refillPerSecond` tokens per
// second. A request takes one token (or `cost` tokens); with none left it is refused.
// Refill is computed lazily from the elapsed time: no timers, O(1) per call.

// --8<-- [start:bucket]
export class TokenBucket {
  #capacity;
  #refillPerMs;
  #tokens;
  #last;
  #now;

  constructor({ capacity, refillPerSecond, now = () => performance.now() }) {
    if (!(capacity > 0) || !(refillPerSecond > 0)) {
      throw new RangeError('capacity and refillPerSecond must be positive');
    }
    this.#capacity = capacity;
    this.#refillPerMs = refillPerSecond / 1000;
    this.#now = now;
    this.#tokens = capacity; // start full: a new client may burst
    this.#last = now();
  }

  tryRemove(cost = 1) {
    const now = this.#now();
    const elapsed = Math.max(0, now - this.#last); // ignore a clock that steps back
    this.#tokens = Math.min(this.#capacity, this.#tokens + elapsed * this.#refillPerMs);
    this.#last = now;

    if (cost <= this.#tokens) {
      this.#tokens -= cost;
      return { allowed: true, remaining: Math.floor(this.#tokens), retryAfterMs: 0 };
    }
    const retryAfterMs = cost > this.#capacity
      ? Infinity // can never succeed
      : Math.ceil((cost - this.#tokens) / this.#refillPerMs);
    return { allowed: false, remaining: Math.floor(this.#tokens), retryAfterMs };
  }

  get isFull() {
    return this.#tokens >= this.#capacity;
  }
}
// --8<-- [end:bucket]

// --8<-- [start:keyed]
// One bucket per key (user ID, API key, IP address). A bucket left idle refills
// to full, which is the same as having no bucket, so prune() can drop it to
// keep memory bounded by the number of recently active keys.
export function createLimiter({ capacity, refillPerSecond, now = () => performance.now() }) {
  const buckets = new Map();
  function take(key, cost = 1) {
    let bucket = buckets.get(key);
    if (!bucket) {
      bucket = new TokenBucket({ capacity, refillPerSecond, now });
      buckets.set(key, bucket);
    }
    return bucket.tryRemove(cost);
  }
  function prune() {
    for (const [key, bucket] of buckets) {
      bucket.tryRemove(0); // refill up to now
      if (bucket.isFull) buckets.delete(key);
    }
  }
  return { take, prune, get size() { return buckets.size; } };
}

// Middleware for node:http or Express: 429 with Retry-After (in seconds) when refused.
export function rateLimit(limiter, keyOf = (req) => req.socket?.remoteAddress ?? 'unknown') {
  return (req, res, next) => {
    const result = limiter.take(keyOf(req));
    if (result.allowed) return next();
    res.statusCode = 429;
    if (Number.isFinite(result.retryAfterMs)) {
      res.setHeader('Retry-After', String(Math.ceil(result.retryAfterMs / 1000)));
    }
    res.end('Too Many Requests');
  };
}
// --8<-- [end:keyed]
