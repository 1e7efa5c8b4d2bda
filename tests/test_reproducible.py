"""Two builds of the same sources produce the same files, byte for byte (issue 8, item 5).

The session's `built_site` is one build. The second runs from a copy of the project in
another directory, with another hash seed and SOURCE_DATE_EPOCH set to the last commit's
time, so that absolute paths, set and dict ordering, the clock and the filesystem all get
a chance to leak into the output. Only the sitemap may differ, and only in its <lastmod>
dates: MkDocs stamps the build date there (and, through it, in the gzip header of
sitemap.xml.gz), which SOURCE_DATE_EPOCH moves.
"""

from __future__ import annotations

import gzip
import re
import subprocess
from pathlib import Path

import pytest

from tests.conftest import ENV, ROOT, copy_project, run_build

SITEMAPS = {"sitemap.xml", "sitemap.xml.gz"}
LASTMOD = re.compile(rb"<lastmod>[^<]*</lastmod>")

# Who writes the generated files, so a failure names the code to fix.
WRITTEN_BY = {
    "api/": "hooks/exports.py (the exports)",
    "downloads/": "hooks/exports.py (the exports)",
    "search/": "the search plugin (mkdocs.yml plugins; check the page order it is fed)",
    "tags/": "the tags plugin",
    "assets/javascripts/vendor/": "hooks/mkdocs_hooks.py (copies the vendored assets)",
}


def last_commit_epoch() -> str:
    return subprocess.run(
        ["git", "log", "-1", "--format=%ct"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.strip()


@pytest.fixture(scope="module")
def second_build(tmp_path_factory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("elsewhere") / "project")
    (project / "node_modules").symlink_to(ROOT / "node_modules")
    site = project.parent / "site"
    seed = "2" if ENV.get("PYTHONHASHSEED") == "1" else "1"
    env = {**ENV, "PYTHONHASHSEED": seed, "SOURCE_DATE_EPOCH": last_commit_epoch()}
    result = run_build(project, site, env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    return site


def files_under(site: Path) -> dict[str, Path]:
    return {p.relative_to(site).as_posix(): p for p in sorted(site.rglob("*")) if p.is_file()}


def comparable(rel: str, path: Path) -> bytes:
    data = path.read_bytes()
    if rel in SITEMAPS:
        if rel.endswith(".gz"):
            data = gzip.decompress(data)
        data = LASTMOD.sub(b"<lastmod></lastmod>", data)
    return data


def describe(rel: str, first: bytes, second: bytes) -> str:
    owner = next((who for prefix, who in WRITTEN_BY.items() if rel.startswith(prefix)), None)
    where = f"{rel} (written by {owner})" if owner else rel
    try:
        a, b = first.decode().splitlines(), second.decode().splitlines()
    except UnicodeDecodeError:
        offset = next(
            (i for i, (x, y) in enumerate(zip(first, second, strict=False)) if x != y),
            min(len(first), len(second)),
        )
        return f"{where}: binary, {len(first)} vs {len(second)} bytes, first difference at byte {offset}"
    line = next(
        (i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b))
    )
    x, y = (a[line] if line < len(a) else ""), (b[line] if line < len(b) else "")
    col = next(
        (i for i, (p, q) in enumerate(zip(x, y, strict=False)) if p != q), min(len(x), len(y))
    )
    start = max(col - 60, 0)
    return (
        f"{where}: first difference at line {line + 1}, column {col + 1}:\n"
        f"      first build:  ...{x[start : col + 80]!r}\n"
        f"      second build: ...{y[start : col + 80]!r}"
    )


def test_two_builds_are_byte_identical_apart_from_sitemap_dates(built_site, second_build):
    first, second = files_under(built_site), files_under(second_build)
    assert sorted(first) == sorted(second), (
        "the two builds wrote different files: "
        f"only in the first {sorted(set(first) - set(second))}, "
        f"only in the second {sorted(set(second) - set(first))}"
    )
    problems = []
    for rel in first:
        a, b = comparable(rel, first[rel]), comparable(rel, second[rel])
        if a != b:
            problems.append(describe(rel, a, b))
    assert not problems, (
        f"{len(problems)} file(s) differ between two builds of the same sources. A build must "
        "not depend on the clock, the checkout's directory, the hash seed or file order "
        "(use SOURCE_DATE_EPOCH or the last commit's time for dates, sort what you iterate):\n  "
        + "\n  ".join(problems)
    )


def test_only_the_sitemap_dates_are_forgiven(tmp_path):
    """The allowance is <lastmod> in the sitemap, decompressed: not a page, not a URL."""
    xml = b"<urlset><url><loc>https://x/a/</loc><lastmod>2026-11-24</lastmod></url></urlset>"
    later = xml.replace(b"2026-11-24", b"2026-11-25")
    moved = xml.replace(b"/a/", b"/b/")
    for name, data in {
        "1/sitemap.xml": xml,
        "2/sitemap.xml": later,
        "3/sitemap.xml": moved,
    }.items():
        (tmp_path / name).parent.mkdir()
        (tmp_path / name).write_bytes(data)
        (tmp_path / name).with_suffix(".xml.gz").write_bytes(
            gzip.compress(data, mtime=int(name[0]))
        )
    for rel in SITEMAPS:
        one, two, three = (comparable(rel, tmp_path / str(n) / rel) for n in (1, 2, 3))
        assert one == two
        assert one != three
    page = tmp_path / "1" / "index.html"
    page.write_bytes(b"<lastmod>2026-11-24</lastmod>")
    assert comparable("index.html", page) == page.read_bytes()
