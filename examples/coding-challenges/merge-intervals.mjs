// Intervals: sort by start, then sweep once, extending or closing the current interval.
// O(n log n) for the sort, O(n) for the sweep.

// --8<-- [start:merge]
export function mergeIntervals(intervals) {
  // Copy before sorting: sort() mutates, and the caller's array is not yours.
  // The comparator matters: the default sort compares strings ("10" < "9").
  const sorted = intervals.map(([s, e]) => [s, e]).sort((a, b) => a[0] - b[0]);
  const merged = [];
  for (const [start, end] of sorted) {
    const last = merged.at(-1);
    if (last && start <= last[1]) {
      // Overlapping or touching ([1, 3] and [3, 5]): extend. Use max, the new one may be nested.
      last[1] = Math.max(last[1], end);
    } else {
      merged.push([start, end]);
    }
  }
  return merged;
}
// --8<-- [end:merge]

// A follow-up interviewers like: the minimum number of rooms for a set of meetings.
// Sweep the sorted start and end times; half-open [start, end) so a meeting
// ending at 10 frees its room for one starting at 10.
export function minMeetingRooms(meetings) {
  const starts = meetings.map((m) => m[0]).sort((a, b) => a - b);
  const ends = meetings.map((m) => m[1]).sort((a, b) => a - b);
  let rooms = 0;
  let maxRooms = 0;
  let e = 0;
  for (const s of starts) {
    while (e < ends.length && ends[e] <= s) {
      e++;
      rooms--;
    }
    rooms++;
    maxRooms = Math.max(maxRooms, rooms);
  }
  return maxRooms;
}
