// Checklist progress in the page: restores ticks, counts them per topic, part and overall,
// filters by level, says when a page changed after the reader studied it, and offers export,
// import and reset. Runs on every page Material shows, including after instant navigation.
import * as store from "./store.js";
import {
  countDone,
  exportDoc,
  isDone,
  lastTick,
  levelVisible,
  merge,
  parseImport,
  resetItems,
  reviewedSince,
  setDone,
} from "./logic.js";

const LEVEL_CHOICES = [
  ["mid", "Mid"],
  ["senior", "Senior"],
  ["all", "Both"],
];
const ITEM = ".curriculum-item[data-item-id]";
const BOX = `${ITEM} input[type="checkbox"]`;

let filterCount = 0;

// ------------------------------------------------------------------ small DOM helpers

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === false || value === null || value === undefined) continue;
    if (key === "className") node.className = value;
    else if (key === "text") node.textContent = value;
    else node.setAttribute(key, value === true ? "" : value);
  }
  for (const child of children) if (child !== null) node.append(child);
  return node;
}

// The page's article, or null where progress has no place: the print page keeps its
// boxes empty, to be ticked with a pen.
function article() {
  const root = document.querySelector("article.md-content__inner") || document.querySelector("article");
  return root && !root.querySelector(".print-cover") ? root : null;
}

function plural(count, word) {
  return `${count} ${word}${count === 1 ? "" : "s"}`;
}

// A count with a bar: "7 of 13 skills done". The bar is named after `label`.
function meter(className, label) {
  const text = el("span", { className: "curriculum-meter__text" });
  const bar = el("progress", { className: "curriculum-meter__bar", max: "1", value: "0", "aria-label": label });
  return el("span", { className: `curriculum-meter ${className}`, "data-meter": true }, text, " ", bar);
}

function setMeter(node, { done, total }) {
  node.querySelector(".curriculum-meter__text").textContent = `${done} of ${total} done`;
  const bar = node.querySelector("progress");
  bar.max = Math.max(total, 1);
  bar.value = done;
}

function monthName(month) {
  const [year, number] = month.split("-").map(Number);
  return new Date(year, number - 1, 1).toLocaleDateString("en-US", { month: "long", year: "numeric" });
}

