// Event-loop health from perf_hooks: delay (how late timers fire) and
// utilization (the share of time the loop was busy rather than idle).

import { monitorEventLoopDelay, performance } from 'node:perf_hooks';

// --8<-- [start:monitor]
export function startLoopMonitor({ resolution = 10 } = {}) {
  const delay = monitorEventLoopDelay({ resolution }); // samples every `resolution` ms
  delay.enable();
  let lastElu = performance.eventLoopUtilization();

  return {
    // Call periodically (for example every 10 s) and export the numbers as metrics.
    sample() {
      const elu = performance.eventLoopUtilization(lastElu); // delta since last sample
      lastElu = performance.eventLoopUtilization();
      const ns = 1e6; // histogram values are in nanoseconds
      const result = {
        utilization: elu.utilization, // 0..1
        delayP50Ms: delay.percentile(50) / ns,
        delayP99Ms: delay.percentile(99) / ns,
        delayMaxMs: delay.max / ns,
      };
      delay.reset();
      return result;
    },
    stop() {
      delay.disable();
    },
  };
}
// --8<-- [end:monitor]

// Synchronous CPU work, standing in for a big JSON.parse or a regex gone wrong.
export function blockFor(ms) {
  const end = performance.now() + ms;
  while (performance.now() < end) {
    // spin
  }
}
