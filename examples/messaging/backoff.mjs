// Retry policy for a consumer: exponential backoff with "full jitter", then a
// dead-letter queue once the attempts run out.

export function backoffDelay(attempt, { baseMs = 100, capMs = 30_000, random = Math.random } = {}) {
  // attempt 0 waits up to baseMs, attempt 1 up to 2 * baseMs, ... never above capMs.
  const ceiling = Math.min(capMs, baseMs * 2 ** attempt);
  return Math.floor(random() * ceiling);
}

export function nextStep(attempt, { maxAttempts = 5, ...delayOptions } = {}) {
  // `attempt` counts failures so far (0 after the first failure).
  if (attempt + 1 >= maxAttempts) return { action: 'dead-letter' };
  return { action: 'retry', delayMs: backoffDelay(attempt, delayOptions) };
}
