// RED metrics (Rate, Errors, Duration) for an HTTP service, with a tiny
// Prometheus registry: counters, gauges and histograms rendered in the text
// exposition format that Prometheus scrapes from GET /metrics.

// The same default buckets as the official Prometheus client libraries, in seconds.
export const DEFAULT_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

const NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
const LABEL = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

function escapeLabelValue(value) {
  return String(value).replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}

function formatLabels(names, values, extra = '') {
  const parts = names.map((n, i) => `${n}="${escapeLabelValue(values[i])}"`);
  if (extra) parts.push(extra);
  return parts.length ? `{${parts.join(',')}}` : '';
}

function formatNumber(n) {
  if (n === Infinity) return '+Inf';
  if (n === -Infinity) return '-Inf';
  return Number.isNaN(n) ? 'NaN' : String(n);
}

/**
 * One metric family: a name, a type, label names, and one series per
 * distinct combination of label values. Every new combination is a new time
 * series in Prometheus, which is why label values must come from small sets.
 */
class Family {
  constructor({ name, help, labelNames = [], maxSeries = 1000 }, type) {
    if (!NAME.test(name)) throw new TypeError(`invalid metric name "${name}"`);
    for (const l of labelNames) {
      if (!LABEL.test(l) || l === 'le') throw new TypeError(`invalid label name "${l}"`);
    }
    Object.assign(this, { name, help, labelNames, maxSeries, type, series: new Map() });
  }

  seriesFor(labels) {
    const values = this.labelNames.map((n) => {
      if (labels[n] === undefined) throw new TypeError(`${this.name}: missing label "${n}"`);
      return String(labels[n]);
    });
    const key = JSON.stringify(values);
    let s = this.series.get(key);
    if (!s) {
      // A guard against cardinality explosions: refuse instead of eating memory.
      if (this.series.size >= this.maxSeries) {
        throw new RangeError(`${this.name}: more than ${this.maxSeries} series; check your labels`);
      }
      s = this.create(values);
      this.series.set(key, s);
    }
    return s;
  }

  header() {
    return `# HELP ${this.name} ${this.help.replace(/\\/g, '\\\\').replace(/\n/g, '\\n')}\n# TYPE ${this.name} ${this.type}\n`;
  }
}

class Counter extends Family {
  constructor(opts) {
    super(opts, 'counter');
  }

  create(values) {
    return { values, value: 0 };
  }

  inc(labels = {}, by = 1) {
    if (!(by >= 0)) throw new RangeError('a counter only goes up');
    this.seriesFor(labels).value += by;
  }

  render() {
    let out = this.header();
    for (const s of this.series.values()) out += `${this.name}${formatLabels(this.labelNames, s.values)} ${formatNumber(s.value)}\n`;
    return out;
  }
}

class Gauge extends Family {
  constructor(opts) {
    super(opts, 'gauge');
  }

  create(values) {
    return { values, value: 0 };
  }

  inc(labels = {}, by = 1) {
    this.seriesFor(labels).value += by;
  }

  dec(labels = {}, by = 1) {
    this.seriesFor(labels).value -= by;
  }

  set(labels, value) {
    this.seriesFor(labels).value = value;
  }

  render() {
    let out = this.header();
    for (const s of this.series.values()) out += `${this.name}${formatLabels(this.labelNames, s.values)} ${formatNumber(s.value)}\n`;
    return out;
  }
}

class Histogram extends Family {
  constructor({ buckets = DEFAULT_BUCKETS, ...opts }) {
    super(opts, 'histogram');
    const sorted = [...buckets].sort((a, b) => a - b);
    if (sorted.length === 0 || new Set(sorted).size !== sorted.length) throw new RangeError('buckets must be distinct');
    this.buckets = sorted;
  }

  create(values) {
    return { values, counts: new Array(this.buckets.length).fill(0), sum: 0, count: 0 };
  }

  observe(labels, value) {
    const s = this.seriesFor(labels);
    // Store per-bucket counts; the exposition format wants them cumulative.
    const i = this.buckets.findIndex((upper) => value <= upper);
    if (i !== -1) s.counts[i] += 1;
    s.sum += value;
    s.count += 1;
  }

  render() {
    let out = this.header();
    for (const s of this.series.values()) {
      let cumulative = 0;
      this.buckets.forEach((upper, i) => {
        cumulative += s.counts[i];
        out += `${this.name}_bucket${formatLabels(this.labelNames, s.values, `le="${formatNumber(upper)}"`)} ${cumulative}\n`;
      });
      out += `${this.name}_bucket${formatLabels(this.labelNames, s.values, 'le="+Inf"')} ${s.count}\n`;
      out += `${this.name}_sum${formatLabels(this.labelNames, s.values)} ${formatNumber(s.sum)}\n`;
      out += `${this.name}_count${formatLabels(this.labelNames, s.values)} ${s.count}\n`;
    }
    return out;
  }
}

export function createRegistry() {
  const families = new Map();
  const register = (family) => {
    if (families.has(family.name)) throw new Error(`metric "${family.name}" is already registered`);
    families.set(family.name, family);
    return family;
  };
  return {
    counter: (opts) => register(new Counter(opts)),
    gauge: (opts) => register(new Gauge(opts)),
    histogram: (opts) => register(new Histogram(opts)),
    contentType: 'text/plain; version=0.0.4; charset=utf-8',
    metrics: () => [...families.values()].map((f) => f.render()).join(''),
  };
}

// --8<-- [start:middleware]
/**
 * Express-style middleware: (req, res, next). It records when the response
 * finishes (or the connection closes early), so every request is counted once.
 *
 * routeOf(req) must return the route TEMPLATE ("/orders/:id"), never the raw
 * URL ("/orders/8c1f..."): one series per order id would explode cardinality.
 * Express sets req.route after matching; anything unmatched is "unmatched".
 */
export function redMetrics(registry, {
  routeOf = (req) => (req.route ? `${req.baseUrl ?? ''}${req.route.path}` : 'unmatched'),
  now = () => process.hrtime.bigint(),
  buckets = DEFAULT_BUCKETS,
} = {}) {
  const labelNames = ['method', 'route', 'status_code'];
  const requests = registry.counter({
    name: 'http_requests_total', help: 'HTTP requests by method, route and status code.', labelNames,
  });
  const duration = registry.histogram({
    name: 'http_request_duration_seconds', help: 'HTTP request duration in seconds.', labelNames, buckets,
  });
  const inFlight = registry.gauge({
    name: 'http_requests_in_flight', help: 'HTTP requests currently being served.',
  });

  return function red(req, res, next) {
    const start = now();
    let done = false;
    inFlight.inc();
    const record = () => {
      if (done) return;
      done = true;
      inFlight.dec();
      const labels = {
        method: req.method,
        route: routeOf(req),
        // A connection closed before a response was sent counts as a client abort.
        status_code: res.writableFinished ? res.statusCode : 499,
      };
      requests.inc(labels);
      duration.observe(labels, Number(now() - start) / 1e9);
    };
    res.once('finish', record);
    res.once('close', record);
    next();
  };
}
// --8<-- [end:middleware]
