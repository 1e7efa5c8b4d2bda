// Async error handling: the four Promise combinators, timeouts, and two traps
// (`return` without `await` inside try/catch, and async callbacks in forEach).

export const sleep = (ms, value) => new Promise((resolve) => setTimeout(resolve, ms, value));
export const failAfter = (ms, message) =>
  new Promise((_, reject) => setTimeout(reject, ms, new Error(message)));

// --8<-- [start:settle]
// Run independent tasks and report every outcome; never rejects.
export async function settle(tasks) {
  const results = await Promise.allSettled(tasks.map((task) => task()));
  const ok = [];
  const failed = [];
  results.forEach((r, i) => {
    if (r.status === 'fulfilled') ok.push({ index: i, value: r.value });
    else failed.push({ index: i, error: r.reason });
  });
  return { ok, failed };
}

// First source that succeeds wins; fail only if all of them fail.
export async function firstAvailable(sources) {
  try {
    return await Promise.any(sources.map((source) => source()));
  } catch (err) {
    // err is an AggregateError; keep every cause for the logs.
    throw new Error(`all ${err.errors.length} sources failed`, { cause: err });
  }
}
// --8<-- [end:settle]

// --8<-- [start:timeout]
export class TimeoutError extends Error {
  name = 'TimeoutError';
}

// Reject if `promise` has not settled within `ms`. The timer is always
// cleared, so a fast result does not keep the process alive for `ms`.
// Note: the losing operation keeps running; pass an AbortSignal to the work
// itself (fetch, stream.pipeline, timers/promises) if it must actually stop.
export async function withTimeout(promise, ms) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new TimeoutError(`timed out after ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
// --8<-- [end:timeout]

// --8<-- [start:return-await]
export async function withoutAwait(work) {
  try {
    return work(); // the promise leaves the function before it rejects
  } catch {
    return 'fallback'; // never reached for an async rejection
  }
}

export async function withAwait(work) {
  try {
    return await work(); // the rejection is thrown here, inside the try
  } catch {
    return 'fallback';
  }
}
// --8<-- [end:return-await]

// --8<-- [start:foreach]
// forEach ignores the promises its callback returns: the sum is read too early.
export async function sumWithForEach(ids, load) {
  let sum = 0;
  ids.forEach(async (id) => {
    sum += await load(id);
  });
  return sum;
}

// for...of with await: sequential and correct.
export async function sumSequential(ids, load) {
  let sum = 0;
  for (const id of ids) sum += await load(id);
  return sum;
}

// Promise.all with map: concurrent and correct.
export async function sumConcurrent(ids, load) {
  const values = await Promise.all(ids.map((id) => load(id)));
  return values.reduce((a, b) => a + b, 0);
}
// --8<-- [end:foreach]
