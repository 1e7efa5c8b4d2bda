// Records the order in which Node.js runs callbacks scheduled from inside an
// I/O callback (the poll phase), where the order is deterministic.
import { readFile } from 'node:fs';
import { fileURLToPath } from 'node:url';

// --8<-- [start:order]
export function recordOrder() {
  return new Promise((resolve, reject) => {
    const order = [];
    // Any I/O works; reading this file is the cheapest one at hand.
    readFile(fileURLToPath(import.meta.url), (err) => {
      if (err) return reject(err);
      // We are now in the poll phase.
      setTimeout(() => {
        order.push('timeout'); // timers: after check, at least 1 ms later
        resolve(order);
      }, 0);
      setImmediate(() => order.push('immediate')); // check: same iteration
      Promise.resolve().then(() => {
        order.push('promise');
        process.nextTick(() => order.push('nextTick queued by a promise'));
      });
      process.nextTick(() => {
        order.push('nextTick');
        process.nextTick(() => order.push('nextTick queued by a nextTick'));
      });
      order.push('sync');
    });
  });
}
// --8<-- [end:order]

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(await recordOrder());
}
