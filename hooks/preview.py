"""Fast, correct previews: `make serve` runs `mkdocs serve --dirty`, and this makes it right.

A dirty rebuild renders only the pages whose source is newer than their output. Alone,
that is wrong for this site in two ways, both fixed here (hooks/mkdocs_hooks.py calls
these only when `mkdocs serve --dirty` is running):

- Pages that call macros (home, readiness checklist, part indexes, study plans, ...) are
  built from every topic's front matter, so they are rebuilt on every change.
- A page that is not rebuilt is not read either, so the rebuilt pages' navigation would
  show no title for it; its source is read (cached by modification time) for its title.

Two caches keep a rebuild short: a page that uses macros but whose Markdown after the
macros is what it was (a body edit does not change the readiness checklist) keeps its
built page; and Material's templates stay compiled across rebuilds (MkDocs makes a new
Jinja environment for each).

What stays approximate until a full build (`make build`): pages that are not rebuilt
keep their navigation and previous/next links from before the change (and the print
page its topics), and the search index may list a rebuilt page twice.
"""

from __future__ import annotations

import hashlib
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
    if _state["active"]:
        _keep_templates_compiled()
        _keep_theme_file_list()


POLL_SECONDS = 0.1


def watch_closely(server) -> None:
    """MkDocs polls the docs for changes every 0.5 s, on average a quarter of a second
    before a rebuild even starts; poll every 0.1 s (a stat of each docs file: cheap)."""
    observer = getattr(server, "observer", None)
    if observer is None or not hasattr(observer, "_timeout"):
        return  # another watchdog: leave it as it is
    observer._timeout = POLL_SECONDS
    for emitter in observer.emitters:
        if hasattr(emitter, "_timeout"):
            emitter._timeout = POLL_SECONDS


def _keep_theme_file_list() -> None:
    """List the theme's static files once, not on every rebuild (Material has thousands of
    icons; walking and filtering them was a sixth of a rebuild). Same files, same order."""
    from mkdocs.structure.files import File, Files

    original = Files.add_files_from_theme
    if getattr(original, "_preview_cache", False):
        return
    listed: dict[tuple, list[tuple[str, str]]] = {}

    def add_files_from_theme(self, env, config) -> None:
        key = (tuple(config.theme.dirs), tuple(config.theme.static_templates))
        if key not in listed:
            everything = Files([])  # every theme file, before docs files shadow any
            original(everything, env, config)
            listed[key] = [(f.src_uri, f.src_dir) for f in everything]
        for path, src_dir in listed[key]:
            if self.get_file_from_path(path) is None:
                self.append(File(path, src_dir, config.site_dir, config.use_directory_urls))

    add_files_from_theme._preview_cache = True
    Files.add_files_from_theme = add_files_from_theme


def _keep_templates_compiled() -> None:
    """Every Jinja environment MkDocs makes for the theme shares one bytecode cache."""
    from mkdocs.theme import Theme

    original = Theme.get_env
    if getattr(original, "_preview_cache", False):
        return

    def get_env(self):
        env = original(self)
        env.bytecode_cache = BYTECODE
        return env

    get_env._preview_cache = True
    Theme.get_env = get_env


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


def _never() -> bool:
    return False


# src_uri -> (digest of the Markdown after macros, HTML, toc, title) of its last render
_RENDERED: dict[str, tuple[str, str, object, str | None]] = {}


def page_markdown(markdown: str, page) -> None:
    """Reuse the last render of a page that uses macros when its Markdown did not change."""
    key = page.file.src_uri
    digest = hashlib.sha1(markdown.encode("utf-8")).hexdigest()
    hit = _RENDERED.get(key)
    forced = page.file.__dict__.get("is_modified") is _always
    if forced and hit and hit[0] == digest and os.path.isfile(page.file.abs_dest_path):
        _, content, toc, title = hit

        def reuse(config, files) -> None:
            page.content, page.toc, page._title_from_render = content, toc, title

        page.render = reuse
        page.file.is_modified = _never  # its built page stays as it is
        return
    render = page.render

    def render_and_keep(config, files) -> None:
        render(config, files)
        _RENDERED[key] = (digest, page.content, page.toc, page._title_from_render)

    page.render = render_and_keep


class _MemoryBytecodeCache(jinja2.BytecodeCache):
    """Compiled theme templates, kept across rebuilds. Keyed by Jinja on the template's
    name and source checksum, so an edited override is recompiled."""

    def __init__(self) -> None:
        self._store: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        data = self._store.get(bucket.key)
        if data is not None:
            bucket.bytecode_from_string(data)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self._store[bucket.key] = bucket.bytecode_to_string()


BYTECODE = _MemoryBytecodeCache()
