"""Exports of the curriculum: the JSON data file, the CSV of questions and the Anki deck.

Plain Python: nothing here imports MkDocs, so the exports are unit-testable and a script
can produce them without a build. hooks/mkdocs_hooks.py adds them to the built site.

Every export is a pure function of the curriculum (and, for the Anki deck, the build
time), so two builds of one commit produce the same bytes:

- ``curriculum_json``: ``api/curriculum.json``, contract A in the team brief, validated by
  ``hooks/schema/curriculum.schema.json`` (published as ``api/curriculum.schema.json``).
- ``questions_csv``: one row per question (RFC 4180, UTF-8).
- ``anki_package``: an ``.apkg`` with one note per question; the note GUID derives from
  the question id, so importing a newer deck updates a reader's cards instead of
  duplicating them, and keeps their review history.
- ``build_epoch``: the build time, from ``SOURCE_DATE_EPOCH`` or the last commit, never
  the clock.
"""

from __future__ import annotations

import csv
import io
import json
import os
import posixpath
import re
import sqlite3
import subprocess
import tempfile
import zipfile
from datetime import UTC, datetime
from functools import lru_cache
from pathlib import Path
from typing import Any

import genanki
import markdown

from hooks import render
from hooks.model import Curriculum, Topic
from hooks.render import anchor

SCHEMA_PATH = Path(__file__).parent / "schema" / "curriculum.schema.json"
FORMAT_VERSION = 1  # bump on a breaking change to api/curriculum.json (and its schema)

JSON_PATH = "api/curriculum.json"
SCHEMA_URI = "api/curriculum.schema.json"
CSV_PATH = "downloads/questions.csv"
APKG_PATH = "downloads/nodejs-interview.apkg"
PDF_PATH = "downloads/nodejs-interview.pdf"
OFFLINE_PATH = "downloads/nodejs-interview-offline.zip"

CSV_FIELDS = ("id", "topic", "part", "level", "question", "answer", "senior", "url")

# A fixed, small set of extensions, so the *_html fields do not change when the site's
# Markdown configuration does, and render the same bytes on every build. No Pygments:
# code blocks come out as <pre><code class="language-js">, which every consumer can show.
# (admonition, attr_list, def_list, mark and keys are left out: no field uses them, and
# they doubled the time this takes.)
_EXTENSIONS = ["tables", "pymdownx.highlight", "pymdownx.inlinehilite", "pymdownx.superfences"]
_EXTENSION_CONFIGS = {"pymdownx.highlight": {"use_pygments": False}}
_PARAGRAPH = re.compile(r"\A<p>(.*)</p>\Z", re.S)


# --------------------------------------------------------------------------- Markdown


@lru_cache(maxsize=1)
def _markdown() -> markdown.Markdown:
    return markdown.Markdown(extensions=_EXTENSIONS, extension_configs=_EXTENSION_CONFIGS)


_HTML: dict[str, str] = {}  # Markdown text -> HTML, kept across `mkdocs serve` rebuilds


def _convert(text: str) -> str:
    md = _markdown()
    try:
        return md.convert(text).strip()
    finally:
        md.reset()


def to_html(text: str) -> str:
    """Block Markdown (answers, the senior layer) to HTML."""
    text = text.strip()
    if text not in _HTML:
        _HTML[text] = _convert(text)
    return _HTML[text]


def to_inline_html(text: str) -> str:
    """Inline Markdown (checklist text, questions) to HTML without the wrapping <p>."""
    html = to_html(text)
    match = _PARAGRAPH.match(html)
    return match.group(1) if match and "<p>" not in match.group(1) else html


_RELATIVE_HREF = re.compile(r'href="(?![a-zA-Z][a-zA-Z0-9+.-]*:|/)([^"#]*)(#[^"]*)?"')


def _page_url(src: str) -> str:
    """A docs page's URL with directory URLs: 'concepts/messaging.md' -> 'concepts/messaging/'."""
    if src == "index.md" or src.endswith("/index.md"):
        return src[: -len("index.md")]
    return src[: -len(".md")] + "/" if src.endswith(".md") else src