function monthOfTime(at) {
  const date = new Date(at);
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, "0")}`;
}

// ------------------------------------------------------------------ building the widgets

function pageItemIds(root) {
  return [...root.querySelectorAll(ITEM)].map((node) => node.dataset.itemId);
}

function levelFilter(legendText) {
  filterCount += 1;
  const name = `curriculum-level-${filterCount}`;
  const fieldset = el(
    "fieldset",
    { className: "curriculum-level-filter", "data-level-filter": true },
    el("legend", { text: legendText }),
  );
  for (const [value, label] of LEVEL_CHOICES) {
    const input = el("input", { type: "radio", name, value, id: `${name}-${value}` });
    fieldset.append(el("label", { for: input.id }, input, ` ${label}`));
  }
  return fieldset;
}

function storageNotice() {
  return el(
    "div",
    { className: "admonition warning curriculum-storage-notice", role: "status" },
    el("p", { className: "admonition-title", text: "Progress will not be kept in this browser" }),
    el("p", {
      text:
        "This browser does not let the site store data (private browsing does this, and so does full storage). " +
        "Your ticks last until you close this tab; export them on the home page to keep them.",
    }),
  );
}

function panelContents(catalog) {
  const parts = el("ul", { className: "curriculum-progress-parts" });
  for (const part of (catalog && catalog.parts) || []) {
    const row = el("li", { "data-progress-part": part.id }, el("span", { text: part.title }), " ");
    row.append(meter("curriculum-meter--part", `${part.title}: skills done`));
    parts.append(row);
  }
  const fileInput = el("input", {
    type: "file",
    accept: "application/json,.json",
    className: "curriculum-progress-file",
    "data-progress-file": true,
    hidden: true,
  });
  return [
    el(
      "p",
      { className: "curriculum-progress-overall" },
      el("strong", { text: "All skills: " }),
      meter("curriculum-meter--overall", "All skills done"),
    ),
    parts,
    el(
      "div",
      { className: "curriculum-progress-actions" },
      el("button", { type: "button", className: "curriculum-button", "data-progress-action": "export", text: "Export progress" }),
      el("button", { type: "button", className: "curriculum-button", "data-progress-action": "import", text: "Import progress" }),
      el("button", { type: "button", className: "curriculum-button", "data-progress-action": "reset", text: "Reset progress" }),
      fileInput,
    ),
    el(
      "div",
      { className: "curriculum-progress-confirm", "data-progress-confirm": true, hidden: true },
      el("p", {
        className: "curriculum-progress-confirm__text",
        id: "curriculum-reset-question",
        tabindex: "-1",
      }),
      el("button", {
        type: "button",
        className: "curriculum-button curriculum-button--danger",
        "data-progress-action": "reset-confirm",
        text: "Yes, remove my ticks",
      }),
      " ",
      el("button", { type: "button", className: "curriculum-button", "data-progress-action": "reset-cancel", text: "Keep them" }),
    ),
    el("p", { className: "curriculum-progress-message", role: "status", "aria-live": "polite", "data-progress-message": true }),
  ];
}

// Adds everything JavaScript brings to the page just shown. Called once per page view.
function build(root) {
  filterCount = 0;
  const catalog = store.catalog();
  const isTopicPage = Boolean(document.querySelector('meta[name="curriculum-topic"]'));
  const title = (root.querySelector("h1") || {}).textContent || "This page";

  // Storage notice, at the top of the content.
  const notice = storageNotice();
  notice.hidden = store.available();
  notice.dataset.storageNotice = "";
  const h1 = root.querySelector("h1");
  if (h1) h1.after(notice);
  else root.prepend(notice);

  // Topic page: progress and a level filter under "Checklist", another filter under "Interview questions".
  if (isTopicPage) {
    const summary = root.querySelector("h2#checklist + .curriculum-summary");
    if (summary) {
      const progress = el("p", { className: "curriculum-topic-progress", "data-progress-page": true });
      progress.append(el("strong", { text: "Your progress: " }), meter("", `${title.trim()}: skills done`));
      summary.after(progress, levelFilter("Show checklist items for"));
    }
    const questions = root.querySelector("h2#interview-questions + .curriculum-summary");
    if (questions && root.querySelector(".curriculum-question")) {
      questions.after(levelFilter("Show questions for"));
    }
    const changed = el("div", {
      className: "admonition info curriculum-changed",
      "data-changed-notice": true,
      hidden: true,
    });
    notice.after(changed);
  }

  // Readiness page (items without a topic meta): a filter above the parts, progress per topic.
  if (!isTopicPage && root.querySelector(ITEM)) {
    const firstPart = root.querySelector("h2[id^='part-']");
    if (firstPart) firstPart.before(levelFilter("Show checklist items for"));
    for (const list of root.querySelectorAll("ul.curriculum-checklist")) {
      const first = list.querySelector(ITEM);
      const heading = list.previousElementSibling;
      if (!first || !heading || heading.tagName !== "H3") continue;
      const progress = el("p", {
        className: "curriculum-topic-progress",
        "data-progress-list-topic": first.dataset.topic,
      });
      progress.append(meter("", `${heading.textContent.replace("¶", "").trim()}: skills done`));
      list.before(progress);
    }
  }

  // "Your progress" panel (home and readiness pages).
  for (const panel of root.querySelectorAll("[data-progress-panel]")) {
    panel.replaceChildren(...panelContents(catalog));
  }

  // Home page table: a "Done" column.
  const marks = root.querySelectorAll("[data-progress-topic], [data-progress-all]");
  const tables = new Set([...marks].map((mark) => mark.closest("table")).filter(Boolean));
  for (const table of tables) {
    if (!catalog) continue;
    const headRow = table.querySelector("thead tr");
    if (headRow) headRow.append(el("th", { text: "Done" }));
    for (const row of table.querySelectorAll("tbody tr")) {
      const mark = row.querySelector("[data-progress-topic], [data-progress-all]");
      const cell = el("td", { className: "curriculum-progress-cell" });
      if (mark && mark.dataset.progressTopic) cell.dataset.progressCell = mark.dataset.progressTopic;
      else if (mark) cell.dataset.progressCell = "*";
      row.append(cell);
    }
  }
}

// ------------------------------------------------------------------ showing the state

function catalogIds(catalog, topicIds) {
  const wanted = topicIds ? new Set(topicIds) : null;
  const ids = [];
  for (const topic of (catalog && catalog.topics) || []) {
    if (wanted && !wanted.has(topic.id)) continue;
    for (const item of topic.items) ids.push(item.id);
  }
  return ids;
}

function applyLevel(root, level) {
  for (const node of root.querySelectorAll(".curriculum-item[data-level], .curriculum-question[data-level]")) {
    node.hidden = !levelVisible(node.dataset.level, level);
  }
  for (const list of root.querySelectorAll("ul.curriculum-checklist")) {
    const empty = ![...list.querySelectorAll(ITEM)].some((item) => !item.hidden);
    list.hidden = empty;
    let before = list.previousElementSibling;
    while (before && before.classList.contains("curriculum-topic-progress")) {
      before.hidden = empty;
      before = before.previousElementSibling;
    }
    if (before && /^H[3-6]$/.test(before.tagName)) before.hidden = empty;
  }
  // A part heading on the readiness page goes when every list under it is hidden.
  for (const heading of root.querySelectorAll("h2[id^='part-']")) {
    let lists = 0;
    let shown = 0;
    for (let node = heading.nextElementSibling; node && node.tagName !== "H2"; node = node.nextElementSibling) {
      if (node.matches("ul.curriculum-checklist")) {
        lists += 1;
        if (!node.hidden) shown += 1;
      }
    }
    heading.hidden = lists > 0 && shown === 0;
  }
  for (const input of root.querySelectorAll("[data-level-filter] input[type=radio]")) {
    input.checked = input.value === level;
  }
}

function showChanged(root, doc) {
  const notice = root.querySelector("[data-changed-notice]");
  const meta = document.querySelector('meta[name="curriculum-reviewed"]');
  if (!notice || !meta) return;
  const reviewed = meta.content;
  const last = lastTick(doc, pageItemIds(root));
  const changed = last !== null && reviewedSince(reviewed, last, new Date(last).getTimezoneOffset());
  notice.hidden = !changed;
  if (!changed) {
    notice.replaceChildren();
    return;
  }
  notice.replaceChildren(
    el("p", { className: "admonition-title", text: "Changed since you studied it" }),
    el("p", {
      text:
        `This page was reviewed in ${monthName(reviewed)}, after you last ticked an item here ` +
        `(${monthName(monthOfTime(last))}). Reread the sections behind your ticks: what you learned may have changed.`,
    }),
  );
}

function render(doc) {
  const root = article();
  if (!root) return;
  for (const box of root.querySelectorAll(BOX)) {
    box.checked = isDone(doc, box.closest(ITEM).dataset.itemId);
  }
  applyLevel(root, doc.prefs.level);

  const page = root.querySelector("[data-progress-page] [data-meter]");
  if (page) setMeter(page, countDone(doc, pageItemIds(root)));
  for (const node of root.querySelectorAll("[data-progress-list-topic]")) {
    const topic = node.dataset.progressListTopic;
    const ids = [...root.querySelectorAll(`${ITEM}[data-topic="${CSS.escape(topic)}"]`)].map((n) => n.dataset.itemId);
    setMeter(node.querySelector("[data-meter]"), countDone(doc, ids));
  }

  const catalog = store.catalog();
  const overall = root.querySelector(".curriculum-meter--overall");
  if (overall) {
    const ids = catalog ? catalogIds(catalog) : pageItemIds(root);
    setMeter(overall, countDone(doc, ids));
  }
  for (const row of root.querySelectorAll("[data-progress-part]")) {
    const part = catalog.parts.find((p) => p.id === row.dataset.progressPart);
    setMeter(row.querySelector("[data-meter]"), countDone(doc, catalogIds(catalog, part.topics)));
  }
  for (const cell of root.querySelectorAll("[data-progress-cell]")) {
    const key = cell.dataset.progressCell;
    const { done, total } = countDone(doc, catalogIds(catalog, key === "*" ? null : [key]));
    cell.textContent = `${done} of ${total}`;
  }

  showChanged(root, doc);
  const notice = root.querySelector("[data-storage-notice]");
  if (notice) notice.hidden = store.available();
}

// ------------------------------------------------------------------ actions

function say(root, text) {
  const message = root.querySelector("[data-progress-message]");
  if (message) message.textContent = text;
}

function exportProgress(root) {
  const now = Date.now();
  const data = exportDoc(store.read(), now);
  const blob = new Blob([`${JSON.stringify(data, null, 2)}\n`], { type: "application/json" });
  const url = URL.createObjectURL(blob);
  const name = `nodejs-interview-progress-${new Date(now).toISOString().slice(0, 10)}.json`;
  const link = el("a", { href: url, download: name, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
  const ticks = Object.values(data.items).filter((entry) => entry && entry.done === true).length;
  say(root, `Exported ${plural(ticks, "tick")} to ${name}.`);
}

async function importProgress(root, file) {
  let text;
  try {
    text = await file.text();
  } catch {
    say(root, "Could not read that file. Nothing was changed.");
    return;
  }
  const result = parseImport(text);
  if (!result.ok) {
    say(root, `${result.error} Nothing was changed.`);
    return;
  }
  const doc = store.update((current) => merge(current, result.doc));
  const ticks = Object.values(result.doc.items).filter((entry) => entry.done === true).length;
  const total = Object.values(doc.items).filter((entry) => entry && entry.done === true).length;
  say(root, `Imported ${file.name}: ${plural(ticks, "tick")} in the file, ${plural(total, "tick")} now in this browser.`);
}

function onClick(event) {
  const button = event.target.closest("[data-progress-action]");
  if (!button) return;
  const panel = button.closest("[data-progress-panel]");
  const root = article();
  const confirm = panel.querySelector("[data-progress-confirm]");
  switch (button.dataset.progressAction) {
    case "export":
      exportProgress(root);
      break;
    case "import":
      panel.querySelector("[data-progress-file]").click();
      break;
    case "reset": {
      const ticks = Object.values(store.read().items).filter((entry) => entry && entry.done === true).length;
      confirm.querySelector(".curriculum-progress-confirm__text").textContent =
        `Remove ${ticks === 1 ? "your 1 tick" : `all ${ticks} ticks`} from this browser? ` +
        "This cannot be undone; export first to keep a copy.";
      confirm.hidden = false;
      confirm.querySelector(".curriculum-progress-confirm__text").focus();
      break;
    }
    case "reset-confirm":
      store.update((doc) => resetItems(doc));
      confirm.hidden = true;
      say(root, "Your ticks were removed from this browser.");
      panel.querySelector('[data-progress-action="reset"]').focus();
      break;
    case "reset-cancel":
      confirm.hidden = true;
      say(root, "Nothing was removed.");
      panel.querySelector('[data-progress-action="reset"]').focus();
      break;
    default:
      break;
  }
}

function onChange(event) {
  const target = event.target;
  if (target.matches(BOX)) {
    const id = target.closest(ITEM).dataset.itemId;
    store.update((doc) => setDone(doc, id, target.checked, Date.now()));
  } else if (target.matches("[data-level-filter] input[type=radio]") && target.checked) {
    store.update((doc) => {
      doc.prefs = { ...doc.prefs, level: target.value, at: Date.now() };
    });
  } else if (target.matches("[data-progress-file]") && target.files && target.files[0]) {
    const file = target.files[0];
    target.value = "";
    importProgress(article(), file);
  }
}

// ------------------------------------------------------------------ wiring

function show() {
  const root = article();
  if (!root) return;
  // Material swaps the article on every navigation; the same article seen twice is built once.
  if (!root.dataset.progressReady) build(root);
  render(store.read());
  root.dataset.progressReady = "true";
}

document.addEventListener("change", onChange);
document.addEventListener("click", onClick);
store.subscribe(render);

if (window.document$ && typeof window.document$.subscribe === "function") {
  window.document$.subscribe(show);
} else if (document.readyState === "loading") {
  document.addEventListener("DOMContentLoaded", show, { once: true });
} else {
  show();
}
