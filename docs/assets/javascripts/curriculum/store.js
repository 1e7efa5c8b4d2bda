// The reader's progress in localStorage (contract B in the team brief): one key, one JSON
// document, migrated with `replaces` on every read, synced across tabs. When storage is
// disabled or full, everything keeps working in memory and available() says so.
import { STORAGE_KEY, emptyDoc, migrate, normalize } from "./logic.js";

// The build writes items.json beside this file (hooks/progress_data.py): every topic with its
// checklist ids, levels and `replaces`. Without it (offline, file://) nothing migrates.
async function loadCatalog() {
  try {
    const response = await fetch(new URL("./items.json", import.meta.url));
    if (!response.ok) return null;
    return await response.json();
  } catch {
    return null;
  }
}

const catalogData = await loadCatalog();
const replacesMap = {};
for (const topic of (catalogData && catalogData.topics) || []) {
  for (const item of topic.items || []) {
    if (item.replaces && item.replaces.length) replacesMap[item.id] = [...item.replaces];
  }
}

let usable = probe();
let memory = emptyDoc();
const listeners = new Set();

function probe() {
  try {
    const storage = window.localStorage;
    const key = `${STORAGE_KEY}:probe`;
    storage.setItem(key, "1");
    storage.removeItem(key);
    storage.getItem(STORAGE_KEY);
    return true;
  } catch {
    return false;
  }
}

function load() {
  if (usable) {
    try {
      memory = normalize(window.localStorage.getItem(STORAGE_KEY));
    } catch {
      usable = false;
    }
  }
  return migrate(memory, replacesMap);
}

function notify() {
  for (const fn of [...listeners]) {
    try {
      fn(load());
    } catch (error) {
      // One broken subscriber must not stop the others.
      setTimeout(() => {
        throw error;
      });
    }
  }
}

// The current document: a fresh copy, already migrated.
export function read() {
  return load();
}

// Calls fn(doc) on a copy (fn mutates it, or returns a replacement), saves, and notifies.
export function update(fn) {
  const doc = load();
  const returned = fn(doc);
  const next = normalize(returned && typeof returned === "object" ? returned : doc);
  memory = next;
  if (usable) {
    try {
      window.localStorage.setItem(STORAGE_KEY, JSON.stringify(next));
    } catch {
      usable = false;
    }
  }
  notify();
  return structuredClone(next);
}

// fn(doc) on every change in this tab or another; returns the unsubscribe function.
export function subscribe(fn) {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

// False when localStorage is disabled or full: progress lives only as long as the tab.
export function available() {
  return usable;
}

// {newId: [oldIds]} from the build, for code that needs to know about renames.
export function replaces() {
  return structuredClone(replacesMap);
}

// The build's list of parts and topics with their checklist ids (items.json), or null.
export function catalog() {
  return catalogData ? structuredClone(catalogData) : null;
}

window.addEventListener("storage", (event) => {
  if (!usable) return;
  if (event.key === STORAGE_KEY || event.key === null) notify();
});
