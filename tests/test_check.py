"""`make check` (scripts/check.py): passes on the repository, and reports a seeded problem of
every kind as one line that starts with file:line and names the rule."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

BIN = Path(sys.executable).parent
CONFIGS = (
    ".pymarkdown.yml",
    ".codespellrc",
    ".codespell-ignore",
    ".yamllint.yml",
    "eslint.config.js",
    "ruff.toml",
)
PAGE = "docs/concepts/messaging.md"
TYPO = "recieve"  # codespell:ignore recieve


def run(cmd: list[str], cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, timeout=600)


def test_make_check_passes_on_the_repository():
    result = run(["make", "--no-print-directory", "check"], ROOT)
    assert result.returncode == 0, result.stdout[-8000:] + result.stderr[-2000:]
    assert re.search(r"^make check: all 6 checks passed in [\d.]+s$", result.stdout, re.M)


@pytest.fixture(scope="module")
def seeded(tmp_path_factory) -> tuple[Path, subprocess.CompletedProcess]:
    """A small project with one problem of each kind, checked once."""
    root = tmp_path_factory.mktemp("seeded")
    for name in CONFIGS:
        shutil.copy(ROOT / name, root / name)
    (root / "scripts").mkdir()
    for name in ("check.py", "lint_markdown.py"):
        shutil.copy(ROOT / "scripts" / name, root / "scripts" / name)
    (root / "hooks").symlink_to(ROOT / "hooks")
    (root / "node_modules").symlink_to(ROOT / "node_modules")
    page = (ROOT / PAGE).read_text(encoding="utf-8")
    # Spelling, a fence without a language (a Markdown rule and a content rule) and a
    # heading without its space, all in the last section of a real page.
    page += f"\nWe {TYPO} the message twice.\n\n#Retries\n\n```\nnode consumer.mjs\n```\n"
    (root / PAGE).parent.mkdir(parents=True)
    (root / PAGE).write_text(page, encoding="utf-8")
    (root / "examples" / "demo").mkdir(parents=True)
    (root / "examples/demo/unused.mjs").write_text("const unused = 1;\nexport const a = 2;\n")
    (root / "examples/demo/flags.yaml").write_text("enabled: yes\n")
    (root / "scripts/bad.py").write_text("import os\n")
    (root / "scripts/ugly.py").write_text("x = {  'a':1 }\n")
    result = run([str(BIN / "python"), "scripts/check.py"], root)
    return root, result


def line_of(path: Path, needle: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    return max(n for n, line in enumerate(lines, 1) if needle in line)


def test_check_fails_on_a_seeded_problem(seeded):
    _, result = seeded
    assert result.returncode == 1
    assert "make check: 6 of 6 checks failed" in result.stdout, result.stdout
    assert "CONTRIBUTING.md, 'When a check fails'" in result.stdout


@pytest.mark.parametrize(
    ("check", "where", "expected"),
    [
        ("spelling", (PAGE, TYPO), rf": spelling: '{TYPO}' should be 'receive'"),
        ("markdown", (PAGE, "#Retries"), r":1: MD018: No space present after the hash"),
        (
            "markdown",
            (PAGE, "node consumer"),
            r":1: MD040: Fenced code blocks should have a language",
        ),
        (
            "content",
            (PAGE, "node consumer"),
            r": fence-language: a fenced code block without a language",
        ),
        ("javascript", ("examples/demo/unused.mjs", "unused"), r":7: no-unused-vars: 'unused'"),
        ("yaml", ("examples/demo/flags.yaml", "yes"), r":10: truthy: truthy value"),
        ("python", ("scripts/bad.py", "import os"), r":8: F401 "),
        ("python", ("scripts/ugly.py", "x ="), r": ruff-format: the formatter would rewrite"),
    ],
)
def test_each_problem_is_one_line_with_file_line_and_rule(seeded, check, where, expected):
    root, result = seeded
    rel, needle = where
    line = line_of(root / rel, needle)
    if needle == "node consumer":  # the fence opens on the line before the command
        line -= 1
    section = result.stdout.split(f"FAIL {check}", 1)[1].split("\nFAIL ", 1)[0]
    pattern = rf"^{re.escape(rel)}:{line}{expected}"
    assert re.search(pattern, section, re.M), f"no line matching {pattern!r} in:\n{section}"


def test_the_faster_markdown_runner_finds_what_pymarkdown_finds(seeded):
    root, _ = seeded
    plain = run([str(BIN / "pymarkdown"), "--strict-config", "scan", PAGE], root)
    fast = run([sys.executable, "scripts/lint_markdown.py", "--strict-config", "scan", PAGE], root)
    assert plain.returncode == fast.returncode == 1
    assert fast.stdout == plain.stdout and "MD018" in fast.stdout


def test_only_runs_the_named_checks_and_rejects_unknown_ones(seeded):
    root, _ = seeded
    result = run([str(BIN / "python"), "scripts/check.py", "--only=yaml"], root)
    assert result.returncode == 1
    assert result.stdout.startswith("FAIL yaml") and "FAIL python" not in result.stdout
    result = run([str(BIN / "python"), "scripts/check.py", "--only=css"], root)
    assert result.returncode == 2 and "unknown check css" in result.stdout


def test_pre_commit_runs_the_same_tools_on_staged_files(tmp_path):
    """The pre-commit hooks: local, the project's own tools, and they catch a misspelling."""
    root = tmp_path / "repo"
    root.mkdir()
    for name in (*CONFIGS, ".pre-commit-config.yaml"):
        shutil.copy(ROOT / name, root / name)
    (root / "scripts").mkdir()
    shutil.copy(ROOT / "scripts/lint_markdown.py", root / "scripts")
    for name in (".venv", "node_modules", "hooks"):
        (root / name).symlink_to(ROOT / name)
    (root / "notes.md").write_text(f"# Notes\n\nWe {TYPO} it.\n", encoding="utf-8")
    env = {"PRE_COMMIT_HOME": str(tmp_path / "cache"), "PATH": "/usr/bin:/bin"}
    assert run(["git", "init", "-q"], root).returncode == 0
    result = subprocess.run(
        [str(BIN / "pre-commit"), "run", "--files", "notes.md", ".pre-commit-config.yaml"],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=300,
        env=env,
    )
    assert result.returncode == 1, result.stdout + result.stderr
    assert re.search(r"^spelling \(codespell\)\.+Failed$", result.stdout, re.M), result.stdout
    assert f"notes.md:3: {TYPO} ==> receive" in result.stdout
    assert re.search(r"^markdown \(pymarkdownlnt\)\.+Passed$", result.stdout, re.M)
    assert re.search(r"^yaml \(yamllint\)\.+Passed$", result.stdout, re.M)


