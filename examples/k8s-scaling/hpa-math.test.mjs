import test from 'node:test';
import assert from 'node:assert/strict';
import { desiredReplicas, desiredForMetrics, createAutoscaler } from './hpa-math.mjs';

test('the ratio formula rounds up', () => {
  // 4 pods at 90% CPU against a 60% target: ceil(4 * 1.5) = 6.
  assert.equal(desiredReplicas({ currentReplicas: 4, currentValue: 90, targetValue: 60 }), 6);
  // 5 pods at 40% against 70%: ceil(5 * 0.571...) = 3.
  assert.equal(desiredReplicas({ currentReplicas: 5, currentValue: 40, targetValue: 70 }), 3);
  // Any excess over the tolerance adds at least one pod: ceil(3 * 1.15) = 4.
  assert.equal(desiredReplicas({ currentReplicas: 3, currentValue: 115, targetValue: 100 }), 4);
});

test('ratios within the tolerance leave the count unchanged', () => {
  assert.equal(desiredReplicas({ currentReplicas: 4, currentValue: 65, targetValue: 60 }), 4); // 1.083
  assert.equal(desiredReplicas({ currentReplicas: 4, currentValue: 55, targetValue: 60 }), 4); // 0.917
  assert.equal(desiredReplicas({ currentReplicas: 10, currentValue: 108, targetValue: 100 }), 10);
  // A tighter tolerance reacts to the same reading.
  assert.equal(desiredReplicas({ currentReplicas: 10, currentValue: 108, targetValue: 100, tolerance: 0.05 }), 11);
});

test('with several metrics the largest proposal wins', () => {
  const metrics = [
    { currentValue: 30, targetValue: 70 }, // CPU says 2
    { currentValue: 150, targetValue: 50 }, // requests per second per pod say 12
  ];
  assert.equal(desiredForMetrics(4, metrics), 12);
});

test('the result is clamped to minReplicas and maxReplicas', () => {
  const recommend = createAutoscaler({ minReplicas: 3, maxReplicas: 10, scaleDownWindowMs: 0 });
  assert.equal(recommend({ now: 0, currentReplicas: 4, metrics: [{ currentValue: 300, targetValue: 60 }] }), 10);
  assert.equal(recommend({ now: 15_000, currentReplicas: 4, metrics: [{ currentValue: 5, targetValue: 60 }] }), 3);
});

test('scale-up is immediate, scale-down waits out the stabilization window', () => {
  const recommend = createAutoscaler({ minReplicas: 2, maxReplicas: 20 });
  const cpu = (value) => [{ currentValue: value, targetValue: 50 }];
  let replicas = 4;

  replicas = recommend({ now: 0, currentReplicas: replicas, metrics: cpu(100) }); // spike
  assert.equal(replicas, 8);

  // Load drops to 20%: raw recommendation ceil(8 * 0.4) = 4, but the spike's
  // recommendation of 8 is still inside the 5-minute window.
  for (let t = 15_000; t <= 300_000; t += 15_000) {
    replicas = recommend({ now: t, currentReplicas: replicas, metrics: cpu(20) });
    assert.equal(replicas, 8, `at ${t / 1000} s`);
  }
  // Once the spike is older than 300 s, the highest recent recommendation is 4.
  replicas = recommend({ now: 315_000, currentReplicas: replicas, metrics: cpu(20) });
  assert.equal(replicas, 4);
});

test('a scale-up window makes the autoscaler wait for sustained load', () => {
  const recommend = createAutoscaler({ maxReplicas: 20, scaleUpWindowMs: 60_000 });
  const cpu = (value) => [{ currentValue: value, targetValue: 50 }];
  assert.equal(recommend({ now: 0, currentReplicas: 4, metrics: cpu(50) }), 4);
  // A single burst: the lowest recommendation in the last 60 s is still 4.
  assert.equal(recommend({ now: 15_000, currentReplicas: 4, metrics: cpu(100) }), 4);
  assert.equal(recommend({ now: 45_000, currentReplicas: 4, metrics: cpu(100) }), 4);
  // Sustained for a full minute: every recommendation in the window says 8.
  assert.equal(recommend({ now: 75_000, currentReplicas: 4, metrics: cpu(100) }), 8);
});

test('invalid input is rejected', () => {
  assert.throws(() => desiredReplicas({ currentReplicas: 0, currentValue: 1, targetValue: 1 }), RangeError);
  assert.throws(() => desiredReplicas({ currentReplicas: 1, currentValue: 1, targetValue: 0 }), RangeError);
  assert.throws(() => createAutoscaler({ minReplicas: 5, maxReplicas: 2 }), RangeError);
});
