"""axe-core over every page of the built site, in the light and the dark palette.

Also, on the way: no page asks any host but the site's for anything (scripts,
fonts, diagrams, search), and no page throws a script error.

Every HTML page the build writes is loaded over HTTP in Debian's Chromium with every
<details> open (questions, answers, admonitions) and checked by axe with its default
rules (WCAG 2.0-2.2 A and AA, and best practices); in the dark palette, with the rules
that depend on color. The search dialog is checked open, with results. A failure
names the rule, its impact, the page and the failing selectors, so it can be fixed
without re-running anything.

Where the time goes: nine in ten elements of a code-heavy page are syntax-highlighting
tokens, and checking each token's contrast is most of axe's work. A token's color
depends only on its class, so every token class used anywhere on the site is checked
once per palette (test_every_code_token_color_has_contrast), and the page sweep
skips the tokens themselves (not the code blocks, which every rule still checks).
"""

from __future__ import annotations

import json
import re
from urllib.parse import urlparse

import pytest
from conftest import CHROMIUM

pytest.importorskip("playwright.sync_api")
axe_playwright = pytest.importorskip("axe_playwright_python.sync_playwright")

pytestmark = pytest.mark.skipif(
    CHROMIUM is None, reason="Debian's chromium is not installed (apt-get install chromium)"
)

# A desktop window, so both sidebars (navigation, table of contents) are visible and
# checked too; Lighthouse (tests/test_lighthouse.py) covers the mobile layout.
VIEWPORT = {"width": 1280, "height": 900}
PAGE_CONTEXT = {"exclude": [[".highlight code > *"]]}
RULES_BY_PALETTE = {
    "light": {"resultTypes": ["violations"]},
    "dark": {"resultTypes": ["violations"], "runOnly": ["color-contrast", "link-in-text-block"]},
}

# The print page repeats every topic page (each checked on its own) in one 4 MB
# document that takes minutes to check whole. It is served cut after its first
# topic: its cover, its contents and one topic's print markup are checked.
PRINT_PAGE = "/print/"
PRINT_TOPIC = re.compile(r"<h3\b[^>]*\bprint-topic\b")
# Pygments token classes ("k", "s1", "nb", ...): the only short classes on a span.
TOKEN_CLASS = re.compile(r'<span class="([a-z][a-z0-9]{0,2})">')


def first_topic_only(html: str) -> str:
    starts = [m.start() for m in PRINT_TOPIC.finditer(html)]
    end = html.find("</article>")
    assert len(starts) >= 2 and end > starts[1], (
        f"{PRINT_PAGE}: expected each topic to start with an <h3 class=print-topic> inside "
        "<article>; update first_topic_only() to the print page's markup"
    )
    return html[: starts[1]] + html[end:]


def site_pages(site) -> list[str]:
    """URL path of every HTML page in the built site, e.g. "/concepts/messaging/"."""
    pages = []
    for path in sorted(site.rglob("*.html")):
        rel = path.relative_to(site).as_posix()
        pages.append("/" + (rel[: -len("index.html")] if rel.endswith("index.html") else rel))
    return pages


def token_classes(site) -> list[str]:
    found: set[str] = set()
    for path in site.rglob("*.html"):
        found.update(TOKEN_CLASS.findall(path.read_text(encoding="utf-8")))
    return sorted(found)


def report(violations: list[dict], where: str) -> list[str]:
    """A line per violated rule and a line per failing element (eight at most)."""
    lines = []
    for v in violations:
        nodes = v["nodes"]
        lines.append(f"{where}: {v['id']} ({v['impact']}, {len(nodes)} elements): {v['help']}")
        for node in nodes[:8]:
            target = " >> ".join(t if isinstance(t, str) else json.dumps(t) for t in node["target"])
            checks = (node.get("any") or []) + (node.get("all") or []) + (node.get("none") or [])
            message = next((c["message"] for c in checks if c.get("message")), "")
            lines.append(f"    {target}" + (f" | {message}" if message else ""))
        if len(nodes) > 8:
            lines.append(f"    ... and {len(nodes) - 8} more")
    return lines


