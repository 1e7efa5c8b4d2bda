import test from 'node:test';
import assert from 'node:assert/strict';
import { createLogger, LEVELS } from './logger.mjs';

function capture(options = {}) {
  const lines = [];
  const logger = createLogger({ now: () => 0, write: (line) => lines.push(line), ...options });
  return { logger, lines, records: () => lines.map((l) => JSON.parse(l)) };
}

test('writes one JSON object per line with level, time and message', () => {
  const { logger, lines, records } = capture({ base: { service: 'orders-api' } });
  logger.info({ orderId: 'o-1' }, 'order created');
  assert.equal(lines.length, 1);
  assert.ok(lines[0].endsWith('\n'));
  assert.equal(lines[0].trimEnd().includes('\n'), false);
  assert.deepEqual(records()[0], {
    level: 'info', time: '1970-01-01T00:00:00.000Z', service: 'orders-api', orderId: 'o-1', msg: 'order created',
  });
});

test('levels below the threshold are dropped', () => {
  const { logger, records } = capture({ level: 'warn' });
  logger.debug('noise');
  logger.info('still noise');
  logger.warn('disk 80% full');
  logger.error('disk full');
  assert.deepEqual(records().map((r) => r.level), ['warn', 'error']);
  assert.equal(logger.isLevelEnabled('info'), false);
  assert.equal(logger.isLevelEnabled('fatal'), true);
  assert.equal(LEVELS.info, 30);
  assert.throws(() => createLogger({ level: 'verbose' }), RangeError);
});

test('child loggers carry their bindings and do not change the parent', () => {
  const { logger, records } = capture({ base: { service: 'orders-api' } });
  const reqLog = logger.child({ reqId: 'r-42', traceId: 't-1' });
  const dbLog = reqLog.child({ component: 'db' });
  dbLog.info({ rows: 3 }, 'query done');
  logger.info('parent line');
  const [child, parent] = records();
  assert.deepEqual(
    { service: child.service, reqId: child.reqId, traceId: child.traceId, component: child.component, rows: child.rows },
    { service: 'orders-api', reqId: 'r-42', traceId: 't-1', component: 'db', rows: 3 },
  );
  assert.equal(parent.reqId, undefined);
});

test('redaction censors exact and wildcard paths without mutating the input', () => {
  const { logger, records } = capture({
    redact: ['req.headers.authorization', 'req.headers.cookie', '*.password', 'card.number'],
  });
  const req = { method: 'POST', headers: { authorization: 'Bearer abc', cookie: 'sid=1', accept: '*/*' } };
  const body = { user: { email: 'a@example.com', password: 'hunter2' } };
  logger.info({ req, ...body, card: { number: '4111111111111111', last4: '1111' } }, 'signup');
  const record = records()[0];
  assert.equal(record.req.headers.authorization, '[Redacted]');
  assert.equal(record.req.headers.cookie, '[Redacted]');
  assert.equal(record.req.headers.accept, '*/*');
  assert.equal(record.user.password, '[Redacted]');
  assert.equal(record.user.email, 'a@example.com');
  assert.equal(record.card.number, '[Redacted]');
  assert.equal(record.card.last4, '1111');
  // The caller's objects are untouched.
  assert.equal(req.headers.authorization, 'Bearer abc');
  assert.equal(body.user.password, 'hunter2');
});

test('errors are serialized with type, message, stack and cause', () => {
  const { logger, records } = capture();
  const cause = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
  logger.error({ err: new Error('could not load order', { cause }), orderId: 'o-9' }, 'request failed');
  logger.error(new TypeError('bad input'));
  const [first, second] = records();
  assert.equal(first.err.type, 'Error');
  assert.equal(first.err.message, 'could not load order');
  assert.match(first.err.stack, /could not load order/);
  assert.equal(first.err.cause.code, 'ECONNREFUSED');
  assert.equal(first.orderId, 'o-9');
  assert.equal(second.err.type, 'TypeError');
  assert.equal(second.msg, 'bad input');
});

test('circular references and BigInt values do not crash logging', () => {
  const { logger, records } = capture();
  const a = { name: 'a' };
  a.self = a;
  logger.info({ a, big: 10n ** 20n }, 'odd values');
  const record = records()[0];
  assert.equal(record.a.self, '[Circular]');
  assert.equal(record.big, '100000000000000000000');
});
