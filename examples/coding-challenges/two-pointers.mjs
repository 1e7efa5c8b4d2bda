// Two pointers: two indexes that move toward each other or in the same direction,
// so each element is looked at a constant number of times: O(n), O(1) extra space.

// --8<-- [start:pointers]
// Sorted input: indexes of two values that add up to target, or null.
// If the sum is too small, only moving left up can help; too big, only moving right down.
export function pairWithSum(sorted, target) {
  let left = 0;
  let right = sorted.length - 1;
  while (left < right) {
    const sum = sorted[left] + sorted[right];
    if (sum === target) return [left, right];
    if (sum < target) left++;
    else right--;
  }
  return null;
}

// Same direction: a slow writer and a fast reader remove duplicates in place.
// Returns the new length; the first `length` slots hold the unique values.
export function dedupeSorted(sorted) {
  if (sorted.length === 0) return 0;
  let write = 1;
  for (let read = 1; read < sorted.length; read++) {
    if (sorted[read] !== sorted[write - 1]) sorted[write++] = sorted[read];
  }
  return write;
}
// --8<-- [end:pointers]

// --8<-- [start:hash]
// Unsorted input: a hash map of value -> index finds the pair in one pass.
// O(n) time, O(n) space. Sorting first would cost O(n log n) and lose the indexes.
export function twoSum(values, target) {
  const seen = new Map();
  for (let i = 0; i < values.length; i++) {
    const j = seen.get(target - values[i]);
    if (j !== undefined) return [j, i];
    seen.set(values[i], i);
  }
  return null;
}
// --8<-- [end:hash]
