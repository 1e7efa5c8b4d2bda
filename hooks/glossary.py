"""The site-wide glossary: one source file (includes/abbreviations.md) feeds both the
hover explanations (Markdown `abbr`, auto-appended to every page by pymdownx.snippets)
and the glossary page. Plain Python."""

from __future__ import annotations

import re
from pathlib import Path

_LINE = re.compile(r"^\*\[(?P<term>[^\]]+)\]:\s*(?P<text>\S.*)$")


class GlossaryError(ValueError):
    pass


def load(path: Path) -> list[tuple[str, str]]:
    """(term, explanation) pairs, sorted case-insensitively; malformed or duplicate lines raise."""
    entries: dict[str, str] = {}
    problems = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("<!--"):
            continue
        match = _LINE.match(line)
        if not match:
            problems.append(f"{path.name}:{number}: expected '*[TERM]: explanation', got {line!r}")
            continue
        term = match.group("term")
        if term in entries:
            problems.append(f"{path.name}:{number}: '{term}' is defined twice")
        entries[term] = match.group("text").strip()
    if problems:
        raise GlossaryError("\n".join(problems))
    return sorted(entries.items(), key=lambda kv: kv[0].lower())


def configure_abbr(mdx_configs: dict, extensions: list, path: Path) -> None:
    """Hand every term to Markdown's abbr extension as its `glossary`.

    Cheaper than appending the file to every page: abbr parses a block of `*[X]: ...`
    lines one definition at a time, re-testing the rest of the block each time, which is
    quadratic in the number of terms and was half of the build time.
    """
    if "abbr" not in extensions:
        extensions.append("abbr")
    options = dict(mdx_configs.get("abbr") or {})
    options["glossary"] = {**dict(load(path)), **options.get("glossary", {})}
    mdx_configs["abbr"] = options


def render_table(entries: list[tuple[str, str]]) -> str:
    from hooks.render import render

    return render("glossary.md.j2", entries=entries)
