import test from 'node:test';
import assert from 'node:assert/strict';
import { chain } from './linear.mjs';

// A tiny fake response: resolves `finished` when the chain sends something.
function fakeResponse() {
  let finish;
  const res = {
    statusCode: 200,
    body: undefined,
    finished: new Promise((resolve) => { finish = resolve; }),
    status(code) { this.statusCode = code; return this; },
    json(body) { this.body = body; finish(); return this; },
  };
  return res;
}

test('runs middleware in order; nothing runs after next() returns', async () => {
  const log = [];
  const handle = chain([
    (req, res, next) => { log.push('logger'); next(); },
    (req, res, next) => { req.user = { id: 7 }; log.push('auth'); next(); },
    (req, res) => { log.push('handler'); res.json({ user: req.user.id }); },
  ]);
  const res = fakeResponse();
  handle({}, res);
  await res.finished;
  assert.deepEqual(log, ['logger', 'auth', 'handler']);
  assert.deepEqual(res.body, { user: 7 });
});

test('next(err) skips regular middleware and reaches the error middleware', async () => {
  const log = [];
  const handle = chain([
    (req, res, next) => next(Object.assign(new Error('forbidden'), { status: 403 })),
    (req, res, next) => { log.push('skipped'); next(); },
    (err, req, res, next) => { res.status(err.status ?? 500).json({ error: err.message }); },
  ]);
  const res = fakeResponse();
  handle({}, res);
  await res.finished;
  assert.deepEqual(log, []);
  assert.equal(res.statusCode, 403);
  assert.deepEqual(res.body, { error: 'forbidden' });
});

test('Express 5 rule: a rejected async handler is forwarded to error middleware', async () => {
  const handle = chain([
    async (req, res) => {
      await Promise.resolve();
      throw new Error('db down');
    },
    (err, req, res, next) => { res.status(500).json({ error: err.message }); },
  ]);
  const res = fakeResponse();
  handle({}, res);
  await res.finished;
  assert.equal(res.statusCode, 500);
  assert.deepEqual(res.body, { error: 'db down' });
});

test('a synchronous throw is caught too', async () => {
  const handle = chain([
    () => { throw new Error('sync'); },
    (err, req, res, next) => { res.status(500).json({ error: err.message }); },
  ]);
  const res = fakeResponse();
  handle({}, res);
  await res.finished;
  assert.deepEqual(res.body, { error: 'sync' });
});

test('error middleware can pass the error on; unhandled errors reach done()', async () => {
  let final;
  const handle = chain([
    () => { throw new Error('boom'); },
    (err, req, res, next) => next(err), // e.g. a logger that does not respond
  ]);
  await new Promise((resolve) => handle({}, fakeResponse(), (err) => { final = err; resolve(); }));
  assert.equal(final.message, 'boom');
});

test('error middleware is skipped when there is no error', async () => {
  const log = [];
  const handle = chain([
    (err, req, res, next) => { log.push('error handler'); next(); },
    (req, res) => res.json({ ok: true }),
  ]);
  const res = fakeResponse();
  handle({}, res);
  await res.finished;
  assert.deepEqual(log, []);
});
