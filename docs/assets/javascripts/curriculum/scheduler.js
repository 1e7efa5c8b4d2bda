// Spaced repetition for the mock-interview flashcards: SM-2 (SuperMemo 2).
//
// Algorithm: P. A. Wozniak, "Optimization of learning" (1990), the SM-2 algorithm,
// https://super-memory.com/english/ol/sm2.htm. After each review the reader grades the
// recall q from 0 to 5:
//   - q >= 3: the repetition count n grows; the interval is I(1) = 1 day, I(2) = 6 days,
//     then I(n) = round(I(n-1) * EF), using the E-Factor from before this review.
//   - q < 3: start the repetitions again (n = 0, next interval 1 day); EF is kept, then
//     modified like after every review.
//   - EF' = EF + (0.1 - (5 - q) * (0.08 + (5 - q) * 0.02)), never below 1.3; EF starts at 2.5.
//   - Step 7: in the same session, repeat every card graded below 4 until it scores 4 or 5;
//     those repeats do not change the schedule (see needsRepeat).
// The four buttons map to q = 1 (Again), 3 (Hard), 4 (Good) and 5 (Easy).
//
// Pure functions only: no DOM, no storage, no clock. Dates are local calendar days as
// "YYYY-MM-DD" strings, passed in by the caller (see localDate).

export const ALGORITHM = "SM-2";
export const INITIAL_EF = 2.5;
export const MIN_EF = 1.3;

export const GRADES = Object.freeze([
  Object.freeze({ key: "again", label: "Again", q: 1, shortcut: "1" }),
  Object.freeze({ key: "hard", label: "Hard", q: 3, shortcut: "2" }),
  Object.freeze({ key: "good", label: "Good", q: 4, shortcut: "3" }),
  Object.freeze({ key: "easy", label: "Easy", q: 5, shortcut: "4" }),
]);

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar day written as YYYY-MM-DD. */
export function isDay(value) {
  if (typeof value !== "string") return false;
  const match = DAY.exec(value);
  if (!match) return false;
  const date = new Date(Date.UTC(+match[1], +match[2] - 1, +match[3]));
  return date.getUTCFullYear() === +match[1] && date.getUTCMonth() === +match[2] - 1 && date.getUTCDate() === +match[3];
}

function pad(number, width) {
  return String(number).padStart(width, "0");
}

/** The local calendar day of a Date, as YYYY-MM-DD (the reader's day, not UTC's). */
export function localDate(date) {
  return `${pad(date.getFullYear(), 4)}-${pad(date.getMonth() + 1, 2)}-${pad(date.getDate(), 2)}`;
}

/** The day `days` after `day`. Calendar arithmetic in UTC, so no daylight-saving shift. */
export function addDays(day, days) {
  if (!isDay(day)) throw new TypeError(`not a YYYY-MM-DD day: ${JSON.stringify(day)}`);
  const [y, m, d] = day.split("-").map(Number);
  const date = new Date(Date.UTC(y, m - 1, d + days));
  return `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1, 2)}-${pad(date.getUTCDate(), 2)}`;
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from, to) {
  const ms = (day) => {
    const [y, m, d] = day.split("-").map(Number);
    return Date.UTC(y, m - 1, d);
  };
  return Math.round((ms(to) - ms(from)) / 86400000);
}

function isCount(value) {
  return Number.isInteger(value) && value >= 0;
}

/**
 * The SM-2 fields of a stored card, repaired: a card written by another scheduler (a Leitner
 * `box`), a hand-edited import or an older version still schedules instead of throwing.
 * Returns null for a card never reviewed.
 */
export function normalize(state) {
  if (!state || typeof state !== "object" || Array.isArray(state)) return null;
  const ef = typeof state.ef === "number" && Number.isFinite(state.ef) ? Math.max(MIN_EF, state.ef) : INITIAL_EF;
  return {
    reps: isCount(state.reps) ? state.reps : 0,
    ef,
    interval: isCount(state.interval) ? state.interval : 0,
    due: isDay(state.due) ? state.due : null,
  };
}

