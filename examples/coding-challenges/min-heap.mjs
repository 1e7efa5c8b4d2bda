// A binary heap stored in an array. JavaScript has no built-in priority queue,
// so you write this (or ask whether you may assume one) in an interview.
// Children of index i live at 2i + 1 and 2i + 2; the parent of i is (i - 1) >> 1.

// --8<-- [start:heap]
export class MinHeap {
  #items = [];
  #less;

  // compare(a, b) < 0 means a comes out first. Default: numbers, smallest first.
  constructor(compare = (a, b) => a - b) {
    this.#less = (i, j) => compare(this.#items[i], this.#items[j]) < 0;
  }

  get size() {
    return this.#items.length;
  }

  peek() {
    return this.#items[0];
  }

  push(value) { // O(log n)
    this.#items.push(value);
    let i = this.#items.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.#less(i, parent)) break;
      this.#swap(i, parent);
      i = parent;
    }
  }

  pop() { // O(log n)
    const items = this.#items;
    if (items.length === 0) return undefined;
    const top = items[0];
    const last = items.pop();
    if (items.length > 0) {
      items[0] = last;
      let i = 0;
      for (;;) {
        const left = 2 * i + 1;
        const right = left + 1;
        let smallest = i;
        if (left < items.length && this.#less(left, smallest)) smallest = left;
        if (right < items.length && this.#less(right, smallest)) smallest = right;
        if (smallest === i) break;
        this.#swap(i, smallest);
        i = smallest;
      }
    }
    return top;
  }

  #swap(i, j) {
    [this.#items[i], this.#items[j]] = [this.#items[j], this.#items[i]];
  }
}
// --8<-- [end:heap]

// --8<-- [start:uses]
// The k smallest values in O(n log k): keep a MAX-heap of size k and evict its top
// whenever a smaller value arrives. Memory stays O(k) even for a stream.
export function kSmallest(values, k) {
  if (k <= 0) return [];
  const maxHeap = new MinHeap((a, b) => b - a);
  for (const v of values) {
    if (maxHeap.size < k) maxHeap.push(v);
    else if (v < maxHeap.peek()) {
      maxHeap.pop();
      maxHeap.push(v);
    }
  }
  const out = [];
  while (maxHeap.size > 0) out.push(maxHeap.pop());
  return out.reverse(); // ascending
}

// Merge k sorted arrays in O(N log k): the heap holds one cursor per array.
export function mergeKSorted(lists) {
  const heap = new MinHeap((a, b) => a.value - b.value);
  lists.forEach((list, li) => {
    if (list.length > 0) heap.push({ value: list[0], li, i: 0 });
  });
  const out = [];
  while (heap.size > 0) {
    const { value, li, i } = heap.pop();
    out.push(value);
    if (i + 1 < lists[li].length) heap.push({ value: lists[li][i + 1], li, i: i + 1 });
  }
  return out;
}
// --8<-- [end:uses]
