"""pymarkdownlnt, with one upstream slowdown worked around. Same arguments as `pymarkdown`:

    python scripts/lint_markdown.py scan docs/concepts/messaging.md

pymarkdownlnt 0.9.41 formats the whole token list of the document into a debug message
for every line it parses (``ParserState.mark_start_information``), even with debug
logging off, which makes a page's scan quadratic in its length: about half of
`make check`'s time went there. Here the token list prints as ``<N tokens>``; nothing
but that log message ever formats it, so the findings are the same (tests/test_check.py
compares the two on a page). Remove this file when pymarkdownlnt stops doing it.
"""

from __future__ import annotations

import sys

from pymarkdown.general.tokenized_markdown import TokenizedMarkdown
from pymarkdown.main import PyMarkdownLint


class _QuietList(list):
    """The document's token list, with a constant-time repr."""

    def __repr__(self) -> str:
        return f"<{len(self)} tokens>"

    __str__ = __repr__


_ATTR = "_TokenizedMarkdown__tokenized_document"  # TokenizedMarkdown.__tokenized_document


def _get(self: TokenizedMarkdown) -> list:
    return self.__dict__[_ATTR]


def _set(self: TokenizedMarkdown, value: list) -> None:
    self.__dict__[_ATTR] = value if isinstance(value, _QuietList) else _QuietList(value)


def install() -> None:
    """Every list pymarkdown assigns as the document's tokens becomes a _QuietList."""
    setattr(TokenizedMarkdown, _ATTR, property(_get, _set))


if __name__ == "__main__":
    install()
    sys.exit(PyMarkdownLint().main())
