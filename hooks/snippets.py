"""Check `--8<--` includes before pymdownx.snippets runs, for a message a contributor can act on.

pymdownx.snippets (check_paths: true) already fails on a missing file, but with a Python
traceback and no line number. This names the page, the line and the fix, and also catches
a missing `[start:name]` section, which snippets would silently render as nothing.
Plain Python.
"""

from __future__ import annotations

import re
from pathlib import Path

_SINGLE = re.compile(r'^(?P<indent>\s*)-{1,}8<-{1,}[ \t]+(?P<q>["\'])(?P<spec>[^"\']+)(?P=q)\s*$')


def check(markdown: str, root: Path, label: str, offset: int = 0) -> list[str]:
    """Problems with the page's single-line snippet includes, one line each."""
    problems = []
    for number, line in enumerate(markdown.splitlines(), start=1 + offset):
        match = _SINGLE.match(line)
        if not match:
            continue
        spec = match.group("spec").strip()
        if spec.startswith(";"):  # an escaped include, shown literally
            continue
        path, _, section = spec.partition(":")
        target = root / path
        if not target.is_file():
            problems.append(
                f"{label}: line {number}: included file '{path}' does not exist (paths are relative to the repository root, e.g. 'examples/<topic>/<file>.mjs')"
            )
            continue
        if section and not re.fullmatch(r"[0-9,:-]+", section):
            text = target.read_text(encoding="utf-8")
            if f"[start:{section}]" not in text or f"[end:{section}]" not in text:
                problems.append(
                    f"{label}: line {number}: '{path}' has no section '{section}' (mark it with '--8<-- [start:{section}]' and '--8<-- [end:{section}]' comments)"
                )
    return problems
