import test from 'node:test';
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createServer, listen, shutdown } from './server.mjs';

async function start() {
  const server = createServer();
  const { port } = await listen(server, 0, '127.0.0.1');
  return { server, base: `http://127.0.0.1:${port}` };
}

test('GET /healthz and /livez answer 200 while the server is up', async () => {
  const { server, base } = await start();
  const res = await fetch(`${base}/healthz`);
  assert.equal(res.status, 200);
  assert.deepEqual(await res.json(), { status: 'ok' });
  const live = await fetch(`${base}/livez`);
  assert.equal(live.status, 200);
  assert.deepEqual(await live.json(), { status: 'alive' });
  assert.equal((await fetch(`${base}/nope`)).status, 404);
  await shutdown(server);
  assert.equal(server.listening, false);
});

test('shutdown lets the in-flight request finish, then closes the server and runs cleanup', async () => {
  const { server, base } = await start();
  assert.equal((await fetch(`${base}/healthz`)).status, 200);

  const events = [];
  const inFlight = fetch(`${base}/work?ms=150`);
  const [, res] = await once(server, 'request'); // the server is now handling it
  res.on('finish', () => events.push('response sent'));

  const closing = shutdown(server, {
    timeoutMs: 1_000,
    onClose: async () => events.push('pools closed'),
  });

  const response = await inFlight;
  assert.equal(response.status, 200);
  assert.deepEqual(await response.json(), { done: true, ms: 150 });
  assert.equal(response.headers.get('connection'), 'close');

  await closing;
  assert.equal(server.listening, false);
  assert.deepEqual(events, ['response sent', 'pools closed']);
  await assert.rejects(fetch(`${base}/healthz`), TypeError); // no longer accepting
});

test('shutdown cuts off requests that outlive the deadline', async () => {
  const { server, base } = await start();
  const slow = fetch(`${base}/work?ms=400`);
  await once(server, 'request');
  const started = Date.now();
  await shutdown(server, { timeoutMs: 50 });
  assert.ok(Date.now() - started < 1_000);
  await assert.rejects(slow, TypeError); // the socket was destroyed
});

test('the process drains and exits 0 on SIGTERM', async () => {
  const child = spawn(process.execPath, [fileURLToPath(new URL('./server.mjs', import.meta.url))], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk) => {
    output += chunk;
  });
  while (!output.includes('"listening"')) await once(child.stdout, 'data');
  const { port } = JSON.parse(output.split('\n')[0]);
  const res = await fetch(`http://127.0.0.1:${port}/healthz`);
  assert.equal(res.status, 200);

  child.kill('SIGTERM');
  const [code, signal] = await once(child, 'exit');
  assert.equal(signal, null); // it exited by itself instead of being killed
  assert.equal(code, 0);
  assert.match(output, /"shutdown complete"/);
});
