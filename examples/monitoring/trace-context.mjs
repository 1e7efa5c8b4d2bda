// Parse and create W3C Trace Context "traceparent" headers, the header that
// carries a trace across services and lets logs name the trace they belong to.
// Format: version "-" trace-id "-" parent-id "-" trace-flags, all lowercase hex:
//   00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01
import { randomBytes } from 'node:crypto';

const TRACEPARENT = /^([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/;

/** Returns { traceId, spanId, sampled } or null when the header is invalid. */
export function parseTraceparent(header) {
  if (typeof header !== 'string') return null;
  const match = TRACEPARENT.exec(header.trim());
  if (!match) return null;
  const [, version, traceId, spanId, flags] = match;
  if (version === 'ff') return null; // forbidden version
  if (version === '00' && header.trim().length !== 55) return null;
  if (/^0+$/.test(traceId) || /^0+$/.test(spanId)) return null; // all-zero ids are invalid
  return { traceId, spanId, sampled: (parseInt(flags, 16) & 1) === 1 };
}

/** Start a new trace, or continue the caller's with a new span id. */
export function nextTraceparent(incoming, { sampled = true } = {}) {
  const parent = parseTraceparent(incoming);
  const traceId = parent?.traceId ?? randomBytes(16).toString('hex');
  const spanId = randomBytes(8).toString('hex');
  const flag = (parent ? parent.sampled : sampled) ? '01' : '00';
  return { traceId, spanId, header: `00-${traceId}-${spanId}-${flag}` };
}
