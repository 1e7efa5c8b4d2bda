// Unit tests for the pure progress logic (docs/assets/javascripts/curriculum/logic.js).
import assert from "node:assert/strict";
import { test } from "node:test";

import {
  EXPORT_FORMAT,
  STORAGE_KEY,
  ancestors,
  countDone,
  emptyDoc,
  exportDoc,
  isDone,
  lastTick,
  levelVisible,
  merge,
  migrate,
  monthOf,
  normalize,
  parseImport,
  resetItems,
  reviewedSince,
  setDone,
} from "../../docs/assets/javascripts/curriculum/logic.js";

test("the storage key is the one contract B names", () => {
  assert.equal(STORAGE_KEY, "nodejs-interview:v1");
});

test("normalize turns garbage into an empty document and keeps unknown keys", () => {
  assert.deepEqual(normalize("not json"), emptyDoc());
  assert.deepEqual(normalize(null), emptyDoc());
  assert.deepEqual(normalize([1, 2]), emptyDoc());
  const doc = normalize(JSON.stringify({ version: 1, items: { "a.x": { done: true, at: 1 } }, extra: { keep: 1 } }));
  assert.deepEqual(doc.extra, { keep: 1 });
  assert.deepEqual(doc.items, { "a.x": { done: true, at: 1 } });
  assert.equal(doc.prefs.level, "all");
  assert.equal(normalize({ prefs: { level: "expert" } }).prefs.level, "all");
});

test("merge: per id the newer entry wins, in both directions", () => {
  const mine = { items: { a: { done: true, at: 10 }, b: { done: true, at: 30 } } };
  const theirs = { items: { a: { done: false, at: 20 }, b: { done: false, at: 25 }, c: { done: true, at: 5 } } };
  const out = merge(mine, theirs);
  assert.deepEqual(out.items.a, { done: false, at: 20 }, "a newer untick beats an older tick");
  assert.deepEqual(out.items.b, { done: true, at: 30 }, "an older untick loses to a newer tick");
  assert.deepEqual(out.items.c, { done: true, at: 5 }, "ids only the other side has are added");
  const back = merge(theirs, mine);
  assert.deepEqual(back.items, out.items, "merge is symmetric apart from ties");
});

test("merge keeps unknown ids, unknown keys and flashcard fields, and merges prefs by time", () => {
  const mine = { items: { gone: { done: true, at: 1 } }, cards: { q1: { box: 2, due: "2026-11-25", at: 5 } }, mine: 1 };
  const theirs = {
    cards: { q1: { box: 1, due: "2026-11-20", at: 3 }, q2: { box: 3, at: 9, ease: 2.5 } },
    prefs: { level: "senior", at: 7 },
    theirs: 2,
  };
  const out = merge(mine, theirs);
  assert.deepEqual(out.items.gone, { done: true, at: 1 });
  assert.deepEqual(out.cards.q1, { box: 2, due: "2026-11-25", at: 5 });
  assert.deepEqual(out.cards.q2, { box: 3, at: 9, ease: 2.5 });
  assert.equal(out.prefs.level, "senior");
  assert.equal(out.mine, 1);
  assert.equal(out.theirs, 2);
  assert.equal(merge(out, { prefs: { level: "mid", at: 6 } }).prefs.level, "senior", "an older pref loses");
});

test("merge does not change its inputs", () => {
  const mine = { items: { a: { done: true, at: 1 } } };
  const copy = structuredClone(mine);
  merge(mine, { items: { a: { done: false, at: 2 } } });
  assert.deepEqual(mine, copy);
});

test("migrate carries a renamed item's tick over and keeps the old entry", () => {
  const doc = { items: { "t.old": { done: true, at: 100 } } };
  const out = migrate(doc, { "t.new": ["t.old"] });
  assert.deepEqual(out.items["t.new"], { done: true, at: 100 });
  assert.deepEqual(out.items["t.old"], { done: true, at: 100 }, "the old entry stays");
});

test("migrate follows chains and ignores cycles", () => {
  const doc = { items: { "t.a": { done: true, at: 50 } } };
  assert.deepEqual(ancestors("t.c", { "t.c": ["t.b"], "t.b": ["t.a"] }), ["t.b", "t.a"]);
  const out = migrate(doc, { "t.c": ["t.b"], "t.b": ["t.a"] });
  assert.deepEqual(out.items["t.c"], { done: true, at: 50 });
  const cyclic = migrate(doc, { "t.a": ["t.b"], "t.b": ["t.a"] });
  assert.deepEqual(cyclic.items["t.a"], { done: true, at: 50 });
  assert.deepEqual(cyclic.items["t.b"], { done: true, at: 50 });
});

test("migrate: the newest of the new id and its old ids wins", () => {
  const doc = {
    items: {
      "t.old1": { done: true, at: 10 },
      "t.old2": { done: false, at: 30 },
      "t.new": { done: true, at: 20 },
    },
  };
  assert.deepEqual(migrate(doc, { "t.new": ["t.old1", "t.old2"] }).items["t.new"], { done: false, at: 30 });
  const newer = { items: { "t.old": { done: true, at: 10 }, "t.new": { done: false, at: 40 } } };
  assert.deepEqual(migrate(newer, { "t.new": ["t.old"] }).items["t.new"], { done: false, at: 40 });
});

