// Blocks the event loop on purpose and measures the damage with the two
// built-in signals: event loop delay and event loop utilization (ELU).
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';

// --8<-- [start:block]
// Synchronous CPU work: nothing else in this process runs until it returns.
export function blockFor(ms) {
  const end = performance.now() + ms;
  while (performance.now() < end) {
    // busy-wait, like a big JSON.parse, a sync regex or a tight loop would
  }
}
// --8<-- [end:block]

// --8<-- [start:measure]
export async function measureBlocking(blockMs, { resolution = 10 } = {}) {
  const histogram = monitorEventLoopDelay({ resolution }); // samples every `resolution` ms
  histogram.enable();
  const before = performance.eventLoopUtilization();

  await sleep(resolution * 3); // let a few normal samples land
  blockFor(blockMs);
  await sleep(resolution * 3); // let the late sample be recorded

  histogram.disable();
  const elu = performance.eventLoopUtilization(before); // delta since `before`
  return {
    maxDelayMs: histogram.max / 1e6, // the histogram stores nanoseconds
    p50DelayMs: histogram.percentile(50) / 1e6,
    utilization: elu.utilization, // 0..1: share of time the loop was busy
  };
}
// --8<-- [end:measure]

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log('idle   ', await measureBlocking(0));
  console.log('blocked', await measureBlocking(150));
}
