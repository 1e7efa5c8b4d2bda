// Startup, readiness and liveness endpoints for a Node.js HTTP server, each
// answering a different question for the kubelet:
//   /startupz  has initialization finished?        failing: wait (liveness is paused)
//   /readyz    can this pod take traffic right now? failing: removed from Service endpoints
//   /livez     is the process stuck?                failing: container restarted
// Liveness never looks at dependencies: a database outage must not restart every pod.
import http from 'node:http';
import net from 'node:net';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';

// --8<-- [start:health]
export function createHealth({ checks = {}, checkTimeoutMs = 1_000, maxEventLoopDelayMs = 2_000 } = {}) {
  let started = false;
  let shuttingDown = false;

  // A heartbeat timer: if it fires late, the event loop was busy for that long.
  // (perf_hooks.monitorEventLoopDelay() gives a full histogram of the same thing.)
  const beatMs = 50;
  let lastBeat = performance.now();
  let maxLagMs = 0;
  const heartbeat = setInterval(() => {
    const now = performance.now();
    maxLagMs = Math.max(maxLagMs, now - lastBeat - beatMs);
    lastBeat = now;
  }, beatMs);
  heartbeat.unref(); // never keeps the process alive on its own

  // Run one dependency check; a check that hangs counts as failed after the timeout.
  async function runCheck(name, check) {
    const controller = new AbortController();
    let timer;
    const timeout = new Promise((_, reject) => {
      timer = setTimeout(() => {
        controller.abort();
        reject(new Error(`timed out after ${checkTimeoutMs} ms`));
      }, checkTimeoutMs);
    });
    try {
      await Promise.race([check({ signal: controller.signal }), timeout]);
      return [name, 'ok'];
    } catch (err) {
      return [name, `failed: ${err.message}`];
    } finally {
      clearTimeout(timer);
    }
  }

  return {
    markStarted() {
      started = true; // call after config, pools and warm-up are done
    },
    markShuttingDown() {
      shuttingDown = true; // call first thing on SIGTERM
    },

    startup() {
      return started ? [200, { status: 'started' }] : [503, { status: 'starting' }];
    },

    async readiness() {
      if (!started) return [503, { status: 'starting' }];
      if (shuttingDown) return [503, { status: 'shutting down' }];
      const results = Object.fromEntries(
        await Promise.all(Object.entries(checks).map(([name, check]) => runCheck(name, check))),
      );
      const ok = Object.values(results).every((r) => r === 'ok');
      return [ok ? 200 : 503, { status: ok ? 'ready' : 'not ready', checks: results }];
    },

    liveness() {
      // If this code runs at all, the event loop is turning. Fail only if it was
      // blocked for longer than the threshold since the previous probe, counting
      // a stall that ended just now, before the heartbeat could record it.
      const now = performance.now();
      const maxDelayMs = Math.max(maxLagMs, now - lastBeat - beatMs);
      maxLagMs = 0; // start a new window...
      lastBeat = now; // ...and do not count this stall twice
      const ok = maxDelayMs <= maxEventLoopDelayMs;
      return [ok ? 200 : 503, { status: ok ? 'alive' : 'event loop blocked', maxDelayMs: Math.round(maxDelayMs) }];
    },

    // Routes the three paths; returns false for anything else.
    async handle(req, res) {
      const routes = { '/startupz': 'startup', '/readyz': 'readiness', '/livez': 'liveness' };
      const method = routes[new URL(req.url, 'http://localhost').pathname];
      if (!method) return false;
      const [status, body] = await this[method]();
      res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      res.end(JSON.stringify(body));
      return true;
    },

    close() {
      clearInterval(heartbeat);
    },
  };
}
// --8<-- [end:health]

// --8<-- [start:usage]
// A dependency check: can we open a TCP connection to the database? (With a real
// client, run a cheap query such as SELECT 1 on the pool, passing the signal.)
export function tcpCheck(host, port) {
  return ({ signal }) =>
    new Promise((resolve, reject) => {
      const socket = net.connect({ host, port });
      const fail = (err) => {
        socket.destroy();
        reject(err);
      };
      signal.addEventListener('abort', () => fail(new Error('aborted')), { once: true });
      socket.once('error', fail);
      socket.once('connect', () => {
        socket.end();
        resolve();
      });
    });
}

const isMain = process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href;
if (isMain) {
  const health = createHealth({
    checks: { postgres: tcpCheck(process.env.DB_HOST ?? '127.0.0.1', Number(process.env.DB_PORT ?? 5432)) },
  });
  const server = http.createServer(async (req, res) => {
    if (await health.handle(req, res)) return;
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"hello":"world"}');
  });
  server.listen(Number(process.env.PORT ?? 3000), () => {
    // Stand-in for warm-up: loading config, opening pools, priming caches.
    setTimeout(() => health.markStarted(), Number(process.env.STARTUP_DELAY_MS ?? 3_000));
  });
  process.once('SIGTERM', () => {
    health.markShuttingDown(); // readiness fails; liveness keeps passing while we drain
    server.close(() => {
      health.close();
      process.exit(0);
    });
    server.closeIdleConnections();
  });
}
// --8<-- [end:usage]
