import test from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { once } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';
import net from 'node:net';
import { createHealth, tcpCheck } from './health.mjs';

async function start(options) {
  const health = createHealth(options);
  const server = http.createServer(async (req, res) => {
    if (!(await health.handle(req, res))) res.writeHead(404).end();
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const base = `http://127.0.0.1:${server.address().port}`;
  const probe = async (path) => {
    const res = await fetch(base + path);
    return { status: res.status, body: await res.json() };
  };
  const stop = async () => {
    health.close();
    server.closeAllConnections();
    server.close();
    await once(server, 'close');
  };
  return { health, probe, stop };
}

const healthyDb = async () => {};
const blockFor = (ms) => {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    // synchronous work: nothing else runs on this thread meanwhile
  }
};

test('before startup completes: startup and readiness fail, liveness passes', async (t) => {
  const { health, probe, stop } = await start({ checks: { db: healthyDb } });
  t.after(stop);
  assert.equal((await probe('/startupz')).status, 503);
  assert.deepEqual(await probe('/readyz'), { status: 503, body: { status: 'starting' } });
  assert.equal((await probe('/livez')).status, 200);

  health.markStarted();
  assert.equal((await probe('/startupz')).status, 200);
  assert.deepEqual(await probe('/readyz'), { status: 200, body: { status: 'ready', checks: { db: 'ok' } } });
});

test('a failing dependency fails readiness but not liveness', async (t) => {
  const { health, probe, stop } = await start({
    checks: {
      db: healthyDb,
      redis: async () => {
        throw new Error('ECONNREFUSED');
      },
    },
  });
  t.after(stop);
  health.markStarted();
  const ready = await probe('/readyz');
  assert.equal(ready.status, 503);
  assert.deepEqual(ready.body.checks, { db: 'ok', redis: 'failed: ECONNREFUSED' });
  assert.equal((await probe('/livez')).status, 200); // no restart for someone else's outage
});

test('a hanging dependency check times out instead of hanging the probe', async (t) => {
  let aborted = false;
  const { health, probe, stop } = await start({
    checkTimeoutMs: 50,
    checks: {
      db: ({ signal }) =>
        new Promise(() => {
          signal.addEventListener('abort', () => (aborted = true)); // a real check would cancel its query
        }),
    },
  });
  t.after(stop);
  health.markStarted();
  const started = Date.now();
  const ready = await probe('/readyz');
  assert.equal(ready.status, 503);
  assert.equal(ready.body.checks.db, 'failed: timed out after 50 ms');
  assert.ok(Date.now() - started < 500, 'answers well within the kubelet timeout');
  assert.equal(aborted, true);
});

test('liveness fails after the event loop was blocked past the threshold, then recovers', async (t) => {
  const { probe, stop } = await start({ maxEventLoopDelayMs: 100 });
  t.after(stop);
  await sleep(50);
  assert.equal((await probe('/livez')).status, 200); // also resets the delay histogram

  blockFor(180); // a synchronous stall, like a huge JSON.parse
  const blocked = await probe('/livez');
  assert.equal(blocked.status, 503);
  assert.ok(blocked.body.maxDelayMs >= 100, `recorded ${blocked.body.maxDelayMs} ms`);

  await sleep(120);
  assert.equal((await probe('/livez')).status, 200); // one stall is one failed probe, not a restart
});

test('during shutdown readiness fails and liveness keeps passing', async (t) => {
  const { health, probe, stop } = await start({ checks: { db: healthyDb } });
  t.after(stop);
  health.markStarted();
  health.markShuttingDown();
  assert.deepEqual(await probe('/readyz'), { status: 503, body: { status: 'shutting down' } });
  assert.equal((await probe('/livez')).status, 200);
  assert.equal((await probe('/startupz')).status, 200);
});

test('other paths are left to the application', async () => {
  const health = createHealth();
  const req = { url: '/orders' };
  const res = { writeHead: () => assert.fail('must not answer'), end: () => assert.fail('must not answer') };
  assert.equal(await health.handle(req, res), false);
  health.close();
});

test('tcpCheck passes when the port accepts connections and fails when it refuses them', async () => {
  const db = net.createServer((socket) => socket.end());
  db.listen(0, '127.0.0.1');
  await once(db, 'listening');
  const { port } = db.address();
  const health = createHealth({ checks: { db: tcpCheck('127.0.0.1', port) } });
  health.markStarted();
  assert.equal((await health.readiness())[0], 200);

  db.close();
  await once(db, 'close');
  const [status, body] = await health.readiness();
  assert.equal(status, 503);
  assert.match(body.checks.db, /ECONNREFUSED/);
  health.close();
});
