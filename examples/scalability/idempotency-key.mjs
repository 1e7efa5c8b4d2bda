// Idempotency keys for a non-idempotent endpoint (POST /payments).
//
// The client sends the same `Idempotency-Key` on every retry of one logical
// request. The server runs the handler once per key and replays the stored
// response to later retries.

import { createHash } from 'node:crypto';

function fingerprint(request) {
  // Same key with a different payload is a client bug, not a retry.
  // (A real service would canonicalize the body before hashing.)
  return createHash('sha256')
    .update(`${request.method} ${request.path}\n${JSON.stringify(request.body)}`)
    .digest('hex');
}

// --8<-- [start:middleware]
export function withIdempotency(handler, { store = new Map(), ttlMs = 24 * 60 * 60 * 1000, now = Date.now } = {}) {
  return async function idempotentHandler(request) {
    const key = request.headers['idempotency-key'];
    if (!key) return { status: 400, body: { error: 'Idempotency-Key header is required' } };

    // Scope keys per client so one client cannot read another's responses.
    const storeKey = `${request.clientId}:${key}`;
    const print = fingerprint(request);
    const existing = store.get(storeKey);

    if (existing && existing.expiresAt > now()) {
      if (existing.fingerprint !== print) {
        return { status: 422, body: { error: 'Idempotency-Key was used with a different request' } };
      }
      if (existing.state === 'in-progress') {
        return { status: 409, body: { error: 'A request with this Idempotency-Key is in progress' } };
      }
      return { ...existing.response, headers: { ...existing.response.headers, 'idempotent-replayed': 'true' } };
    }

    // Claim the key BEFORE doing the work. In this single process, the check
    // above and this write run with no `await` in between, so they are atomic.
    // Across replicas use an atomic claim: Redis `SET key value NX PX ttl`, or
    // `INSERT ... ON CONFLICT DO NOTHING` in PostgreSQL.
    store.set(storeKey, { state: 'in-progress', fingerprint: print, expiresAt: now() + ttlMs });

    let response;
    try {
      response = await handler(request);
    } catch (err) {
      store.delete(storeKey); // the work did not happen: let the client retry
      throw err;
    }
    if (response.status >= 500) {
      store.delete(storeKey); // a server error is retryable; do not pin it to the key
    } else {
      store.set(storeKey, { state: 'done', fingerprint: print, response, expiresAt: now() + ttlMs });
    }
    return response;
  };
}
// --8<-- [end:middleware]
