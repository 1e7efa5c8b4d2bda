"""The print page: the whole curriculum on one page, in order, for printing and the PDF.

Plain Python (no MkDocs import). Two steps, so the build renders no page twice:

1. ``print_page`` renders ``templates/print.md.j2`` (through the ``print_curriculum``
   macro of docs/print.md): a cover, the contents, and for every part and topic a
   heading, the topic's description and an empty slot.
2. While MkDocs renders the topic pages, ``remember`` keeps each one's HTML; when it
   writes the print page, ``fill`` puts every topic's HTML into its slot, rewritten to
   sit on one page:

   - headings move down two levels (part h2, topic h3, the page's own h2 become h4);
   - ids get the topic as a prefix (``messaging--idempotent-consumers``) so they stay
     unique; checklist and question ids (``item-...``, ``q-...``) are unique site-wide
     and stay as they are;
   - links to a topic page point at that topic on this page; other relative links and
     images are re-resolved from the print page's address;
   - checkboxes become empty boxes to tick with a pen, without the ids the progress
     scripts look for, and every collapsed block (answers included) is open.

Rendering the topics' Markdown a second time for this page took as long as a third of
the whole build; rewriting their HTML takes a few milliseconds.
"""

from __future__ import annotations

import posixpath
import re
from typing import NamedTuple

from markdown.extensions.toc import slugify, unique

from hooks import render
from hooks.model import GENERATED_HEADINGS, Curriculum, Topic

KEEP = ("item-", "q-")  # ids unique across the site already
SLOT = '<div class="print-slot" data-topic="{slug}"></div>'
_SLOT = re.compile(r'<div class="print-slot" data-topic="([a-z0-9-]+)"></div>')
_REF_ATTR = re.compile(r'(\s(?:id|for|aria-labelledby|aria-describedby|aria-controls))="([^"]*)"')
_URL_ATTR = re.compile(r'(\s(?:href|src))="([^"]*)"')
_HEADING = re.compile(r"<(/?)h([1-6])(?=[\s>])")
_PROGRESS_ATTR = re.compile(r'\sdata-(?:item|question)-id="[^"]*"')
_TASK_CONTROL = re.compile(r'<label class="task-list-control">.*?</label>', re.S)
_CHECKBOX = re.compile(
    r'<input type="checkbox"[^>]*>(?:<span class="task-list-indicator"></span>)?'
)
_DETAILS = re.compile(r"<details(?![^>]*\sopen[\s>=])")
_SCHEME = re.compile(r"^(?:[a-zA-Z][a-zA-Z0-9+.-]*:|/|\?)")
BOX = '<span class="print-box" aria-hidden="true"></span>'
SHIFT = 2


class Rendered(NamedTuple):
    url: str  # the page's URL relative to the site root, as MkDocs gives it
    html: str  # the page's content HTML


_PAGES: dict[str, Rendered] = {}


def topic_anchor(slug: str) -> str:
    return f"topic-{slug}"


def prefixed(slug: str, anchor: str) -> str:
    """A topic page's id as it is on the print page."""
    return anchor if anchor.startswith(KEEP) else f"{slug}--{anchor}"


# --------------------------------------------------------------------------- the page's Markdown


def print_page(curriculum: Curriculum, site_name: str, site_url: str, built: str) -> str:
    """The Markdown of the print page: cover, contents, and a slot per topic."""
    generated = {h: unique(slugify(h, "-"), set()) for h in GENERATED_HEADINGS}
    return render.render(
        "print.md.j2",
        parts=curriculum.by_part(),
        site_name=site_name,
        site_url=site_url.rstrip("/") + "/",
        built=built,
        generated=generated,
        topic_anchor=topic_anchor,
        slot=lambda slug: SLOT.format(slug=slug),
        questions=len(curriculum.questions),
        items=len(curriculum.items),
    )


# --------------------------------------------------------------------------- the topics' HTML


def remember(src: str, url: str, html: str) -> None:
    """Keep a rendered topic page's content (called for every topic page in every build)."""
    _PAGES[src] = Rendered(url, html)


def _split(url: str) -> tuple[str, str]:
    path, _, fragment = url.partition("#")
    return path, fragment


def _directory(url: str) -> str:
    """The folder a page's relative links resolve against: 'a/b/' -> 'a/b', 'a/b.html' -> 'a'."""
    return url.rstrip("/") if url.endswith("/") or url == "" else posixpath.dirname(url)


def _resolve(base: str, path: str) -> str:
    """A relative path resolved against a folder, keeping a trailing slash."""
    joined = posixpath.normpath(posixpath.join(base, path)) if base or path else ""
    joined = "" if joined == "." else joined
    return joined + "/" if path.endswith("/") and joined else joined


class _Rewriter:
    def __init__(self, topic: Topic, page_url: str, print_url: str, by_url: dict[str, Topic]):
        self.slug = topic.slug
        self.base = _directory(page_url)
        self.print_dir = _directory(print_url)
        self.by_url = by_url

    def refs(self, m: re.Match) -> str:
        values = " ".join(prefixed(self.slug, v) for v in m.group(2).split())
        return f'{m.group(1)}="{values}"'

    def url(self, m: re.Match) -> str:
        return f'{m.group(1)}="{self.target(m.group(2))}"'

    def target(self, url: str) -> str:
        if url.startswith("#"):
            return "#" + prefixed(self.slug, url[1:])
        if not url or _SCHEME.match(url):
            return url
        path, fragment = _split(url)
        resolved = _resolve(self.base, path)
        other = self.by_url.get(resolved)
        if other is not None:
            return "#" + (prefixed(other.slug, fragment) if fragment else topic_anchor(other.slug))
        rel = posixpath.relpath(resolved or ".", self.print_dir or ".")
        rel = "./" if rel == "." else rel + ("/" if resolved.endswith("/") else "")
        return rel + (f"#{fragment}" if fragment else "")


def for_print(
    html: str, topic: Topic, page_url: str, print_url: str, by_url: dict[str, Topic]
) -> str:
    """A topic page's content HTML, rewritten to sit inside the print page."""
    rewriter = _Rewriter(topic, page_url, print_url, by_url)
    html = _HEADING.sub(lambda m: f"<{m.group(1)}h{min(int(m.group(2)) + SHIFT, 6)}", html)
    html = _REF_ATTR.sub(rewriter.refs, html)
    html = _URL_ATTR.sub(rewriter.url, html)
    html = _PROGRESS_ATTR.sub("", html)
    html = _TASK_CONTROL.sub(BOX, html)
    html = _CHECKBOX.sub(BOX, html)
    return _DETAILS.sub("<details open", html)


def fill(output: str, print_url: str, curriculum: Curriculum) -> str:
    """The built print page with every topic's HTML in its slot."""
    by_src = {t.src: t for t in curriculum.topics}
    missing = [t.src for t in curriculum.topics if t.src not in _PAGES]
    if missing:
        raise ValueError(
            "the print page needs every topic page rendered in the same build; "
            f"missing: {', '.join(missing)}"
        )
    by_url = {_PAGES[src].url: topic for src, topic in by_src.items()}
    by_slug = {t.slug: t for t in curriculum.topics}

    def slot(m: re.Match) -> str:
        topic = by_slug[m.group(1)]
        page = _PAGES[topic.src]
        return for_print(page.html, topic, page.url, print_url, by_url)

    return _SLOT.sub(slot, output)
