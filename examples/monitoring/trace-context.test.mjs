import test from 'node:test';
import assert from 'node:assert/strict';
import { createLogger } from './logger.mjs';
import { parseTraceparent, nextTraceparent } from './trace-context.mjs';

test('a valid traceparent gives the ids that logs and spans share', () => {
  const parsed = parseTraceparent('00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01');
  assert.deepEqual(parsed, { traceId: '4bf92f3577b34da6a3ce929d0e0e4736', spanId: '00f067aa0ba902b7', sampled: true });
  const lines = [];
  const logger = createLogger({ write: (line) => lines.push(JSON.parse(line)) });
  logger.child({ trace_id: parsed.traceId, span_id: parsed.spanId }).info('charging card');
  assert.equal(lines[0].trace_id, '4bf92f3577b34da6a3ce929d0e0e4736');
  assert.equal(lines[0].span_id, '00f067aa0ba902b7');
});

test('invalid traceparent headers are rejected', () => {
  for (const bad of [
    undefined,
    '',
    '00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01', // uppercase
    '00-00000000000000000000000000000000-00f067aa0ba902b7-01', // zero trace id
    '00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01', // zero span id
    'ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01', // forbidden version
    '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7', // missing flags
  ]) {
    assert.equal(parseTraceparent(bad), null, String(bad));
  }
});

test('nextTraceparent continues a trace or starts a new one', () => {
  const incoming = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00';
  const continued = nextTraceparent(incoming);
  assert.equal(continued.traceId, '4bf92f3577b34da6a3ce929d0e0e4736');
  assert.notEqual(continued.spanId, '00f067aa0ba902b7');
  assert.ok(continued.header.endsWith('-00'), 'keeps the caller sampling decision');
  const fresh = nextTraceparent(undefined);
  assert.ok(parseTraceparent(fresh.header));
  assert.notEqual(fresh.traceId, continued.traceId);
});
