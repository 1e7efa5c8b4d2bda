"""Print the built print page to a PDF with headless Chromium: page numbers, working links.

    python scripts/make_pdf.py --site dist/offline --out dist/nodejs-interview.pdf

Print the offline build (``make pdf`` does): it is opened from the file system, where the
normal build's instant navigation stops Material's scripts before diagrams render.

- Chromium prints the page once (A4, page numbers in the footer, a tagged PDF with an
  outline). Links inside the document (#anchors) stay links inside the PDF; links to other
  pages of the site are pointed at the published site (``--base-url``, default: the
  ``site.url`` the build wrote into api/curriculum.json).
- The outline gives the page each topic starts on. Chromium then prints the cover and
  contents pages again with only those numbers visible, and they are stamped onto the
  first print's pages. The first print reserved the numbers' space, so nothing moves,
  and its links, outline and tags stay as they are. (Printing all 700 pages twice would
  nearly double the time for the same result.)

Records the PDF in dist/manifest.json for this build's epoch, so the next site build
publishes it (hooks/exports.py).
"""

from __future__ import annotations

import argparse
import io
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from hooks import exports  # noqa: E402
from scripts.chromium import ARGS, CHROMIUM  # noqa: E402

MARGIN = {"top": "16mm", "bottom": "16mm", "left": "15mm", "right": "15mm"}
_SMALL = "font-size:8px;width:100%;margin:0 15mm;color:#444;font-family:sans-serif"
HEADER = f'<div style="{_SMALL};text-align:right"><span class="title"></span></div>'
FOOTER = (
    f'<div style="{_SMALL};text-align:center">'
    'Page <span class="pageNumber"></span> of <span class="totalPages"></span></div>'
)

# Links to other pages: resolve against the built site, then point at the published site.
# Offline builds name pages x.html; the published site serves them as x/.
REWRITE_LINKS = """([root, base]) => {
  for (const a of document.querySelectorAll("a[href]")) {
    const href = a.getAttribute("href");
    if (href.startsWith("#")) continue;
    const url = new URL(href, document.baseURI);
    if (!url.href.startsWith(root)) continue;
    let path = url.href.slice(root.length).replace(/[?#].*$/, "");
    if (path === "index.html" || path.endsWith("/index.html")) path = path.slice(0, -10);
    else if (path.endsWith(".html")) path = path.slice(0, -5) + "/";
    a.setAttribute("href", base + path + url.hash);
  }
}"""

TARGETS = """() => [...document.querySelectorAll(".print-toc-page")].map(span => {
  const heading = document.getElementById(span.dataset.target);
  const title = heading ? heading.cloneNode(true) : null;
  title?.querySelectorAll(".headerlink").forEach(link => link.remove());
  return [span.dataset.target, title ? title.textContent.trim() : ""];
})"""

# The placeholders: the first print reserves each number's space, so the overlay's layout
# (numbers filled in, everything else invisible but still laid out: Chromium scales the
# whole document down when anything is too wide, and the overlay must scale alike) is the
# same as the first print's.
PLACEHOLDERS = """() => {
  for (const span of document.querySelectorAll(".print-toc-page")) {
    span.textContent = "000";
    span.style.visibility = "hidden";
  }
}"""
OVERLAY = """(numbers) => {
  for (const span of document.querySelectorAll(".print-toc-page")) {
    span.textContent = numbers[span.dataset.target] ?? "";
    span.style.visibility = "";
  }
  const style = document.createElement("style");
  style.textContent = `
    html, body, * { background: transparent !important; box-shadow: none !important; }
    body * { visibility: hidden !important; }
    .print-toc-page { visibility: visible !important; }`;
  document.head.append(style);
}"""


def print_page(site: Path) -> Path:
    for candidate in (site / "print" / "index.html", site / "print.html"):
        if candidate.is_file():
            return candidate
    raise SystemExit(
        f"make_pdf: {site} has no print page (print/index.html or print.html); build the site first"
    )


def site_url(site: Path) -> str:
    """The published site's address, as the build recorded it in api/curriculum.json."""
    data = json.loads((site / exports.JSON_PATH).read_text(encoding="utf-8"))
    return data["site"]["url"]


