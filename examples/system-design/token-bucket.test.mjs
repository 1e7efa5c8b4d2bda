import test from 'node:test';
import assert from 'node:assert/strict';
import { TokenBucket, createLimiter, rateLimit } from './token-bucket.mjs';

function fakeClock(start = 0) {
  let t = start;
  return { now: () => t, advance: (ms) => { t += ms; } };
}

test('allows a burst up to capacity, then rejects', () => {
  const clock = fakeClock();
  const bucket = new TokenBucket({ capacity: 5, refillPerSecond: 1, now: clock.now });
  for (let i = 0; i < 5; i++) assert.equal(bucket.tryRemove().allowed, true, `request ${i}`);
  const sixth = bucket.tryRemove();
  assert.equal(sixth.allowed, false);
  assert.equal(sixth.remaining, 0);
  assert.equal(sixth.retryAfterMs, 1000);
});

test('refills over time at the configured rate', () => {
  const clock = fakeClock();
  const bucket = new TokenBucket({ capacity: 10, refillPerSecond: 2, now: clock.now });
  for (let i = 0; i < 10; i++) bucket.tryRemove();
  assert.equal(bucket.tryRemove().allowed, false);

  clock.advance(499); // 0.998 tokens: not yet
  assert.equal(bucket.tryRemove().allowed, false);
  clock.advance(1); // 1 token
  assert.equal(bucket.tryRemove().allowed, true);
  assert.equal(bucket.tryRemove().allowed, false);

  clock.advance(1500); // 3 tokens
  assert.equal(bucket.tryRemove(3).allowed, true);
  assert.equal(bucket.tryRemove().allowed, false);
});

test('never holds more than capacity after a long idle period', () => {
  const clock = fakeClock();
  const bucket = new TokenBucket({ capacity: 3, refillPerSecond: 100, now: clock.now });
  clock.advance(60_000);
  let allowed = 0;
  for (let i = 0; i < 10; i++) if (bucket.tryRemove().allowed) allowed++;
  assert.equal(allowed, 3);
});

test('rejects a cost larger than capacity forever', () => {
  const bucket = new TokenBucket({ capacity: 3, refillPerSecond: 1, now: () => 0 });
  const result = bucket.tryRemove(4);
  assert.equal(result.allowed, false);
  assert.equal(result.retryAfterMs, Infinity);
});

test('keeps one bucket per key and prunes idle ones', () => {
  const clock = fakeClock();
  const limiter = createLimiter({ capacity: 2, refillPerSecond: 1, now: clock.now });
  assert.equal(limiter.take('alice').allowed, true);
  assert.equal(limiter.take('alice').allowed, true);
  assert.equal(limiter.take('alice').allowed, false);
  assert.equal(limiter.take('bob').allowed, true); // separate budget
  assert.equal(limiter.size, 2);

  clock.advance(2000); // both refill to full
  limiter.prune();
  assert.equal(limiter.size, 0);
});

test('middleware answers 429 with Retry-After in seconds', () => {
  const clock = fakeClock();
  const limiter = createLimiter({ capacity: 1, refillPerSecond: 0.5, now: clock.now });
  const middleware = rateLimit(limiter, (req) => req.user);
  const makeRes = () => ({
    statusCode: 200,
    headers: {},
    body: undefined,
    setHeader(name, value) { this.headers[name] = value; },
    end(body) { this.body = body; },
  });

  let called = 0;
  middleware({ user: 'u1' }, makeRes(), () => { called++; });
  assert.equal(called, 1);

  const res = makeRes();
  middleware({ user: 'u1' }, res, () => { called++; });
  assert.equal(called, 1);
  assert.equal(res.statusCode, 429);
  assert.equal(res.headers['Retry-After'], '2');
});
