"""The mock-interview flashcards and the study plans in a real browser (Debian's Chromium).

Loading the questions from api/curriculum.json, filtering, revealing, SM-2 grading as
stored in localStorage, reloads, keyboard-only use, instant navigation, JavaScript off,
and study plan days whose progress follows ticks on the topic pages. The code under test
is docs/assets/javascripts/curriculum/{flashcards,plans,scheduler}.js.
"""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime

import pytest
from conftest import CHROMIUM

playwright_sync = pytest.importorskip("playwright.sync_api")
expect = playwright_sync.expect

pytestmark = pytest.mark.skipif(
    CHROMIUM is None, reason="Debian's chromium is not installed (apt-get install chromium)"
)

KEY = "nodejs-interview:v1"
DRILL = "/flashcards/"
READY = "[data-drill][data-ready]"
# Noon UTC is 20 November in every time zone from UTC-11 to UTC+11, so dates are stable.
NOW = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)
TODAY, TOMORROW = "2026-11-20", "2026-11-21"


@pytest.fixture(scope="module")
def data(built_site) -> dict:
    return json.loads((built_site / "api" / "curriculum.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def questions(data) -> list[dict]:
    return [dict(q, topic=t["id"]) for t in data["topics"] for q in t["questions"]]


class Reader:
    """One browser profile (its own localStorage, a fixed clock) with page errors collected."""

    def __init__(self, browser, base: str, javascript: bool = True):
        self.base = base
        self.context = browser.new_context(java_script_enabled=javascript)
        if javascript:
            self.context.clock.set_fixed_time(NOW)
        self.errors: list[str] = []

    def open(self, path: str, ready: str | None = READY):
        page = self.context.new_page()
        page.on("pageerror", lambda e: self.errors.append(str(e)))
        page.goto(self.base + path)
        if ready:
            page.wait_for_selector(ready, state="attached")
        return page


@pytest.fixture
def reader(browser, server):
    r = Reader(browser, server)
    yield r
    assert not r.errors, r.errors
    r.context.close()


def stored(page) -> dict:
    return page.evaluate(f"JSON.parse(localStorage.getItem({json.dumps(KEY)}) || 'null')")


def seed(page, doc: dict, ready: str = READY):
    page.evaluate(f"localStorage.setItem({json.dumps(KEY)}, {json.dumps(json.dumps(doc))})")
    page.reload()
    page.wait_for_selector(ready, state="attached")


def due(page) -> int:
    return int(page.locator("[data-counts]").get_attribute("data-due"))


def deck(page) -> int:
    return int(page.locator("[data-counts]").get_attribute("data-deck"))


def card_id(page) -> str:
    return page.locator("[data-drill]").get_attribute("data-card-id")


def text_of(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).strip()


# --------------------------------------------------------------------------- the drill


def test_page_loads_the_questions_and_shows_the_first_card(reader, questions):
    page = reader.open(DRILL)
    first = questions[0]
    expect(page.locator("[data-card]")).to_be_visible()
    expect(page.locator("[data-question]")).to_have_text(text_of(first["question_html"]))
    assert card_id(page) == first["id"]
    assert deck(page) == due(page) == len(questions), "every card is new, and new cards are due"
    expect(page.locator("[data-counts]")).to_contain_text(
        f"{len(questions)} due today in this deck of {len(questions)} questions: 0 to review, {len(questions)} new"
    )
    expect(page.locator("[data-position]")).to_have_text(f"Card 1 of {len(questions)}.")
    # The card links to its question on the topic page, resolved from the site root.
    href = page.locator("[data-source]").get_attribute("href")
    assert href == f"{reader.base}/{first['url']}"
    expect(page.locator("[data-topic-summary]")).to_have_text(
        f"all {len({q['topic'] for q in questions})}"
    )
    assert page.locator("[data-drill]").get_attribute("data-algorithm") == "SM-2"
    # With JavaScript on, the no-JavaScript fallback is out of the way.
    expect(page.locator(".drill-fallback")).to_be_hidden()


def test_filters_by_level_and_topic_change_the_deck_and_the_url(reader, questions):
    page = reader.open(DRILL)
    senior = [q for q in questions if q["level"] == "senior"]
    page.get_by_role("radio", name="Senior").check()
    expect(page.locator("[data-counts]")).to_have_attribute("data-deck", str(len(senior)))
    assert due(page) == len(senior)
    assert shown_level(page, questions) == {"senior"}

    toggle = page.locator("[data-topics-toggle]")
    expect(toggle).to_have_attribute("aria-expanded", "false")
    toggle.click()
    expect(toggle).to_have_attribute("aria-expanded", "true")
    page.locator("[data-none]").click()
    expect(page.locator("[data-counts]")).to_have_text(
        "No questions match: choose at least one topic."
    )
    expect(page.locator("[data-done]")).to_be_visible()
    page.get_by_role("checkbox", name=re.compile(r"^Messaging queue systems")).check()
    messaging = [q for q in senior if q["topic"] == "messaging"]
    expect(page.locator("[data-counts]")).to_have_attribute("data-deck", str(len(messaging)))
    expect(page.locator("[data-topic-summary]")).to_have_text(
        f"1 of {len({q['topic'] for q in questions})}"
    )
    assert card_id(page) == messaging[0]["id"]
    assert page.url.endswith("/flashcards/?topics=messaging&level=senior")

    # The filter lives in the URL: a reload (or a link from a study plan) restores it.
    page.reload()
    page.wait_for_selector(READY, state="attached")
    assert deck(page) == len(messaging)
    expect(page.get_by_role("radio", name="Senior")).to_be_checked()
    page.get_by_role("radio", name="Both").check()
    assert deck(page) == len([q for q in questions if q["topic"] == "messaging"])


def shown_level(page, questions) -> set[str]:
    """The level of the card on show, checked against the data."""
    level = {q["id"]: q["level"] for q in questions}[card_id(page)]
    expect(page.locator("[data-card-level]")).to_have_text(level)
    return {level}


def test_the_level_starts_at_the_readers_checklist_level(reader, questions):
    page = reader.open(DRILL)
    seed(page, {"version": 1, "items": {}, "cards": {}, "prefs": {"level": "mid", "at": 1}})
    expect(page.get_by_role("radio", name="Mid")).to_be_checked()
    assert deck(page) == len([q for q in questions if q["level"] == "mid"])
    # A level in the URL wins over the preference, and the preference is left alone.
    page.goto(reader.base + DRILL + "?level=senior")
    page.wait_for_selector(READY, state="attached")
    expect(page.get_by_role("radio", name="Senior")).to_be_checked()
    assert stored(page)["prefs"]["level"] == "mid"


def test_reveal_shows_the_answer_the_senior_layer_and_follow_ups(reader, questions):
    page = reader.open(DRILL)
    first = questions[0]
    expect(page.locator("[data-answer]")).to_be_hidden()
    expect(page.locator(".drill-grade").first).to_be_hidden()
    page.get_by_role("button", name="Show answer").click()
    expect(page.locator("[data-answer]")).to_be_visible()
    expect(page.get_by_role("button", name="Show answer")).to_be_hidden()
    expect(page.locator("#drill-answer-title")).to_be_focused()
    answer = page.locator("[data-answer-body]").inner_text()
    assert text_of(first["answer_html"])[:60] in re.sub(r"\s+", " ", answer)
    senior = page.locator("[data-senior-block]")
    expect(senior).to_be_visible()
    expect(senior).to_contain_text("What a senior answer adds")
    assert text_of(first["senior_html"])[:60] in re.sub(r"\s+", " ", senior.inner_text())
    expect(page.locator("[data-follow-ups] li")).to_have_count(len(first["follow_ups"]))
    expect(page.locator("[data-red-flags] li")).to_have_count(len(first["red_flags"]))
    # Each button says where SM-2 would put the card: a new card is due again in 1 day.
    expect(page.locator(".drill-grade")).to_have_text(
        ["Again (1 day)", "Hard (1 day)", "Good (1 day)", "Easy (1 day)"]
    )


def test_grading_schedules_with_sm2_and_the_due_count_drops(reader, questions):
    page = reader.open(DRILL)
    total = len(questions)
    first, second = questions[0]["id"], questions[1]["id"]
    page.get_by_role("button", name="Show answer").click()
    page.get_by_role("button", name=re.compile(r"^Good")).click()
    card = stored(page)["cards"][first]
    assert {k: card[k] for k in ("reps", "ef", "interval", "due", "last", "q")} == {
        "reps": 1,
        "ef": 2.5,
        "interval": 1,
        "due": TOMORROW,
        "last": TODAY,
        "q": 4,
    }
    assert card["at"] == int(NOW.timestamp() * 1000)
    expect(page.locator("[data-counts]")).to_have_attribute("data-due", str(total - 1))
    expect(page.locator("[data-counts]")).to_contain_text("1 scheduled later")
    assert card_id(page) == second
    expect(page.locator("[data-question]")).to_be_focused()
    expect(page.locator("[data-status]")).to_contain_text(
        f"Graded Good. Next review tomorrow, on {TOMORROW}. Card 2 of {total}"
    )

    # Again: SM-2 resets the repetitions, lowers EF by 0.54 and (step 7) repeats the card
    # before the session ends, without touching the schedule a second time.
    page.get_by_role("button", name="Show answer").click()
    page.get_by_role("button", name=re.compile(r"^Again")).click()
    card = stored(page)["cards"][second]
    assert (card["reps"], card["ef"], card["due"], card["q"]) == (0, 1.96, TOMORROW, 1)
    expect(page.locator("[data-position]")).to_have_text(f"Card 3 of {total + 1}.")
    expect(page.locator("[data-counts]")).to_contain_text("1 card to repeat in this session")


def test_due_cards_come_before_new_ones_and_climb_the_sm2_ladder(reader, questions):
    page = reader.open(DRILL)
    later = questions[5]["id"]
    overdue = questions[7]["id"]
    today = questions[3]["id"]
    cards = {
        today: {"algo": "sm2", "reps": 1, "ef": 2.5, "interval": 1, "due": TODAY, "at": 1},
        overdue: {"algo": "sm2", "reps": 2, "ef": 2.5, "interval": 6, "due": "2026-11-18", "at": 1},
        later: {"algo": "sm2", "reps": 1, "ef": 2.5, "interval": 1, "due": "2026-12-01", "at": 1},
    }
    seed(page, {"version": 1, "items": {}, "cards": cards, "prefs": {"level": "all", "at": 0}})
    expect(page.locator("[data-counts]")).to_contain_text(
        f"{len(questions) - 1} due today in this deck of {len(questions)} questions: 2 to review, {len(questions) - 3} new; 1 scheduled later."
    )
    assert card_id(page) == overdue, "the most overdue card comes first"
    page.get_by_role("button", name="Show answer").click()
    expect(page.locator(".drill-grade")).to_have_text(
        ["Again (1 day)", "Hard (15 days)", "Good (15 days)", "Easy (15 days)"]
    )
    page.get_by_role("button", name=re.compile(r"^Good")).click()
    assert stored(page)["cards"][overdue]["due"] == "2026-12-05"  # round(6 * 2.5) = 15 days
    assert card_id(page) == today
    page.get_by_role("button", name="Show answer").click()
    page.get_by_role("button", name=re.compile(r"^Easy")).click()
    card = stored(page)["cards"][today]
    assert (card["interval"], card["due"], card["ef"]) == (6, "2026-11-26", 2.6)
    assert card_id(page) == questions[0]["id"], "then the new cards, in site order"


def test_reload_keeps_the_schedule(reader, questions):
    page = reader.open(DRILL)
    for _ in range(3):
        page.get_by_role("button", name="Show answer").click()
        page.get_by_role("button", name=re.compile(r"^Good")).click()
    assert due(page) == len(questions) - 3
    page.reload()
    page.wait_for_selector(READY, state="attached")
    assert due(page) == len(questions) - 3
    assert card_id(page) == questions[3]["id"]
    assert sorted(stored(page)["cards"]) == sorted(q["id"] for q in questions[:3])


def test_a_session_ends_and_offers_to_practice_ahead(reader, questions):
    page = reader.open(DRILL + "?topics=staying-current&level=senior")
    ids = [q["id"] for q in questions if q["topic"] == "staying-current" and q["level"] == "senior"]
    assert deck(page) == len(ids) > 0
    for _ in ids:
        page.get_by_role("button", name="Show answer").click()
        page.get_by_role("button", name=re.compile(r"^Easy")).click()
    done = page.locator("[data-done]")
    expect(done).to_be_visible()
    expect(page.locator("#drill-done-title")).to_be_focused()
    expect(done).to_contain_text(f"You drilled {len(ids)} card")
    expect(done).to_contain_text(f"The next card in this deck is due tomorrow, on {TOMORROW}.")
    assert due(page) == 0
    page.get_by_role("button", name="Practice ahead").click()
    expect(page.locator("[data-card]")).to_be_visible()
    assert card_id(page) == ids[0]


def test_keyboard_only_run_through_cards(reader, questions):
    page = reader.open(DRILL)
    # Tab from the card's link reaches the button; Enter reveals and moves focus to the answer.
    page.locator("[data-source]").focus()
    page.keyboard.press("Tab")
    reveal = page.get_by_role("button", name="Show answer")
    expect(reveal).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator("[data-answer]")).to_be_visible()
    expect(page.locator("#drill-answer-title")).to_be_focused()
    # Tab on through the answer to the first grade button; its focus ring is visible.
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.matches('.drill-grade')"):
            break
    again = page.locator(".drill-grade").first
    expect(again).to_be_focused()
    outline = again.evaluate(
        "b => [getComputedStyle(b).outlineStyle, getComputedStyle(b).outlineWidth]"
    )
    assert outline[0] != "none" and outline[1] != "0px", outline
    page.keyboard.press("Tab")
    page.keyboard.press("Space")  # Hard
    assert stored(page)["cards"][questions[0]["id"]]["q"] == 3
    # Focus lands on the next question; the single-key shortcuts take it from there.
    expect(page.locator("[data-question]")).to_be_focused()
    assert card_id(page) == questions[1]["id"]
    page.keyboard.press("Space")
    expect(page.locator("[data-answer]")).to_be_visible()
    page.keyboard.press("3")
    assert stored(page)["cards"][questions[1]["id"]]["q"] == 4
    assert card_id(page) == questions[2]["id"]
    page.keyboard.press("Enter")
    expect(page.locator("[data-answer]")).to_be_visible()
    page.keyboard.press("4")
    assert stored(page)["cards"][questions[2]["id"]]["q"] == 5

    # Shortcuts stay quiet while the focus is in a form field: the search box or a filter.
    page.keyboard.press("Space")
    expect(page.locator("[data-answer]")).to_be_visible()
    page.get_by_role("radio", name="Both").focus()
    page.keyboard.press("1")
    search = page.locator("input.md-search__input")
    search.click()
    search.press_sequentially("2")
    page.keyboard.press("Escape")
    assert questions[3]["id"] not in stored(page)["cards"]
    assert card_id(page) == questions[3]["id"]
    expect(page.locator("[data-answer]")).to_be_visible()


def test_instant_navigation_mounts_the_drill_once(reader, questions):
    page = reader.open("/practice/", ready="article[data-progress-ready]")
    page.evaluate("window.__noReload = true")
    page.locator(".md-nav__link", has_text="Mock interview").first.click()
    page.wait_for_selector(READY, state="attached")
    assert page.evaluate("window.__noReload === true"), "the nav link reloaded the page"
    page.locator("a.md-footer__link--prev").click()
    page.wait_for_function("() => !document.querySelector('[data-drill]')")
    page.go_back()
    page.wait_for_selector(READY, state="attached")
    assert page.evaluate("window.__noReload === true")
    page.keyboard.press("Space")
    page.keyboard.press("3")
    # One listener, one grade: a second mounted copy would have graded two cards.
    assert list(stored(page)["cards"]) == [questions[0]["id"]]
    assert card_id(page) == questions[1]["id"]


def test_without_javascript_the_page_says_why_and_links_to_the_questions(browser, server, data):
    r = Reader(browser, server, javascript=False)
    page = r.open(DRILL, ready=None)
    fallback = page.locator(".drill-fallback")
    expect(fallback).to_be_visible()
    expect(fallback).to_contain_text("The drill needs JavaScript")
    expect(page.locator("[data-drill]")).to_be_hidden()
    links = fallback.locator("a[href$='#interview-questions']")
    expect(links).to_have_count(len(data["topics"]))
    href = links.first.get_attribute("href")
    page.goto(f"{server}/flashcards/{href}")
    expect(page.locator("details.curriculum-question").first).to_be_attached()
    # The study plans read fine too, just without the counts.
    page.goto(f"{server}/study-plans/eight-weeks/")
    expect(page.locator("#day-48")).to_be_visible()
    expect(page.locator(".plan-progress").first).to_be_hidden()
    r.context.close()


def test_a_browser_that_runs_no_module_scripts_still_gets_the_links(browser, server):
    r = Reader(browser, server)
    page = r.context.new_page()
    page.route("**/curriculum/flashcards.js", lambda route: route.abort())
    page.goto(server + DRILL)
    # The links wait (hidden) for the drill to mount, then show when it never does.
    fallback = page.locator(".drill-fallback")
    assert fallback.evaluate("e => getComputedStyle(e).animationName") == "drill-late"
    expect(fallback).to_be_visible(timeout=5000)
    expect(page.locator("[data-drill]")).to_be_hidden()
    r.context.close()


def test_questions_that_fail_to_load_say_so_and_show_the_links(reader):
    page = reader.context.new_page()
    page.route("**/api/curriculum.json", lambda route: route.fulfill(status=404, body="gone"))
    page.goto(reader.base + DRILL)
    expect(page.locator("[data-counts]")).to_contain_text("Could not load the questions (404")
    expect(page.locator(".drill-fallback")).to_be_visible()
    expect(page.locator("[data-card]")).to_be_hidden()


# --------------------------------------------------------------------------- study plans


def test_study_plan_days_count_ticks_from_the_topic_pages(reader):
    page = reader.open("/study-plans/eight-weeks/", ready=".plan-progress[data-done]")
    day = page.locator(".plan-day").first
    items = day.get_attribute("data-items").split()
    progress = day.locator(".plan-progress")
    expect(progress).to_have_text(f"0 of {len(items)} done.")
    summary = page.locator(".plan-summary .plan-progress")
    total = len(page.locator(".plan-summary").get_attribute("data-items").split())
    expect(summary).to_have_text(f"0 of {total} done.")

    # Same tab, instant navigation: follow the day's first link, tick, come back.
    page.evaluate("window.__noReload = true")
    day.locator("a").first.click()
    page.wait_for_selector("article[data-progress-ready]", state="attached")
    for item in items[:2]:
        page.locator(f'li[data-item-id="{item}"] input[type=checkbox]').check(force=True)
    page.go_back()
    page.wait_for_selector("#day-1", state="attached")
    assert page.evaluate("window.__noReload === true")
    expect(page.locator(".plan-day").first.locator(".plan-progress")).to_have_text(
        f"2 of {len(items)} done."
    )
    expect(page.locator(".plan-summary .plan-progress")).to_have_text(f"2 of {total} done.")
    # The week's review day counts the same ticks.
    review = page.locator(".plan-day--review").first
    expect(review.locator(".plan-progress")).to_contain_text("2 of ")

    # Another tab of the same profile updates live; a full day shows as complete.
    other = reader.open("/study-plans/eight-weeks/", ready=".plan-progress[data-done]")
    doc = stored(other)
    for item in items:
        doc["items"][item] = {"done": True, "at": 2}
    other.evaluate(f"localStorage.setItem({json.dumps(KEY)}, {json.dumps(json.dumps(doc))})")
    expect(page.locator(".plan-day").first.locator(".plan-progress")).to_have_text(
        f"All {len(items)} done."
    )
    expect(page.locator(".plan-day").first).to_have_class(re.compile(r"\bplan-complete\b"))


def test_mock_interview_day_opens_the_drill_on_its_topics(reader, data):
    page = reader.open("/study-plans/four-weeks/", ready=".plan-progress[data-done]")
    mock = page.locator(".plan-day--mock").first
    cards = mock.get_attribute("data-cards").split()
    expect(mock.locator(".plan-progress")).to_have_text(f"0 of {len(cards)} drilled.")
    mock.get_by_role("link", name="Drill the questions of this week's topics").click()
    page.wait_for_selector(READY, state="attached")
    assert "level=mid" in page.url
    expect(page.get_by_role("radio", name="Mid")).to_be_checked()
    assert deck(page) == len(cards)
    page.keyboard.press("Space")
    page.keyboard.press("3")
    page.go_back()
    page.wait_for_selector(".plan-day--mock", state="attached")
    expect(page.locator(".plan-day--mock").first.locator(".plan-progress")).to_have_text(
        f"1 of {len(cards)} drilled."
    )
