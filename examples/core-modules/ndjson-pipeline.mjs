// A Transform stream that turns newline-delimited JSON (NDJSON) bytes into
// objects, used with pipeline() so backpressure and errors are handled for you.
import { once } from 'node:events';
import { Transform, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { StringDecoder } from 'node:string_decoder';

// --8<-- [start:transform]
export function parseNdjson() {
  const decoder = new StringDecoder('utf8'); // keeps multi-byte characters split across chunks intact
  let rest = ''; // an incomplete last line, waiting for the next chunk

  function pushLines(transform, text) {
    const lines = text.split('\n');
    rest = lines.pop();
    for (const line of lines) {
      if (line.trim() !== '') transform.push(JSON.parse(line)); // throws on bad input
    }
  }

  return new Transform({
    readableObjectMode: true, // bytes in, objects out
    transform(chunk, _encoding, callback) {
      try {
        pushLines(this, rest + decoder.write(chunk));
        callback();
      } catch (err) {
        callback(err); // an error here makes pipeline() destroy every stream and reject
      }
    },
    flush(callback) {
      try {
        pushLines(this, rest + decoder.end() + '\n');
        callback();
      } catch (err) {
        callback(err);
      }
    },
  });
}
// --8<-- [end:transform]

// --8<-- [start:collect]
// A deliberately slow object sink: each write completes on a later turn of the loop.
export function collectSlowly(into, { highWaterMark = 16 } = {}) {
  return new Writable({
    objectMode: true,
    highWaterMark,
    write(object, _encoding, callback) {
      into.push(object);
      setImmediate(callback);
    },
  });
}

// Streams `count` lines through the parser into the slow sink and reports how far
// the producer ever got ahead of the consumer.
export async function measureBackpressure(count) {
  const received = [];
  let produced = 0;
  let maxAhead = 0;
  const padding = 'x'.repeat(1000); // ~1 KiB per line, so byte buffers fill up quickly

  async function* produce() {
    for (let id = 0; id < count; id++) {
      produced++;
      maxAhead = Math.max(maxAhead, produced - received.length);
      yield `${JSON.stringify({ id, padding })}\n`;
    }
  }

  await pipeline(produce, parseNdjson(), collectSlowly(received));
  return { produced, consumed: received.length, maxAhead };
}
// --8<-- [end:collect]

// --8<-- [start:manual]
// Writing by hand: write() returns false once the buffer reaches highWaterMark.
// Respecting that means waiting for 'drain'; ignoring it means unbounded memory.
export async function writeAll(writable, chunks, { respectBackpressure = true } = {}) {
  let peakBuffered = 0;
  for (const chunk of chunks) {
    const ok = writable.write(chunk);
    peakBuffered = Math.max(peakBuffered, writable.writableLength);
    if (!ok && respectBackpressure) await once(writable, 'drain');
  }
  writable.end();
  await once(writable, 'finish');
  return peakBuffered;
}
// --8<-- [end:manual]
