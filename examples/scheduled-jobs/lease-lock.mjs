// Overlap-safe job runner: a run must hold a lease (a lock that expires on its own)
// before it does any work. A second run that finds a live lease is skipped, and a
// crashed holder blocks the job for at most `ttlMs`, never forever.
import { randomUUID } from 'node:crypto';

// --8<-- [start:store]
// In-memory stand-in for a shared store. The methods mirror what you would do in
// Redis: acquire = `SET key owner NX PX ttl`, release = a compare-and-delete script.
export class MemoryLeaseStore {
  #leases = new Map();
  #fence = 0;

  constructor({ now = Date.now } = {}) {
    this.now = now; // injectable clock: tests move time by hand
  }

  async acquire(key, owner, ttlMs) {
    const held = this.#leases.get(key);
    if (held && held.expiresAt > this.now()) return null; // someone holds a live lease
    // Every successful acquire gets a larger fencing token than the one before.
    const lease = { owner, expiresAt: this.now() + ttlMs, token: ++this.#fence };
    this.#leases.set(key, lease);
    return { ...lease };
  }

  async renew(key, owner, ttlMs) {
    const held = this.#leases.get(key);
    if (!held || held.owner !== owner || held.expiresAt <= this.now()) return false;
    held.expiresAt = this.now() + ttlMs;
    return true;
  }

  async release(key, owner) {
    const held = this.#leases.get(key);
    if (!held || held.owner !== owner) return false; // never delete another run's lease
    this.#leases.delete(key);
    return true;
  }
}
// --8<-- [end:store]

// --8<-- [start:runner]
export function createJobRunner({ store, name, ttlMs, instanceId = randomUUID() }) {
  return async function run(job) {
    const owner = `${instanceId}:${randomUUID()}`; // unique per run, not per process
    const lease = await store.acquire(name, owner, ttlMs);
    if (!lease) return { status: 'skipped' };
    try {
      const result = await job({
        fencingToken: lease.token, // pass it to the systems you write to
        renew: () => store.renew(name, owner, ttlMs), // heartbeat for long runs
      });
      return { status: 'done', result, fencingToken: lease.token };
    } finally {
      await store.release(name, owner); // also runs when the job throws
    }
  };
}
// --8<-- [end:runner]
