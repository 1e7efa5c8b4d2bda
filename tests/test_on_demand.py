"""What a first view does not download until the reader needs it (see README, Performance).

The search index (the site's full text) loads when the reader reaches for search, and
Mermaid when a diagram nears the screen or the page is printed.
"""

from __future__ import annotations

import pytest
from conftest import CHROMIUM

pytest.importorskip("playwright.sync_api")
pytestmark = pytest.mark.skipif(
    CHROMIUM is None, reason="Debian's chromium is not installed (apt-get install chromium)"
)

INDEX = "/search/search_index.json"
MERMAID = "/assets/javascripts/vendor/mermaid"


def _open(browser, url: str, viewport=None):
    page = browser.new_page(viewport=viewport or {"width": 412, "height": 823})
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(url, wait_until="networkidle")
    page.wait_for_timeout(300)
    return page, requests, errors


def test_search_index_waits_for_the_reader_then_search_works(browser, server):
    page, requests, errors = _open(browser, server + "/", {"width": 1280, "height": 800})
    assert not any(u.endswith(INDEX) for u in requests), "the index loaded before any search"
    page.keyboard.press("s")  # Material's shortcut focuses the search box
    query = page.locator("input[data-md-component='search-query']")
    query.press_sequentially("kafka")
    page.wait_for_selector(".md-search-result__item", timeout=15000)
    assert any(u.endswith(INDEX) for u in requests)
    assert page.locator(".md-search-result__item").count() > 0
    assert not errors, errors
    page.close()


def test_a_shared_search_link_loads_the_index_at_once(browser, server):
    page, requests, errors = _open(browser, server + "/?q=kafka", {"width": 1280, "height": 800})
    assert any(u.endswith(INDEX) for u in requests)
    page.wait_for_selector(".md-search-result__item", timeout=15000)
    assert not errors, errors
    page.close()


def _page_with_a_diagram_far_down(built_site) -> str:
    """A page whose first diagram starts far below a phone screen (by source position)."""
    for path in sorted(built_site.rglob("index.html")):
        html = path.read_text(encoding="utf-8")
        at = html.find('<pre class="mermaid"')
        if at > 0 and html.find('class="md-content"') < at and at - html.find("<article") > 60000:
            return ("/" + path.parent.relative_to(built_site).as_posix() + "/").replace("/./", "/")
    pytest.fail("no page has a diagram far enough down to test lazy loading")


def test_mermaid_loads_when_a_diagram_nears_the_screen(browser, server, built_site):
    path = _page_with_a_diagram_far_down(built_site)
    page, requests, errors = _open(browser, server + path)
    assert not any(MERMAID in u for u in requests), f"{path}: Mermaid loaded on first view"
    page.locator("pre.mermaid").first.scroll_into_view_if_needed()
    before = page.locator("pre.mermaid").count()
    page.wait_for_function(
        "n => document.querySelectorAll('pre.mermaid').length < n", arg=before, timeout=15000
    )
    assert any(MERMAID in u for u in requests)
    assert not errors, errors
    page.close()
