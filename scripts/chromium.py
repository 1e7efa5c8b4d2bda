"""Debian's Chromium and the flags every headless run of it uses: the browser tests, the
PDF (scripts/make_pdf.py) and the benchmark. Playwright cannot download its own browser
here, so everything drives the system one (`apt-get install chromium`)."""

from __future__ import annotations

import shutil

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")

# Headless as root, and quiet: without the background-networking flags Chromium keeps
# calling Google's hosts, which a closed network refuses (and a test must not depend on).
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
