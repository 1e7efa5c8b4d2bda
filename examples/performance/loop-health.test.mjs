import test from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { startLoopMonitor, blockFor } from './loop-health.mjs';

test('a blocked event loop shows up as delay and high utilization', async () => {
  const monitor = startLoopMonitor({ resolution: 10 });
  try {
    await sleep(50); // idle: the loop waits for timers
    const idle = monitor.sample();

    await sleep(15); // let the monitor's timer arm again
    blockFor(120); // nothing else can run for 120 ms
    await sleep(25); // give the delayed timer a chance to fire and record
    const busy = monitor.sample();

    assert.ok(busy.delayMaxMs >= 80, `expected ~120 ms of delay, got ${busy.delayMaxMs} ms`);
    assert.ok(busy.utilization > 0.5, `expected a busy loop, got ${busy.utilization}`);
    assert.ok(busy.utilization > idle.utilization, 'blocking raised utilization');
  } finally {
    monitor.stop();
  }
});