def test_markdown_findings_are_reused_only_while_the_file_is_unchanged(tmp_path):
    for name in (".pymarkdown.yml", "scripts/check.py", "scripts/lint_markdown.py"):
        (tmp_path / name).parent.mkdir(exist_ok=True)
        shutil.copy(ROOT / name, tmp_path / name)
    page = tmp_path / "docs" / "page.md"
    page.parent.mkdir()
    page.write_text("# Page\n\n#Broken heading\n", encoding="utf-8")
    check = [str(BIN / "python"), "scripts/check.py", "--only=markdown"]
    first, second = run(check, tmp_path), run(check, tmp_path)
    assert first.returncode == second.returncode == 1
    assert "docs/page.md:3:1: MD018" in first.stdout and "docs/page.md:3:1: MD018" in second.stdout
    assert (tmp_path / ".cache/check/markdown.json").is_file()
    page.write_text("# Page\n\n## Fixed heading\n", encoding="utf-8")
    third = run(check, tmp_path)
    assert third.returncode == 0 and "MD018" not in third.stdout, third.stdout
    # A changed configuration invalidates every remembered finding.
    page.write_text("# Page\n\n#Broken heading\n", encoding="utf-8")
    assert run(check, tmp_path).returncode == 1
    config = tmp_path / ".pymarkdown.yml"
    config.write_text(config.read_text() + "  md018:\n    enabled: false\n", encoding="utf-8")
    assert run(check, tmp_path).returncode == 0
