"""Reader progress in a real browser (Debian's Chromium through Playwright).

Ticks kept across reloads, tabs and instant navigation; counts per topic, part and overall;
export, import and reset; renamed items; storage that fails; the level filter; and the
"changed since you studied it" notice. The code under test is
docs/assets/javascripts/curriculum/{store,logic,progress}.js.
"""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime

import pytest
from conftest import CHROMIUM, ROOT, FixtureSite, serve, topic_page

from hooks.model import load_curriculum
from hooks.progress_data import items_json

playwright_sync = pytest.importorskip("playwright.sync_api")
expect = playwright_sync.expect

pytestmark = pytest.mark.skipif(
    CHROMIUM is None, reason="Debian's chromium is not installed (apt-get install chromium)"
)

KEY = "nodejs-interview:v1"
TOPIC = "/concepts/security/"  # no diagrams: loads fast; the next page has none either
TOPIC_ID = "security"
BOX = ".curriculum-item[data-item-id] input[type=checkbox]"
READY = "article[data-progress-ready]"


# --------------------------------------------------------------------------- helpers


class Reader:
    """One browser profile (its own localStorage) with page errors collected."""

    def __init__(self, browser, base: str, init_script: str | None = None):
        self.base = base
        self.context = browser.new_context(accept_downloads=True)
        if init_script:
            self.context.add_init_script(init_script)
        self.errors: list[str] = []

    def open(self, path: str):
        page = self.context.new_page()
        page.on("pageerror", lambda e: self.errors.append(f"{e}\n{e.stack}"))
        page.goto(self.base + path)
        page.wait_for_selector(READY, state="attached")
        return page

    def close(self):
        self.context.close()


@pytest.fixture
def reader(browser, server):
    r = Reader(browser, server)
    yield r
    assert not r.errors, r.errors
    r.close()


def ready(page):
    page.wait_for_selector(READY, state="attached")


def stored(page) -> dict:
    return page.evaluate(f"JSON.parse(localStorage.getItem({json.dumps(KEY)}) || 'null')")


def seed(page, doc: dict):
    page.evaluate(f"localStorage.setItem({json.dumps(KEY)}, {json.dumps(json.dumps(doc))})")
    page.reload()
    ready(page)


def ticked_ids(page) -> list[str]:
    return page.eval_on_selector_all(
        BOX, "boxes => boxes.filter(b => b.checked).map(b => b.closest('li').dataset.itemId)"
    )


def item_ids(page, selector: str = BOX) -> list[str]:
    return page.eval_on_selector_all(
        selector, "boxes => boxes.map(b => b.closest('li').dataset.itemId)"
    )


def box(page, item_id: str):
    return page.locator(f'li[data-item-id="{item_id}"] input[type=checkbox]')


def follow_next(page):
    """Follow the footer's "Next" link by keyboard (Material handles it as instant navigation)."""
    page.locator("a.md-footer__link--next").focus()
    page.keyboard.press("Enter")


def ms(year: int, month: int, day: int = 15) -> int:
    return int(datetime(year, month, day, 12, tzinfo=UTC).timestamp() * 1000)


def catalog(built_site) -> dict:
    return json.loads(
        (built_site / "assets/javascripts/curriculum/items.json").read_text(encoding="utf-8")
    )


# --------------------------------------------------------------------------- ticks


def test_items_json_lists_every_item_and_is_deterministic(built_site):
    data = catalog(built_site)
    ids = [item["id"] for topic in data["topics"] for item in topic["items"]]
    assert len(ids) == len(set(ids)) and len(ids) > 300
    assert [p["id"] for p in data["parts"]][:2] == ["nodejs", "concepts"]
    assert all(item["level"] in ("mid", "senior") for t in data["topics"] for item in t["items"])
    text = (built_site / "assets/javascripts/curriculum/items.json").read_text(encoding="utf-8")
    assert text == items_json(load_curriculum(ROOT / "docs")), (
        "items.json is not a pure function of the content"
    )


