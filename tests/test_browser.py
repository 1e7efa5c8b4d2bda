"""The built site in a real browser (Debian's Chromium through Playwright).

What a reader's browser is asked to load, and whether diagrams render from the
self-hosted Mermaid. Skipped only where no Chromium is installed; CI installs it.
"""

from __future__ import annotations

from urllib.parse import urlparse

import pytest
from conftest import CHROMIUM

playwright_sync = pytest.importorskip("playwright.sync_api")

# `server` (the built site over HTTP) and `browser` (Debian's Chromium) come from conftest.py.
pytestmark = pytest.mark.skipif(
    CHROMIUM is None, reason="Debian's chromium is not installed (apt-get install chromium)"
)


def visit(browser, url: str):
    page = browser.new_page()
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(url, wait_until="networkidle")
    return page, requests, errors


@pytest.mark.parametrize("path", ["/", "/concepts/messaging/", "/readiness/"])
def test_pages_request_nothing_from_other_hosts(browser, server, path):
    page, requests, errors = visit(browser, server + path)
    page.wait_for_timeout(500)
    host = urlparse(server).netloc
    foreign = [
        u
        for u in requests
        if urlparse(u).scheme in ("http", "https") and urlparse(u).netloc != host
    ]
    assert not foreign, foreign
    assert not errors, errors
    page.close()


def _pages_with_diagrams(site) -> list[str]:
    pages = []
    for path in sorted(site.rglob("index.html")):
        if 'class="mermaid"' in path.read_text(encoding="utf-8"):
            pages.append("/" + str(path.parent.relative_to(site)).strip(".") + "/")
    return [p.replace("//", "/") for p in pages]


def test_every_mermaid_diagram_renders_from_the_self_hosted_copy(browser, server, built_site):
    pages = _pages_with_diagrams(built_site)
    assert pages, "no page has a diagram"
    failures = {}
    for path in pages:
        page, requests, errors = visit(browser, server + path)
        # Diagrams load when they near the screen, or all at once for print.
        page.emulate_media(media="print")
        try:
            # The print page holds every topic's diagrams at once (about fifty): the PDF
            # needs them all, so it gets longer to render them, not a pass.
            timeout = 90_000 if path == "/print/" else 15_000
            page.wait_for_function("!document.querySelector('pre.mermaid')", timeout=timeout)
        except playwright_sync.TimeoutError:
            errors.append("a diagram never rendered")
        if errors:
            failures[path] = errors
        # Mermaid's ES module build (or, from file://, the single file), self-hosted.
        assert any("/assets/javascripts/vendor/mermaid" in u for u in requests), path
        page.close()
    assert not failures, failures


def test_checklist_checkbox_is_reachable_and_clickable(browser, server):
    page, _, _ = visit(browser, server + "/concepts/messaging/")
    box = page.locator("li[data-item-id] input[type=checkbox]").first
    box.check(force=True)
    assert box.is_checked()
    page.close()
