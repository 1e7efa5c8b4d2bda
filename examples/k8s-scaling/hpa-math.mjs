// The HorizontalPodAutoscaler's replica calculation, reduced to its core:
// the ratio formula, the tolerance band, stabilization windows and min/max
// clamping. Rate-limit policies (for example "at most 4 pods per 15 s") and the
// special handling of unready pods and missing metrics are left out.

// --8<-- [start:formula]
/**
 * desired = ceil(current * currentValue / targetValue), unless the ratio is
 * within `tolerance` of 1.0, in which case the HPA leaves the count alone.
 */
export function desiredReplicas({ currentReplicas, currentValue, targetValue, tolerance = 0.1 }) {
  if (!(currentReplicas > 0)) throw new RangeError('currentReplicas must be positive');
  if (!(targetValue > 0)) throw new RangeError('targetValue must be positive');
  const ratio = currentValue / targetValue;
  if (Math.abs(ratio - 1) <= tolerance) return currentReplicas;
  return Math.ceil(currentReplicas * ratio);
}

/** With several metrics, each yields a proposal and the largest one wins. */
export function desiredForMetrics(currentReplicas, metrics, tolerance) {
  return Math.max(
    ...metrics.map(({ currentValue, targetValue }) =>
      desiredReplicas({ currentReplicas, currentValue, targetValue, tolerance })),
  );
}
// --8<-- [end:formula]

// --8<-- [start:autoscaler]
/**
 * Stateful part: remembers recent recommendations. Scaling down uses the
 * highest recommendation inside the scale-down window (default 300 s), so a
 * short dip does not remove pods; scaling up uses the lowest inside the
 * scale-up window (default 0 s: react at once).
 */
export function createAutoscaler({
  minReplicas = 1,
  maxReplicas,
  tolerance = 0.1,
  scaleUpWindowMs = 0,
  scaleDownWindowMs = 300_000,
}) {
  if (!(maxReplicas >= minReplicas)) throw new RangeError('maxReplicas must be >= minReplicas');
  const history = []; // { at, replicas }, newest last

  return function recommend({ now, currentReplicas, metrics }) {
    const raw = desiredForMetrics(currentReplicas, metrics, tolerance);
    history.push({ at: now, replicas: raw });
    const horizon = Math.max(scaleUpWindowMs, scaleDownWindowMs);
    while (history.length && history[0].at < now - horizon) history.shift();

    let upLimit = raw; // lowest recommendation in the scale-up window
    let downLimit = raw; // highest recommendation in the scale-down window
    for (const { at, replicas } of history) {
      if (at >= now - scaleUpWindowMs) upLimit = Math.min(upLimit, replicas);
      if (at >= now - scaleDownWindowMs) downLimit = Math.max(downLimit, replicas);
    }
    let next = currentReplicas;
    if (next < upLimit) next = upLimit; // scale up, but only as far as the window agrees
    if (next > downLimit) next = downLimit; // scale down, but only as far as the window agrees
    return Math.min(maxReplicas, Math.max(minReplicas, next));
  };
}
// --8<-- [end:autoscaler]
