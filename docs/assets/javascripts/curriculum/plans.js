// Study plan pages (docs/study-plans/): fills each day's "n of m done" from the reader's
// progress. The build renders every day's checklist ids in data-items (or, for mock
// interview days, question ids in data-cards); without JavaScript the plan reads the same,
// just without the counts.
import { countDone } from "./logic.js";
import { read, subscribe } from "./store.js";
import { isNew } from "./scheduler.js";

const SELECTOR = ".plan-summary[data-items], .plan-day[data-items], .plan-day[data-cards]";

function ids(value) {
  return (value || "").split(/\s+/).filter(Boolean);
}

// How many of a block's ids are done: ticked items, or cards graded at least once.
export function progressOf(block, doc) {
  if (block.hasAttribute("data-cards")) {
    const cards = ids(block.getAttribute("data-cards"));
    return { done: cards.filter((id) => !isNew(doc.cards[id])).length, total: cards.length };
  }
  return countDone(doc, ids(block.getAttribute("data-items")));
}

function render(blocks, doc) {
  for (const block of blocks) {
    const output = block.querySelector(".plan-progress");
    if (!output) continue;
    const { done, total } = progressOf(block, doc);
    const verb = output.dataset.unit || "done";
    output.textContent = total && done === total ? `All ${total} ${verb}.` : `${done} of ${total} ${verb}.`;
    output.dataset.done = String(done);
    block.classList.toggle("plan-complete", total > 0 && done === total);
  }
}

let unsubscribe = null;
function onDocument() {
  if (unsubscribe) unsubscribe();
  unsubscribe = null;
  const blocks = [...document.querySelectorAll(SELECTOR)];
  if (!blocks.length) return;
  render(blocks, read());
  unsubscribe = subscribe((doc) => render(blocks, doc));
}

if (window.document$ && typeof window.document$.subscribe === "function") window.document$.subscribe(onDocument);
else onDocument();
