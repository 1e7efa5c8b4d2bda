// The mock-interview flashcards (docs/flashcards.md): drills the questions of
// api/curriculum.json, scheduled with SM-2 (scheduler.js), stored in the progress
// document's `cards` map through store.js. Mounts on every page that has [data-drill],
// including pages reached through Material's instant navigation.
import { read, subscribe, update } from "./store.js";
import {
  ALGORITHM,
  GRADES,
  aheadOrder,
  counts,
  daysBetween,
  localDate,
  needsRepeat,
  nextDue,
  preview,
  review,
  sessionOrder,
} from "./scheduler.js";

const LEVELS = ["mid", "senior", "both"];
const FROM_PREF = { all: "both", mid: "mid", senior: "senior" };
const loads = new Map();

function loadData(url) {
  if (!loads.has(url)) {
    const promise = fetch(url).then((response) => {
      if (!response.ok) throw new Error(`${response.status} ${response.statusText}`);
      return response.json();
    });
    promise.catch(() => loads.delete(url));
    loads.set(url, promise);
  }
  return loads.get(url);
}

function today() {
  return localDate(new Date());
}

function plural(count, word) {
  return `${count} ${word}${count === 1 ? "" : "s"}`;
}

function inDays(day, from) {
  const days = daysBetween(from, day);
  if (days <= 0) return "today";
  if (days === 1) return "tomorrow";
  return `in ${days} days`;
}

// Typing in these must never trigger a shortcut.
function isFormField(element) {
  return (
    element instanceof HTMLElement &&
    (element.isContentEditable || ["INPUT", "SELECT", "TEXTAREA"].includes(element.tagName))
  );
}

// Material's search dialog keeps keys for itself, even when focus is on a result link.
function searchOpen() {
  const toggle = document.querySelector('input[data-md-toggle="search"]');
  return Boolean(toggle && toggle.checked);
}

// Space and Enter already activate these; a shortcut would act twice.
function isControl(element) {
  return element instanceof HTMLElement && element.closest("a[href], button, summary, label") !== null;
}

