// Summarize latency samples with percentiles instead of an average.

// --8<-- [start:percentile]
// Nearest-rank percentile: the smallest sample such that at least p% of all
// samples are less than or equal to it. `sorted` must be ascending.
export function percentile(sorted, p) {
  if (sorted.length === 0) throw new RangeError('no samples');
  if (p < 0 || p > 100) throw new RangeError('p must be between 0 and 100');
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.max(rank, 1) - 1];
}

export function summarize(samples) {
  const sorted = Float64Array.from(samples).sort(); // numeric sort, unlike Array#sort
  const mean = sorted.reduce((sum, x) => sum + x, 0) / sorted.length;
  return {
    count: sorted.length,
    min: sorted[0],
    mean,
    p50: percentile(sorted, 50),
    p90: percentile(sorted, 90),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted[sorted.length - 1],
  };
}
// --8<-- [end:percentile]
