// A notification worker's send step: retry a provider with exponential backoff
// and full jitter, fail over to the next provider, and stop at once on errors
// that no provider can fix (an invalid address). Sleep and randomness are
// injectable so tests run instantly and deterministically.

import { setTimeout as delay } from 'node:timers/promises';

// --8<-- [start:failover]
export class PermanentError extends Error {
  constructor(message, options) {
    super(message, options);
    this.name = 'PermanentError';
  }
}

// Full jitter: a random delay between 0 and base * 2^attempt, capped. Spreads
// retries out so that many workers do not hit a recovering provider in lockstep.
export function backoffMs(attempt, { baseMs = 100, capMs = 10_000, random = Math.random } = {}) {
  return Math.floor(random() * Math.min(capMs, baseMs * 2 ** attempt));
}

export async function sendWithFailover(notification, providers, options = {}) {
  const { retriesPerProvider = 2, sleep = delay, ...backoff } = options;
  const errors = [];
  for (const provider of providers) {
    for (let attempt = 0; attempt <= retriesPerProvider; attempt++) {
      try {
        // The notification ID doubles as the idempotency key, so a retry after a
        // timeout does not send twice if the provider already accepted it.
        const receipt = await provider.send(notification, { idempotencyKey: notification.id });
        return { provider: provider.name, attempts: errors.length + 1, receipt };
      } catch (err) {
        errors.push(err);
        if (err instanceof PermanentError) {
          throw new AggregateError(errors, `permanent failure for ${notification.id}`, { cause: err });
        }
        if (attempt < retriesPerProvider) await sleep(backoffMs(attempt, backoff));
      }
    }
    // This provider is exhausted: fall through to the next one.
  }
  // The caller moves the job to a dead-letter queue and alerts.
  throw new AggregateError(errors, `all providers failed for ${notification.id}`);
}
// --8<-- [end:failover]