/** SM-2's E-Factor update for quality q (0-5), kept to two decimals (every step is a multiple of 0.02). */
export function nextEF(ef, q) {
  const next = ef + (0.1 - (5 - q) * (0.08 + (5 - q) * 0.02));
  return Math.max(MIN_EF, Math.round(next * 100) / 100);
}

function checkQuality(q) {
  if (!Number.isInteger(q) || q < 0 || q > 5) throw new RangeError(`SM-2 quality must be an integer 0-5, got ${q}`);
}

/**
 * Review one card graded q on `today`. Returns the card's new state: the stored fields other
 * than SM-2's are kept (the store preserves unknown keys); the caller stamps `at`.
 */
export function review(state, q, today) {
  checkQuality(q);
  if (!isDay(today)) throw new TypeError(`today must be YYYY-MM-DD, got ${JSON.stringify(today)}`);
  const old = normalize(state) || { reps: 0, ef: INITIAL_EF, interval: 0, due: null };
  let reps;
  let interval;
  if (q >= 3) {
    if (old.reps === 0) interval = 1;
    else if (old.reps === 1) interval = 6;
    else interval = Math.max(1, Math.round(Math.max(old.interval, 1) * old.ef));
    reps = old.reps + 1;
  } else {
    reps = 0;
    interval = 1;
  }
  const base = state && typeof state === "object" && !Array.isArray(state) ? state : {};
  return {
    ...base,
    algo: "sm2",
    reps,
    ef: nextEF(old.ef, q),
    interval,
    due: addDays(today, interval),
    last: today,
    q,
  };
}

/** The interval in days each grade would give the card today, for the buttons' hints. */
export function preview(state, today) {
  const out = {};
  for (const grade of GRADES) out[grade.key] = review(state, grade.q, today).interval;
  return out;
}

/** SM-2 step 7: a card graded below 4 comes back later in the same session. */
export function needsRepeat(q) {
  return q < 4;
}

/** A card with no stored review is new; new cards are due. */
export function isNew(state) {
  return normalize(state) === null;
}

export function isDue(state, today) {
  const card = normalize(state);
  return card === null || card.due === null || card.due <= today;
}

/** Counts for a deck (question ids) against the stored cards map. */
export function counts(ids, cards, today) {
  const out = { total: ids.length, review: 0, fresh: 0, later: 0, due: 0 };
  for (const id of ids) {
    const state = cards ? cards[id] : undefined;
    if (isNew(state)) out.fresh += 1;
    else if (isDue(state, today)) out.review += 1;
    else out.later += 1;
  }
  out.due = out.review + out.fresh;
  return out;
}

/**
 * The order of a session: cards due for review first (most overdue first, then deck order),
 * then new cards in deck order. Cards scheduled after today are left out.
 */
export function sessionOrder(ids, cards, today) {
  const reviews = [];
  const fresh = [];
  ids.forEach((id, index) => {
    const state = cards ? cards[id] : undefined;
    const card = normalize(state);
    if (card === null) fresh.push(id);
    else if (card.due === null || card.due <= today) reviews.push({ id, index, due: card.due || today });
  });
  reviews.sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : a.index - b.index));
  return [...reviews.map((r) => r.id), ...fresh];
}

/** Cards not yet due, soonest first: for practicing ahead once nothing is due. */
export function aheadOrder(ids, cards, today) {
  const later = [];
  ids.forEach((id, index) => {
    const card = normalize(cards ? cards[id] : undefined);
    if (card !== null && card.due !== null && card.due > today) later.push({ id, index, due: card.due });
  });
  later.sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : a.index - b.index));
  return later.map((r) => r.id);
}

/** The earliest day after `today` on which a card of the deck falls due, or null. */
export function nextDue(ids, cards, today) {
  let best = null;
  for (const id of ids) {
    const card = normalize(cards ? cards[id] : undefined);
    if (card && card.due && card.due > today && (best === null || card.due < best)) best = card.due;
  }
  return best;
}
