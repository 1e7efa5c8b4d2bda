"""Reader weight: what a first view of a page downloads, measured in Chromium.

The built site is served by a small static server that gzips text responses, as the
published site is served (`make build` leaves the .gz files GitLab Pages serves next to
each text file; see the `pages` job). Each page is opened in a fresh browser context (empty
cache) with a phone-sized viewport; every response is recorded with its body size, and the
text bodies are gzipped here for the gzip figure. A request to any host but the local
server is a third-party request.
"""

from __future__ import annotations

import gzip
import http.server
import threading
import time
from functools import partial
from pathlib import Path
from urllib.parse import urlsplit

from scripts.chromium import ARGS as CHROME_ARGS
from scripts.chromium import CHROMIUM

TEXT_TYPES = ("text/", "javascript", "json", "svg", "xml")
VIEWPORT = {"width": 412, "height": 823}  # Lighthouse's mobile screen


def is_text(content_type: str) -> bool:
    return any(t in content_type for t in TEXT_TYPES)


class _Handler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args) -> None:  # noqa: A002 - quiet
        pass

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?")[0].endswith("/"):
                return super().send_head()  # redirects to the URL with a slash
            path = path / "index.html"
        ctype = self.guess_type(str(path))
        if path.is_file() and is_text(ctype) and "gzip" in self.headers.get("Accept-Encoding", ""):
            body = gzip.compress(path.read_bytes(), compresslevel=9)
            self.send_response(200)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "max-age=600")
            self.end_headers()
            return _Body(body)
        return super().send_head()


class _Body:
    """A file-like object for copyfile() over bytes already in memory."""

    def __init__(self, data: bytes):
        self._data = data

    def read(self, size: int = -1) -> bytes:
        data, self._data = (self._data, b"") if size < 0 else (self._data[:size], self._data[size:])
        return data

    def close(self) -> None:
        pass


class StaticServer:
    """Serve a directory on a free local port in a background thread (a context manager)."""

    def __init__(self, root: Path):
        self.root = root
        self._server = http.server.ThreadingHTTPServer(
            ("127.0.0.1", 0), partial(_Handler, directory=str(root))
        )
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}/"
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    def __enter__(self) -> StaticServer:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._server.shutdown()
        self._server.server_close()


def _first_view(browser, url: str) -> dict:
    context = browser.new_context(viewport=VIEWPORT)
    page = context.new_page()
    responses = []
    context.on("response", lambda response: responses.append(response))
    page.goto(url, wait_until="networkidle")
    time.sleep(1.0)  # anything started late (the search worker's index) shows up too
    page.wait_for_load_state("networkidle")
    origin = urlsplit(url).netloc
    rows, total, total_gz, third = [], 0, 0, 0
    for response in responses:
        parts = urlsplit(response.url)
        if parts.scheme not in ("http", "https"):
            continue
        try:
            body = response.body()
        except Exception:  # redirects and aborted requests have no body
            body = b""
        ctype = response.headers.get("content-type", "")
        size_gz = (
            len(gzip.compress(body, compresslevel=9)) if is_text(ctype) and body else len(body)
        )
        total += len(body)
        total_gz += size_gz
        if parts.netloc != origin:
            third += 1
        rows.append(
            {
                "url": parts.path if parts.netloc == origin else response.url,
                "status": response.status,
                "type": ctype.split(";")[0],
                "bytes": len(body),
                "gzip_bytes": size_gz,
            }
        )
    context.close()
    rows.sort(key=lambda r: -r["gzip_bytes"])
    return {
        "url": urlsplit(url).path,
        "requests": len(rows),
        "bytes": total,
        "gzip_bytes": total_gz,
        "third_party_requests": third,
        "responses": rows,
    }


def measure(base_url: str, topic_page: str, site: Path, log) -> dict:
    from playwright.sync_api import sync_playwright

    pages = {"home": base_url, "topic": base_url + topic_page[: -len(".md")] + "/"}
    out: dict = {"pages": {}}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROME_ARGS)
        try:
            for name, url in pages.items():
                view = _first_view(browser, url)
                out["pages"][name] = view
                log(
                    f"    {name}: {view['bytes'] / 1024:.1f} KB raw, {view['gzip_bytes'] / 1024:.1f} KB gzip, "
                    f"{view['requests']} requests, {view['third_party_requests']} third-party"
                )
        finally:
            browser.close()
    index = (site / "search" / "search_index.json").read_bytes()
    out["search_index_bytes"] = len(index)
    out["search_index_gzip_bytes"] = len(gzip.compress(index, compresslevel=9))
    out["target_topic_gzip_bytes"] = 120 * 1024
    return out