function mount(root) {
  const $ = (selector) => root.querySelector(selector);
  const el = {
    form: $("[data-filters]"),
    topicList: $("[data-topic-list]"),
    topicSummary: $("[data-topic-summary]"),
    counts: $("[data-counts]"),
    card: $("[data-card]"),
    position: $("[data-position]"),
    cardTopic: $("[data-card-topic]"),
    cardLevel: $("[data-card-level]"),
    question: $("[data-question]"),
    source: $("[data-source]"),
    reveal: $("[data-reveal]"),
    answer: $("[data-answer]"),
    answerTitle: $("#drill-answer-title"),
    answerBody: $("[data-answer-body]"),
    seniorBlock: $("[data-senior-block]"),
    senior: $("[data-senior]"),
    followUpsBlock: $("[data-follow-ups-block]"),
    followUps: $("[data-follow-ups]"),
    redFlagsBlock: $("[data-red-flags-block]"),
    redFlags: $("[data-red-flags]"),
    done: $("[data-done]"),
    doneTitle: $("#drill-done-title"),
    doneText: $("[data-done-text]"),
    ahead: $("[data-ahead]"),
    status: $("[data-status]"),
  };
  const fallback = document.querySelector(".drill-fallback");
  root.dataset.mounted = "";
  if (fallback) fallback.hidden = true;
  const siteRoot = new URL(root.dataset.root || "./", window.location.href);
  const cleanups = [];
  let alive = true;

  let questions = []; // every question, in site order, with its topic
  const byId = new Map();
  let allTopics = [];
  const filter = { topics: new Set(), level: "both" };
  let session = { queue: [], position: 0, mode: "due", reviewed: 0 };
  let revealed = false;

  function announce(message) {
    el.status.textContent = "";
    window.setTimeout(() => {
      if (alive) el.status.textContent = message;
    }, 50);
  }

  function deck() {
    return questions
      .filter((q) => filter.topics.has(q.topic.id) && (filter.level === "both" || q.level === filter.level))
      .map((q) => q.id);
  }

  function renderCounts() {
    const ids = deck();
    const day = today();
    const c = counts(ids, read().cards, day);
    const repeats = session.queue.slice(session.position).filter((entry) => entry.repeat).length;
    el.counts.dataset.due = String(c.due);
    el.counts.dataset.deck = String(c.total);
    el.counts.dataset.later = String(c.later);
    if (!c.total) {
      el.counts.textContent = "No questions match: choose at least one topic.";
      return;
    }
    el.counts.replaceChildren(
      Object.assign(document.createElement("strong"), { textContent: String(c.due) }),
      ` due today in this deck of ${plural(c.total, "question")}: ${c.review} to review, ${c.fresh} new; ${c.later} scheduled later.`,
      repeats ? ` ${plural(repeats, "card")} to repeat in this session.` : "",
    );
  }

  function renderTopicSummary() {
    const chosen = allTopics.filter((t) => filter.topics.has(t.id)).length;
    el.topicSummary.textContent =
      chosen === allTopics.length ? `all ${allTopics.length}` : chosen === 0 ? "none" : `${chosen} of ${allTopics.length}`;
  }

  function writeQuery() {
    const url = new URL(window.location.href);
    url.searchParams.delete("topics");
    url.searchParams.delete("level");
    if (filter.topics.size !== allTopics.length) {
      url.searchParams.append("topics", allTopics.filter((t) => filter.topics.has(t.id)).map((t) => t.id).join(","));
    }
    url.searchParams.append("level", filter.level);
    url.search = url.search.replace(/%2C/gi, ",");
    window.history.replaceState(window.history.state, "", url);
  }

  function startSession(mode) {
    const ids = deck();
    const cards = read().cards;
    const order = mode === "ahead" ? aheadOrder(ids, cards, today()) : sessionOrder(ids, cards, today());
    session = { queue: order.map((id) => ({ id, repeat: false })), position: 0, mode, reviewed: 0 };
    renderCounts();
    show();
  }

  function show(focus = false) {
    const entry = session.queue[session.position];
    if (!entry) {
      showDone(focus);
      return;
    }
    const q = byId.get(entry.id);
    el.done.hidden = true;
    el.card.hidden = false;
    revealed = false;
    el.position.textContent = `Card ${session.position + 1} of ${session.queue.length}${entry.repeat ? " (repeat)" : ""}.`;
    el.cardTopic.textContent = q.topic.title;
    el.cardLevel.textContent = q.level;
    el.cardLevel.className = `curriculum-level curriculum-level--${q.level}`;
    el.question.innerHTML = q.question_html;
    el.source.href = new URL(q.url, siteRoot).href;
    el.source.textContent = `Open this question on “${q.topic.title}”`;
    el.answerBody.innerHTML = q.answer_html;
    el.senior.innerHTML = q.senior_html || "";
    el.seniorBlock.hidden = !q.senior_html;
    fillList(el.followUps, el.followUpsBlock, q.follow_ups);
    fillList(el.redFlags, el.redFlagsBlock, q.red_flags);
    const hints = preview(read().cards[q.id], today());
    for (const button of el.answer.querySelectorAll("[data-grade]")) {
      const days = hints[button.dataset.grade];
      button.querySelector("[data-interval]").textContent = entry.repeat ? "" : `(${plural(days, "day")})`;
    }
    el.answer.hidden = true;
    el.reveal.parentElement.hidden = false;
    root.dataset.cardId = q.id;
    root.dataset.state = "question";
    if (focus) el.question.focus();
  }

  function fillList(list, block, values) {
    const items = Array.isArray(values) ? values : [];
    list.replaceChildren(...items.map((text) => Object.assign(document.createElement("li"), { textContent: text })));
    block.hidden = items.length === 0;
  }

  function showDone(focus) {
    el.card.hidden = true;
    el.done.hidden = false;
    delete root.dataset.cardId;
    root.dataset.state = "done";
    const ids = deck();
    const day = today();
    const cards = read().cards;
    const next = nextDue(ids, cards, day);
    const parts = [];
    if (session.reviewed) parts.push(`You drilled ${plural(session.reviewed, "card")}.`);
    if (!ids.length) parts.push("No questions match: choose at least one topic.");
    else if (next) parts.push(`The next card in this deck is due ${inDays(next, day)}, on ${next}.`);
    el.doneText.textContent = parts.join(" ");
    el.ahead.parentElement.hidden = aheadOrder(ids, cards, day).length === 0;
    if (focus) el.doneTitle.focus();
    if (focus) announce(`${el.doneTitle.textContent}. ${el.doneText.textContent}`);
  }

  function revealAnswer() {
    if (el.card.hidden || revealed) return;
    revealed = true;
    el.answer.hidden = false;
    el.reveal.parentElement.hidden = true;
    root.dataset.state = "answer";
    el.answerTitle.focus();
  }

  function grade(key) {
    const entry = session.queue[session.position];
    const choice = GRADES.find((g) => g.key === key);
    if (!entry || !choice || !revealed) return;
    let message = `Graded ${choice.label}.`;
    if (!entry.repeat) {
      const day = today();
      let next = null;
      update((doc) => {
        next = { ...review(doc.cards[entry.id], choice.q, day), at: Date.now() };
        doc.cards[entry.id] = next;
      });
      message += ` Next review ${inDays(next.due, day)}, on ${next.due}.`;
    }
    if (needsRepeat(choice.q)) {
      session.queue.push({ id: entry.id, repeat: true });
      message += " It comes back before the end of this session.";
    }
    session.reviewed += entry.repeat ? 0 : 1;
    session.position += 1;
    renderCounts();
    show(true);
    const current = session.queue[session.position];
    if (current) {
      const q = byId.get(current.id);
      announce(`${message} Card ${session.position + 1} of ${session.queue.length}: ${q.topic.title}, ${q.level} level.`);
    }
  }

  function onStore() {
    if (!alive || !questions.length) return;
    if (session.mode === "due") {
      // Another tab may have graded cards this session still holds: drop those no longer due.
      const due = new Set(sessionOrder(deck(), read().cards, today()));
      const head = session.queue.slice(0, session.position + 1);
      const rest = session.queue.slice(session.position + 1).filter((entry) => entry.repeat || due.has(entry.id));
      session.queue = [...head, ...rest];
    }
    renderCounts();
    if (!el.done.hidden) showDone(false);
  }

  function onKey(event) {
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
    if (!root.isConnected || el.card.hidden || isFormField(event.target) || searchOpen()) return;
    if (!revealed && (event.key === " " || event.key === "Enter")) {
      if (isControl(event.target)) return;
      event.preventDefault();
      revealAnswer();
      return;
    }
    if (revealed && /^[1-4]$/.test(event.key)) {
      const choice = GRADES.find((g) => g.shortcut === event.key);
      event.preventDefault();
      grade(choice.key);
    }
  }

  function buildTopicList(data) {
    const parts = Array.isArray(data.parts) ? data.parts : [];
    const topicsById = new Map(allTopics.map((t) => [t.id, t]));
    const groups = parts.length ? parts : [{ id: "all", title: "Topics", topics: allTopics.map((t) => t.id) }];
    el.topicList.replaceChildren(
      ...groups.map((part) => {
        const fieldset = document.createElement("fieldset");
        fieldset.className = "drill-part";
        const legend = document.createElement("legend");
        legend.textContent = part.title;
        fieldset.append(legend);
        for (const id of part.topics || []) {
          const topic = topicsById.get(id);
          if (!topic) continue;
          const label = document.createElement("label");
          const input = document.createElement("input");
          input.type = "checkbox";
          input.name = "drill-topic";
          input.value = topic.id;
          input.checked = filter.topics.has(topic.id);
          const count = questions.filter((q) => q.topic.id === topic.id).length;
          label.append(input, ` ${topic.title} `);
          label.append(Object.assign(document.createElement("span"), { className: "drill-count", textContent: `(${count})` }));
          fieldset.append(label);
        }
        return fieldset;
      }),
    );
  }

  function readFilterFromPage() {
    filter.topics = new Set(
      [...el.topicList.querySelectorAll("input[name=drill-topic]")].filter((i) => i.checked).map((i) => i.value),
    );
    const level = el.form.querySelector("input[name=drill-level]:checked");
    filter.level = level && LEVELS.includes(level.value) ? level.value : "both";
  }

  function listen(target, type, handler) {
    target.addEventListener(type, handler);
    cleanups.push(() => target.removeEventListener(type, handler));
  }

  async function init() {
    let data;
    try {
      data = await loadData(new URL(root.dataset.src, window.location.href).href);
    } catch (error) {
      if (!alive) return;
      el.counts.textContent = `Could not load the questions (${error.message}). Reload the page, or read them on the topic pages listed above.`;
      if (fallback) fallback.hidden = false;
      return;
    }
    if (!alive) return;
    allTopics = (data.topics || []).map((t) => ({ id: t.id, title: t.title, part: t.part }));
    questions = [];
    for (const topic of data.topics || []) {
      const info = allTopics.find((t) => t.id === topic.id);
      for (const q of topic.questions || []) {
        const entry = { ...q, topic: info };
        questions.push(entry);
        byId.set(q.id, entry);
      }
    }
    const params = new URL(window.location.href).searchParams;
    const known = new Set(allTopics.map((t) => t.id));
    const asked = (params.get("topics") || "").split(",").filter((id) => known.has(id));
    filter.topics = new Set(asked.length ? asked : known);
    const level = params.get("level");
    filter.level = LEVELS.includes(level) ? level : FROM_PREF[read().prefs.level] || "both";
    for (const input of el.form.querySelectorAll("input[name=drill-level]")) input.checked = input.value === filter.level;
    buildTopicList(data);
    renderTopicSummary();
    root.dataset.algorithm = ALGORITHM;
    root.dataset.ready = "true";

    listen(el.form, "change", () => {
      readFilterFromPage();
      renderTopicSummary();
      writeQuery();
      startSession("due");
    });
    listen(el.form, "submit", (event) => event.preventDefault());
    const toggle = el.form.querySelector("[data-topics-toggle]");
    const panel = el.form.querySelector("#drill-topic-panel");
    listen(toggle, "click", () => {
      const open = toggle.getAttribute("aria-expanded") !== "true";
      toggle.setAttribute("aria-expanded", String(open));
      panel.hidden = !open;
    });
    for (const [selector, value] of [["[data-all]", true], ["[data-none]", false]]) {
      listen(el.form.querySelector(selector), "click", () => {
        for (const input of el.topicList.querySelectorAll("input[name=drill-topic]")) input.checked = value;
        el.form.dispatchEvent(new Event("change"));
      });
    }
    listen(el.reveal, "click", revealAnswer);
    for (const button of el.answer.querySelectorAll("[data-grade]")) {
      listen(button, "click", () => grade(button.dataset.grade));
    }
    listen(el.ahead, "click", () => {
      startSession("ahead");
      show(true);
    });
    listen(document, "keydown", onKey);
    cleanups.push(subscribe(onStore));
    startSession("due");
  }

  init();
  return () => {
    alive = false;
    for (const fn of cleanups.splice(0)) fn();
  };
}

let unmount = null;
function onDocument() {
  if (unmount) unmount();
  unmount = null;
  const root = document.querySelector("[data-drill]");
  if (root) unmount = mount(root);
}

if (window.document$ && typeof window.document$.subscribe === "function") window.document$.subscribe(onDocument);
else onDocument();
