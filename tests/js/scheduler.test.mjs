// SM-2 scheduling for the flashcards: docs/assets/javascripts/curriculum/scheduler.js.
import assert from "node:assert/strict";
import { describe, test } from "node:test";

import {
  GRADES,
  INITIAL_EF,
  MIN_EF,
  addDays,
  aheadOrder,
  counts,
  daysBetween,
  isDay,
  isDue,
  isNew,
  localDate,
  needsRepeat,
  nextDue,
  nextEF,
  normalize,
  preview,
  review,
  sessionOrder,
} from "../../docs/assets/javascripts/curriculum/scheduler.js";

const TODAY = "2026-11-20";

describe("calendar days", () => {
  test("isDay accepts real days only", () => {
    assert.equal(isDay("2026-02-28"), true);
    assert.equal(isDay("2028-02-29"), true);
    assert.equal(isDay("2026-02-29"), false);
    assert.equal(isDay("2026-13-01"), false);
    assert.equal(isDay("2026-1-01"), false);
    assert.equal(isDay(20261120), false);
    assert.equal(isDay(undefined), false);
  });

  test("addDays crosses months, years and leap days", () => {
    assert.equal(addDays("2026-11-20", 1), "2026-11-21");
    assert.equal(addDays("2026-11-30", 1), "2026-12-01");
    assert.equal(addDays("2026-12-31", 1), "2027-01-01");
    assert.equal(addDays("2028-02-28", 1), "2028-02-29");
    assert.equal(addDays("2026-03-01", -1), "2026-02-28");
    assert.equal(addDays("2026-01-01", 365), "2027-01-01");
    assert.throws(() => addDays("tomorrow", 1), /YYYY-MM-DD/);
  });

  test("addDays ignores daylight-saving changes (Europe and US switch dates)", () => {
    assert.equal(addDays("2026-03-28", 1), "2026-03-29");
    assert.equal(addDays("2026-03-29", 1), "2026-03-30");
    assert.equal(addDays("2026-10-24", 7), "2026-10-31");
    assert.equal(addDays("2026-11-01", 1), "2026-11-02");
  });

  test("localDate uses the local calendar, not UTC", () => {
    // 23:30 local time on 20 November is the 20th whatever the time zone.
    assert.equal(localDate(new Date(2026, 10, 20, 23, 30)), "2026-11-20");
    assert.equal(localDate(new Date(2026, 0, 1, 0, 5)), "2026-01-01");
  });

  test("daysBetween", () => {
    assert.equal(daysBetween("2026-11-20", "2026-11-26"), 6);
    assert.equal(daysBetween("2026-12-30", "2027-01-02"), 3);
    assert.equal(daysBetween("2026-11-20", "2026-11-19"), -1);
  });
});

describe("SM-2", () => {
  test("the E-Factor formula, clamped at 1.3", () => {
    assert.equal(nextEF(2.5, 5), 2.6);
    assert.equal(nextEF(2.5, 4), 2.5);
    assert.equal(nextEF(2.5, 3), 2.36);
    assert.equal(nextEF(2.5, 2), 2.18);
    assert.equal(nextEF(2.5, 1), 1.96);
    assert.equal(nextEF(2.5, 0), 1.7);
    assert.equal(nextEF(1.4, 1), MIN_EF);
    assert.equal(nextEF(MIN_EF, 0), MIN_EF);
  });

  test("a new card graded Good: 1 day, then 6 days, then round(I * EF)", () => {
    let card = review(undefined, 4, TODAY);
    assert.deepEqual(
      { reps: card.reps, ef: card.ef, interval: card.interval, due: card.due, last: card.last },
      { reps: 1, ef: INITIAL_EF, interval: 1, due: "2026-11-21", last: TODAY },
    );
    card = review(card, 4, card.due);
    assert.equal(card.interval, 6);
    assert.equal(card.due, "2026-11-27");
    card = review(card, 4, card.due);
    assert.equal(card.interval, 15); // round(6 * 2.5)
    assert.equal(card.due, "2026-12-12");
    card = review(card, 4, card.due);
    assert.equal(card.interval, 38); // round(15 * 2.5) = round(37.5)
  });

  test("the interval uses the E-Factor from before the review", () => {
    let card = review(undefined, 5, TODAY); // EF 2.6
    card = review(card, 5, card.due); // interval 6, EF 2.7
    assert.equal(card.ef, 2.7);
    card = review(card, 3, card.due); // interval round(6 * 2.7) = 16, EF 2.56
    assert.equal(card.interval, 16);
    assert.equal(card.ef, 2.56);
  });

  test("q < 3 restarts the repetitions and keeps modifying EF", () => {
    let card = review(undefined, 4, TODAY);
    card = review(card, 4, card.due);
    card = review(card, 4, card.due);
    assert.equal(card.reps, 3);
    const lapsed = review(card, 1, "2026-12-12");
    assert.equal(lapsed.reps, 0);
    assert.equal(lapsed.interval, 1);
    assert.equal(lapsed.due, "2026-12-13");
    assert.equal(lapsed.ef, 1.96);
    // Relearning starts the 1, 6, ... ladder again with the lowered EF.
    const again = review(lapsed, 4, lapsed.due);
    assert.equal(again.interval, 1);
    assert.equal(review(again, 4, again.due).interval, 6);
    assert.equal(review(review(again, 4, again.due), 4, "2026-12-20").interval, 12); // round(6 * 1.96)
  });

  test("Hard (q = 3) still counts as recalled", () => {
    const card = review(undefined, 3, TODAY);
    assert.equal(card.reps, 1);
    assert.equal(card.interval, 1);
    assert.equal(card.ef, 2.36);
  });

  test("the four buttons map to SM-2 grades 1, 3, 4, 5 on keys 1-4", () => {
    assert.deepEqual(
      GRADES.map((g) => [g.label, g.q, g.shortcut]),
      [
        ["Again", 1, "1"],
        ["Hard", 3, "2"],
        ["Good", 4, "3"],
        ["Easy", 5, "4"],
      ],
    );
  });

  test("review keeps fields it does not own and stamps nothing else", () => {
    const card = review({ box: 2, note: "kept", at: 5 }, 4, TODAY);
    assert.equal(card.box, 2);
    assert.equal(card.note, "kept");
    assert.equal(card.at, 5, "the caller stamps `at`, not the scheduler");
    assert.equal(card.algo, "sm2");
    assert.equal(card.q, 4);
  });

  test("review does not mutate its input", () => {
    const state = Object.freeze({ reps: 1, ef: 2.5, interval: 1, due: TODAY });
    const card = review(state, 5, TODAY);
    assert.equal(card.interval, 6);
    assert.equal(state.interval, 1);
  });

  test("bad grades and days are refused", () => {
    assert.throws(() => review(undefined, 6, TODAY), /0-5/);
    assert.throws(() => review(undefined, 2.5, TODAY), /0-5/);
    assert.throws(() => review(undefined, 4, "20/11/2026"), /YYYY-MM-DD/);
  });

  test("preview shows each button's next interval", () => {
    assert.deepEqual(preview(undefined, TODAY), { again: 1, hard: 1, good: 1, easy: 1 });
    const second = review(undefined, 4, TODAY);
    assert.deepEqual(preview(second, second.due), { again: 1, hard: 6, good: 6, easy: 6 });
    const third = review(second, 4, second.due);
    assert.deepEqual(preview(third, third.due), { again: 1, hard: 15, good: 15, easy: 15 });
  });

  test("step 7: cards graded below 4 are repeated in the session", () => {
    assert.deepEqual(
      GRADES.map((g) => needsRepeat(g.q)),
      [true, true, false, false],
    );
  });
});

