"""A bench-only MkDocs hook: write every page as the generator hands it to Markdown.

Added (by bench/run.py) to a copy of our config for one build. Each page is written to
$BENCH_EXPAND_DIR/<src> as its original front matter followed by its Markdown after the
macros (checklists, questions and reading lists appended, aggregate pages filled in). A
plain Material build of that tree renders the same content without our generator, so
the difference between the two builds is the generator's own cost.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n.*?\r?\n(?:---|\.\.\.)[ \t]*\r?\n", re.S)


def on_page_markdown(markdown: str, page, config, **kwargs) -> str:
    target = Path(os.environ["BENCH_EXPAND_DIR"]) / page.file.src_uri
    source = Path(page.file.abs_src_path).read_text(encoding="utf-8")
    match = _FRONT_MATTER.match(source)
    front = match.group(0) if match else ""
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(front + "\n" + markdown, encoding="utf-8")
    return markdown
