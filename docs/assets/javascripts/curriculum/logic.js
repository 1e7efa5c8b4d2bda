// Pure functions behind the reader's progress: no DOM, no storage, so node:test covers them.
// The document they work on is contract B in the team brief:
//   {version: 1, items: {id: {done, at}}, cards: {id: {..., at}}, prefs: {level, at}}
// Unknown keys and unknown ids are preserved by every function here.

export const STORAGE_KEY = "nodejs-interview:v1";
export const VERSION = 1;
export const EXPORT_FORMAT = "nodejs-interview-progress";
export const LEVELS = ["all", "mid", "senior"];

const isObject = (value) => value !== null && typeof value === "object" && !Array.isArray(value);
const isTime = (value) => typeof value === "number" && Number.isFinite(value) && value >= 0;
const atOf = (entry) => (isObject(entry) && isTime(entry.at) ? entry.at : -Infinity);

export function emptyDoc() {
  return { version: VERSION, items: {}, cards: {}, prefs: { level: "all", at: 0 } };
}

// Turns whatever was stored (a string, null, or a parsed value) into a well-formed document,
// keeping every unknown key. Garbage becomes an empty document.
export function normalize(raw) {
  let value = raw;
  if (typeof raw === "string") {
    try {
      value = JSON.parse(raw);
    } catch {
      value = null;
    }
  }
  const doc = isObject(value) ? structuredClone(value) : {};
  doc.version = VERSION;
  for (const key of ["items", "cards"]) {
    if (!isObject(doc[key])) doc[key] = {};
  }
  if (!isObject(doc.prefs)) doc.prefs = {};
  if (!LEVELS.includes(doc.prefs.level)) doc.prefs.level = "all";
  if (!isTime(doc.prefs.at)) doc.prefs.at = 0;
  return doc;
}

// Per id, the entry with the larger `at` wins (ties keep `base`). Unticks are entries too
// ({done: false, at}), so a newer untick beats an older tick. Prefs merge the same way.
export function merge(base, incoming) {
  const out = normalize(base);
  const other = normalize(incoming);
  for (const key of ["items", "cards"]) {
    for (const [id, entry] of Object.entries(other[key])) {
      if (!isObject(entry)) continue;
      if (!(id in out[key]) || atOf(entry) > atOf(out[key][id])) {
        out[key][id] = structuredClone(entry);
      }
    }
  }
  if (other.prefs.at > out.prefs.at) out.prefs = structuredClone(other.prefs);
  for (const [key, value] of Object.entries(other)) {
    if (!(key in out)) out[key] = structuredClone(value);
  }
  return out;
}

// replaces: {newId: [oldId, ...]}. Returns every id whose progress may carry over to `id`,
// following chains (c replaces b, b replaces a) and ignoring cycles.
export function ancestors(id, replaces) {
  const seen = new Set([id]);
  const queue = [id];
  const found = [];
  while (queue.length) {
    const current = queue.shift();
    for (const old of replaces[current] || []) {
      if (seen.has(old)) continue;
      seen.add(old);
      found.push(old);
      queue.push(old);
    }
  }
  return found;
}

// Carries ticks of renamed items over to their new ids: the newest entry among the item and
// everything it replaces wins. Old entries stay (another device may still use them), and ids
// the site no longer has are never dropped.
export function migrate(doc, replaces) {
  const out = normalize(doc);
  for (const id of Object.keys(replaces || {})) {
    let best = out.items[id];
    for (const old of ancestors(id, replaces)) {
      const entry = out.items[old];
      if (isObject(entry) && (best === undefined || atOf(entry) > atOf(best))) best = entry;
    }
    if (best !== undefined && best !== out.items[id]) out.items[id] = structuredClone(best);
  }
  return out;
}

// The file a reader downloads: the document plus a header saying what it is.
export function exportDoc(doc, now) {
  const body = normalize(doc);
  return { format: EXPORT_FORMAT, exported: new Date(now).toISOString(), ...body };
}

// Checks a file the reader imports. Returns {ok: true, doc} or {ok: false, error} where the
// error is a sentence for the reader.
export function parseImport(text) {
  let data;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, error: "This file is not JSON. Choose a file exported from this site." };
  }
  if (!isObject(data) || data.format !== EXPORT_FORMAT) {
    return { ok: false, error: "This file is not a progress export from this site." };
  }
  if (data.version !== VERSION) {
    return {
      ok: false,
      error: `This progress file has version ${JSON.stringify(data.version)}; this site reads version ${VERSION}.`,
    };
  }
  for (const key of ["items", "cards"]) {
    if (key in data && !isObject(data[key])) {
      return { ok: false, error: `The file's "${key}" is not an object of entries.` };
    }
  }
  for (const [id, entry] of Object.entries(data.items || {})) {
    if (!isObject(entry) || typeof entry.done !== "boolean" || !isTime(entry.at)) {
      return { ok: false, error: `The entry for "${id}" needs "done" (true or false) and "at" (a time).` };
    }
  }
  for (const [id, entry] of Object.entries(data.cards || {})) {
    if (!isObject(entry) || !isTime(entry.at)) {
      return { ok: false, error: `The flashcard entry for "${id}" needs "at" (a time).` };
    }
  }
  if ("prefs" in data && (!isObject(data.prefs) || ("level" in data.prefs && !LEVELS.includes(data.prefs.level)))) {
    return { ok: false, error: 'The file\'s "prefs" are not valid.' };
  }
  const doc = { ...data };
  delete doc.format;
  delete doc.exported;
  return { ok: true, doc: normalize(doc) };
}

// Reset: removes every checklist entry (ticks, unticks, and ids the site no longer has), so
// importing an older export afterwards brings its ticks back. Flashcards and prefs stay.
export function resetItems(doc) {
  const out = normalize(doc);
  out.items = {};
  return out;
}

export function isDone(doc, id) {
  const entry = doc && doc.items ? doc.items[id] : undefined;
  return isObject(entry) && entry.done === true;
}

export function setDone(doc, id, done, now) {
  doc.items[id] = { ...(isObject(doc.items[id]) ? doc.items[id] : {}), done: Boolean(done), at: now };
  return doc;
}

export function countDone(doc, ids) {
  let done = 0;
  for (const id of ids) if (isDone(doc, id)) done += 1;
  return { done, total: ids.length };
}

// Whether an item or question of `level` shows under the reader's choice.
export function levelVisible(level, choice) {
  return choice === "mid" || choice === "senior" ? level === choice : true;
}

// The latest time the reader ticked one of `ids`, or null if they never did.
export function lastTick(doc, ids) {
  let latest = null;
  for (const id of ids) {
    const entry = doc.items[id];
    if (isObject(entry) && entry.done === true && isTime(entry.at) && (latest === null || entry.at > latest)) {
      latest = entry.at;
    }
  }
  return latest;
}

// "YYYY-MM" of a time, in the reader's time zone offset (minutes, as Date#getTimezoneOffset).
export function monthOf(at, offsetMinutes = 0) {
  const date = new Date(at - offsetMinutes * 60000);
  return `${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, "0")}`;
}

// True when the page's `reviewed` month (YYYY-MM) is later than the month of the last tick.
export function reviewedSince(reviewed, lastAt, offsetMinutes = 0) {
  if (lastAt === null || lastAt === undefined || !/^\d{4}-\d{2}$/.test(reviewed || "")) return false;
  return reviewed > monthOf(lastAt, offsetMinutes);
}