def test_tick_by_keyboard_survives_a_reload(reader):
    page = reader.open(TOPIC)
    ids = item_ids(page)
    progress = page.locator("[data-progress-page]")
    expect(progress).to_contain_text(f"0 of {len(ids)} done")
    target = box(page, ids[1])
    target.focus()
    page.keyboard.press("Space")
    expect(target).to_be_checked()
    expect(progress).to_contain_text(f"1 of {len(ids)} done")
    assert stored(page)["items"][ids[1]]["done"] is True
    page.reload()
    ready(page)
    expect(box(page, ids[1])).to_be_checked()
    assert ticked_ids(page) == [ids[1]]
    expect(page.locator("[data-progress-page]")).to_contain_text(f"1 of {len(ids)} done")
    # The bar has an accessible name and the count as its value.
    bar = page.locator("[data-progress-page] progress")
    assert bar.get_attribute("aria-label").endswith("skills done")
    assert bar.evaluate("b => [b.value, b.max]") == [1, len(ids)]
    # Unticking is kept as an untick, so merges see it.
    box(page, ids[1]).uncheck(force=True)
    entry = stored(page)["items"][ids[1]]
    assert entry["done"] is False and isinstance(entry["at"], int)
    page.reload()
    ready(page)
    assert ticked_ids(page) == []


def test_two_tabs_stay_in_step_without_a_reload(reader):
    first = reader.open(TOPIC)
    second = reader.open(TOPIC)
    ids = item_ids(first)
    box(first, ids[0]).check(force=True)
    expect(box(second, ids[0])).to_be_checked()
    expect(second.locator("[data-progress-page]")).to_contain_text(f"1 of {len(ids)} done")
    box(second, ids[0]).uncheck(force=True)
    box(second, ids[2]).check(force=True)
    expect(box(first, ids[0])).not_to_be_checked()
    expect(box(first, ids[2])).to_be_checked()
    # The readiness page in a third tab follows too.
    third = reader.open("/readiness/")
    box(first, ids[3]).check(force=True)
    expect(box(third, ids[3])).to_be_checked()
    assert sorted(ticked_ids(third)) == sorted([ids[2], ids[3]])


def test_instant_navigation_keeps_ticks_and_counts(reader):
    page = reader.open(TOPIC)
    ids = item_ids(page)
    for item_id in ids[:2]:
        box(page, item_id).check(force=True)
    page.evaluate("window.__noReload = true")
    follow_next(page)
    page.wait_for_function(
        "() => document.querySelector('meta[name=curriculum-topic]').content !== '" + TOPIC_ID + "'"
    )
    ready(page)
    assert page.evaluate("window.__noReload === true"), "the footer link reloaded the page"
    other = item_ids(page)
    assert set(other).isdisjoint(ids)
    expect(page.locator("[data-progress-page]")).to_contain_text(f"0 of {len(other)} done")
    box(page, other[0]).check(force=True)
    expect(page.locator("[data-progress-page]")).to_contain_text(f"1 of {len(other)} done")
    page.go_back()
    page.wait_for_function(
        "() => document.querySelector('meta[name=curriculum-topic]').content === '" + TOPIC_ID + "'"
    )
    ready(page)
    assert page.evaluate("window.__noReload === true")
    expect(page.locator("[data-progress-page]")).to_contain_text(f"2 of {len(ids)} done")
    assert ticked_ids(page) == ids[:2]
    # Exactly one set of widgets on the page after navigating back and forth.
    assert page.locator("[data-progress-page]").count() == 1
    assert page.locator("[data-level-filter]").count() == 2


def test_readiness_page_and_topic_page_share_ticks(reader):
    page = reader.open("/readiness/")
    ids = item_ids(page, f'li[data-topic="{TOPIC_ID}"] input[type=checkbox]')
    box(page, ids[0]).check(force=True)
    box(page, ids[4]).check(force=True)
    topic_progress = page.locator(f'[data-progress-list-topic="{TOPIC_ID}"]')
    expect(topic_progress).to_contain_text(f"2 of {len(ids)} done")
    page.goto(reader.base + TOPIC)
    ready(page)
    assert ticked_ids(page) == [ids[0], ids[4]]
    box(page, ids[0]).uncheck(force=True)
    page.goto(reader.base + "/readiness/")
    ready(page)
    assert ticked_ids(page) == [ids[4]]
    expect(page.locator(f'[data-progress-list-topic="{TOPIC_ID}"]')).to_contain_text(
        f"1 of {len(ids)} done"
    )


