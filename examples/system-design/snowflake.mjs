// Snowflake-style IDs: unique across workers without coordination, roughly
// ordered by time, 64 bits. Layout (most to least significant):
//   41 bits milliseconds since a custom epoch | 10 bits worker ID | 12 bits sequence
// The result exceeds Number.MAX_SAFE_INTEGER, so it is a BigInt.

// --8<-- [start:snowflake]
const EPOCH = 1_704_067_200_000; // 2024-01-01T00:00:00Z
const WORKER_BITS = 10n;
const SEQUENCE_BITS = 12n;
const MAX_SEQUENCE = (1 << Number(SEQUENCE_BITS)) - 1; // 4095 IDs per ms per worker

export function createIdGenerator({ workerId, now = () => Date.now(), epoch = EPOCH }) {
  if (!Number.isInteger(workerId) || workerId < 0 || workerId >= 2 ** Number(WORKER_BITS)) {
    throw new RangeError('workerId must be an integer from 0 to 1023');
  }
  let lastMs = -1;
  let sequence = 0;

  return function nextId() {
    let ms = now() - epoch;
    if (ms < lastMs) {
      // The clock stepped back (NTP correction): refuse rather than risk duplicates.
      throw new Error(`clock moved backwards by ${lastMs - ms} ms`);
    }
    if (ms === lastMs) {
      sequence = (sequence + 1) & MAX_SEQUENCE;
      if (sequence === 0) {
        // 4096 IDs in this millisecond already: wait for the next one.
        while (ms <= lastMs) ms = now() - epoch;
      }
    } else {
      sequence = 0;
    }
    lastMs = ms;
    return (BigInt(ms) << (WORKER_BITS + SEQUENCE_BITS)) | (BigInt(workerId) << SEQUENCE_BITS) | BigInt(sequence);
  };
}

export function parseId(id) {
  return {
    ms: Number(id >> (WORKER_BITS + SEQUENCE_BITS)),
    workerId: Number((id >> SEQUENCE_BITS) & ((1n << WORKER_BITS) - 1n)),
    sequence: Number(id & BigInt(MAX_SEQUENCE)),
  };
}
// --8<-- [end:snowflake]
