// A dependency-free HTTP service that behaves well in a container:
// a health endpoint, and a graceful shutdown that drains in-flight requests.
import http from 'node:http';
import { once } from 'node:events';
import { setTimeout as delay } from 'node:timers/promises';
import { pathToFileURL } from 'node:url';

const DRAINING = Symbol('draining');

// --8<-- [start:handler]
export function createServer() {
  const server = http.createServer((req, res) => {
    handle(server, req, res).catch((err) => {
      console.error(JSON.stringify({ msg: 'request failed', err: err.message }));
      if (!res.headersSent) send(server, res, 500, { error: 'internal' });
    });
  });
  server[DRAINING] = false;
  return server;
}

async function handle(server, req, res) {
  const url = new URL(req.url, 'http://localhost');
  if (url.pathname === '/healthz') {
    // Readiness: 503 while draining tells a load balancer to stop sending traffic here.
    const draining = server[DRAINING];
    return send(server, res, draining ? 503 : 200, { status: draining ? 'draining' : 'ok' });
  }
  if (url.pathname === '/livez') {
    // Liveness: the process can still answer. Draining is not a reason to restart it.
    return send(server, res, 200, { status: 'alive' });
  }
  if (url.pathname === '/work') {
    // Stands in for real work: a query, a call to another service.
    const ms = Math.min(Number(url.searchParams.get('ms')) || 0, 5_000);
    await delay(ms);
    return send(server, res, 200, { done: true, ms });
  }
  return send(server, res, 404, { error: 'not found' });
}

function send(server, res, status, body) {
  // While draining, ask clients not to reuse this keep-alive connection.
  if (server[DRAINING]) res.setHeader('connection', 'close');
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}
// --8<-- [end:handler]

export async function listen(server, port, host) {
  server.listen(port, host);
  await once(server, 'listening');
  return server.address();
}

// --8<-- [start:shutdown]
/**
 * Stop accepting connections, let in-flight requests finish, then release
 * resources. Requests still running after `timeoutMs` have their sockets
 * destroyed, so the process exits before the orchestrator's SIGKILL.
 */
export async function shutdown(server, { timeoutMs = 8_000, onClose = async () => {} } = {}) {
  server[DRAINING] = true;
  const closed = new Promise((resolve, reject) => {
    server.close((err) => (err ? reject(err) : resolve())); // stop accepting
  });
  server.closeIdleConnections(); // idle keep-alive sockets would hold close() open
  const deadline = setTimeout(() => server.closeAllConnections(), timeoutMs);
  deadline.unref();
  try {
    await closed; // resolves once the last connection has ended
  } finally {
    clearTimeout(deadline);
  }
  await onClose(); // now close pools: no request can still need them
}

export function handleSignals(server, { timeoutMs, onClose, exit = process.exit } = {}) {
  let stopping = false;
  const onSignal = (signal) => {
    if (stopping) return; // a second signal does not start a second shutdown
    stopping = true;
    console.log(JSON.stringify({ msg: 'shutting down', signal }));
    shutdown(server, { timeoutMs, onClose }).then(
      () => {
        console.log(JSON.stringify({ msg: 'shutdown complete' }));
        exit(0);
      },
      (err) => {
        console.error(JSON.stringify({ msg: 'shutdown failed', err: err.message }));
        exit(1);
      },
    );
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
}
// --8<-- [end:shutdown]

// --8<-- [start:main]
const isMain = process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href;
if (isMain) {
  const server = createServer();
  const { port } = await listen(server, Number(process.env.PORT ?? 3000), process.env.HOST ?? '0.0.0.0');
  console.log(JSON.stringify({ msg: 'listening', port, pid: process.pid }));
  handleSignals(server, {
    timeoutMs: Number(process.env.SHUTDOWN_TIMEOUT_MS ?? 8_000), // below Docker's 10 s default
    onClose: async () => {
      // Close database pools, message channels and caches here.
    },
  });
}
// --8<-- [end:main]
