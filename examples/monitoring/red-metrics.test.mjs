import test from 'node:test';
import assert from 'node:assert/strict';
import { EventEmitter } from 'node:events';
import http from 'node:http';
import { createRegistry, redMetrics } from './red-metrics.mjs';

// A fake clock in nanoseconds, advanced by hand.
function fakeClock() {
  let t = 0n;
  return { now: () => t, advance: (ms) => { t += BigInt(Math.round(ms * 1e6)); } };
}

function fakeExchange({ method = 'GET', route, statusCode = 200 }) {
  const req = { method, route: route ? { path: route } : undefined, baseUrl: '' };
  const res = Object.assign(new EventEmitter(), { statusCode, writableFinished: false });
  res.finish = () => { res.writableFinished = true; res.emit('finish'); res.emit('close'); };
  return { req, res };
}

function serve(middleware, exchange, clock, ms) {
  middleware(exchange.req, exchange.res, () => {});
  clock.advance(ms);
  exchange.res.finish();
}

test('counts requests by method, route template and status code', () => {
  const registry = createRegistry();
  const clock = fakeClock();
  const red = redMetrics(registry, { now: clock.now });
  serve(red, fakeExchange({ route: '/orders/:id' }), clock, 12);
  serve(red, fakeExchange({ route: '/orders/:id' }), clock, 30);
  serve(red, fakeExchange({ route: '/orders/:id', statusCode: 503 }), clock, 900);
  serve(red, fakeExchange({ method: 'POST', route: '/orders', statusCode: 201 }), clock, 80);
  const text = registry.metrics();
  assert.match(text, /^# TYPE http_requests_total counter$/m);
  assert.match(text, /^http_requests_total\{method="GET",route="\/orders\/:id",status_code="200"\} 2$/m);
  assert.match(text, /^http_requests_total\{method="GET",route="\/orders\/:id",status_code="503"\} 1$/m);
  assert.match(text, /^http_requests_total\{method="POST",route="\/orders",status_code="201"\} 1$/m);
});

test('histogram buckets are cumulative and end with +Inf, _sum and _count', () => {
  const registry = createRegistry();
  const clock = fakeClock();
  const red = redMetrics(registry, { now: clock.now, buckets: [0.05, 0.25, 1] });
  for (const ms of [10, 40, 200, 700, 3000]) serve(red, fakeExchange({ route: '/orders' }), clock, ms);
  const text = registry.metrics();
  const series = 'method="GET",route="/orders",status_code="200"';
  assert.ok(text.includes(`http_request_duration_seconds_bucket{${series},le="0.05"} 2\n`));
  assert.ok(text.includes(`http_request_duration_seconds_bucket{${series},le="0.25"} 3\n`));
  assert.ok(text.includes(`http_request_duration_seconds_bucket{${series},le="1"} 4\n`));
  assert.ok(text.includes(`http_request_duration_seconds_bucket{${series},le="+Inf"} 5\n`));
  assert.ok(text.includes(`http_request_duration_seconds_count{${series}} 5\n`));
  const sum = Number(/http_request_duration_seconds_sum\{[^}]*\} (\S+)/.exec(text)[1]);
  assert.ok(Math.abs(sum - 3.95) < 1e-9);
});

test('unmatched routes share one label value instead of one series per URL', () => {
  const registry = createRegistry();
  const clock = fakeClock();
  const red = redMetrics(registry, { now: clock.now });
  for (let i = 0; i < 50; i += 1) serve(red, fakeExchange({ statusCode: 404 }), clock, 1);
  assert.match(registry.metrics(), /^http_requests_total\{method="GET",route="unmatched",status_code="404"\} 50$/m);
});

test('a registry refuses unbounded label values', () => {
  const registry = createRegistry();
  const byUser = registry.counter({ name: 'logins_total', help: 'Logins.', labelNames: ['user_id'], maxSeries: 100 });
  for (let i = 0; i < 100; i += 1) byUser.inc({ user_id: `u${i}` });
  assert.throws(() => byUser.inc({ user_id: 'u100' }), RangeError);
});

test('in-flight gauge goes up during a request and back down after', () => {
  const registry = createRegistry();
  const clock = fakeClock();
  const red = redMetrics(registry, { now: clock.now });
  const ex = fakeExchange({ route: '/slow' });
  red(ex.req, ex.res, () => {});
  assert.match(registry.metrics(), /^http_requests_in_flight 1$/m);
  ex.res.finish();
  assert.match(registry.metrics(), /^http_requests_in_flight 0$/m);
});

test('a connection closed before the response is recorded once, as 499', () => {
  const registry = createRegistry();
  const clock = fakeClock();
  const red = redMetrics(registry, { now: clock.now });
  const ex = fakeExchange({ route: '/orders' });
  red(ex.req, ex.res, () => {});
  ex.res.emit('close'); // client went away; 'finish' never fires
  assert.match(registry.metrics(), /status_code="499"\} 1$/m);
  assert.doesNotMatch(registry.metrics(), /status_code="200"/);
});

test('label values are escaped, and invalid names are rejected', () => {
  const registry = createRegistry();
  const c = registry.counter({ name: 'odd_total', help: 'Odd values.', labelNames: ['v'] });
  c.inc({ v: 'say "hi"\\\n' });
  assert.ok(registry.metrics().includes('odd_total{v="say \\"hi\\"\\\\\\n"} 1'));
  assert.throws(() => registry.counter({ name: 'bad-name', help: 'x' }), TypeError);
  assert.throws(() => registry.counter({ name: 'ok_total', help: 'x', labelNames: ['le'] }), TypeError);
  assert.throws(() => c.inc({ v: 'x' }, -1), RangeError);
  assert.throws(() => registry.counter({ name: 'odd_total', help: 'again' }), /already registered/);
});

test('works as real node:http middleware and serves /metrics', async () => {
  const registry = createRegistry();
  const red = redMetrics(registry, {
    routeOf: (req) => (req.url.startsWith('/orders/') ? '/orders/:id' : req.url),
  });
  const server = http.createServer((req, res) => {
    red(req, res, () => {
      if (req.url === '/metrics') {
        res.setHeader('content-type', registry.contentType);
        res.end(registry.metrics());
        return;
      }
      res.statusCode = req.url.startsWith('/orders/') ? 200 : 404;
      res.end('ok');
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${server.address().port}`;
  try {
    await (await fetch(`${base}/orders/1`)).text();
    await (await fetch(`${base}/orders/2`)).text();
    await (await fetch(`${base}/nope`)).text();
    const res = await fetch(`${base}/metrics`);
    assert.match(res.headers.get('content-type'), /^text\/plain; version=0\.0\.4/);
    const text = await res.text();
    assert.match(text, /^http_requests_total\{method="GET",route="\/orders\/:id",status_code="200"\} 2$/m);
    assert.match(text, /^http_requests_total\{method="GET",route="\/nope",status_code="404"\} 1$/m);
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
});
