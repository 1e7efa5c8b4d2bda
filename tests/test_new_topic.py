"""`make new-topic` (scripts/new_topic.py): the scaffold builds strictly on the first try,
its example's test passes, its nav entry lands in its part, and `make check`'s content rules
fail on it, naming what is left to write. Bad input is refused before anything is written."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from hooks import rules
from hooks.model import PARTS, load_curriculum
from scripts import new_topic
from tests.conftest import ROOT, FixtureSite, topic_page

SCRIPT = ROOT / "scripts" / "new_topic.py"
NAV = """
nav:
  - Home: index.md
  - Readiness: readiness.md
  - The twelve concepts:
      - concepts/index.md
      - concepts/messaging.md
  - Docker:
      - docker/index.md
"""


class _AnyTag(yaml.SafeLoader):
    """Reads mkdocs.yml without resolving `!ENV` and `!!python/name:` tags."""


_AnyTag.add_multi_constructor("!", lambda loader, suffix, node: None)
_AnyTag.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def nav_of(config: str) -> list:
    return yaml.load(config, Loader=_AnyTag)["nav"]


def small_project(root: Path, nav: str = NAV) -> Path:
    """Just enough for the scaffold (no build): mkdocs.yml with a nav and one page per part."""
    (root / "mkdocs.yml").write_text("site_name: Test\n" + nav, encoding="utf-8")
    for rel, text in {
        "docs/index.md": "# Home\n",
        "docs/concepts/index.md": "# Concepts\n",
        "docs/concepts/messaging.md": topic_page(),
        # A page whose file name is not its topic.
        "docs/concepts/message-brokers.md": topic_page(topic="brokers"),
        "docs/docker/index.md": "# Docker\n",
    }.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, encoding="utf-8")
    (root / "examples").mkdir(exist_ok=True)
    return root


def snapshot(root: Path) -> dict[str, str]:
    return {
        str(p.relative_to(root)): p.read_text(encoding="utf-8")
        for p in sorted(root.rglob("*"))
        if p.is_file() and "site" not in p.relative_to(root).parts
    }


def run_script(root: Path, *args: str, stdin: str = "") -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(SCRIPT), "--root", str(root), *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=60,
    )


# --------------------------------------------------------------------------- the scaffold


def test_the_scaffold_builds_strictly_and_its_example_test_passes(tmp_path):
    site = FixtureSite(tmp_path)
    (tmp_path / "mkdocs.yml").write_text(
        (tmp_path / "mkdocs.yml").read_text(encoding="utf-8") + NAV, encoding="utf-8"
    )
    site.write("docs/concepts/index.md", "# Concepts\n")
    site.write("docs/concepts/messaging.md", topic_page())
    site.write("docs/docker/index.md", "# Docker\n")
    args = ["--part", "concepts", "--slug", "rate-limiting", "--title", "Rate limiting: tokens"]
    assert new_topic.main([*args, "--root", str(tmp_path)]) == 0

    page = tmp_path / "docs/concepts/rate-limiting.md"
    text = page.read_text(encoding="utf-8")
    assert f'reviewed: "{dt.date.today():%Y-%m}"' in text
    for heading in ("Why interviewers ask", "Pitfalls and red flags", "Hands-on"):
        assert f"\n## {heading}\n" in text
    # The nav lists it in its part, after the part's last page.
    concepts = nav_of((tmp_path / "mkdocs.yml").read_text(encoding="utf-8"))[2]
    assert concepts["The twelve concepts"][-1] == "concepts/rate-limiting.md"

    result = site.build()
    assert result.returncode == 0, result.stdout + result.stderr
    html = site.html("concepts/rate-limiting/index.html")
    assert "<h1>Rate limiting: tokens</h1>" in html
    assert 'data-item-id="rate-limiting.first-concept"' in html
    assert 'data-question-id="rate-limiting.q.second-concept"' in html
    assert "export function chunk" in re.sub(r"<[^>]+>", "", html)  # the example, by path
    # Instructions in the body are HTML comments: the reader sees none of them.
    body = html.split('<article class="md-content__inner')[1].split("</article>")[0]
    assert "<!-- new-topic: rename this heading" in body
    visible = re.sub(r"<!--.*?-->", "", body, flags=re.S)
    assert "rename this heading" not in visible and "one short paragraph" not in visible

    node = shutil.which("node")
    assert node, "Node.js is required to run the example's test"
    test = subprocess.run(
        [node, "--test", "rate-limiting/"],
        cwd=tmp_path / "examples",
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert test.returncode == 0 and "# pass 2" in test.stdout, test.stdout + test.stderr


def test_the_scaffold_fails_the_content_rules_with_what_is_left(tmp_path):
    root = small_project(tmp_path)
    assert new_topic.main(["--root", str(root), "--part", "docker", "--slug", "image-security",
                           "--title", "Image security"]) == 0  # fmt: skip
    curriculum = load_curriculum(root / "docs")  # the front matter is valid ...
    found = rules.check(curriculum, root / "docs", today=dt.date.today())
    page = f"{root}/docs/docker/image-security.md"
    mine = [f for f in found if "image-security" in f.file]
    assert mine and all(f.severity == "error" for f in mine)  # ... the content is not
    assert {f.rule for f in mine} >= {
        "scaffold",
        "page-words",
        "item-count",
        "question-count",
        "resource-count",
        "answer-words",
    }
    messages = [str(f) for f in mine]
    assert any(
        m.startswith(f"{page}:") and "page-words: " in m and "write 1," in m for m in messages
    )
    assert any(
        m.startswith(
            "examples/image-security/image-security.mjs:1: scaffold: left from "
            "`make new-topic`: replace this module"
        )  # fmt: skip
        for m in messages
    )
    # Every instruction in the page is reported at its own line.
    lines = (root / "docs/docker/image-security.md").read_text(encoding="utf-8").splitlines()
    marked = [n for n, line in enumerate(lines, 1) if "new-topic:" in line]
    reported = sorted(f.line for f in mine if f.rule == "scaffold" and f.file == page)
    assert reported == marked and len(marked) > 10


def test_the_scaffold_passes_the_linters(tmp_path):
    root = small_project(tmp_path)
    for config in ("eslint.config.js", ".codespellrc", ".codespell-ignore", ".pymarkdown.yml"):
        shutil.copy(ROOT / config, root)
    (root / "node_modules").symlink_to(ROOT / "node_modules")
    assert new_topic.main(["--root", str(root), "--part", "concepts", "--slug", "caching",
                           "--title", "Caching"]) == 0  # fmt: skip
    bin_dir = Path(sys.executable).parent
    page = "docs/concepts/caching.md"
    examples = ["examples/caching/caching.mjs", "examples/caching/caching.test.mjs"]
    for cmd in (
        [sys.executable, str(ROOT / "scripts/lint_markdown.py"), "--strict-config", "scan", page],
        [str(bin_dir / "codespell"), page, *examples],
        [str(ROOT / "node_modules/.bin/eslint"), *examples],
    ):  # fmt: skip
        result = subprocess.run(cmd, cwd=root, capture_output=True, text=True, timeout=120)
        assert result.returncode == 0, f"{cmd[1]}: {result.stdout}{result.stderr}"


# --------------------------------------------------------------------------- input


def test_prompts_for_what_is_missing_and_asks_again_on_bad_answers(tmp_path):
    root = small_project(tmp_path)
    result = run_script(
        root, stdin="Concepts\nconcepts\nRate Limiting\nrate-limiting\nRate limiting\n"
    )
    assert result.returncode == 0, result.stderr
    assert "part 'Concepts' is not one of nodejs, concepts, practice" in result.stderr
    assert "slug 'Rate Limiting' must be lowercase letters and digits" in result.stderr
    assert "Part (nodejs, concepts, practice, devops, docker, kubernetes): " in result.stdout
    assert "Created docs/concepts/rate-limiting.md" in result.stdout
    assert (root / "examples/rate-limiting/rate-limiting.test.mjs").is_file()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--part", "frontend"], "error: part 'frontend' is not one of nodejs, concepts"),
        (
            ["--part", "concepts", "--slug", "Rate_Limit"],
            "error: slug 'Rate_Limit' must be lowercase",
        ),
        (
            ["--part", "concepts", "--slug", "messaging", "--title", "Again"],
            "error: slug 'messaging' is taken: docs/concepts/messaging.md exists",
        ),  # fmt: skip
        (
            ["--part", "docker", "--slug", "brokers", "--title", "Again"],
            "error: slug 'brokers' is taken: docs/concepts/message-brokers.md has `topic: brokers`",
        ),  # fmt: skip
        (
            ["--part", "concepts", "--slug", "queues", "--title", "Qs"],
            "error: title 'Qs' must be 3 to 80 characters",
        ),  # fmt: skip
        (["--part", "concepts", "--slug", "queues"], "error: no title given"),
        (
            ["--part", "kubernetes", "--slug", "operators", "--title", "Operators"],
            "error: mkdocs.yml: the nav lists no page under kubernetes/",
        ),  # fmt: skip
    ],
)
def test_bad_input_is_refused_and_nothing_is_written(tmp_path, args, message):
    root = small_project(tmp_path)
    before = snapshot(root)
    result = run_script(root, *args)
    assert result.returncode == 1
    assert message in result.stderr
    assert snapshot(root) == before


def test_an_examples_folder_of_the_same_name_is_refused(tmp_path):
    root = small_project(tmp_path)
    (root / "examples" / "queues").mkdir()
    result = run_script(root, "--part", "concepts", "--slug", "queues", "--title", "Queues")
    assert result.returncode == 1 and "examples/queues/ already exists" in result.stderr


def test_a_config_without_nav_is_left_alone(tmp_path):
    root = small_project(tmp_path, nav="")
    before = (root / "mkdocs.yml").read_text(encoding="utf-8")
    result = run_script(root, "--part", "concepts", "--slug", "queues", "--title", "Queues")
    assert result.returncode == 0, result.stderr
    assert (root / "mkdocs.yml").read_text(encoding="utf-8") == before


# --------------------------------------------------------------------------- the real project


@pytest.mark.parametrize("part", list(PARTS))
def test_the_nav_entry_lands_in_its_part_of_the_real_config(part):
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    changed = new_topic.add_to_nav(config, part, "zz-new")
    assert changed is not None
    added = [line for line in changed.splitlines() if line not in config.splitlines()]
    assert added == [f"      - {part}/zz-new.md"]
    for section in nav_of(changed):
        if isinstance(section, dict) and section.get(PARTS[part]):
            # After the part's other pages (and before any subsection, like Study plans).
            pages = [p for p in section[PARTS[part]] if isinstance(p, str)]
            assert pages[0] == f"{part}/index.md" and pages[-1] == f"{part}/zz-new.md"
            break
    else:
        pytest.fail(f"no nav section titled {PARTS[part]!r}")


def test_the_real_slugs_are_taken():
    with pytest.raises(new_topic.ScaffoldError, match="slug 'messaging' is taken"):
        new_topic.check_free(ROOT, "messaging")
    new_topic.check_free(ROOT, "zz-not-a-topic")