test("migrate keeps ids the site no longer has and adds nothing without old entries", () => {
  const doc = { items: { "gone.item": { done: true, at: 1 } } };
  const out = migrate(doc, { "t.new": ["t.old"] });
  assert.deepEqual(out.items, { "gone.item": { done: true, at: 1 } });
});

test("export and import round-trip the document", () => {
  let doc = emptyDoc();
  for (let i = 0; i < 10; i += 1) doc = setDone(doc, `t.item${i}`, true, 1000 + i);
  doc.cards["t.q.one"] = { box: 2, due: "2026-12-01", at: 5 };
  const file = exportDoc(doc, Date.UTC(2026, 10, 24));
  assert.equal(file.format, EXPORT_FORMAT);
  assert.equal(file.exported, "2026-11-24T00:00:00.000Z");
  const result = parseImport(JSON.stringify(file));
  assert.equal(result.ok, true);
  assert.deepEqual(result.doc, normalize(doc));
  assert.equal(countDone(result.doc, Object.keys(doc.items)).done, 10);
});

test("import refuses files that are not JSON or not ours, with a sentence for the reader", () => {
  const cases = [
    ["{not json", /not JSON/],
    ["[]", /not a progress export/],
    [JSON.stringify({ version: 1, items: {} }), /not a progress export/],
    [JSON.stringify({ format: "something-else", version: 1, items: {} }), /not a progress export/],
    [JSON.stringify({ format: EXPORT_FORMAT, version: 2, items: {} }), /version 2/],
    [JSON.stringify({ format: EXPORT_FORMAT, version: 1, items: [] }), /"items"/],
    [JSON.stringify({ format: EXPORT_FORMAT, version: 1, items: { a: true } }), /"a"/],
    [JSON.stringify({ format: EXPORT_FORMAT, version: 1, items: { a: { done: "yes", at: 1 } } }), /"a"/],
    [JSON.stringify({ format: EXPORT_FORMAT, version: 1, items: { a: { done: true, at: "today" } } }), /"a"/],
    [JSON.stringify({ format: EXPORT_FORMAT, version: 1, items: {}, cards: { q: { box: 1 } } }), /"q"/],
    [JSON.stringify({ format: EXPORT_FORMAT, version: 1, items: {}, prefs: { level: "expert" } }), /prefs/],
  ];
  for (const [text, message] of cases) {
    const result = parseImport(text);
    assert.equal(result.ok, false, text);
    assert.match(result.error, message, text);
  }
});

test("reset removes every checklist entry and keeps flashcards and prefs", () => {
  const doc = { items: { a: { done: true, at: 1 }, gone: { done: true, at: 2 } }, cards: { q: { at: 1 } }, prefs: { level: "mid", at: 3 } };
  const out = resetItems(doc);
  assert.deepEqual(out.items, {});
  assert.deepEqual(out.cards, { q: { at: 1 } });
  assert.equal(out.prefs.level, "mid");
});

test("ticks, unticks and counts", () => {
  const doc = emptyDoc();
  setDone(doc, "a", true, 1);
  setDone(doc, "b", true, 2);
  setDone(doc, "b", false, 3);
  assert.equal(isDone(doc, "a"), true);
  assert.equal(isDone(doc, "b"), false);
  assert.deepEqual(doc.items.b, { done: false, at: 3 }, "an untick is kept so merges see it");
  assert.deepEqual(countDone(doc, ["a", "b", "c"]), { done: 1, total: 3 });
});

test("level filter: all shows both, mid and senior show their own", () => {
  assert.equal(levelVisible("mid", "all"), true);
  assert.equal(levelVisible("senior", "all"), true);
  assert.equal(levelVisible("mid", "mid"), true);
  assert.equal(levelVisible("senior", "mid"), false);
  assert.equal(levelVisible("mid", "senior"), false);
  assert.equal(levelVisible("senior", "senior"), true);
});

test("changed since you studied it: reviewed month after the month of the last tick", () => {
  const october = Date.UTC(2026, 9, 15);
  const november = Date.UTC(2026, 10, 2);
  const doc = { items: { a: { done: true, at: october }, b: { done: false, at: november } } };
  assert.equal(lastTick(doc, ["a", "b"]), october, "unticks are not ticks");
  assert.equal(lastTick(doc, ["b", "c"]), null);
  assert.equal(reviewedSince("2026-11", october), true);
  assert.equal(reviewedSince("2026-10", october), false, "same month: not newer");
  assert.equal(reviewedSince("2026-09", october), false);
  assert.equal(reviewedSince("2026-11", null), false, "never ticked: no notice");
  assert.equal(reviewedSince("soon", october), false);
  assert.equal(monthOf(Date.UTC(2026, 10, 30, 23, 30)), "2026-11");
  assert.equal(monthOf(Date.UTC(2026, 10, 30, 23, 30), -60), "2026-12", "a reader one hour east of UTC is in December");
});
