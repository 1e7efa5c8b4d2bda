// Graceful shutdown for a Node.js HTTP server in a Kubernetes rollout.
//
// When a pod is deleted, removing it from the Service's endpoints and sending
// SIGTERM to the container happen at the same time, so requests keep arriving
// for a few seconds after the signal. The order below covers that race:
//   1. fail readiness at once, so the pod is taken out of rotation;
//   2. keep serving for `drainDelayMs` while proxies catch up;
//   3. stop listening, close idle keep-alive sockets, let in-flight requests finish;
//   4. after `timeoutMs`, destroy whatever is left, well before the kubelet's SIGKILL.
import http from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { pathToFileURL } from 'node:url';

// --8<-- [start:shutdown]
export function gracefulShutdown(server, { drainDelayMs = 5_000, timeoutMs = 20_000, log = () => {} } = {}) {
  let ready = true;
  let shutdownPromise = null;
  const inFlight = new Set();

  server.on('request', (req, res) => {
    inFlight.add(res);
    res.on('close', () => inFlight.delete(res));
    // A request that arrives on a reused connection while draining gets its answer,
    // and the client is told not to send another one on this socket.
    if (!ready && !res.headersSent) res.setHeader('connection', 'close');
  });

  function shutdown() {
    if (shutdownPromise) return shutdownPromise; // SIGTERM twice: one shutdown
    shutdownPromise = (async () => {
      ready = false; // readiness probe answers 503 from now on
      log({ msg: 'draining', drainDelayMs });
      await sleep(drainDelayMs); // still accepting: endpoints are being updated

      for (const res of inFlight) {
        if (!res.headersSent) res.setHeader('connection', 'close'); // no reuse after this response
      }
      const closed = new Promise((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve())); // stop accepting
      });
      server.closeIdleConnections(); // Node 18.2+; idle keep-alive sockets would hold close() open
      const deadline = setTimeout(() => {
        log({ msg: 'drain timeout, closing remaining connections', open: inFlight.size });
        server.closeAllConnections();
      }, timeoutMs);
      deadline.unref();
      try {
        await closed; // the last in-flight request has finished
      } finally {
        clearTimeout(deadline);
      }
      log({ msg: 'server closed' });
    })();
    return shutdownPromise;
  }

  return {
    isReady: () => ready,
    shutdown,
  };
}
// --8<-- [end:shutdown]

// --8<-- [start:wiring]
// A service wired to it: readiness reads the flag, liveness never fails while draining.
export function createService({ drainDelayMs, timeoutMs } = {}) {
  const server = http.createServer(async (req, res) => {
    const { pathname, searchParams } = new URL(req.url, 'http://localhost');
    if (pathname === '/healthz') {
      res.writeHead(lifecycle.isReady() ? 200 : 503).end();
    } else if (pathname === '/livez') {
      res.writeHead(200).end();
    } else if (pathname === '/work') {
      await sleep(Math.min(Number(searchParams.get('ms')) || 0, 5_000)); // a slow query
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"done":true}');
    } else {
      res.writeHead(404).end();
    }
  });
  const lifecycle = gracefulShutdown(server, { drainDelayMs, timeoutMs });
  return { server, lifecycle };
}

export function handleSigterm(lifecycle, { onClosed = async () => {}, exit = process.exit } = {}) {
  process.once('SIGTERM', async () => {
    try {
      await lifecycle.shutdown();
      await onClosed(); // close database pools and clients last
      exit(0);
    } catch {
      exit(1);
    }
  });
}
// --8<-- [end:wiring]

const isMain = process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href;
if (isMain) {
  const { server, lifecycle } = createService({
    drainDelayMs: Number(process.env.DRAIN_DELAY_MS ?? 5_000),
    timeoutMs: Number(process.env.SHUTDOWN_TIMEOUT_MS ?? 20_000),
  });
  server.listen(Number(process.env.PORT ?? 3000));
  handleSigterm(lifecycle);
}
