"""Keep code literal through the macros pass.

mkdocs-macros renders each page as a Jinja template, so `{{ .Values.image }}` in a
Helm snippet, `docker ps --format '{{.Names}}'` or JSX would be evaluated (and, with
``on_undefined: strict``, fail the build). Before rendering we swap every fenced code
block and inline code span that contains Jinja delimiters for an inert placeholder, and
put the original text back after rendering. Plain Python, no MkDocs import.
"""

from __future__ import annotations

import re
import secrets

_JINJA = re.compile(r"\{\{|\{%|\{#")
_FENCED = re.compile(
    r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})[^\n]*\n.*?^(?P=indent)(?P=fence)[ \t]*$",
    re.M | re.S,
)
# A code span may wrap lines but never crosses a blank line.
_INLINE = re.compile(r"(?<!`)(?P<ticks>`+)(?!`)(?:(?!\n[ \t]*\n).)+?(?<!`)(?P=ticks)(?!`)", re.S)


def protect(markdown: str) -> tuple[str, dict[str, str]]:
    """Return (markdown with placeholders, placeholder -> original text)."""
    store: dict[str, str] = {}
    token = secrets.token_hex(4)

    def stash(match: re.Match[str]) -> str:
        text = match.group(0)
        if not _JINJA.search(text):
            return text
        key = f"LITERAL{token}X{len(store)}X"
        store[key] = text
        return key

    markdown = _FENCED.sub(stash, markdown)
    markdown = _INLINE.sub(stash, markdown)
    return markdown, store


def restore(markdown: str, store: dict[str, str]) -> str:
    """Put the stashed code back (in reverse, so nested keys resolve)."""
    for key in reversed(list(store)):
        markdown = markdown.replace(key, store[key])
    return markdown
