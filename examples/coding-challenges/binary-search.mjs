// Binary search, in the one form worth memorizing: the first index where a
// predicate turns true. Everything else (lower bound, "search on the answer")
// is a choice of predicate. O(log n) predicate calls.

// --8<-- [start:search]
// Smallest i in [lo, hi) with ok(i) true, or hi if none. ok must be monotonic:
// false, false, ..., true, true.
export function firstTrue(lo, hi, ok) {
  while (lo < hi) {
    const mid = lo + Math.floor((hi - lo) / 2);
    if (ok(mid)) hi = mid; // mid might be the answer: keep it
    else lo = mid + 1; // mid is not: drop it
  }
  return lo;
}

// First index with sorted[i] >= target (where target would be inserted).
export function lowerBound(sorted, target) {
  return firstTrue(0, sorted.length, (i) => sorted[i] >= target);
}

// "Search on the answer": the smallest ship capacity that moves all packages,
// in order, within `days` days. Capacity lies between the heaviest package and
// the total weight, and "fits in days" is monotonic in capacity.
export function minShipCapacity(weights, days) {
  const fits = (capacity) => {
    let used = 1;
    let load = 0;
    for (const w of weights) {
      if (load + w > capacity) {
        used++;
        load = 0;
      }
      load += w;
    }
    return used <= days;
  };
  const lo = Math.max(...weights);
  const hi = weights.reduce((a, b) => a + b, 0);
  return firstTrue(lo, hi + 1, fits);
}
// --8<-- [end:search]
