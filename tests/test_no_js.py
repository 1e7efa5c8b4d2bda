"""With JavaScript off, every page still reads: text, checklists and questions.

Progress, the level filter, search and the flashcard drill need JavaScript; reading
does not. Each topic page, the home page and the readiness checklist are loaded in
Chromium with scripting disabled, and every checklist item (with its text) and every
question's summary must be visible, with the answer one click (a native <details>)
away.
"""

from __future__ import annotations

import pytest
from conftest import CHROMIUM, ROOT

from hooks.model import load_curriculum

pytest.importorskip("playwright.sync_api")

pytestmark = pytest.mark.skipif(
    CHROMIUM is None, reason="Debian's chromium is not installed (apt-get install chromium)"
)

CURRICULUM = load_curriculum(ROOT / "docs")

# What a page shows, measured in one round trip: visible means laid out, not hidden by
# CSS (display, visibility, opacity, content-visibility) and at least a pixel in size.
MEASURE = """() => {
  const shown = el => !!el && el.checkVisibility({opacityProperty: true, visibilityProperty: true})
    && el.getBoundingClientRect().width > 0 && el.getBoundingClientRect().height > 0;
  // The box is the indicator's ::before (the input itself is transparent, under it).
  const drawn = el => !!el && el.checkVisibility({visibilityProperty: true})
    && parseFloat(getComputedStyle(el, "::before").width) > 0;
  const text = el => (el ? el.innerText : "").trim();
  const article = document.querySelector("article");
  return {
    h1: shown(article.querySelector("h1")) ? text(article.querySelector("h1")) : "",
    paragraphs: [...article.querySelectorAll(":scope > p")].filter(shown).length,
    items: [...document.querySelectorAll("li.curriculum-item")].map(li => ({
      id: li.dataset.itemId,
      shown: shown(li),
      text: shown(li.querySelector(".curriculum-item__text"))
        ? text(li.querySelector(".curriculum-item__text")) : "",
      box: drawn(li.querySelector(".task-list-indicator")),
    })),
    questions: [...document.querySelectorAll("details.curriculum-question")].map(d => ({
      id: d.dataset.questionId,
      summary: shown(d.querySelector("summary")) ? text(d.querySelector("summary")) : "",
    })),
    noJsClass: document.documentElement.classList.contains("no-js"),
  };
}"""


@pytest.fixture(scope="module")
def page(browser):
    context = browser.new_context(
        java_script_enabled=False, viewport={"width": 1280, "height": 900}
    )
    tab = context.new_page()
    yield tab
    context.close()


def problems(page, server, path, items, questions) -> list[str]:
    page.goto(server + path)
    seen = page.evaluate(MEASURE)
    found = []
    if not seen["noJsClass"]:
        found.append("scripts ran: the no-js class is gone from <html>")
    if not seen["h1"]:
        found.append("no visible <h1>")
    if seen["paragraphs"] < 1:
        found.append("no visible paragraph of text")
    by_id = {item["id"]: item for item in seen["items"]}
    missing = sorted(set(items) - set(by_id))
    if missing:
        found.append(f"checklist items missing from the page: {missing[:5]}")
    for item_id in items:
        item = by_id.get(item_id)
        if item and not (item["shown"] and item["text"] and item["box"]):
            found.append(
                f"checklist item {item_id} hidden, without text or without its box: {item}"
            )
    summaries = {q["id"]: q["summary"] for q in seen["questions"]}
    for question_id in questions:
        if not summaries.get(question_id):
            found.append(f"question {question_id}: summary missing or hidden")
    return [f"{path}: {p}" for p in found]


def test_every_topic_page_reads_without_javascript(page, server):
    failures = []
    for topic in CURRICULUM.topics:
        items = [item["id"] for item in topic.checklist]
        questions = [q["id"] for q in topic.questions]
        failures += problems(page, server, "/" + topic.url, items, questions)
    assert len(CURRICULUM.topics) >= 29
    assert not failures, "\n".join(failures)


def test_home_and_readiness_read_without_javascript(page, server):
    every_item = [item["id"] for topic in CURRICULUM.topics for item in topic.checklist]
    failures = problems(page, server, "/", [], [])
    failures += problems(page, server, "/readiness/", every_item, [])
    assert not failures, "\n".join(failures)


def test_an_answer_opens_without_javascript(page, server):
    page.goto(server + "/concepts/messaging/")
    question = page.locator("details.curriculum-question").first
    answer = question.locator("p").first
    assert not answer.is_visible()
    question.locator("summary").click()
    assert answer.is_visible()
    box = page.locator("li.curriculum-item input[type=checkbox]").first
    box.check(force=True)
    assert box.is_checked(), "a checklist box cannot be ticked without JavaScript"
