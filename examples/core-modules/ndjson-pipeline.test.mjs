import test from 'node:test';
import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parseNdjson, collectSlowly, measureBackpressure, writeAll } from './ndjson-pipeline.mjs';

test('parses objects across chunk boundaries, including split multi-byte characters', async () => {
  const bytes = Buffer.from('{"city":"Zürich"}\n{"n":1}\n{"n":2}');
  const split = bytes.indexOf(0xc3) + 1; // cut inside the two bytes of "ü"
  const chunks = [bytes.subarray(0, split), bytes.subarray(split, 20), bytes.subarray(20)];
  const out = [];
  await pipeline(Readable.from(chunks), parseNdjson(), collectSlowly(out));
  assert.deepEqual(out, [{ city: 'Zürich' }, { n: 1 }, { n: 2 }]); // last line had no newline
});

test('pipeline rejects on a bad line and destroys the other streams', async () => {
  const source = Readable.from([Buffer.from('{"ok":true}\n{oops}\n{"never":"seen"}\n')]);
  const out = [];
  const sink = collectSlowly(out);
  await assert.rejects(pipeline(source, parseNdjson(), sink), SyntaxError);
  assert.equal(source.destroyed, true);
  assert.equal(sink.destroyed, true);
  assert.ok(!out.some((o) => o.never), 'nothing after the bad line is delivered');
});

test('an error in the sink propagates back and rejects the pipeline', async () => {
  const failingSink = collectSlowly([]);
  failingSink._write = (_obj, _enc, cb) => cb(new Error('disk full'));
  await assert.rejects(pipeline(Readable.from([Buffer.from('{"a":1}\n')]), parseNdjson(), failingSink), /disk full/);
});

test('backpressure: the producer never runs far ahead of a slow consumer', async () => {
  const { produced, consumed, maxAhead } = await measureBackpressure(2000);
  assert.equal(produced, 2000);
  assert.equal(consumed, 2000);
  // Only the streams' buffers (a few highWaterMarks) are ever in flight, not 2000 items.
  assert.ok(maxAhead < 200, `producer got ${maxAhead} items ahead`);
});

test('write() returning false: waiting for drain bounds the buffer, ignoring it does not', async () => {
  const chunks = Array.from({ length: 500 }, (_, i) => ({ i }));
  const respectful = await writeAll(collectSlowly([], { highWaterMark: 8 }), chunks);
  const careless = await writeAll(collectSlowly([], { highWaterMark: 8 }), chunks, { respectBackpressure: false });
  assert.ok(respectful <= 8, `respectful peak ${respectful}`);
  assert.ok(careless > 400, `careless peak ${careless}`);
});
