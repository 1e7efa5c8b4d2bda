// A small feature-flag evaluator: kill switch, deny list, allowlist, then a
// percentage rollout decided by a stable hash of (flag key, user id).
import { createHash } from 'node:crypto';

// Buckets per 100 percent: 10,000 buckets give rollouts in steps of 0.01%.
export const BUCKETS = 10_000;

// --8<-- [start:bucket]
/**
 * Map a user to a bucket in [0, BUCKETS) for one flag. The same (flag, user)
 * pair always lands in the same bucket, on every instance and after restarts,
 * because it depends only on the inputs, never on Math.random() or on memory.
 * Salting with the flag key keeps rollouts of different flags independent:
 * the first 5% of users for flag A are not the first 5% for flag B.
 */
export function bucketOf(flagKey, userId) {
  const digest = createHash('sha256').update(`${flagKey}:${userId}`).digest();
  // The first 4 bytes as an unsigned 32-bit integer, scaled to [0, BUCKETS).
  return Math.floor((digest.readUInt32BE(0) / 2 ** 32) * BUCKETS);
}
// --8<-- [end:bucket]

/**
 * Check a flag definition once, when flags are loaded, so that a typo fails
 * loudly at startup instead of silently turning a feature off.
 */
export function defineFlag({ key, enabled = true, percentage = 0, allow = [], deny = [] }) {
  if (typeof key !== 'string' || key.length === 0) {
    throw new TypeError('flag key must be a non-empty string');
  }
  if (!Number.isFinite(percentage) || percentage < 0 || percentage > 100) {
    throw new RangeError(`flag ${key}: percentage must be between 0 and 100, got ${percentage}`);
  }
  return Object.freeze({
    key,
    enabled: Boolean(enabled),
    percentage,
    allow: new Set(allow.map(String)),
    deny: new Set(deny.map(String)),
  });
}

// --8<-- [start:evaluate]
/**
 * Decide whether a flag is on for a user. Returns the decision and the rule
 * that made it, so the caller can log or trace why a user saw a feature.
 * Order matters: the kill switch wins over everything, the deny list over
 * the allowlist, and the allowlist over the percentage.
 */
export function evaluate(flag, userId) {
  if (!flag) return { on: false, reason: 'unknown-flag' }; // safe default
  if (!flag.enabled) return { on: false, reason: 'killed' };
  if (userId === undefined || userId === null) {
    // Anonymous traffic only sees fully rolled-out features.
    return { on: flag.percentage === 100, reason: 'anonymous' };
  }
  const id = String(userId);
  if (flag.deny.has(id)) return { on: false, reason: 'denied' };
  if (flag.allow.has(id)) return { on: true, reason: 'allowed' };
  const on = bucketOf(flag.key, id) < flag.percentage * (BUCKETS / 100);
  return { on, reason: 'rollout' };
}
// --8<-- [end:evaluate]

/**
 * A tiny flag store: definitions come from config (a file, an env var or a
 * flag service), are validated once, and are evaluated in process with no
 * network call on the request path.
 */
export function createFlags(definitions) {
  const flags = new Map(definitions.map((d) => {
    const flag = defineFlag(d);
    return [flag.key, flag];
  }));
  return {
    isOn: (key, userId) => evaluate(flags.get(key), userId).on,
    explain: (key, userId) => evaluate(flags.get(key), userId),
  };
}
