import test from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { once } from 'node:events';
import { createService, handleSigterm } from './graceful-shutdown.mjs';

async function start(options) {
  const { server, lifecycle } = createService(options);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return { server, lifecycle, port: server.address().port };
}

// A keep-alive client, like a proxy or another service holding a connection pool.
function get(port, path, agent) {
  return new Promise((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port, path, agent }, (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode, connection: res.headers.connection, body }));
      })
      .on('error', reject);
  });
}

test('readiness fails at once, the in-flight request completes, then the server closes', async () => {
  const { server, lifecycle, port } = await start({ drainDelayMs: 50, timeoutMs: 1_000 });
  const agent = new http.Agent({ keepAlive: true });
  assert.equal((await get(port, '/healthz', agent)).status, 200); // leaves an idle keep-alive socket

  const slow = get(port, '/work?ms=150', agent);
  await once(server, 'request'); // the slow request is being handled
  const started = Date.now();
  const closing = lifecycle.shutdown();

  assert.equal(lifecycle.isReady(), false); // synchronously, before any delay
  // During the drain delay the pod still serves: readiness says 503, liveness 200.
  assert.equal((await get(port, '/healthz')).status, 503);
  assert.equal((await get(port, '/livez')).status, 200);

  const response = await slow;
  assert.equal(response.status, 200);
  assert.equal(response.body, '{"done":true}');
  assert.equal(response.connection, 'close'); // the client will not reuse this socket

  await closing;
  assert.equal(server.listening, false);
  // Closed promptly, not after the 5 s keep-alive timeout of the idle sockets.
  assert.ok(Date.now() - started < 1_000, `took ${Date.now() - started} ms`);
  await assert.rejects(get(port, '/healthz'), { code: 'ECONNREFUSED' });
  agent.destroy();
});

test('a request that outlives the deadline is cut off', async () => {
  const { server, lifecycle, port } = await start({ drainDelayMs: 0, timeoutMs: 50 });
  const slow = get(port, '/work?ms=400');
  await once(server, 'request');
  await lifecycle.shutdown();
  assert.equal(server.listening, false);
  await assert.rejects(slow, { code: 'ECONNRESET' });
});

test('calling shutdown twice returns the same drain', async () => {
  const { lifecycle } = await start({ drainDelayMs: 0, timeoutMs: 100 });
  assert.equal(lifecycle.shutdown(), lifecycle.shutdown());
  await lifecycle.shutdown();
});

test('SIGTERM drains, runs cleanup after the server closed, then exits 0', async () => {
  const { server, lifecycle } = await start({ drainDelayMs: 0, timeoutMs: 100 });
  const events = [];
  const exited = new Promise((resolve) => {
    handleSigterm(lifecycle, {
      onClosed: async () => events.push(server.listening ? 'pool closed while listening' : 'pool closed'),
      exit: (code) => resolve(code),
    });
  });
  process.emit('SIGTERM'); // calls the listener without sending a real signal
  assert.equal(await exited, 0);
  assert.deepEqual(events, ['pool closed']);
});
