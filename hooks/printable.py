"""The print page: the whole curriculum on one page, in order, for printing and the PDF.

Plain Python (no MkDocs). ``print_page`` renders ``templates/print.md.j2``: a cover, the
contents, then every part and topic: the topic page's prose, its checklist as empty
boxes and its questions with the answers shown.

Putting every page on one page needs three rewrites of each topic's Markdown body:

- headings move down two levels (part h2, topic h3, the page's own h2 become h4) and get
  ids prefixed with the topic, ``messaging--idempotent-consumers``, so ids stay unique;
- links to a heading of a topic page point at that heading on this page; links to other
  pages and files are rewritten relative to the print page, so the strict build still
  checks them;
- collapsed blocks (``???``) are opened (``!!!``), since paper has no click.

Fenced code and code spans are left alone.
"""

from __future__ import annotations

import posixpath
import re
from pathlib import Path

from markdown.extensions.toc import slugify, unique
from markupsafe import Markup

from hooks import render
from hooks.exports import to_inline_html
from hooks.model import GENERATED_HEADINGS, Curriculum, Topic, split_front_matter

_FENCE = re.compile(r"^[ \t]*(`{3,}|~{3,})")
_HEADING = re.compile(r"^(#{1,6})[ \t]+(.+?)[ \t]*#*[ \t]*$")
_ATTR_ID = re.compile(r"\{[^}]*#([A-Za-z0-9_-]+)[^}]*\}\s*$")
_ATTR_LIST = re.compile(r"\s*\{:?[^}]*\}\s*$")
_CODE_SPAN = re.compile(r"(`+)(?:.+?)\1")
_LINK = re.compile(r"(!?\[[^\]]*\])\(\s*<?([^)\s>]*)>?(\s+\"[^\"]*\")?\s*\)")
_REF_DEF = re.compile(r"^([ ]{0,3}\[[^\]]+\]:[ \t]*)<?(\S+?)>?((?:[ \t]+.*)?)$")
_COLLAPSED = re.compile(r"^([ \t]*)\?\?\?\+?(?=[ \t])")
_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")

SHIFT = 2  # topic page h2 -> h4 on the print page (part h2, topic h3)


def topic_anchor(slug: str) -> str:
    return f"topic-{slug}"


def prefixed(slug: str, anchor: str) -> str:
    """A topic page's anchor as it is on the print page."""
    return f"{slug}--{anchor}"


def _plain_heading(text: str) -> str:
    text = _ATTR_LIST.sub("", text)
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"<[^>]+>", "", text)
    text = text.replace("`", "")
    return re.sub(r"(\*\*|__|\*|_)(\S.*?\S|\S)\1", r"\2", text)


class _Rewriter:
    def __init__(self, topic: Topic, by_src: dict[str, Topic], print_src: str):
        self.topic = topic
        self.by_src = by_src
        self.print_dir = posixpath.dirname(print_src)
        self.own = set(topic.anchors)

    def fragment(self, topic: Topic, frag: str) -> str:
        if not frag:
            return topic_anchor(topic.slug)
        if frag.startswith(("item-", "q-")):  # generated ids are site-wide unique already
            return frag
        return prefixed(topic.slug, frag)

    def target(self, url: str) -> str:
        if not url or _SCHEME.match(url) or url.startswith("/"):
            return url
        path, _, frag = url.partition("#")
        if not path:
            return "#" + self.fragment(self.topic, frag)
        resolved = posixpath.normpath(posixpath.join(posixpath.dirname(self.topic.src), path))
        other = self.by_src.get(resolved)
        if other is not None:
            return "#" + self.fragment(other, frag)
        rel = posixpath.relpath(resolved, self.print_dir or ".")
        return rel + (f"#{frag}" if frag else "")

    def links(self, text: str) -> str:
        """Rewrite link targets in a line, outside its code spans."""
        out, last = [], 0
        for span in _CODE_SPAN.finditer(text):
            out.append(self._links_outside(text[last : span.start()]))
            out.append(span.group(0))
            last = span.end()
        out.append(self._links_outside(text[last:]))
        return "".join(out)

    def _links_outside(self, text: str) -> str:
        def fix(m: re.Match) -> str:
            return f"{m.group(1)}({self.target(m.group(2))}{m.group(3) or ''})"

        return _LINK.sub(fix, text)


def topic_body(topic: Topic, docs_dir: Path, by_src: dict[str, Topic], print_src: str) -> str:
    """A topic page's Markdown body, rewritten to sit inside the print page."""
    text = (Path(docs_dir) / topic.src).read_text(encoding="utf-8")
    _, body, _ = split_front_matter(text)
    rewriter = _Rewriter(topic, by_src, print_src)
    seen: set[str] = set()
    out: list[str] = []
    fence: str | None = None
    for line in body.splitlines():
        marker = _FENCE.match(line)
        if marker:
            token = marker.group(1)
            if fence is None:
                fence = token[0] * len(token)
            elif token.startswith(fence):
                fence = None
            out.append(line)
            continue
        if fence is not None:
            out.append(line)
            continue
        heading = _HEADING.match(line)
        if heading:
            level, title = len(heading.group(1)), heading.group(2)
            if level == 1:  # the page title comes from the front matter: the template prints it
                continue
            explicit = _ATTR_ID.search(title)
            anchor = (
                explicit.group(1)
                if explicit
                else unique(slugify(_plain_heading(title), "-"), seen)
            )
            seen.add(anchor)
            title = rewriter.links(_ATTR_LIST.sub("", title))
            depth = min(level + SHIFT, 6)
            out.append(f"{'#' * depth} {title} {{#{prefixed(topic.slug, anchor)}}}")
            continue
        ref = _REF_DEF.match(line)
        if ref:
            out.append(f"{ref.group(1)}{rewriter.target(ref.group(2))}{ref.group(3)}")
            continue
        line = _COLLAPSED.sub(r"\1!!!", line)
        out.append(rewriter.links(line))
    return "\n".join(out).strip() + "\n"


def print_page(
    curriculum: Curriculum,
    docs_dir: str | Path,
    page_src: str,
    site_name: str,
    site_url: str,
    built: str,
) -> str:
    """The Markdown of the print page (docs/print.md calls this through a macro)."""
    by_src = {t.src: t for t in curriculum.topics}
    parts = [
        (part, title, [(t, Markup(topic_body(t, Path(docs_dir), by_src, page_src))) for t in topics])
        for part, title, topics in curriculum.by_part()
    ]
    generated = {h: unique(slugify(h, "-"), set()) for h in GENERATED_HEADINGS}
    return render.render(
        "print.md.j2",
        parts=parts,
        site_name=site_name,
        site_url=site_url,
        built=built,
        generated=generated,
        prefixed=prefixed,
        topic_anchor=topic_anchor,
        inline=lambda text: Markup(to_inline_html(text)),
        questions=len(curriculum.questions),
        items=len(curriculum.items),
    )
