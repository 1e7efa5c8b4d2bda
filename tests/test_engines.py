"""The site builds unchanged with ProperDocs, the drop-in MkDocs fork (issue 8, item 8).

MkDocs 1.x is unmaintained; ProperDocs 1.6 continues it under its own package name and
redirects every `mkdocs.*` import (Material's, mkdocs-macros', our hooks') to its own
modules. The real site is built strictly with `properdocs build` and compared, file by
file, with the session's MkDocs build: only the generator <meta> may differ (and the
sitemap's dates). MAINTAINERS.md has the wider picture, Zensical included.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from tests.conftest import BIN, ROOT, run_build, topic_page
from tests.test_reproducible import comparable, describe, files_under

PROPERDOCS = str(BIN / "properdocs")
GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*">')


def properdocs_build(project: Path, site: Path) -> subprocess.CompletedProcess:
    # -f: name the config file, which ProperDocs otherwise looks for as properdocs.yml first.
    return run_build(project, site, engine=PROPERDOCS, args=("-f", "mkdocs.yml"))


@pytest.fixture(scope="module")
def properdocs_site(tmp_path_factory) -> Path:
    site = tmp_path_factory.mktemp("properdocs-site")
    result = properdocs_build(ROOT, site)
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    warnings = [line for line in output.splitlines() if line.startswith(("WARNING", "ERROR"))]
    assert not warnings, "\n".join(warnings)
    return site


def test_properdocs_is_the_engine_that_built_it(properdocs_site):
    html = (properdocs_site / "index.html").read_text(encoding="utf-8")
    assert '<meta name="generator" content="mkdocs-ProperDocs 1.6.7,' in html


def test_topic_page_and_readiness_page_are_generated(properdocs_site):
    topic = (properdocs_site / "concepts" / "messaging" / "index.html").read_text("utf-8")
    assert 'id="checklist-mid"' in topic and 'id="checklist-senior"' in topic
    assert 'data-item-id="messaging.' in topic
    assert 'class="curriculum-question"' in topic
    readiness = (properdocs_site / "readiness" / "index.html").read_text("utf-8")
    items = re.findall(r'<li class="task-list-item curriculum-item"', readiness)
    assert len(items) >= 300, len(items)


def test_properdocs_builds_the_same_site_as_mkdocs(built_site, properdocs_site):
    first, second = files_under(built_site), files_under(properdocs_site)
    assert sorted(first) == sorted(second), (
        f"only with MkDocs: {sorted(set(first) - set(second))}, "
        f"only with ProperDocs: {sorted(set(second) - set(first))}"
    )
    problems = []
    for rel in first:
        a, b = comparable(rel, first[rel]), comparable(rel, second[rel])
        if rel.endswith(".html"):
            a, b = GENERATOR.sub(b"", a), GENERATOR.sub(b"", b)
        if a != b:
            problems.append(describe(rel, a, b))
    assert not problems, "MkDocs and ProperDocs built different files:\n  " + "\n  ".join(problems)


def test_bad_input_fails_with_the_same_clean_message(fixture_site):
    """Our hooks raise mkdocs.exceptions.PluginError; under ProperDocs that is its own."""
    page = "docs/concepts/messaging.md"
    fixture_site.write(page, topic_page().replace("level: mid", "level: expert"))
    result = properdocs_build(fixture_site.path, fixture_site.path / "site")
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert "Traceback" not in output, output
    assert f"{page}: checklist[0].level: 'expert' is not one of mid, senior" in output
