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
import re
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

import markdown

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


@cache
def to_html(text: str) -> str:
    """Block Markdown (answers, the senior layer) to HTML."""
    md = _markdown()
    try:
        return md.convert(text.strip())
    finally:
        md.reset()


def to_inline_html(text: str) -> str:
    """Inline Markdown (checklist text, questions) to HTML without the wrapping <p>."""
    html = to_html(text)
    match = _PARAGRAPH.match(html)
    return match.group(1) if match and "<p>" not in match.group(1) else html


# --------------------------------------------------------------------------- JSON


def _item(topic: Topic, item: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": item["id"],
        "text": item["text"],
        "text_html": to_inline_html(item["text"]),
        "level": item["level"],
        "section": item["section"],
        "url": f"{topic.url}#{item['section']}",
        "replaces": list(item.get("replaces", [])),
    }


def _question(topic: Topic, q: dict[str, Any]) -> dict[str, Any]:
    senior = q.get("senior", "")
    return {
        "id": q["id"],
        "question": q["question"],
        "question_html": to_inline_html(q["question"]),
        "level": q["level"],
        "answer": q["answer"],
        "answer_html": to_html(q["answer"]),
        "senior": senior,
        "senior_html": to_html(senior) if senior else "",
        "follow_ups": list(q.get("follow_ups", [])),
        "red_flags": list(q.get("red_flags", [])),
        "checks": list(q["checks"]),
        "url": f"{topic.url}#{anchor(q['id'], 'q')}",
    }


def _resource(r: dict[str, Any]) -> dict[str, Any]:
    return {"title": r["title"], "url": r["url"], "kind": r["kind"], "why": r["why"]}


def curriculum_data(curriculum: Curriculum, site_name: str, site_url: str) -> dict[str, Any]:
    """The whole curriculum as plain data (contract A): parts in PARTS order, topics in nav order."""
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
                    "checklist": [_item(t, item) for item in t.checklist],
                    "questions": [_question(t, q) for q in t.questions],
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


# --------------------------------------------------------------------------- all of them


def site_files(curriculum: Curriculum, site_name: str, site_url: str) -> dict[str, str | bytes]:
    """Every generated export, by its path in the site."""
    data = curriculum_data(curriculum, site_name, site_url)
    return {
        JSON_PATH: dumps(data),
        SCHEMA_URI: schema_text(),
        CSV_PATH: questions_csv(data),
    }
