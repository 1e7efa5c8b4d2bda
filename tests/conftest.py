"""Shared fixtures: the real site built once, and small fixture sites built per test."""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import re
import shutil
import subprocess
import sys
import textwrap
import threading
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
MKDOCS = str(BIN / "mkdocs")
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
for var in ("CI_PAGES_URL", "CI_PROJECT_URL", "CI_PROJECT_PATH", "MKDOCS_EDIT_URI"):
    ENV.pop(var, None)


def run_build(
    project: Path,
    site_dir: Path,
    *,
    engine: str = MKDOCS,
    args: tuple = (),
    env: dict | None = None,
) -> subprocess.CompletedProcess:
    """A strict build of project into site_dir, by MkDocs unless another engine is named."""
    return subprocess.run(
        [engine, "build", "--strict", *args, "--site-dir", str(site_dir)],
        cwd=project,
        env=ENV if env is None else env,
        capture_output=True,
        text=True,
        timeout=600,
    )


def copy_project(dest: Path) -> Path:
    """Copy what a fresh clone would have (tracked files plus new ones not ignored) to dest."""
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT,
        capture_output=True,
        check=True,
    ).stdout.decode()
    for name in filter(None, listed.split("\0")):
        if (ROOT / name).is_file():
            (dest / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, dest / name)
    return dest


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The real site, built strictly once per test session."""
    site = tmp_path_factory.mktemp("site")
    result = run_build(ROOT, site)
    assert result.returncode == 0, result.stdout + result.stderr
    return site


# --------------------------------------------------------------------------- browser

from scripts.chromium import ARGS as CHROMIUM_ARGS  # noqa: E402
from scripts.chromium import CHROMIUM  # noqa: E402


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Serves a built site quietly. sitemap.xml names the pages at `site_url`
    (http://127.0.0.1:8000/ in tests); Material's instant navigation only handles links
    listed there with the page's own port, so the sitemap is served with this server's origin."""

    def log_message(self, *args) -> None:
        pass

    def do_GET(self) -> None:
        if self.path.split("?")[0].endswith("/sitemap.xml"):
            path = Path(self.translate_path(self.path.split("?")[0]))
            if path.is_file():
                host, port = self.server.server_address[:2]
                body = re.sub(
                    rb"<loc>https?://[^/<]+/",
                    f"<loc>http://{host}:{port}/".encode(),
                    path.read_bytes(),
                )
                self.send_response(200)
                self.send_header("Content-Type", "application/xml")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
                return
        super().do_GET()


@contextlib.contextmanager
def serve(directory: Path):
    """Serve a built site over HTTP on a free port; yields the base URL (no trailing slash)."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


@pytest.fixture(scope="module")
def server(built_site):
    """The real site over HTTP."""
    with serve(built_site) as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    """Debian's Chromium through Playwright; skips where either is missing."""
    playwright_sync = pytest.importorskip("playwright.sync_api")
    if CHROMIUM is None:
        pytest.skip("Debian's chromium is not installed (apt-get install chromium)")
    with playwright_sync.sync_playwright() as p:
        instance = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


def topic_page(topic: str = "messaging", part: str = "concepts", **overrides) -> str:
    """A valid topic page; keyword arguments replace front matter blocks by field name."""
    fields = {
        "title": "Messaging queue systems",
        "description": "Queues, brokers and delivery guarantees for backend interviews.",
        "topic": topic,
        "part": part,
        "reviewed": '"2026-11"',
        "tags": "[kafka]",
        "checklist": textwrap.dedent(
            f"""
              - id: {topic}.delivery
                text: Explain at-least-once delivery and its costs.
                level: mid
                section: delivery-guarantees
              - id: {topic}.ordering
                text: Explain how Kafka orders messages.
                level: senior
                section: kafka-ordering"""
        ),
        "questions": textwrap.dedent(
            f"""
              - id: {topic}.q.ordering
                question: How does Kafka keep messages in order?
                level: senior
                answer: Per **partition**, by key.
                senior: Retries with several in-flight requests can reorder.
                follow_ups: [What breaks ordering on a rebalance?]
                red_flags: [Kafka orders the whole topic.]
                checks: [{topic}.ordering, {topic}.delivery]"""
        ),
        "resources": textwrap.dedent(
            """
              - title: Kafka documentation
                url: https://kafka.apache.org/documentation/
                kind: docs
                why: The reference for consumer groups and offsets."""
        ),
    }
    fields.update(overrides)
    front = "\n".join(f"{key}: {value}" for key, value in fields.items() if value is not None)
    body = "## Why interviewers ask\n\nText.\n\n## Delivery guarantees\n\nText.\n\n## Kafka ordering\n\nText.\n"
    return f"---\n{front}\n---\n\n{body}"


class FixtureSite:
    """A throwaway project using the real hooks, theme overrides and config (minus the nav)."""

    def __init__(self, path: Path):
        self.path = path
        for name in ("hooks", "overrides", "includes", "node_modules"):
            (path / name).symlink_to(ROOT / name)
        (path / "examples").mkdir()
        (path / "docs").mkdir()
        (path / "docs" / "assets").symlink_to(ROOT / "docs" / "assets")
        config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
        config = re.split(r"^# -+\n# Navigation", config, flags=re.M)[0]
        (path / "mkdocs.yml").write_text(config, encoding="utf-8")
        self.write("docs/index.md", "# Home\n\n{{ overview() }}\n")
        self.write("docs/readiness.md", "# Readiness\n\n{{ readiness_checklist() }}\n")

    def write(self, rel: str, text: str) -> Path:
        target = self.path / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        return target

    def build(self) -> subprocess.CompletedProcess:
        return run_build(self.path, self.path / "site")

    def html(self, rel: str) -> str:
        return (self.path / "site" / rel).read_text(encoding="utf-8")


@pytest.fixture
def fixture_site(tmp_path) -> FixtureSite:
    return FixtureSite(tmp_path)
