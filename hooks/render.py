"""Render the curriculum to Markdown (with md_in_html blocks) through Jinja templates.

The templates in hooks/templates hold all markup; this module only prepares values.
Plain Python: no MkDocs import, so the rendering is unit-testable.

Escaping: autoescape is on. Fields documented as Markdown (answer, senior) and as
inline Markdown (checklist text, question text) are passed through for Markdown to
render; every other value (ids, titles of resources, reasons, follow-ups, red flags,
URLs) is HTML-escaped.
"""

from __future__ import annotations

import posixpath
import re
from functools import lru_cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from hooks.model import LEVELS, PARTS, Curriculum, Topic

TEMPLATES = Path(__file__).parent / "templates"
LEVEL_TITLES = {"mid": "Mid level", "senior": "Senior level"}


def anchor(ident: str, prefix: str) -> str:
    """An HTML id for a curriculum id: 'messaging.q.kafka-ordering' -> 'q-messaging-q-kafka-ordering'."""
    return f"{prefix}-" + re.sub(r"[^a-z0-9-]+", "-", ident.lower())


def md_link(src_from: str, src_to: str, fragment: str = "") -> str:
    """A relative link from one docs page to another, as MkDocs validates and rewrites it."""
    rel = (
        "" if src_from == src_to else posixpath.relpath(src_to, posixpath.dirname(src_from) or ".")
    )
    return f"{rel}#{fragment}" if fragment else rel


def link_text(text: str) -> Markup:
    """Inline Markdown made safe as the text of a Markdown link (no nested brackets)."""
    return Markup(text.replace("[", "\\[").replace("]", "\\]"))


@lru_cache(maxsize=1)
def environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(str(TEMPLATES)),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        # `{#id}` is attr_list syntax in the Markdown we emit, so comments are `{## ... ##}`.
        comment_start_string="{##",
        comment_end_string="##}",
    )
    env.filters.update(anchor=anchor, link_text=link_text, md=Markup)
    env.globals.update(levels=LEVELS, level_titles=LEVEL_TITLES, parts=PARTS, md_link=md_link)
    return env


def render(template: str, **values) -> str:
    return environment().get_template(template).render(**values)


def topic_sections(topic: Topic) -> str:
    """The checklist, questions and further reading appended to a topic page."""
    return render("topic_sections.md.j2", topic=topic, page_src=topic.src)


def readiness(curriculum: Curriculum, page_src: str) -> str:
    """Every checklist item of the site, grouped by part and topic."""
    return render("readiness.md.j2", curriculum=curriculum, page_src=page_src)


def overview(curriculum: Curriculum, page_src: str) -> str:
    """The per-part, per-topic summary on the home page."""
    return render("overview.md.j2", curriculum=curriculum, page_src=page_src)


def part_index(curriculum: Curriculum, part: str, page_src: str) -> str:
    """The topic cards on a part's index page."""
    groups = {slug: topics for slug, _, topics in curriculum.by_part()}
    if part not in PARTS:
        raise ValueError(f"unknown part {part!r}; expected one of {', '.join(PARTS)}")
    return render("part_index.md.j2", topics=groups.get(part, []), part=part, page_src=page_src)
