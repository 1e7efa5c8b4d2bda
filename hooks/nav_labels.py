"""Name every section's <nav> in Material's sidebar after the section (axe: landmark-unique).

overrides/main.html pipes the rendered sidebar through `nav_section_labels(nav)`. Material
labels a section's sub-navigation with `aria-labelledby="<path>_label"`, where the path
(`__nav_3_2`) numbers the section's position at each level; where that label element is
empty or missing, the landmark has no name. This replaces each with `aria-label="<title>
pages"`. One pass over the HTML per page, and one walk of the nav per build: done in the
template, it walked every nav item and rescanned the HTML once per section, on every page,
which grew with the number of pages. Plain Python.
"""

from __future__ import annotations

import re

from markupsafe import Markup, escape

_LABELLED = re.compile(r'aria-labelledby="(__nav_[0-9_]+)_label"')
_CACHE: dict[int, tuple[object, dict[str, str]]] = {}


def section_titles(items, prefix: str = "__nav_") -> dict[str, str]:
    """{path: escaped title} for every nav item that has children, as Material numbers them."""
    out: dict[str, str] = {}
    for index, item in enumerate(items, start=1):
        children = getattr(item, "children", None)
        if children:
            path = f"{prefix}{index}"
            out[path] = str(escape(item.title))
            out.update(section_titles(children, path + "_"))
    return out


def label_sections(html: str, nav) -> Markup:
    """The sidebar HTML with each section's <nav> named by its title."""
    if not nav:
        return Markup(html)
    cached = _CACHE.get(id(nav))
    if cached is None or cached[0] is not nav:
        cached = (nav, section_titles(nav.items))
        _CACHE.clear()  # one nav per build
        _CACHE[id(nav)] = cached
    titles = cached[1]

    def name(match: re.Match) -> str:
        title = titles.get(match.group(1))
        return f'aria-label="{title} pages"' if title is not None else match.group(0)

    return Markup(_LABELLED.sub(name, str(html)))