describe("stored cards", () => {
  test("normalize repairs what another device or scheduler wrote", () => {
    assert.equal(normalize(undefined), null);
    assert.equal(normalize(null), null);
    assert.equal(normalize([1]), null);
    assert.deepEqual(normalize({ box: 3, due: "2026-11-25", at: 1 }), {
      reps: 0,
      ef: INITIAL_EF,
      interval: 0,
      due: "2026-11-25",
    });
    assert.deepEqual(normalize({ reps: -1, ef: 0.5, interval: "6", due: "soon" }), {
      reps: 0,
      ef: MIN_EF,
      interval: 0,
      due: null,
    });
  });

  test("a Leitner card from elsewhere still schedules", () => {
    const card = review({ box: 3, due: TODAY, at: 1 }, 4, TODAY);
    assert.equal(card.interval, 1);
    assert.equal(card.box, 3);
  });

  test("new cards are due; scheduled cards are due on and after their day", () => {
    assert.equal(isNew(undefined), true);
    assert.equal(isDue(undefined, TODAY), true);
    const card = { reps: 1, ef: 2.5, interval: 1, due: "2026-11-21" };
    assert.equal(isNew(card), false);
    assert.equal(isDue(card, TODAY), false);
    assert.equal(isDue(card, "2026-11-21"), true);
    assert.equal(isDue(card, "2026-12-01"), true);
    assert.equal(isDue({ reps: 1, due: "garbage" }, TODAY), true);
  });
});

describe("decks and sessions", () => {
  const ids = ["a.q.1", "a.q.2", "a.q.3", "b.q.1", "b.q.2", "b.q.3"];
  const cards = {
    "a.q.2": { reps: 2, ef: 2.5, interval: 6, due: "2026-11-20", at: 1 }, // due today
    "b.q.1": { reps: 1, ef: 2.5, interval: 1, due: "2026-11-18", at: 1 }, // overdue
    "b.q.2": { reps: 3, ef: 2.5, interval: 15, due: "2026-12-01", at: 1 }, // later
    "x.q.gone": { reps: 1, ef: 2.5, interval: 1, due: "2026-11-01", at: 1 }, // not in this deck
  };

  test("counts", () => {
    assert.deepEqual(counts(ids, cards, TODAY), { total: 6, review: 2, fresh: 3, later: 1, due: 5 });
    assert.deepEqual(counts([], cards, TODAY), { total: 0, review: 0, fresh: 0, later: 0, due: 0 });
    assert.deepEqual(counts(ids, {}, TODAY), { total: 6, review: 0, fresh: 6, later: 0, due: 6 });
  });

  test("grading a new card Good makes the due count drop by one", () => {
    const after = { ...cards, "a.q.1": review(undefined, 4, TODAY) };
    assert.equal(counts(ids, after, TODAY).due, counts(ids, cards, TODAY).due - 1);
    assert.equal(counts(ids, after, "2026-11-21").due, 5, "and it is due again tomorrow");
  });

  test("session: due reviews first, most overdue first, then new cards in deck order", () => {
    assert.deepEqual(sessionOrder(ids, cards, TODAY), ["b.q.1", "a.q.2", "a.q.1", "a.q.3", "b.q.3"]);
  });

  test("session order is stable for cards due the same day", () => {
    const same = { "b.q.3": { reps: 1, due: TODAY }, "a.q.1": { reps: 1, due: TODAY } };
    assert.deepEqual(sessionOrder(ids, same, TODAY).slice(0, 2), ["a.q.1", "b.q.3"]);
  });

  test("ahead order and next due day", () => {
    assert.deepEqual(aheadOrder(ids, cards, TODAY), ["b.q.2"]);
    assert.equal(nextDue(ids, cards, TODAY), "2026-12-01");
    assert.equal(nextDue(["a.q.1"], cards, TODAY), null);
  });
});