class Checker:
    """One tab, reused for every page; axe injected after each load.

    A page loads in the automatic palette (light here) and is checked; the header
    toggle then switches it to dark, as a reader would, and it is checked again.
    Loading each page once for both palettes saves a third of the time.
    """

    def __init__(self, browser, server: str):
        self.server = server
        self.palette = "light"
        self.context = browser.new_context(viewport=VIEWPORT, color_scheme="light")
        self.page = self.context.new_page()
        self.errors: list[str] = []
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        # Every request the pages make, to catch any to a host other than the site's.
        self.foreign: list[str] = []
        self.page.on("request", self.note_request)
        self.page.route(f"**{PRINT_PAGE}", self.serve_print_page)
        self.axe_script = axe_playwright.Axe().axe_script

    def note_request(self, request):
        url = urlparse(request.url)
        if url.scheme in ("http", "https") and url.netloc != urlparse(self.server).netloc:
            self.foreign.append(f"{self.page.url} asked {request.url}")

    @staticmethod
    def serve_print_page(route):
        response = route.fetch()
        route.fulfill(response=response, body=first_topic_only(response.text()))

    def scheme(self) -> str:
        return self.page.evaluate("document.body.dataset.mdColorScheme")

    def settle(self):
        """Wait for color transitions (palette switch, details opening) to end."""
        self.page.wait_for_function(
            "document.getAnimations().every(a => a.playState !== 'running'"
            " || a.effect.getComputedTiming().iterations === Infinity)"
        )

    def load(self, path: str):
        """The page in the automatic palette (light), every <details> open, diagrams drawn."""
        if self.page.url.startswith(self.server):
            # Forget the palette the toggle stored on the last page: start automatic.
            self.page.evaluate("__md_set('__palette', null)")
        self.page.goto(self.server + path)
        self.palette = "light"
        if self.page.locator("pre.mermaid").count():
            # Diagrams are drawn as they near the screen, all at once for print:
            # check the drawn SVG, not the source text.
            self.page.emulate_media(media="print")
            self.page.wait_for_function("!document.querySelector('pre.mermaid')", timeout=30000)
            self.page.emulate_media(media="screen")
        self.page.evaluate("document.querySelectorAll('details').forEach(d => { d.open = true })")
        self.settle()
        assert self.scheme() == "default", f"{path}: loads in palette {self.scheme()}"

    def go_dark(self):
        """With the header toggle: automatic, then light, then dark."""
        for name in ("Switch to light mode", "Switch to dark mode"):
            self.page.locator(f'label.md-header__button[title="{name}"]').click()
        self.palette = "dark"
        self.settle()
        assert self.scheme() == "slate", f"{self.page.url}: the toggle gave {self.scheme()}"

    def check(self, where: str, context=None, options=None) -> list[str]:
        self.page.evaluate(self.axe_script)
        args = json.dumps([context or PAGE_CONTEXT, options or RULES_BY_PALETTE[self.palette]])
        results = self.page.evaluate(f"axe.run(...{args})")
        return report(results["violations"], f"{where} [{self.palette}]")

    def close(self):
        self.context.close()


@pytest.fixture(scope="module")
def checker(browser, server):
    instance = Checker(browser, server)
    yield instance
    instance.close()


def test_every_page_passes_axe_in_both_palettes(checker, built_site):
    pages = site_pages(built_site)
    assert {"/", "/concepts/messaging/", "/readiness/", "/404.html"} <= set(pages), pages
    failures: list[str] = []
    for path in pages:
        checker.load(path)
        failures += checker.check(path)
        checker.go_dark()
        failures += checker.check(path)
    assert not failures, f"axe: {len(pages)} pages checked\n" + "\n".join(failures)
    assert not checker.errors, checker.errors
    assert not checker.foreign, "requests to other hosts:\n" + "\n".join(checker.foreign)


