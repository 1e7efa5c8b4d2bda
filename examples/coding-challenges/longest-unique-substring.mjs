// Sliding window: the longest substring with no repeated character.
// The window [left, right] only moves forward, so each character is visited
// at most twice: O(n) time, O(k) extra space for k distinct characters.

// --8<-- [start:window]
export function longestUniqueSubstring(text) {
  // Array.from splits by code point, so an emoji counts as one character.
  const chars = Array.from(text);
  const lastSeen = new Map(); // character -> last index where it appeared
  let left = 0;
  let bestStart = 0;
  let bestLength = 0;

  for (let right = 0; right < chars.length; right++) {
    const ch = chars[right];
    const previous = lastSeen.get(ch);
    // A repeat inside the current window: jump left past its last occurrence.
    if (previous !== undefined && previous >= left) {
      left = previous + 1;
    }
    lastSeen.set(ch, right);
    if (right - left + 1 > bestLength) {
      bestLength = right - left + 1;
      bestStart = left;
    }
  }
  return chars.slice(bestStart, bestStart + bestLength).join('');
}
// --8<-- [end:window]

// The brute force you state first: check every substring. O(n^3) time.
export function longestUniqueSubstringBrute(text) {
  const chars = Array.from(text);
  let best = '';
  for (let i = 0; i < chars.length; i++) {
    for (let j = i; j < chars.length; j++) {
      const slice = chars.slice(i, j + 1);
      if (new Set(slice).size !== slice.length) break;
      if (slice.length > Array.from(best).length) best = slice.join('');
    }
  }
  return best;
}