def test_home_page_counts_per_topic_part_and_overall(reader, built_site):
    data = catalog(built_site)
    topics = {t["id"]: t for t in data["topics"]}
    messaging = [i["id"] for i in topics["messaging"]["items"]]
    runtime = [i["id"] for i in topics["runtime"]["items"]]
    total = sum(len(t["items"]) for t in data["topics"])
    page = reader.open("/")
    now = ms(2026, 11)
    items = {i: {"done": True, "at": now} for i in messaging[:3] + runtime[:1]}
    items[messaging[3]] = {"done": False, "at": now}
    items["retired.item"] = {"done": True, "at": now}  # no longer on the site: not counted
    seed(page, {"version": 1, "items": items})
    panel = page.locator("[data-progress-panel]")
    expect(panel.locator(".curriculum-meter--overall")).to_contain_text(f"4 of {total} done")
    concepts = sum(len(topics[t]["items"]) for t in data["parts"][1]["topics"])
    nodejs = sum(len(topics[t]["items"]) for t in data["parts"][0]["topics"])
    expect(panel.locator('[data-progress-part="concepts"]')).to_contain_text(
        f"The twelve concepts 3 of {concepts} done"
    )
    expect(panel.locator('[data-progress-part="nodejs"]')).to_contain_text(f"1 of {nodejs} done")
    assert panel.locator("[data-progress-part]").count() == len(data["parts"])
    expect(page.locator("table th", has_text="Done")).to_have_count(1)
    expect(page.locator('[data-progress-cell="messaging"]')).to_have_text(f"3 of {len(messaging)}")
    expect(page.locator('[data-progress-cell="runtime"]')).to_have_text(f"1 of {len(runtime)}")
    expect(page.locator('[data-progress-cell="*"]')).to_have_text(f"4 of {total}")
    # The JavaScript-off text is gone once the panel is drawn.
    expect(page.locator(".curriculum-progress-nojs")).to_have_count(0)


def test_without_javascript_pages_still_read_and_say_why_there_is_no_tracking(browser, server):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    for path in ("/", "/readiness/"):
        page.goto(server + path)
        expect(page.locator(".curriculum-progress-nojs")).to_contain_text("needs JavaScript")
    page.goto(server + TOPIC)
    expect(page.locator(".curriculum-item").first).to_be_visible()
    expect(page.locator("[data-level-filter]")).to_have_count(0)
    context.close()


# --------------------------------------------------------------------------- export, import, reset


def test_ten_ticks_survive_reload_export_clear_and_import(reader, tmp_path):
    page = reader.open("/readiness/")
    ids = item_ids(page)
    chosen = ids[::37][:10]
    assert len(chosen) == 10
    for item_id in chosen:
        box(page, item_id).check(force=True)
    page.reload()
    ready(page)
    assert sorted(ticked_ids(page)) == sorted(chosen)

    with page.expect_download() as download_info:
        page.get_by_role("button", name="Export progress").click()
    download = download_info.value
    assert re.fullmatch(
        r"nodejs-interview-progress-\d{4}-\d{2}-\d{2}\.json", download.suggested_filename
    )
    saved = tmp_path / download.suggested_filename
    download.save_as(saved)
    exported = json.loads(saved.read_text(encoding="utf-8"))
    assert exported["format"] == "nodejs-interview-progress" and exported["version"] == 1
    assert exported["exported"].endswith("Z")
    assert sorted(i for i, e in exported["items"].items() if e["done"]) == sorted(chosen)
    expect(page.locator("[data-progress-message]")).to_contain_text("Exported 10 ticks")

    page.evaluate("localStorage.clear()")
    page.reload()
    ready(page)
    assert ticked_ids(page) == []

    page.locator("[data-progress-file]").set_input_files(str(saved))
    expect(page.locator("[data-progress-message]")).to_contain_text("10 ticks in the file")
    assert sorted(ticked_ids(page)) == sorted(chosen)
    page.reload()
    ready(page)
    assert sorted(ticked_ids(page)) == sorted(chosen)


