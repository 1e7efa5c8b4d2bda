// Coordinated omission, simulated. A server answers in 0.5 ms, except that it
// stalls completely for one second in the middle of a ten-second test.
// Two load generators measure it:
//  - closed model: one connection; send the next request when the last returns
//  - open model: requests arrive on a fixed schedule, whether or not the server keeps up
// All times are in milliseconds; nothing sleeps.

import { summarize } from './percentiles.mjs';

const SERVICE_MS = 0.5;

function startOfService(t, stall) {
  return t >= stall.from && t < stall.to ? stall.to : t; // nothing is served during the stall
}

export function closedModel({ durationMs = 10_000, stall = { from: 5000, to: 6000 } } = {}) {
  const latencies = [];
  let t = 0;
  while (t < durationMs) {
    const done = startOfService(t, stall) + SERVICE_MS;
    latencies.push(done - t);
    t = done; // the next request waits for this one: the generator backs off with the server
  }
  return latencies;
}

export function openModel({ durationMs = 10_000, ratePerMs = 1, stall = { from: 5000, to: 6000 } } = {}) {
  const latencies = [];
  let serverFreeAt = 0;
  for (let arrival = 0; arrival < durationMs; arrival += 1 / ratePerMs) {
    const start = startOfService(Math.max(arrival, serverFreeAt), stall);
    serverFreeAt = start + SERVICE_MS;
    latencies.push(serverFreeAt - arrival); // includes time spent queued
  }
  return latencies;
}

export function compare(options) {
  return { closed: summarize(closedModel(options)), open: summarize(openModel(options)) };
}
