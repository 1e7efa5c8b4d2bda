import test from 'node:test';
import assert from 'node:assert/strict';
import { compose, errorBoundary, responseTime, validateBody } from './compose.mjs';

function tracer(name, log) {
  return async (ctx, next) => {
    log.push(`${name}:before`);
    await next();
    log.push(`${name}:after`);
  };
}

test('runs code before and after next() in onion order', async () => {
  const log = [];
  const app = compose([
    tracer('a', log),
    tracer('b', log),
    async (ctx) => {
      log.push('handler');
      ctx.body = 'ok';
    },
  ]);
  const ctx = {};
  await app(ctx);
  assert.deepEqual(log, ['a:before', 'b:before', 'handler', 'b:after', 'a:after']);
  assert.equal(ctx.body, 'ok');
});

test('an error thrown downstream is caught by an upstream try/catch', async () => {
  const log = [];
  const app = compose([
    async (ctx, next) => {
      try {
        await next();
      } catch (err) {
        log.push(`caught ${err.message}`);
        ctx.status = 500;
      }
    },
    tracer('b', log),
    async () => {
      await Promise.resolve(); // a real async boundary
      throw new Error('db down');
    },
  ]);
  const ctx = {};
  await app(ctx); // resolves: the error did not escape
  // b:after never ran: the throw unwound through b's `await next()`.
  assert.deepEqual(log, ['b:before', 'caught db down']);
  assert.equal(ctx.status, 500);
});

test('errorBoundary hides 5xx details and keeps 4xx messages', async () => {
  const boom = compose([errorBoundary, () => { throw new Error('secret stack detail'); }]);
  const ctx1 = {};
  await boom(ctx1);
  assert.equal(ctx1.status, 500);
  assert.deepEqual(ctx1.body, { error: 'Internal Server Error' });
  assert.equal(ctx1.errors[0].message, 'secret stack detail');

  const handler = async (ctx) => {
    ctx.status = 201;
    ctx.body = { id: 1 };
  };
  const createUser = compose([
    errorBoundary,
    validateBody((body) => (typeof body?.email === 'string' ? [] : ['email is required'])),
    handler,
  ]);
  const bad = { request: { body: {} } };
  await createUser(bad);
  assert.equal(bad.status, 400);
  assert.deepEqual(bad.body, { error: 'invalid body: email is required' });

  const good = { request: { body: { email: 'a@example.com' } } };
  await createUser(good);
  assert.equal(good.status, 201);
});

test('after-code sees what downstream set (response time header)', async () => {
  const app = compose([responseTime, async (ctx) => { ctx.body = 'hi'; }]);
  const ctx = {};
  await app(ctx);
  assert.match(ctx.headers['x-response-time'], /^\d+\.\dms$/);
});

test('a middleware that does not call next() short-circuits the rest', async () => {
  const log = [];
  const app = compose([
    tracer('a', log),
    async (ctx) => { ctx.status = 401; }, // e.g. an auth check that fails
    tracer('never', log),
  ]);
  const ctx = {};
  await app(ctx);
  assert.deepEqual(log, ['a:before', 'a:after']);
  assert.equal(ctx.status, 401);
});

test('calling next() twice is rejected', async () => {
  const app = compose([
    async (ctx, next) => {
      await next();
      await next();
    },
  ]);
  await assert.rejects(app({}), /called more than once/);
});

test('composed stacks nest: the outer stack passes its rest as `last`', async () => {
  const log = [];
  const inner = compose([tracer('inner', log)]);
  const outer = compose([tracer('outer', log), (ctx, next) => inner(ctx, next), tracer('tail', log)]);
  await outer({});
  assert.deepEqual(log, [
    'outer:before', 'inner:before', 'tail:before', 'tail:after', 'inner:after', 'outer:after',
  ]);
});

test('rejects non-function middleware up front', () => {
  assert.throws(() => compose([() => {}, 'nope']), TypeError);
  assert.throws(() => compose('nope'), TypeError);
});