def test_import_merges_newer_tick_wins(reader):
    page = reader.open(TOPIC)
    a, b, c = item_ids(page)[:3]
    seed(
        page,
        {"version": 1, "items": {a: {"done": True, "at": 2000}, b: {"done": False, "at": 2000}}},
    )
    other = {
        "format": "nodejs-interview-progress",
        "exported": "2026-11-24T00:00:00.000Z",
        "version": 1,
        "items": {
            a: {"done": False, "at": 1000},
            b: {"done": True, "at": 3000},
            c: {"done": True, "at": 1},
        },
    }
    expect(page.locator("[data-progress-panel]")).to_have_count(0)  # a topic page has none
    page.goto(reader.base + "/")
    ready(page)
    page.locator("[data-progress-file]").set_input_files(
        {"name": "other.json", "mimeType": "application/json", "buffer": json.dumps(other).encode()}
    )
    expect(page.locator("[data-progress-message]")).to_contain_text("Imported other.json")
    items = stored(page)["items"]
    assert items[a] == {"done": True, "at": 2000}
    assert items[b] == {"done": True, "at": 3000}
    assert items[c] == {"done": True, "at": 1}


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"this is not JSON {", "not JSON"),
        (json.dumps({"items": [1, 2], "anki": True}).encode(), "not a progress export"),
        (
            json.dumps(
                {
                    "format": "nodejs-interview-progress",
                    "version": 1,
                    "items": {"x": {"done": "yes", "at": 1}},
                }
            ).encode(),
            '"x"',
        ),
    ],
    ids=["not-json", "foreign-shape", "bad-entry"],
)
def test_malformed_import_is_refused_and_changes_nothing(reader, content, message):
    page = reader.open("/readiness/")
    first = item_ids(page)[0]
    seed(page, {"version": 1, "items": {first: {"done": True, "at": 5}}})
    before = page.evaluate(f"localStorage.getItem({json.dumps(KEY)})")
    page.locator("[data-progress-file]").set_input_files(
        {"name": "bad.json", "mimeType": "application/json", "buffer": content}
    )
    status = page.locator("[data-progress-message]")
    expect(status).to_contain_text(message)
    expect(status).to_contain_text("Nothing was changed")
    assert status.get_attribute("aria-live") == "polite"
    assert page.evaluate(f"localStorage.getItem({json.dumps(KEY)})") == before
    assert ticked_ids(page) == [first]


def test_reset_asks_first_and_works_by_keyboard(reader):
    page = reader.open("/")
    seed(
        page,
        {
            "version": 1,
            "items": {"messaging.delivery-semantics": {"done": True, "at": 5}},
            "extra": 1,
        },
    )
    reset = page.get_by_role("button", name="Reset progress")
    reset.focus()
    page.keyboard.press("Enter")
    question = page.locator(".curriculum-progress-confirm__text")
    expect(question).to_be_visible()
    expect(question).to_be_focused()
    expect(question).to_contain_text("Remove your 1 tick from this browser?")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")  # "Keep them"
    expect(page.get_by_role("button", name="Keep them")).to_be_focused()
    page.keyboard.press("Enter")
    expect(question).to_be_hidden()
    expect(reset).to_be_focused()
    assert stored(page)["items"], "cancel removed the ticks"
    page.keyboard.press("Enter")
    page.get_by_role("button", name="Yes, remove my ticks").click()
    expect(page.locator("[data-progress-message]")).to_contain_text("removed")
    doc = stored(page)
    assert doc["items"] == {} and doc["extra"] == 1
    expect(page.locator(".curriculum-meter--overall")).to_contain_text("0 of ")


# --------------------------------------------------------------------------- renamed items


@pytest.fixture(scope="module")
def renamed_site(tmp_path_factory):
    """A tiny site whose messaging item `messaging.at-least-once` replaces two older ids."""
    site = FixtureSite(tmp_path_factory.mktemp("renamed"))
    checklist = """
  - id: messaging.at-least-once
    text: Explain at-least-once delivery and its costs.
    level: mid
    section: delivery-guarantees
    replaces: [messaging.delivery, messaging.delivery-old]
  - id: messaging.ordering
    text: Explain how Kafka orders messages.
    level: senior
    section: kafka-ordering"""
    questions = """
  - id: messaging.q.ordering
    question: How does Kafka keep messages in order?
    level: senior
    answer: Per **partition**, by key.
    checks: [messaging.ordering]"""
    site.write("docs/concepts/messaging.md", topic_page(checklist=checklist, questions=questions))
    result = site.build()
    assert result.returncode == 0, result.stdout + result.stderr
    with serve(site.path / "site") as url:
        yield url


