"""Fast, correct previews: `make serve` runs `mkdocs serve --dirty`, and this makes it right.

A dirty rebuild renders only the pages whose source is newer than their output. Alone,
that is wrong for this site in two ways, both fixed here (hooks/mkdocs_hooks.py calls
these only when `mkdocs serve --dirty` is running):

- Pages that call macros (home, readiness checklist, part indexes, study plans, ...) are
  built from every topic's front matter, so they are rebuilt on every change.
- A page that is not rebuilt is not read either, so the rebuilt pages' navigation would
  show no title for it; its source is read (cached by modification time) for its title.

What stays approximate until a full build (`make build`): pages that are not rebuilt
keep their navigation and previous/next links from before the change, and the search
index may list a rebuilt page twice.
"""

from __future__ import annotations

import logging
import os
import re

import jinja2

from hooks import literal

_MACRO = re.compile(r"\{\{|\{%")
# (abs path) -> (mtime_ns, size, markdown, meta, uses macros)
_SOURCES: dict[str, tuple[int, int, str, dict, bool]] = {}
_state = {"active": False}


class _DirtyWarningFilter(logging.Filter):
    """MkDocs warns that a dirty build has inaccurate navigation; with strict: true that
    warning would abort every preview rebuild. The inaccuracy it describes is handled
    above (and documented), so it is reported as information instead."""

    def filter(self, record: logging.LogRecord) -> bool:
        if _state["active"] and record.getMessage().startswith(
            "A 'dirty' build is being performed"
        ):
            record.levelno, record.levelname = logging.INFO, "INFO"
            record.msg = "Preview: dirty rebuild (changed pages and pages that use macros)"
            record.args = ()
        return True


_FILTER = _DirtyWarningFilter()


def start(command: str, dirty: bool) -> None:
    _state["active"] = command == "serve" and dirty
    logger = logging.getLogger("mkdocs.commands.build")
    if _state["active"] and _FILTER not in logger.filters:
        logger.addFilter(_FILTER)


def active() -> bool:
    return _state["active"]


def _source(file) -> tuple[str, dict, bool]:
    from mkdocs.utils import meta as mkdocs_meta

    path = file.abs_src_path
    stat = os.stat(path)
    cached = _SOURCES.get(path)
    if cached and cached[0] == stat.st_mtime_ns and cached[1] == stat.st_size:
        return cached[2], cached[3], cached[4]
    with open(path, encoding="utf-8-sig", errors="strict") as handle:
        markdown, meta = mkdocs_meta.get_data(handle.read())
    protected, _ = literal.protect(markdown)
    uses_macros = bool(_MACRO.search(protected)) and meta.get("render_macros") is not False
    _SOURCES[path] = (stat.st_mtime_ns, stat.st_size, markdown, meta, uses_macros)
    return markdown, meta, uses_macros


def prepare(files, config) -> None:
    """Mark pages that use macros for rebuilding; give skipped pages their titles."""
    for file in files.documentation_pages():
        if file.abs_src_path is None:
            continue
        markdown, meta, uses_macros = _source(file)
        if uses_macros:
            file.is_modified = _always  # rebuilt on every change
        elif file.page is not None and not file.is_modified():
            # Not rebuilt: give the navigation its title (what read_source would set).
            file.page.markdown, file.page.meta = markdown, dict(meta)


def _always() -> bool:
    return True


class _MemoryBytecodeCache(jinja2.BytecodeCache):
    """Compiled theme templates, kept across rebuilds (MkDocs makes a new Jinja environment
    for every build, which recompiled Material's templates each time). Keyed by Jinja on
    the template's name and source checksum, so an edited override is recompiled."""

    def __init__(self) -> None:
        self._store: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        data = self._store.get(bucket.key)
        if data is not None:
            bucket.bytecode_from_string(data)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self._store[bucket.key] = bucket.bytecode_to_string()


BYTECODE = _MemoryBytecodeCache()
