"""Lighthouse (mobile, default config) holds the home page and a topic page to 100.

Accessibility, best practices and SEO, each scored 100 out of 100 by the pinned
Lighthouse (package.json) driving Debian's Chromium against the built site over HTTP.
A failure lists each audit that lost points, with its id and title.
"""

from __future__ import annotations

import json
import os
import subprocess

import pytest
from conftest import CHROMIUM, CHROMIUM_ARGS, ROOT

LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ("accessibility", "best-practices", "seo")
PAGES = ["/", "/concepts/messaging/"]

pytestmark = [
    pytest.mark.skipif(
        CHROMIUM is None, reason="Debian's chromium is not installed (apt-get install chromium)"
    ),
    pytest.mark.skipif(not LIGHTHOUSE.exists(), reason="run `make install` (npm ci) first"),
]


def lighthouse(url: str, out) -> dict:
    result = subprocess.run(
        [
            str(LIGHTHOUSE),
            url,
            "--output=json",
            f"--output-path={out}",
            f"--only-categories={','.join(CATEGORIES)}",
            f"--chrome-flags={' '.join(CHROMIUM_ARGS)}",
            "--quiet",
        ],
        env={**os.environ, "CHROME_PATH": CHROMIUM},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, f"lighthouse {url} failed:\n{result.stdout}\n{result.stderr}"
    return json.loads(out.read_text(encoding="utf-8"))


def lost_points(report: dict, category: str) -> list[str]:
    """The audits of a category that count towards its score and did not pass."""
    lines = []
    for ref in report["categories"][category]["auditRefs"]:
        audit = report["audits"][ref["id"]]
        if ref["weight"] > 0 and audit["score"] is not None and audit["score"] < 1:
            detail = audit.get("displayValue") or audit.get("explanation") or ""
            items = (audit.get("details") or {}).get("items") or []
            nodes = [
                i["node"].get("selector", "") for i in items if isinstance(i.get("node"), dict)
            ]
            lines.append(
                f"  {audit['id']}: {audit['title']}"
                + (f" ({detail})" if detail else "")
                + (f" at {', '.join(nodes[:5])}" if nodes else "")
            )
    return lines


@pytest.mark.parametrize("path", PAGES)
def test_lighthouse_scores_100(server, tmp_path, path):
    report = lighthouse(server + path, tmp_path / "report.json")
    assert not report.get("runtimeError"), report["runtimeError"]
    assert report["configSettings"]["formFactor"] == "mobile"
    scores = {c: round(report["categories"][c]["score"] * 100) for c in CATEGORIES}
    print(f"lighthouse {report['lighthouseVersion']} mobile {path}: {scores}")
    failures = []
    for category, score in scores.items():
        if score < 100:
            failures.append(f"{category}: {score}")
            failures += lost_points(report, category)
    assert not failures, f"Lighthouse below 100 on {path}:\n" + "\n".join(failures)