def absolute_links(html: str, page_src: str, base: str) -> str:
    """Point the relative links of rendered Markdown at the site: the HTML is read elsewhere."""
    if 'href="' not in html:
        return html

    def fix(m: re.Match) -> str:
        path, fragment = m.group(1), m.group(2) or ""
        target = (
            posixpath.normpath(posixpath.join(posixpath.dirname(page_src), path))
            if path
            else page_src
        )
        return f'href="{base}{_page_url(target)}{fragment}"'

    return _RELATIVE_HREF.sub(fix, html)


# --------------------------------------------------------------------------- JSON


def _item(topic: Topic, item: dict[str, Any], base: str) -> dict[str, Any]:
    return {
        "id": item["id"],
        "text": item["text"],
        "text_html": absolute_links(to_inline_html(item["text"]), topic.src, base),
        "level": item["level"],
        "section": item["section"],
        "url": f"{topic.url}#{item['section']}",
        "replaces": list(item.get("replaces", [])),
    }


def _question(topic: Topic, q: dict[str, Any], base: str) -> dict[str, Any]:
    senior = q.get("senior", "")

    def html(text: str, inline: bool = False) -> str:
        rendered = to_inline_html(text) if inline else to_html(text)
        return absolute_links(rendered, topic.src, base) if text else ""

    return {
        "id": q["id"],
        "question": q["question"],
        "question_html": html(q["question"], inline=True),
        "level": q["level"],
        "answer": q["answer"],
        "answer_html": html(q["answer"]),
        "senior": senior,
        "senior_html": html(senior),
        "follow_ups": list(q.get("follow_ups", [])),
        "red_flags": list(q.get("red_flags", [])),
        "checks": list(q["checks"]),
        "url": f"{topic.url}#{anchor(q['id'], 'q')}",
    }


def _resource(r: dict[str, Any]) -> dict[str, Any]:
    return {"title": r["title"], "url": r["url"], "kind": r["kind"], "why": r["why"]}


def curriculum_data(curriculum: Curriculum, site_name: str, site_url: str) -> dict[str, Any]:
    """The whole curriculum as plain data (contract A): parts in PARTS order, topics in nav order.

    Links inside the *_html fields are absolute (site_url based): they are shown on other
    pages, in Anki and in other tools, where a page-relative link would break.
    """
    base = site_url.rstrip("/") + "/"
    parts, topics = [], []
    for part, title, members in curriculum.by_part():
        parts.append(
            {"id": part, "title": title, "url": f"{part}/", "topics": [t.slug for t in members]}
        )
        for t in members:
            topics.append(
                {
                    "id": t.slug,
                    "part": part,
                    "title": t.title,
                    "description": t.meta["description"],
                    "url": t.url,
                    "reviewed": t.meta["reviewed"],
                    "order": t.order,
                    "tags": list(t.meta.get("tags", [])),
                    "checklist": [_item(t, item, base) for item in t.checklist],
                    "questions": [_question(t, q, base) for q in t.questions],
                    "resources": [_resource(r) for r in t.resources],
                }
            )
    return {
        "$schema": "curriculum.schema.json",
        "version": FORMAT_VERSION,
        "site": {"name": site_name, "url": site_url},
        "parts": parts,
        "topics": topics,
    }


def dumps(data: dict[str, Any]) -> str:
    """Deterministic JSON text: sorted keys, compact, UTF-8 characters kept, final newline."""
    return json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":")) + "\n"


def curriculum_json(curriculum: Curriculum, site_name: str, site_url: str) -> str:
    return dumps(curriculum_data(curriculum, site_name, site_url))


def schema_text() -> str:
    return SCHEMA_PATH.read_text(encoding="utf-8")


# --------------------------------------------------------------------------- CSV


def question_rows(data: dict[str, Any]) -> list[dict[str, str]]:
    """One row per question, from the JSON data, with absolute URLs to the question."""
    base = data["site"]["url"].rstrip("/") + "/"
    return [
        {
            "id": q["id"],
            "topic": t["id"],
            "part": t["part"],
            "level": q["level"],
            "question": q["question"],
            "answer": q["answer"],
            "senior": q["senior"],
            "url": base + q["url"],
        }
        for t in data["topics"]
        for q in t["questions"]
    ]


