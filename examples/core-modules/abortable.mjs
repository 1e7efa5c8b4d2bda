// Cancellation with AbortController and AbortSignal: one signal, passed down to
// everything that can wait, cancels all of it.
import { setTimeout as sleep, setInterval as every } from 'node:timers/promises';

// --8<-- [start:deadline]
// Runs task(signal) and aborts it after `ms`, or earlier if the caller's signal fires.
export async function withDeadline(task, ms, { signal } = {}) {
  const deadline = AbortSignal.timeout(ms); // its timer is unref'd: it never keeps the process alive
  const combined = signal ? AbortSignal.any([signal, deadline]) : deadline;
  return task(combined);
}
// --8<-- [end:deadline]

// --8<-- [start:poll]
// Polls check() every intervalMs until it returns a truthy value or the signal aborts.
export async function pollUntil(check, { intervalMs, signal }) {
  for await (const _ of every(intervalMs, undefined, { signal })) {
    const result = await check({ signal });
    if (result) return result;
  }
}
// --8<-- [end:poll]

// A stand-in for real work that honors a signal, such as fetch(url, { signal }).
export function slowJob(ms, value, { signal } = {}) {
  return sleep(ms, value, { signal });
}
