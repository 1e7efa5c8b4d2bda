"""The real site, built strictly: generated HTML and what a reader's browser is asked to load."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from hooks.model import load_curriculum
from tests.conftest import ROOT

CURRICULUM = load_curriculum(ROOT / "docs")


class Elements(HTMLParser):
    """Every start tag with its attributes, and the text inside each element that has an id."""

    VOID = {
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "source",
        "track",
        "wbr",
    }

    def __init__(self, html: str):
        super().__init__()
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.text_by_id: dict[str, str] = {}
        self._open: list[tuple[str, str | None]] = []  # (tag, id) of the elements we are inside
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attributes = {k: v or "" for k, v in attrs}
        self.tags.append((tag, attributes))
        ident = attributes.get("id")
        if ident:
            self.text_by_id.setdefault(ident, "")
        if tag not in self.VOID:
            self._open.append((tag, ident))

    def handle_data(self, data):
        for _, ident in self._open:
            if ident:
                self.text_by_id[ident] += data

    def handle_endtag(self, tag):
        # Close up to the matching start tag (tolerates unclosed <p> and <li>).
        for depth in range(len(self._open) - 1, -1, -1):
            if self._open[depth][0] == tag:
                del self._open[depth:]
                return

    def find(self, tag: str, **attrs: str) -> list[dict[str, str]]:
        return [
            a
            for t, a in self.tags
            if t == tag and all(a.get(k.replace("_", "-")) == v for k, v in attrs.items())
        ]


def page_html(site: Path, topic) -> str:
    return (site / topic.url / "index.html").read_text(encoding="utf-8")


def test_the_curriculum_has_topics():
    assert CURRICULUM.topics, "docs/ has no topic pages"


@pytest.mark.parametrize("topic", CURRICULUM.topics, ids=lambda t: t.slug)
def test_topic_page_has_its_checklist_with_ids_and_labels(built_site, topic):
    html = Elements(page_html(built_site, topic))
    boxes = {a["name"]: a for a in html.find("input", type="checkbox") if "name" in a}
    for item in topic.checklist:
        [li] = html.find("li", data_item_id=item["id"])
        assert li["data-level"] == item["level"]
        box = boxes[item["id"]]
        label = html.text_by_id.get(box["aria-labelledby"], "").strip()
        assert label, f"checkbox for {item['id']} has no accessible label"
    assert html.find("h3", id="checklist-mid") or html.find("h3", id="checklist-senior")


@pytest.mark.parametrize("topic", CURRICULUM.topics, ids=lambda t: t.slug)
def test_topic_page_has_collapsed_questions_and_reading(built_site, topic):
    html = Elements(page_html(built_site, topic))
    for question in topic.questions:
        [details] = html.find("details", data_question_id=question["id"])
        assert "open" not in details, f"{question['id']} is expanded by default"
    hrefs = {a.get("href") for a in html.find("a")}
    for resource in topic.resources:
        assert resource["url"] in hrefs


def test_readiness_page_lists_every_item_once(built_site):
    html = Elements((built_site / "readiness" / "index.html").read_text(encoding="utf-8"))
    listed = [a["data-item-id"] for a in html.find("li") if "data-item-id" in a]
    assert sorted(listed) == sorted(item["id"] for item in CURRICULUM.items)


def test_home_page_overview_links_every_topic(built_site):
    html = (built_site / "index.html").read_text(encoding="utf-8")
    for topic in CURRICULUM.topics:
        assert f'href="{topic.url}"' in html, topic.url


def test_glossary_page_lists_every_abbreviation(built_site):
    html = (built_site / "glossary" / "index.html").read_text(encoding="utf-8")
    terms = re.findall(
        r"^\*\[([^\]]+)\]", (ROOT / "includes" / "abbreviations.md").read_text(), flags=re.M
    )
    for term in terms:
        assert f">{term}</dt>" in html, term


def test_abbreviations_are_explained_on_hover(built_site):
    html = (built_site / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<abbr title="[^"]+">', html), "no <abbr> on the home page"


def _asset_urls(html: str) -> list[str]:
    parsed = Elements(html)
    urls = []
    for tag, attrs in parsed.tags:
        if tag in ("script", "img", "iframe", "source", "video", "audio") and attrs.get("src"):
            urls.append(attrs["src"])
        if (
            tag == "link"
            and attrs.get("rel") not in ("canonical", "alternate")
            and attrs.get("href")
        ):
            urls.append(attrs["href"])
    return urls


def test_no_page_loads_anything_from_a_third_party_host(built_site):
    offenders = {}
    for path in built_site.rglob("*.html"):
        external = [
            u
            for u in _asset_urls(path.read_text(encoding="utf-8"))
            if re.match(r"^(https?:)?//", u)
        ]
        if external:
            offenders[str(path.relative_to(built_site))] = external
    assert not offenders
    css = "".join(p.read_text(encoding="utf-8") for p in built_site.rglob("*.css"))
    assert "fonts.googleapis" not in css and "fonts.gstatic" not in css


def test_mermaid_is_self_hosted(built_site):
    assert (
        built_site / "assets" / "javascripts" / "vendor" / "mermaid.min.js"
    ).stat().st_size > 100_000
    assert (built_site / "assets" / "javascripts" / "mermaid-loader.js").is_file()
