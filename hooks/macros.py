"""mkdocs-macros module: the MkDocs-facing side of the generator (kept thin).

- define_env: load and validate every topic page's front matter once per build and
  register the aggregate macros used by the home, readiness, part index and glossary pages.
- on_pre_page_macros / on_post_page_macros: keep code containing `{{ }}` literal, and
  append the generated checklist, questions and further reading to every topic page.

The logic lives in hooks/model.py, hooks/render.py and hooks/glossary.py (no MkDocs).
"""

from __future__ import annotations

import sys
from copy import copy
from pathlib import Path

from jinja2 import TemplateError, TemplateSyntaxError
from mkdocs.exceptions import PluginError

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from hooks import glossary, literal, plans, render  # noqa: E402
from hooks.model import CurriculumError, load_curriculum  # noqa: E402

_STASH_KEY = "_literal_code"


def define_env(env) -> None:
    docs_dir = Path(env.conf["docs_dir"])
    try:
        curriculum = load_curriculum(docs_dir)
    except CurriculumError as exc:
        raise PluginError(exc.report()) from None
    env.variables["curriculum"] = curriculum
    _fail_cleanly(env)
    abbreviations = ROOT / "includes" / "abbreviations.md"

    def page_src() -> str:
        return env.page.file.src_uri

    @env.macro
    def readiness_checklist() -> str:
        """Every checklist item of the site, grouped by part and topic."""
        return render.readiness(curriculum, page_src())

    @env.macro
    def overview() -> str:
        """Per-part, per-topic counts for the home page."""
        return render.overview(curriculum, page_src())

    @env.macro
    def progress_panel() -> str:
        """The "Your progress" block (counts, export, import, reset) that progress.js fills in."""
        return render.render("progress_panel.md.j2")

    @env.macro
    def part_index(part: str) -> str:
        """Cards for the topics of one part."""
        return render.part_index(curriculum, part, page_src())

    @env.macro
    def glossary_table() -> str:
        """The glossary page, from the same file that feeds the hover explanations."""
        return glossary.render_table(glossary.load(abbreviations))

    # Downloads (hooks/exports.py): the date of the commit built, never the clock.
    from hooks import exports, printable

    env.variables["build_date"] = exports.build_date(
        exports.build_epoch(Path(env.conf.config_file_path).parent)
    )

    @env.macro
    def print_curriculum() -> str:
        """The whole curriculum on one page, for print and the PDF (docs/print.md)."""
        conf = env.conf
        return printable.print_page(
            curriculum, conf["site_name"], conf["site_url"], env.variables["build_date"]
        )

    @env.macro
    def download(path: str, label: str) -> str:
        """A download's link and size, or why this build has none (docs/downloads.md)."""
        return exports.download_link(
            env.variables["downloads"], path, label, page_src(), env.conf["site_url"]
        )

    @env.macro
    def study_plan(weeks: int | None = None) -> str:
        """One study plan's schedule (hooks/plans.py), or with no weeks the table comparing them."""
        if weeks is None:
            return plans.render_summary(curriculum, docs_dir, page_src())
        return plans.render_plan(curriculum, docs_dir, weeks, page_src())


def on_pre_page_macros(env) -> None:
    env.markdown, env.variables[_STASH_KEY] = literal.protect(env.markdown)


def on_post_page_macros(env) -> None:
    markdown = literal.restore(env.markdown, env.variables.pop(_STASH_KEY, {}))
    topic = env.variables["curriculum"].topic_for(env.page.file.src_uri)
    if topic is not None:
        markdown = markdown.rstrip() + "\n" + render.topic_sections(topic)
    env.markdown = markdown


def _fail_cleanly(env) -> None:
    """Render pages ourselves so a macro error is one line naming the file, not a traceback.

    mkdocs-macros prints a Python traceback and exits on any error; a contributor needs
    the file, the line and what to do instead. Same variables and Jinja environment
    (with its strict undefined) as the plugin; `render_macros: false` is honored.
    """

    def render(markdown: str, force_rendering: bool = False) -> str:
        meta = env.page.meta if env.page is not None else {}
        if meta.get("render_macros") is False:
            return markdown
        jinja = env.env
        starts = (jinja.variable_start_string, jinja.block_start_string, jinja.comment_start_string)
        if not any(start in markdown for start in starts):
            return markdown  # nothing to render: don't compile the page as a template
        variables = copy(env.variables)
        variables.update(meta)
        try:
            return env.env.from_string(markdown).render(**variables)
        except TemplateError as exc:
            raise PluginError(_describe(env, markdown, exc)) from None
        except Exception as exc:  # a macro raised: name the page and the macro's message
            raise PluginError(
                f"{_page_label(env)}: a macro failed: {type(exc).__name__}: {exc}"
            ) from None

    env.render = render


def _page_label(env) -> str:
    return (
        f"{env.conf['docs_dir'].rstrip('/').split('/')[-1]}/{env.page.file.src_uri}"
        if env.page
        else "(page)"
    )


def _describe(env, markdown: str, exc: TemplateError) -> str:
    label = _page_label(env)
    line = getattr(exc, "lineno", None)
    if line is None:
        # UndefinedError carries no line: find the first line that names the variable.
        name = str(exc).split("'")[1] if str(exc).count("'") >= 2 else ""
        for number, text in enumerate(markdown.splitlines(), start=1):
            if name and name in text and ("{{" in text or "{%" in text):
                line = number
                break
    if line is not None and env.page is not None:
        line = _source_line(
            env.page.file.abs_src_path, markdown.splitlines()[line - 1 : line] or [""], line
        )
    where = f"line {line}: " if line else ""
    kind = "macro syntax error" if isinstance(exc, TemplateSyntaxError) else "macro error"
    hint = (
        "put code that contains '{{' or '{%' in a code span or fenced block, or wrap it in {% raw %}...{% endraw %}"
        if isinstance(exc, TemplateSyntaxError)
        else "check the macro or variable name (see docs/contributing.md for the macros)"
    )
    return f"{label}: {where}{kind}: {exc.message}; {hint}"


def _source_line(path: str, wanted: list[str], fallback: int) -> int:
    """The line number in the page's file (front matter included) of a line of its body."""
    try:
        lines = open(path, encoding="utf-8").read().splitlines()
    except OSError:
        return fallback
    text = wanted[0]
    matches = [
        number
        for number, candidate in enumerate(lines, start=1)
        if candidate == text and text.strip()
    ]
    return matches[0] if matches else fallback