def test_renamed_item_keeps_its_tick_and_the_old_entry_stays(browser, renamed_site):
    r = Reader(browser, renamed_site)
    page = r.open("/concepts/messaging/")
    li = page.locator('li[data-item-id="messaging.at-least-once"]')
    assert li.get_attribute("data-replaces") == "messaging.delivery messaging.delivery-old"
    seed(
        page,
        {
            "version": 1,
            "items": {
                "messaging.delivery": {"done": True, "at": 1000},
                "gone.elsewhere": {"done": True, "at": 900},
            },
        },
    )
    expect(box(page, "messaging.at-least-once")).to_be_checked()
    expect(page.locator("[data-progress-page]")).to_contain_text("1 of 2 done")
    box(page, "messaging.ordering").check(force=True)
    items = stored(page)["items"]
    assert items["messaging.at-least-once"] == {"done": True, "at": 1000}
    assert items["messaging.delivery"] == {"done": True, "at": 1000}, "the old entry was dropped"
    assert items["gone.elsewhere"] == {"done": True, "at": 900}, "an unknown id was dropped"
    # The readiness page and the home counts see the new id too.
    readiness = r.open("/readiness/")
    assert sorted(ticked_ids(readiness)) == ["messaging.at-least-once", "messaging.ordering"]
    home = r.open("/")
    expect(home.locator('[data-progress-cell="messaging"]')).to_have_text("2 of 2")
    # A later untick of the new id beats the old tick.
    box(page, "messaging.at-least-once").uncheck(force=True)
    page.reload()
    ready(page)
    expect(box(page, "messaging.at-least-once")).not_to_be_checked()
    assert not r.errors, r.errors
    r.close()


# --------------------------------------------------------------------------- storage that fails

PRIVATE_MODE = """
Storage.prototype.setItem = function () { throw new DOMException("The quota has been exceeded.", "QuotaExceededError"); };
Storage.prototype.getItem = function () { throw new DOMException("Access is denied.", "SecurityError"); };
"""
NO_STORAGE = """
Object.defineProperty(window, "localStorage", { get() { throw new DOMException("Access is denied.", "SecurityError"); } });
"""
FULL_LATER = """
const realSetItem = Storage.prototype.setItem;
Storage.prototype.setItem = function (key, value) {
  if (key === "nodejs-interview:v1") throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
  return realSetItem.call(this, key, value);
};
"""


@pytest.mark.parametrize(
    "script", [PRIVATE_MODE, NO_STORAGE], ids=["methods-throw", "no-localStorage"]
)
def test_private_mode_shows_a_notice_and_keeps_working_in_memory(browser, server, script):
    r = Reader(browser, server, init_script=script)
    page = r.open(TOPIC)
    notice = page.locator("[data-storage-notice]")
    expect(notice).to_be_visible()
    expect(notice).to_contain_text("Progress will not be kept in this browser")
    assert notice.get_attribute("role") == "status"
    ids = item_ids(page)
    box(page, ids[0]).check(force=True)
    expect(page.locator("[data-progress-page]")).to_contain_text(f"1 of {len(ids)} done")
    # Instant navigation keeps the in-memory ticks for this tab.
    follow_next(page)
    page.wait_for_function(
        "() => document.querySelector('meta[name=curriculum-topic]').content !== '" + TOPIC_ID + "'"
    )
    ready(page)
    expect(page.locator("[data-storage-notice]")).to_be_visible()
    page.go_back()
    page.wait_for_function(
        "() => document.querySelector('meta[name=curriculum-topic]').content === '" + TOPIC_ID + "'"
    )
    ready(page)
    expect(box(page, ids[0])).to_be_checked()
    home = r.open("/")
    expect(home.locator("[data-storage-notice]")).to_be_visible()
    assert not r.errors, r.errors
    r.close()


def test_storage_that_fills_up_later_shows_the_notice_on_the_failed_write(browser, server):
    r = Reader(browser, server, init_script=FULL_LATER)
    page = r.open(TOPIC)
    notice = page.locator("[data-storage-notice]")
    expect(notice).to_be_hidden()
    ids = item_ids(page)
    box(page, ids[0]).check(force=True)
    expect(notice).to_be_visible()
    expect(box(page, ids[0])).to_be_checked()
    assert not r.errors, r.errors
    r.close()


