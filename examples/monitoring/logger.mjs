// A dependency-free structured logger with the same shape as pino's API:
// numeric levels, one JSON object per line, child loggers that carry bindings,
// path-based redaction, and errors serialized with their stack.

// --8<-- [start:levels]
export const LEVELS = Object.freeze({ trace: 10, debug: 20, info: 30, warn: 40, error: 50, fatal: 60 });
// --8<-- [end:levels]

const CENSOR = '[Redacted]';

/** Turn an Error (and its cause chain) into plain JSON-friendly data. */
export function serializeError(err, depth = 0) {
  const out = { type: err.name, message: err.message, stack: err.stack };
  if (err.code !== undefined) out.code = err.code;
  if (err.cause instanceof Error && depth < 5) out.cause = serializeError(err.cause, depth + 1);
  return out;
}

/**
 * Compile "a.b.c" and "a.*.c" paths once. A "*" matches any one key at that
 * depth. Paths are case-sensitive, like pino's.
 */
function compilePaths(paths) {
  return paths.map((p) => p.split('.'));
}

/**
 * Return a copy of `value` with every matching path replaced by the censor.
 * Copy-on-write: only objects on a redacted path are cloned, and the
 * caller's object is never modified.
 */
function redactPath(value, segments, i = 0) {
  if (value === null || typeof value !== 'object') return value;
  const head = segments[i];
  const keys = head === '*' ? Object.keys(value) : [head];
  let copy = value;
  for (const key of keys) {
    if (!Object.hasOwn(value, key)) continue;
    const next = i === segments.length - 1 ? CENSOR : redactPath(value[key], segments, i + 1);
    if (next !== value[key]) {
      if (copy === value) copy = Array.isArray(value) ? [...value] : { ...value };
      copy[key] = next;
    }
  }
  return copy;
}

/** JSON.stringify that survives circular references and BigInt values. */
function safeStringify(record) {
  const seen = new WeakSet();
  return JSON.stringify(record, (key, val) => {
    if (typeof val === 'bigint') return val.toString();
    if (val instanceof Error) return serializeError(val);
    if (val !== null && typeof val === 'object') {
      if (seen.has(val)) return '[Circular]';
      seen.add(val);
    }
    return val;
  });
}

// --8<-- [start:create]
/**
 * createLogger({ level, base, redact, write, now })
 *   level   minimum level written ('info' by default, like pino)
 *   base    fields on every line (service name, version, pid)
 *   redact  paths to censor, e.g. ['req.headers.authorization', '*.password']
 *   write   where a finished line goes (default: process.stdout)
 *   now     clock, injectable for tests
 */
export function createLogger({
  level = 'info',
  base = {},
  redact = [],
  write = (line) => process.stdout.write(line),
  now = () => Date.now(),
} = {}) {
  if (!(level in LEVELS)) throw new RangeError(`unknown level "${level}"`);
  const paths = compilePaths(redact);
  return makeLogger({ threshold: LEVELS[level], bindings: { ...base }, paths, write, now });
}

function makeLogger(state) {
  const { threshold, bindings, paths, write, now } = state;

  function log(levelName, objOrMsg, msg) {
    if (LEVELS[levelName] < threshold) return; // cheap exit before any work
    let fields = {};
    if (objOrMsg instanceof Error) {
      fields = { err: serializeError(objOrMsg) };
      msg ??= objOrMsg.message;
    } else if (typeof objOrMsg === 'object' && objOrMsg !== null) {
      fields = objOrMsg.err instanceof Error ? { ...objOrMsg, err: serializeError(objOrMsg.err) } : objOrMsg;
    } else if (objOrMsg !== undefined) {
      msg = String(objOrMsg);
    }
    // Fixed keys first, then bindings from parents, then this call's fields.
    let record = { level: levelName, time: new Date(now()).toISOString(), ...bindings, ...fields };
    if (msg !== undefined) record.msg = msg;
    for (const segments of paths) record = redactPath(record, segments);
    write(`${safeStringify(record)}\n`);
  }

  const logger = {
    child(extra) {
      return makeLogger({ ...state, bindings: { ...bindings, ...extra } });
    },
    isLevelEnabled(name) {
      return LEVELS[name] >= threshold;
    },
  };
  for (const name of Object.keys(LEVELS)) logger[name] = (objOrMsg, msg) => log(name, objOrMsg, msg);
  return Object.freeze(logger);
}
// --8<-- [end:create]
