"""MkDocs hooks (thin): the MkDocs-facing wiring of the generator's plain modules.

- on_config: the glossary, handed once to the abbr extension (hooks/glossary.py).
- on_files: the generated files, added as site files so links to them are checked: the
  progress scripts' items.json (hooks/progress_data.py), the exports (hooks/exports.py)
  and the PDF and offline zip staged in dist/.
- on_page_content / on_post_page: the print page (hooks/printable.py).
- on_page_markdown: missing includes fail with the page, line and path (hooks/snippets.py).
- on_startup / on_serve / on_nav: `make serve`'s dirty previews (hooks/preview.py).
- on_post_build: self-hosted Mermaid from npm, so no page loads a third-party host.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from hooks import exports, glossary, nav_labels, preview, printable, progress_data, snippets  # noqa: E402
from hooks.model import CurriculumError, is_topic_path, load_curriculum  # noqa: E402

VENDOR = {
    "node_modules/mermaid/dist/mermaid.min.js": "assets/javascripts/vendor/mermaid.min.js",
    # The ES module build, which loads only the diagram types a page uses (mermaid-loader.js).
    "node_modules/mermaid/dist/mermaid.esm.min.mjs": "assets/javascripts/vendor/mermaid/mermaid.esm.min.mjs",
}
VENDOR_DIRS = {
    "node_modules/mermaid/dist/chunks/mermaid.esm.min": "assets/javascripts/vendor/mermaid/chunks/mermaid.esm.min",
}


def on_startup(command, dirty, **kwargs) -> None:
    preview.start(command, dirty)  # `make serve` previews with --dirty (hooks/preview.py)


def on_serve(server, config, builder, **kwargs):
    if preview.active():
        preview.watch_closely(server)
    return server


def on_nav(nav, config, files, **kwargs):
    if preview.active():
        preview.prepare(files, config)
    return nav


def on_env(env, config, files, **kwargs):
    env.filters["nav_section_labels"] = nav_labels.label_sections  # overrides/main.html
    return env


def on_config(config, **kwargs):
    """The glossary explains abbreviations on every page, through the abbr extension."""
    path = ROOT / "includes" / "abbreviations.md"
    try:
        glossary.configure_abbr(config["mdx_configs"], config["markdown_extensions"], path)
    except glossary.GlossaryError as exc:
        raise PluginError("\n".join(f"includes/{line}" for line in str(exc).splitlines())) from None
    return config


def on_files(files, config, **kwargs):
    """Add the progress scripts' data file (hooks/progress_data.py) to the site."""
    from mkdocs.structure.files import File

    macros = config.plugins.get("macros")
    curriculum = getattr(macros, "variables", {}).get("curriculum") if macros else None
    if curriculum is None:  # the macros plugin loads it once per build; load it here otherwise
        try:
            curriculum = load_curriculum(config["docs_dir"])
        except CurriculumError as exc:
            raise PluginError(exc.report()) from None
    content = progress_data.items_json(curriculum)
    files.append(File.generated(config, progress_data.ITEMS_PATH, content=content))
    # The downloads and api/curriculum.json (hooks/exports.py), as site files so links to them are checked.
    # The PDF and offline zip come from dist/ when `make dist` made them for this commit.
    project = Path(config.config_file_path).parent
    epoch = exports.build_epoch(project)
    made = exports.site_files(curriculum, config["site_name"], config["site_url"], epoch)
    for path, data in made.items():
        files.append(File.generated(config, path, content=data))
    sizes = {path: len(data) for path, data in made.items()}
    if config.extra.get("staged_downloads", True):  # mkdocs.offline.yml turns it off
        for path, file in exports.staged(project / "dist", epoch).items():
            files.append(File.generated(config, path, abs_src_path=str(file)))
            sizes[path] = file.stat().st_size
    if macros:
        macros.variables["downloads"] = sizes  # for the download() macro (docs/downloads.md)
    return files


def on_page_content(html: str, page, config, files, **kwargs) -> str:
    if is_topic_path(page.file.src_uri):  # the print page shows every topic's HTML
        printable.remember(page.file.src_uri, page.url, html)
    return html


def on_post_page(output: str, page, config, **kwargs) -> str:
    if page.file.src_uri == "print.md":
        try:
            curriculum = config.plugins["macros"].variables["curriculum"]
            return printable.fill(output, page.url, curriculum)
        except ValueError as exc:
            raise PluginError(f"docs/print.md: {exc}") from None
    return output


def on_page_markdown(markdown: str, page, config, **kwargs) -> str:
    """Fail with the page, line and path when an include is missing (runs after the macros)."""
    docs = Path(config["docs_dir"]).name
    project = Path(config.config_file_path).parent
    source = Path(page.file.abs_src_path).read_text(encoding="utf-8")
    # Check the file itself (front matter included) so line numbers match the editor's.
    problems = snippets.check(source, project, f"{docs}/{page.file.src_uri}")
    if problems:
        raise PluginError("\n".join(problems))
    if preview.active():
        preview.page_markdown(markdown, page)
    return markdown


def on_post_build(config, **kwargs) -> None:
    site_dir = Path(config["site_dir"])
    for src, dest in VENDOR.items():
        source = ROOT / src
        if not source.is_file():
            raise PluginError(
                f"{src} is missing: run `make install` (it runs `npm ci`) to install the site's front-end assets"
            )
        _copy(source, site_dir / dest)
    for src, dest in VENDOR_DIRS.items():
        for source in sorted((ROOT / src).glob("*.mjs")):
            _copy(source, site_dir / dest / source.name)


def _copy(source: Path, target: Path) -> None:
    """Copy unless an identical copy is there (serve rebuilds would copy 5 MB each time)."""
    if target.is_file():
        have, want = target.stat(), source.stat()
        if have.st_size == want.st_size and have.st_mtime >= want.st_mtime:
            return
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)