# --------------------------------------------------------------------------- level filter


def visible_levels(page, selector: str) -> set[str]:
    return set(
        page.eval_on_selector_all(
            selector,
            "nodes => nodes.filter(n => n.offsetParent !== null).map(n => n.dataset.level)",
        )
    )


def test_level_filter_by_keyboard_is_remembered_across_reload_and_navigation(reader):
    page = reader.open(TOPIC)
    assert visible_levels(page, ".curriculum-item") == {"mid", "senior"}
    filters = page.locator("[data-level-filter]")
    expect(filters.first.locator("legend")).to_have_text("Show checklist items for")
    expect(filters.first.get_by_role("radio", name="Both")).to_be_checked()
    # Keyboard only: Tab from the "Checklist" heading's permalink reaches the filter's checked radio.
    page.locator("#checklist a.headerlink").focus()
    page.keyboard.press("Tab")
    expect(filters.first.get_by_role("radio", name="Both")).to_be_focused()
    page.keyboard.press("ArrowLeft")
    expect(filters.first.get_by_role("radio", name="Senior")).to_be_checked()
    assert visible_levels(page, ".curriculum-item") == {"senior"}
    assert visible_levels(page, ".curriculum-question") == {"senior"}
    expect(page.locator("#checklist-mid")).to_be_hidden()
    expect(page.locator("#checklist-senior")).to_be_visible()
    expect(filters.nth(1).get_by_role("radio", name="Senior")).to_be_checked()
    assert stored(page)["prefs"]["level"] == "senior"

    page.reload()
    ready(page)
    assert visible_levels(page, ".curriculum-item") == {"senior"}
    expect(
        page.locator("[data-level-filter]").first.get_by_role("radio", name="Senior")
    ).to_be_checked()

    follow_next(page)
    page.wait_for_function(
        "() => document.querySelector('meta[name=curriculum-topic]').content !== '" + TOPIC_ID + "'"
    )
    ready(page)
    assert visible_levels(page, ".curriculum-item") == {"senior"}
    assert visible_levels(page, ".curriculum-question") == {"senior"}

    page.goto(reader.base + "/readiness/")
    ready(page)
    assert visible_levels(page, ".curriculum-item") == {"senior"}
    readiness_filter = page.locator("[data-level-filter]")
    expect(readiness_filter).to_have_count(1)
    # Space selects a radio: Tab into the group, arrow to Mid, and Space keeps it.
    readiness_filter.get_by_role("radio", name="Senior").focus()
    page.keyboard.press("ArrowLeft")
    page.keyboard.press("Space")
    expect(readiness_filter.get_by_role("radio", name="Mid")).to_be_checked()
    assert visible_levels(page, ".curriculum-item") == {"mid"}
    readiness_filter.get_by_role("radio", name="Both").check()
    assert visible_levels(page, ".curriculum-item") == {"mid", "senior"}


def test_level_filter_hides_headings_of_empty_groups_on_the_readiness_page(reader, built_site):
    data = catalog(built_site)
    only_mid = [t["id"] for t in data["topics"] if {i["level"] for i in t["items"]} == {"mid"}]
    page = reader.open("/readiness/")
    seed(page, {"version": 1, "prefs": {"level": "senior", "at": 1}})
    for topic in only_mid:
        expect(page.locator(f"#topic-{topic}")).to_be_hidden()
    # Every topic with a senior item keeps its heading, its list and its count.
    with_senior = [t for t in data["topics"] if any(i["level"] == "senior" for i in t["items"])]
    for topic in with_senior[:3]:
        expect(page.locator(f"#topic-{topic['id']}")).to_be_visible()
        expect(page.locator(f'[data-progress-list-topic="{topic["id"]}"]')).to_be_visible()


# --------------------------------------------------------------------------- changed since you studied it


