// A small five-field cron parser with a matcher and a next-run calculator.
// Supports *, numbers, ranges (a-b), steps (*/n, a-b/n) and lists (a,b,c).
// No names (MON, JAN), no @daily macros, no seconds field. Works in UTC only.

const FIELDS = [
  { name: 'minute', min: 0, max: 59 },
  { name: 'hour', min: 0, max: 23 },
  { name: 'dayOfMonth', min: 1, max: 31 },
  { name: 'month', min: 1, max: 12 },
  { name: 'dayOfWeek', min: 0, max: 7 }, // 0 and 7 both mean Sunday
];

function toInt(text, field) {
  if (!/^\d+$/.test(text)) throw new Error(`${field.name}: '${text}' is not a number`);
  const n = Number(text);
  if (n < field.min || n > field.max) {
    throw new Error(`${field.name}: ${n} is outside ${field.min}-${field.max}`);
  }
  return n;
}

function parseField(text, field) {
  const values = new Set();
  for (const part of text.split(',')) {
    const [range, stepText, extra] = part.split('/');
    if (extra !== undefined) throw new Error(`${field.name}: '${part}' has two steps`);
    const step = stepText === undefined ? 1 : toInt(stepText, { ...field, min: 1, max: field.max + 1 });
    let lo;
    let hi;
    if (range === '*') {
      [lo, hi] = [field.min, field.max];
    } else if (range.includes('-')) {
      const [a, b] = range.split('-');
      [lo, hi] = [toInt(a, field), toInt(b, field)];
      if (lo > hi) throw new Error(`${field.name}: range '${range}' runs backwards`);
    } else {
      if (stepText !== undefined) throw new Error(`${field.name}: a step needs * or a range`);
      lo = hi = toInt(range, field);
    }
    for (let v = lo; v <= hi; v += step) values.add(v);
  }
  if (field.name === 'dayOfWeek' && values.delete(7)) values.add(0);
  return values;
}

// --8<-- [start:day-rule]
export function parseCron(expression) {
  const parts = expression.trim().split(/\s+/);
  if (parts.length !== 5) throw new Error(`expected 5 fields, got ${parts.length}`);
  const schedule = {};
  FIELDS.forEach((field, i) => { schedule[field.name] = parseField(parts[i], field); });
  // Vixie cron and cronie decide "unrestricted" by the field's first character,
  // so "*/2" in day-of-month still counts as a star for the OR rule below.
  schedule.domStar = parts[2].startsWith('*');
  schedule.dowStar = parts[4].startsWith('*');
  return schedule;
}

function dayMatches(s, date) {
  const dom = s.dayOfMonth.has(date.getUTCDate());
  const dow = s.dayOfWeek.has(date.getUTCDay());
  // Both day fields restricted: either one may match. Otherwise both must.
  return s.domStar || s.dowStar ? dom && dow : dom || dow;
}
// --8<-- [end:day-rule]

export function matches(expression, date) {
  const s = typeof expression === 'string' ? parseCron(expression) : expression;
  return (
    s.minute.has(date.getUTCMinutes()) &&
    s.hour.has(date.getUTCHours()) &&
    s.month.has(date.getUTCMonth() + 1) &&
    dayMatches(s, date)
  );
}

// --8<-- [start:next-run]
// The first matching minute strictly after `after`, or null if none within ten years
// (for example "0 0 30 2 *", February 30th, never matches).
export function nextRun(expression, after) {
  const s = typeof expression === 'string' ? parseCron(expression) : expression;
  const d = new Date(after.getTime());
  d.setUTCSeconds(0, 0);
  d.setUTCMinutes(d.getUTCMinutes() + 1);
  const limit = after.getTime() + 10 * 366 * 24 * 60 * 60 * 1000;
  while (d.getTime() <= limit) {
    if (!s.month.has(d.getUTCMonth() + 1)) {
      d.setUTCMonth(d.getUTCMonth() + 1, 1); // first day of the next month
      d.setUTCHours(0, 0, 0, 0);
    } else if (!dayMatches(s, d)) {
      d.setUTCDate(d.getUTCDate() + 1);
      d.setUTCHours(0, 0, 0, 0);
    } else if (!s.hour.has(d.getUTCHours())) {
      d.setUTCHours(d.getUTCHours() + 1, 0, 0, 0);
    } else if (!s.minute.has(d.getUTCMinutes())) {
      d.setUTCMinutes(d.getUTCMinutes() + 1, 0, 0);
    } else {
      return d;
    }
  }
  return null;
}
// --8<-- [end:next-run]
