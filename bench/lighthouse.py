"""Lighthouse mobile performance (its default: a mid-range phone on a throttled 4G link,
simulated), on the home page and a topic page, median of N runs each, with the audits
that cost points, so a score below target says what to fix."""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import tempfile
from pathlib import Path

from bench.weight import CHROME_ARGS, CHROMIUM

ROOT = Path(__file__).resolve().parent.parent
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
METRICS = (
    "first-contentful-paint",
    "largest-contentful-paint",
    "total-blocking-time",
    "cumulative-layout-shift",
    "speed-index",
)


def _run(url: str) -> dict:
    with tempfile.TemporaryDirectory(prefix="lighthouse-") as tmp:
        report = Path(tmp) / "report.json"
        result = subprocess.run(
            [
                str(LIGHTHOUSE),
                url,
                "--only-categories=performance",
                "--output=json",
                f"--output-path={report}",
                "--quiet",
                f"--chrome-flags={' '.join(CHROME_ARGS)}",
            ],
            env={**os.environ, "CHROME_PATH": CHROMIUM},
            capture_output=True,
            text=True,
            timeout=300,
        )
        if result.returncode != 0 or not report.is_file():
            raise RuntimeError(
                f"lighthouse failed on {url}: {(result.stderr or result.stdout)[-1500:]}"
            )
        data = json.loads(report.read_text(encoding="utf-8"))
    audits = data["audits"]
    costly = sorted(
        (
            {
                "id": key,
                "title": a["title"],
                "score": a["score"],
                "display": a.get("displayValue", ""),
            }
            for key, a in audits.items()
            if a.get("score") is not None
            and a["score"] < 0.9
            and a.get("scoreDisplayMode") in ("numeric", "binary", "metricSavings")
        ),
        key=lambda a: a["score"],
    )
    return {
        "score": round(data["categories"]["performance"]["score"] * 100),
        "metrics": {m: audits[m].get("displayValue", "") for m in METRICS if m in audits},
        "below_090": costly,
    }


def measure(base_url: str, topic_page: str, runs: int, log) -> dict:
    if not LIGHTHOUSE.is_file():
        raise RuntimeError(f"{LIGHTHOUSE.relative_to(ROOT)} is missing: run `make install`")
    pages = {"home": base_url, "topic": base_url + topic_page[: -len(".md")] + "/"}
    out: dict = {"pages": {}, "runs": runs, "target": 98}
    for name, url in pages.items():
        results = []
        for n in range(runs):
            results.append(_run(url))
            log(f"    {name}: run {n + 1}/{runs}: {results[-1]['score']}")
        scores = [r["score"] for r in results]
        median = statistics.median(scores)
        middle = min(results, key=lambda r: abs(r["score"] - median))
        out["pages"][name] = {
            "scores": scores,
            "median": median,
            "metrics": middle["metrics"],
            "below_090": middle["below_090"],
        }
    return out
