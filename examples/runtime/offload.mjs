// Three ways to run the same CPU-bound job, and what each does to the event loop.
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';

// The job: pure CPU, no I/O. Integer math, so every strategy gets the exact same sum.
function work(from, to) {
  let total = 0;
  for (let i = from; i < to; i++) total += (i * i) % 1_000_003;
  return total;
}

// 1. Inline: correct, but nothing else runs until it returns.
export function runInline(n) {
  return work(0, n);
}

// --8<-- [start:chunked]
// 2. Chunked: do a slice, then yield with setImmediate so I/O callbacks and
//    timers get a turn between slices. Same thread, longer total time.
export function runChunked(n, chunkSize = 100_000) {
  return new Promise((resolve) => {
    let total = 0;
    let from = 0;
    function step() {
      const to = Math.min(from + chunkSize, n);
      total += work(from, to);
      from = to;
      if (from < n) setImmediate(step);
      else resolve(total);
    }
    step();
  });
}
// --8<-- [end:chunked]

// --8<-- [start:worker]
// 3. Worker thread: its own V8 isolate and event loop; the main loop stays free.
export function runInWorker(n) {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL(import.meta.url), { workerData: { n } });
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`worker stopped with exit code ${code}`));
    });
  });
}

if (!isMainThread) {
  // This same file, loaded inside the worker: compute and send the result back.
  parentPort.postMessage(work(0, workerData.n));
}
// --8<-- [end:worker]

// Counts how often the event loop got a turn while `job` was running.
export async function heartbeatsDuring(job) {
  let beats = 0;
  const timer = setInterval(() => beats++, 1);
  await job();
  clearInterval(timer);
  return beats;
}