def questions_csv(data: dict[str, Any]) -> str:
    """RFC 4180: CRLF line ends, fields quoted when they need it, a header row."""
    out = io.StringIO(newline="")
    writer = csv.DictWriter(out, fieldnames=CSV_FIELDS, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(question_rows(data))
    return out.getvalue()


# --------------------------------------------------------------------------- build time


def build_epoch(root: str | Path) -> int:
    """Seconds since the epoch this build stands for: SOURCE_DATE_EPOCH, else the last commit.

    Never the clock, so two builds of one commit are identical. Outside a git checkout (a
    source tarball, a test's throwaway project) it falls back to the newest page's mtime.
    """
    env = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if env:
        if not env.isdigit():
            raise ValueError(f"SOURCE_DATE_EPOCH must be whole seconds since 1970, got {env!r}")
        return int(env)
    root = Path(root)
    try:
        out = subprocess.run(
            ["git", "log", "-1", "--format=%ct"],
            cwd=root,
            capture_output=True,
            text=True,
            timeout=30,
            check=True,
        ).stdout.strip()
        if out.isdigit():
            return int(out)
    except (OSError, subprocess.SubprocessError):
        pass
    pages = list((root / "docs").rglob("*.md")) or [root]
    return int(max(p.stat().st_mtime for p in pages))


def build_date(epoch: int) -> str:
    """The build date as YYYY-MM-DD (UTC)."""
    return datetime.fromtimestamp(epoch, tz=UTC).strftime("%Y-%m-%d")


# --------------------------------------------------------------------------- Anki

# Fixed forever: Anki recognizes the note type and the deck by these ids, so a newer deck
# updates the reader's existing deck instead of adding a second one. Random 31-bit numbers,
# picked once (genanki's advice); never change them.
ANKI_MODEL_ID = 1_607_392_319
ANKI_DECK_ID = 2_059_400_110
ANKI_DECK_NAME = "Node.js backend interview"
_ANKI = Path(__file__).parent / "templates" / "anki"


def note_guid(question_id: str) -> str:
    """The note's GUID, from the question id alone: re-importing updates the same note."""
    return genanki.guid_for(question_id)


def _anki_model() -> genanki.Model:
    return genanki.Model(
        ANKI_MODEL_ID,
        "Node.js interview question",
        fields=[{"name": name} for name in ("Question", "Answer", "Topic", "Level", "Link")],
        templates=[
            {
                "name": "Question to answer",
                "qfmt": (_ANKI / "front.html").read_text(encoding="utf-8"),
                "afmt": (_ANKI / "back.html").read_text(encoding="utf-8"),
            }
        ],
        css=(_ANKI / "card.css").read_text(encoding="utf-8"),
        sort_field_index=0,
    )


def anki_notes(data: dict[str, Any]) -> list[genanki.Note]:
    """One note per question: question and answer (with the senior layer) as HTML."""
    model = _anki_model()
    base = data["site"]["url"].rstrip("/") + "/"
    notes = []
    for topic in data["topics"]:
        for q in topic["questions"]:
            notes.append(
                genanki.Note(
                    model=model,
                    fields=[
                        q["question_html"],
                        render.render("anki/answer.html.j2", q=q).strip(),
                        topic["title"],
                        q["level"],
                        base + q["url"],
                    ],
                    tags=[topic["id"], q["level"], topic["part"]],
                    guid=note_guid(q["id"]),
                )
            )
    return notes


def anki_package(data: dict[str, Any], epoch: int) -> bytes:
    """The .apkg bytes: a zip holding collection.anki2 (SQLite) and an empty media map.

    Deterministic for one epoch: genanki stamps notes and cards with the time we pass
    (the build time, so a newer deck's notes are newer and Anki takes their content), and
    the zip entries carry that date instead of the temporary file's.
    """
    deck = genanki.Deck(
        ANKI_DECK_ID,
        ANKI_DECK_NAME,
        description=(
            f"Questions from {data['site']['name']} ({data['site']['url']}), "
            f"built {build_date(epoch)}. Each card links to its topic."
        ),
    )
    for note in anki_notes(data):
        deck.add_note(note)
    package = genanki.Package(deck)
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "collection.anki2"
        conn = sqlite3.connect(db)
        try:
            package.write_to_db(conn.cursor(), epoch, iter(range(epoch * 1000, 2**62)))
            conn.commit()
        finally:
            conn.close()
        collection = db.read_bytes()
    stamp = datetime.fromtimestamp(max(epoch, 315532800), tz=UTC).timetuple()[:6]
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, content in (("collection.anki2", collection), ("media", b"{}")):
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            zf.writestr(info, content)
    return out.getvalue()


# --------------------------------------------------------------------------- dist/

# Artifacts made from a built site (the PDF of the print page, the zipped offline build)
# are staged in dist/ by scripts/, which record the build epoch they were made for in
# dist/manifest.json. The site build publishes a staged file only when its epoch is this
# build's, so a stale PDF from an older commit never ships.
DIST_FILES = {PDF_PATH: "nodejs-interview.pdf", OFFLINE_PATH: "nodejs-interview-offline.zip"}
MANIFEST = "manifest.json"


def read_manifest(dist: Path) -> dict[str, Any]:
    try:
        data = json.loads((dist / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def record(dist: Path, name: str, epoch: int | None) -> None:
    """Note in dist/manifest.json that dist/<name> was made for build `epoch` (None: forget it)."""
    data = read_manifest(dist)
    if epoch is None:
        data.pop(name, None)
    else:
        data[name] = {"epoch": epoch, "size": (dist / name).stat().st_size}
    dist.mkdir(parents=True, exist_ok=True)
    (dist / MANIFEST).write_text(
        json.dumps(data, indent=2, sort_keys=True) + "\n", encoding="utf-8"
    )


def staged(dist: Path, epoch: int) -> dict[str, Path]:
    """The staged artifacts made for this build, by their path in the site."""
    manifest = read_manifest(dist)
    out = {}
    for site_path, name in DIST_FILES.items():
        entry, file = manifest.get(name), dist / name
        if (
            isinstance(entry, dict)
            and entry.get("epoch") == epoch
            and file.is_file()
            and file.stat().st_size == entry.get("size")
        ):
            out[site_path] = file
    return out


def human_size(size: int) -> str:
    """'853 bytes', '197 kB', '1.2 MB' (SI units, as browsers and file managers show them)."""
    if size < 1000:
        return f"{size} bytes"
    if size < 1_000_000:
        return f"{round(size / 1000)} kB"
    return f"{size / 1_000_000:.1f} MB"


def download_link(
    sizes: dict[str, int], path: str, label: str, page_src: str, site_url: str
) -> str:
    """Markdown for one download on the downloads page: a link and its size, or why it is missing."""
    known = {JSON_PATH, SCHEMA_URI, CSV_PATH, APKG_PATH, *DIST_FILES}
    if path not in known:
        raise ValueError(f"unknown download {path!r}; expected one of {', '.join(sorted(known))}")
    size = sizes.get(path)
    return render.render(
        "download.md.j2",
        href=render.md_link(page_src, path),
        name=path.rsplit("/", 1)[-1],
        label=label,
        size=human_size(size) if size is not None else None,
        published=site_url.rstrip("/") + "/downloads/",
    ).strip()


# --------------------------------------------------------------------------- all of them


def site_files(
    curriculum: Curriculum, site_name: str, site_url: str, epoch: int
) -> dict[str, bytes]:
    """Every export generated at build time, by its path in the site, as the bytes to write."""
    data = curriculum_data(curriculum, site_name, site_url)
    return {
        JSON_PATH: dumps(data).encode(),
        SCHEMA_URI: schema_text().encode(),
        CSV_PATH: questions_csv(data).encode(),
        APKG_PATH: anki_package(data, epoch),
    }