@pytest.mark.parametrize(
    ("items", "shown"),
    [
        ({0: (True, (2026, 10))}, True),
        ({0: (True, (2026, 10)), 1: (True, (2026, 11))}, False),
        ({0: (True, (2026, 11))}, False),
        ({0: (False, (2026, 9))}, False),
        ({}, False),
    ],
    ids=[
        "tick-before-review",
        "latest-tick-after",
        "tick-in-review-month",
        "only-unticks",
        "never-ticked",
    ],
)
def test_changed_since_you_studied_it(reader, items, shown):
    page = reader.open(TOPIC)
    assert page.locator('meta[name="curriculum-reviewed"]').get_attribute("content") == "2026-11"
    ids = item_ids(page)
    doc = {
        "version": 1,
        "items": {ids[i]: {"done": d, "at": ms(*month)} for i, (d, month) in items.items()},
    }
    seed(page, doc)
    notice = page.locator("[data-changed-notice]")
    if shown:
        expect(notice).to_be_visible()
        expect(notice).to_contain_text("This page was reviewed in November 2026")
        expect(notice).to_contain_text("October 2026")
    else:
        expect(notice).to_be_hidden()


# --------------------------------------------------------------------------- accessibility of the widgets

MINE = [
    "[data-progress-panel]",
    "[data-level-filter]",
    "[data-progress-page]",
    ".curriculum-topic-progress",
    "[data-storage-notice]",
    "[data-changed-notice]",
    "[data-progress-cell]",
]


def axe_violations(page, where: str) -> list[str]:
    axe = pytest.importorskip("axe_playwright_python.sync_playwright").Axe()
    page.evaluate(axe.axe_script)
    context = {"include": [[s] for s in MINE if page.locator(s).count()]}
    results = page.evaluate("context => axe.run(context, {resultTypes: ['violations']})", context)
    return [
        f"{where}: {v['id']} ({v['impact']}): {v['help']}: "
        + ", ".join(" ".join(map(str, n["target"])) for n in v["nodes"][:5])
        for v in results["violations"]
    ]


@pytest.mark.parametrize("palette", ["light", "dark"])
def test_progress_widgets_pass_axe_in_both_palettes(browser, server, built_site, palette):
    topic = next(t for t in catalog(built_site)["topics"] if t["id"] == TOPIC_ID)
    failures: list[str] = []
    for script in (None, PRIVATE_MODE):
        r = Reader(browser, server, init_script=script)
        page = r.open("/")
        if palette == "dark":
            for name in ("Switch to light mode", "Switch to dark mode"):
                page.locator(f'label.md-header__button[title="{name}"]').click()
            assert page.evaluate("document.body.dataset.mdColorScheme") == "slate"
        if script is None:
            seed(
                page,
                {
                    "version": 1,
                    "items": {topic["items"][0]["id"]: {"done": True, "at": ms(2026, 10)}},
                },
            )
        page.get_by_role("button", name="Reset progress").click()
        expect(page.locator(".curriculum-progress-confirm__text")).to_be_visible()
        failures += axe_violations(page, f"/ (reset asked, {palette})")
        page.get_by_role("button", name="Keep them").click()
        expect(page.locator("[data-progress-message]")).not_to_be_empty()
        failures += axe_violations(page, f"/ (message, {palette})")
        for path in (TOPIC, "/readiness/"):
            page.goto(r.base + path)
            ready(page)
            if path == TOPIC and script is None:
                expect(page.locator("[data-changed-notice]")).to_be_visible()
            if script is not None:
                expect(page.locator("[data-storage-notice]")).to_be_visible()
            failures += axe_violations(
                page, f"{path} ({palette}, {'private' if script else 'storage'})"
            )
        assert not r.errors, r.errors
        r.close()
    assert not failures, "\n".join(failures)


def test_the_print_page_keeps_its_boxes_empty_and_shows_no_progress_controls(reader):
    page = reader.open(TOPIC)
    first = page.locator(BOX).first
    first.check(force=True)
    item_id = first.evaluate("box => box.closest('[data-item-id]').dataset.itemId")
    printed = reader.context.new_page()
    printed.on("pageerror", lambda e: reader.errors.append(str(e)))
    printed.goto(reader.base + "/print/", wait_until="domcontentloaded")
    printed.wait_for_selector(".print-cover")
    # The module has run by the time the other page's scripts settle; give it the same chance.
    printed.wait_for_load_state("load")
    box = printed.locator(f'[data-item-id="{item_id}"] input[type=checkbox]')
    if box.count():
        assert not box.first.is_checked(), "the print page shows the reader's tick"
    assert printed.locator("[data-level-filter]").count() == 0
    assert printed.locator("article[data-progress-ready]").count() == 0
