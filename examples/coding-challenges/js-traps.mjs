// Small helpers that dodge the JavaScript traps interviewers watch for.
// The test file beside this one asserts the traps themselves.

// --8<-- [start:helpers]
// sort() without a comparator converts to strings: [10, 9, 1] -> [1, 10, 9].
export const ascending = (a, b) => a - b;

// Count occurrences with a Map: keys keep their type (1 and '1' differ),
// there are no inherited keys like "constructor", and size is O(1).
export function frequencies(iterable) {
  const counts = new Map();
  for (const x of iterable) counts.set(x, (counts.get(x) ?? 0) + 1);
  return counts;
}

// The k most frequent values, with a bucket per count: O(n), no sort needed.
export function topKFrequent(values, k) {
  const counts = frequencies(values);
  const buckets = Array.from({ length: values.length + 1 }, () => []);
  for (const [value, count] of counts) buckets[count].push(value);
  const out = [];
  for (let c = buckets.length - 1; c > 0 && out.length < k; c--) {
    for (const v of buckets[c]) {
      if (out.length < k) out.push(v);
    }
  }
  return out;
}

// Build strings with an array and join once; each += creates a new string
// (engines optimize this well, but the array makes the cost obvious).
export function reverseWords(sentence) {
  const words = sentence.split(' ').filter(Boolean);
  const parts = [];
  for (let i = words.length - 1; i >= 0; i--) parts.push(words[i]);
  return parts.join(' ');
}
// --8<-- [end:helpers]