def outline_pages(pdf: bytes) -> list[tuple[str, int]]:
    """(title, 1-based page) of every outline entry, in document order."""
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(pdf))
    out: list[tuple[str, int]] = []

    def walk(entries) -> None:
        for entry in entries:
            if isinstance(entry, list):
                walk(entry)
            else:
                out.append(
                    (" ".join(entry.title.split()), reader.get_destination_page_number(entry) + 1)
                )

    walk(reader.outline)
    return out


def topic_pages(pdf: bytes, targets: list[tuple[str, str]]) -> dict[str, int]:
    """The page each topic starts on: its heading's entry in the outline, in contents order."""
    entries = outline_pages(pdf)
    numbers: dict[str, int] = {}
    start = 0
    missing = []
    for target, title in targets:
        wanted = " ".join(title.split())
        for i in range(start, len(entries)):
            if entries[i][0] == wanted:
                numbers[target] = entries[i][1]
                start = i + 1
                break
        else:
            missing.append(title)
    if missing:
        raise SystemExit(
            f"make_pdf: these topics are not in the PDF's outline: {', '.join(missing)}"
        )
    return numbers


def stamp(pdf: bytes, overlay: bytes) -> bytes:
    """Draw the overlay's pages on top of the PDF's first pages; keep links, outline and tags."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    for i, page in enumerate(PdfReader(io.BytesIO(overlay)).pages):
        writer.pages[i].merge_page(page, over=True)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def make_pdf(site: Path, out: Path, base_url: str | None = None) -> dict[str, int]:
    """Write the PDF; return the page number of every topic (by its anchor)."""
    from playwright.sync_api import sync_playwright

    site = site.resolve()
    source = print_page(site)
    base = (base_url or site_url(site)).rstrip("/") + "/"
    if CHROMIUM is None:
        sys.exit("make_pdf: Chromium is not installed; run `apt-get install chromium` and retry")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            page = browser.new_page()
            page.set_default_timeout(600_000)  # a 700-page document on a busy CI runner
            page.goto(source.as_uri(), wait_until="load")
            page.emulate_media(media="print")
            # Diagrams render in the browser: Material swaps each <pre class="mermaid"> for
            # an element holding the SVG (in a closed shadow root). Wait until none is left.
            page.wait_for_function("() => !document.querySelector('pre.mermaid')", polling=500)
            root = site.resolve().as_uri().rstrip("/") + "/"
            page.evaluate(REWRITE_LINKS, [root, base])
            targets = page.evaluate(TARGETS)
            page.evaluate(PLACEHOLDERS)
            pdf = page.pdf(
                format="A4",
                print_background=True,
                display_header_footer=True,
                header_template=HEADER,
                footer_template=FOOTER,
                margin=MARGIN,
                outline=True,
                tagged=True,
            )
            numbers = topic_pages(pdf, targets)
            before_parts = min(numbers.values()) - 1
            page.evaluate(OVERLAY, {k: str(v) for k, v in numbers.items()})
            overlay = page.pdf(
                format="A4",
                print_background=False,
                margin=MARGIN,
                page_ranges=f"1-{before_parts}",
            )
        finally:
            browser.close()
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(stamp(pdf, overlay))
    return numbers


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--site", type=Path, default=ROOT / "dist" / "offline", help="a built site directory"
    )
    parser.add_argument("--out", type=Path, default=ROOT / "dist" / "nodejs-interview.pdf")
    parser.add_argument("--base-url", help="the published site (default: from the build)")
    parser.add_argument("--no-record", action="store_true", help="leave dist/manifest.json alone")
    args = parser.parse_args(argv)
    started = time.monotonic()
    numbers = make_pdf(args.site, args.out, args.base_url)
    if not args.no_record:
        exports.record(args.out.parent, args.out.name, exports.build_epoch(ROOT))
    print(
        f"{args.out}: {exports.human_size(args.out.stat().st_size)}, {len(numbers)} topics, "
        f"the last from page {max(numbers.values())}, {time.monotonic() - started:.0f} s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