def test_every_code_token_color_has_contrast(checker, built_site):
    """Each token class used on the site, set in a code block, checked in both palettes."""
    classes = token_classes(built_site)
    assert {"k", "s1", "c1", "nb"} <= set(classes), classes
    checker.load("/concepts/messaging/")
    checker.page.evaluate(
        """classes => {
            const block = document.createElement("div");
            block.className = "highlight";
            block.id = "token-sample";
            block.innerHTML = "<pre><code></code></pre>";
            for (const name of classes) {
                const token = document.createElement("span");
                token.className = name;
                token.textContent = `${name}_token `;
                block.querySelector("code").append(token);
            }
            document.querySelector("article").prepend(block);
        }""",
        classes,
    )
    contrast = {"resultTypes": ["violations"], "runOnly": ["color-contrast"]}
    where = f"code tokens {' '.join(classes)}"
    failures = checker.check(where, context="#token-sample", options=contrast)
    checker.go_dark()
    failures += checker.check(where, context="#token-sample", options=contrast)
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize("palette", ["light", "dark"])
def test_search_dialog_with_results_passes_axe(checker, palette):
    checker.load("/concepts/messaging/")
    if palette == "dark":
        checker.go_dark()
    page = checker.page
    field = page.locator("input.md-search__input")
    field.click()
    field.press_sequentially("kafka", delay=30)
    results = page.locator(".md-search-result__item")
    results.first.wait_for(state="visible", timeout=15000)
    checker.settle()
    assert page.locator(".md-search").get_attribute("aria-label"), "search dialog has no name"
    failures = checker.check("/concepts/messaging/ with search open on 'kafka'")
    assert not failures, "\n".join(failures)


# The outline or shadow that shows keyboard focus: on the focused element, or, for a
# checklist box (a transparent input under a drawn disc), on the disc's ring.
FOCUS_RING = """() => {
  const el = document.activeElement;
  const styles = [getComputedStyle(el)];
  const indicator = el.matches("input[type=checkbox]") && el.nextElementSibling;
  if (indicator) styles.push(getComputedStyle(indicator, "::before"), getComputedStyle(indicator, "::after"));
  return styles.some(s => (s.outlineStyle !== "none" && parseFloat(s.outlineWidth) > 0)
    || (s.boxShadow && s.boxShadow !== "none"));
}"""


def tab_to(page, selector: str, limit: int = 400) -> int:
    """Press Tab until the focused element matches selector; returns the presses."""
    for presses in range(1, limit + 1):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement.matches(s)", selector):
            return presses
    raise AssertionError(f"{selector} not reached with {limit} presses of Tab")


def test_checklist_and_questions_work_with_the_keyboard_alone(browser, server):
    context = browser.new_context(viewport=VIEWPORT)
    page = context.new_page()
    page.goto(server + "/concepts/messaging/")
    box = page.locator("li.curriculum-item input[type=checkbox]").first
    tab_to(page, "li.curriculum-item input[type=checkbox]")
    assert page.evaluate("document.activeElement.name") == box.get_attribute("name")
    assert page.evaluate(FOCUS_RING), "a focused checklist box shows no focus indicator"
    page.keyboard.press("Space")
    assert box.is_checked(), "Space did not tick the focused checklist box"
    page.keyboard.press("Space")
    assert not box.is_checked(), "Space did not untick the focused checklist box"

    tab_to(page, "details.curriculum-question > summary")
    assert page.evaluate(FOCUS_RING), "a focused question shows no focus indicator"
    question = page.locator("details.curriculum-question").first
    assert not question.evaluate("d => d.open")
    page.keyboard.press("Enter")
    assert question.evaluate("d => d.open"), "Enter did not open the focused question"
    context.close()
