"""The browser code's pure logic, unit-tested with node:test (tests/js/*.test.mjs)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
NODE = shutil.which("node")


@pytest.mark.skipif(NODE is None, reason="Node.js is not installed")
def test_node_unit_tests_pass():
    tests = sorted((ROOT / "tests" / "js").glob("*.test.mjs"))
    assert tests, "tests/js holds no *.test.mjs files"
    result = subprocess.run(
        # The site's modules are ES modules in a folder without "type": "module".
        [NODE, "--disable-warning=MODULE_TYPELESS_PACKAGE_JSON", "--test", *map(str, tests)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-2000:]
    assert "# fail 0" in result.stdout, result.stdout[-6000:]
