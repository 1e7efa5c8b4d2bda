"""Code shown on a page runs: every example has a test, the tests pass, pages include examples by path."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest

from tests.conftest import ROOT

EXAMPLES = ROOT / "examples"
MODULES = sorted(
    p
    for p in EXAMPLES.rglob("*.mjs")
    if "node_modules" not in p.parts and not p.name.endswith(".test.mjs")
)


@pytest.mark.parametrize("module", MODULES, ids=lambda p: str(p.relative_to(EXAMPLES)))
def test_every_example_module_has_a_test(module):
    assert module.with_name(module.name[: -len(".mjs")] + ".test.mjs").is_file(), (
        f"{module.relative_to(ROOT)} has no .test.mjs beside it"
    )


def test_examples_pass_under_node_test():
    node = shutil.which("node")
    assert node, "Node.js is required to run the examples"
    result = subprocess.run(
        [node, "--test"], cwd=EXAMPLES, capture_output=True, text=True, timeout=300
    )
    summary = "\n".join(line for line in result.stdout.splitlines() if line.startswith("# "))
    lines = result.stdout.splitlines()
    failed = [
        "\n".join(lines[i : i + 25])
        for i, line in enumerate(lines)
        if line.lstrip().startswith("not ok")
    ]
    assert result.returncode == 0, (
        "\n\n".join(failed) or result.stdout[-6000:] + result.stderr[-2000:]
    )
    assert re.search(r"^# pass [1-9]", result.stdout, re.M), summary
    assert re.search(r"^# fail 0$", result.stdout, re.M), summary


def test_every_example_module_is_shown_on_a_page():
    included = set()
    for page in (ROOT / "docs").rglob("*.md"):
        for match in re.finditer(r'--8<--\s+"([^":]+)', page.read_text(encoding="utf-8")):
            included.add(match.group(1))
    orphans = [
        str(m.relative_to(ROOT)) for m in MODULES if str(m.relative_to(ROOT)) not in included
    ]
    assert not orphans, f"example modules no page shows (include them or remove them): {orphans}"
