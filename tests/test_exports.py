"""The exports (issue 7): api/curriculum.json, the CSV, the Anki deck, the print page, the
PDF, the offline bundle and the downloads page.

The real site is built once for the session (`built_site`); the PDF and the offline
bundle are made from a two-topic fixture site, so this file stays well under a minute and
a half. `make dist` (run by the pipeline in every merge request) makes them for the real site.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import sqlite3
import subprocess
import sys
import zipfile
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

import genanki
import jsonschema
import pytest
from conftest import ENV, MKDOCS, ROOT, FixtureSite, topic_page

from hooks import exports, printable
from hooks.model import Topic, load_curriculum

sys.path.insert(0, str(ROOT / "scripts"))
import make_offline  # noqa: E402
import make_pdf  # noqa: E402

SITE_NAME = "Node.js Backend Interview Curriculum"
LOCAL_URL = "http://127.0.0.1:8000/"  # site_url when CI_PAGES_URL is unset (conftest unsets it)


@pytest.fixture(scope="module")
def curriculum():
    return load_curriculum(ROOT / "docs")


@pytest.fixture(scope="module")
def data(curriculum):
    return exports.curriculum_data(curriculum, SITE_NAME, LOCAL_URL)


@pytest.fixture(scope="module")
def schema():
    schema = json.loads(exports.SCHEMA_PATH.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return schema


# --------------------------------------------------------------------------- Markdown


def test_inline_markdown_loses_its_paragraph_and_block_markdown_keeps_it():
    assert exports.to_inline_html("Use `EXPLAIN` and **indexes**") == (
        "Use <code>EXPLAIN</code> and <strong>indexes</strong>"
    )
    assert exports.to_html("One.\n\nTwo.") == "<p>One.</p>\n<p>Two.</p>"


def test_code_blocks_render_without_pygments_and_tables_render():
    html = exports.to_html("```js\nconst a = 1 < 2;\n```\n\n| a | b |\n|---|---|\n| 1 | 2 |")
    assert '<code class="language-js">const a = 1 &lt; 2;' in html
    assert "<table>" in html and "<td>2</td>" in html
    assert "<span" not in html  # no Pygments markup: consumers style plain code


def test_links_in_rendered_fields_point_at_the_site():
    html = exports.to_html(
        "See [runtime](../nodejs/runtime.md#phases), [here](#outbox), [MDN](https://developer.mozilla.org/)."
    )
    fixed = exports.absolute_links(html, "concepts/messaging.md", "https://example.org/c/")
    assert 'href="https://example.org/c/nodejs/runtime/#phases"' in fixed
    assert 'href="https://example.org/c/concepts/messaging/#outbox"' in fixed
    assert 'href="https://developer.mozilla.org/"' in fixed


# --------------------------------------------------------------------------- JSON


def test_json_matches_contract_a_and_validates(data, schema):
    jsonschema.validate(data, schema, cls=jsonschema.Draft202012Validator)
    assert data["$schema"] == "curriculum.schema.json" and data["version"] == 1
    assert [p["id"] for p in data["parts"]] == [
        "nodejs",
        "concepts",
        "practice",
        "devops",
        "docker",
        "kubernetes",
    ]
    order = [t["id"] for t in data["topics"]]
    assert order == [slug for part in data["parts"] for slug in part["topics"]]
    messaging = next(t for t in data["topics"] if t["id"] == "messaging")
    assert messaging["url"] == "concepts/messaging/"
    item = next(i for i in messaging["checklist"] if i["id"] == "messaging.delivery-semantics")
    assert item["url"] == "concepts/messaging/#delivery-guarantees"
    question = messaging["questions"][0]
    assert question["url"] == "concepts/messaging/#q-" + question["id"].replace(".", "-")
    assert question["answer_html"].startswith("<p>")


def test_the_schema_rejects_what_contract_a_forbids(data, schema):
    validator = jsonschema.Draft202012Validator(schema)
    broken = json.loads(exports.dumps(data))
    broken["topics"][0]["url"] = "/nodejs/runtime/"  # leading slash
    broken["topics"][0]["questions"][0]["level"] = "expert"
    del broken["topics"][1]["checklist"][0]["text_html"]
    messages = sorted(e.message for e in validator.iter_errors(broken))
    assert len(messages) == 3, messages


def test_json_has_every_item_and_question_once(curriculum, data):
    items = [i["id"] for t in data["topics"] for i in t["checklist"]]
    questions = [q["id"] for t in data["topics"] for q in t["questions"]]
    assert sorted(items) == sorted(i["id"] for i in curriculum.items)
    assert sorted(questions) == sorted(q["id"] for q in curriculum.questions)
    assert len(set(items)) == len(items) and len(set(questions)) == len(questions)


def test_json_bytes_are_deterministic(curriculum):
    first = exports.curriculum_json(curriculum, SITE_NAME, LOCAL_URL)
    second = exports.curriculum_json(load_curriculum(ROOT / "docs"), SITE_NAME, LOCAL_URL)
    assert first == second
    assert first.endswith("}\n") and "\n" not in first[:-1]


# --------------------------------------------------------------------------- CSV


def test_csv_round_trips_to_the_json_rows(data):
    text = exports.questions_csv(data)
    assert text.startswith(",".join(exports.CSV_FIELDS) + "\r\n")
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    assert rows == exports.question_rows(data)
    assert len(rows) == sum(len(t["questions"]) for t in data["topics"])
    assert all(r["url"].startswith(LOCAL_URL) and "#q-" in r["url"] for r in rows)
    # Multi-line answers survive: quoted fields with embedded newlines.
    assert any("\n" in r["answer"] for r in rows)


# --------------------------------------------------------------------------- Anki


def _collection(apkg: bytes, tmp_path: Path) -> list[tuple]:
    with zipfile.ZipFile(io.BytesIO(apkg)) as zf:
        names = zf.namelist()
        assert "collection.anki2" in names or "collection.anki21" in names, names
        db = tmp_path / "collection.anki2"
        db.write_bytes(zf.read("collection.anki2"))
    conn = sqlite3.connect(db)
    try:
        return conn.execute("SELECT guid, mid, tags, flds, mod FROM notes ORDER BY id").fetchall()
    finally:
        conn.close()


def test_apkg_holds_one_note_per_question_with_guids_from_the_ids(data, tmp_path):
    notes = _collection(exports.anki_package(data, 1_790_000_000), tmp_path)
    questions = [(t, q) for t in data["topics"] for q in t["questions"]]
    assert len(notes) == len(questions)
    for (guid, mid, tags, fields, mod), (topic, q) in zip(notes, questions, strict=True):
        assert guid == genanki.guid_for(q["id"]) == exports.note_guid(q["id"])
        assert mid == exports.ANKI_MODEL_ID
        assert tags.split() == [topic["id"], q["level"], topic["part"]]
        question, answer, title, level, link = fields.split("\x1f")
        assert question == q["question_html"] and title == topic["title"] and level == q["level"]
        assert answer.startswith(q["answer_html"][:40])
        assert ("What a senior answer adds" in answer) == bool(q["senior"])
        assert link == LOCAL_URL + q["url"]
        assert mod == 1_790_000_000


def test_apkg_bytes_repeat_for_one_build_and_guids_survive_a_newer_one(data, tmp_path):
    first = exports.anki_package(data, 1_790_000_000)
    assert first == exports.anki_package(data, 1_790_000_000)
    later = _collection(exports.anki_package(data, 1_800_000_000), tmp_path)
    earlier = _collection(first, tmp_path)
    assert [n[0] for n in later] == [n[0] for n in earlier]
    assert all(n[4] > e[4] for n, e in zip(later, earlier, strict=True))  # newer mod: Anki updates
    with zipfile.ZipFile(io.BytesIO(first)) as zf:
        assert {i.date_time for i in zf.infolist()} == {(2026, 9, 21, 14, 13, 20)}


# --------------------------------------------------------------------------- build time and dist/


def test_build_epoch_comes_from_source_date_epoch_then_git(monkeypatch, tmp_path):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1790000000")
    assert exports.build_epoch(ROOT) == 1_790_000_000
    assert exports.build_date(1_790_000_000) == "2026-09-21"
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "yesterday")
    with pytest.raises(ValueError, match="SOURCE_DATE_EPOCH"):
        exports.build_epoch(ROOT)
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    commit = subprocess.run(
        ["git", "log", "-1", "--format=%ct"], cwd=ROOT, capture_output=True, text=True
    ).stdout.strip()
    assert exports.build_epoch(ROOT) == int(commit)
    # Outside a checkout: the newest page, not the clock.
    page = tmp_path / "docs" / "index.md"
    page.parent.mkdir()
    page.write_text("# Home\n")
    os.utime(page, (1_700_000_000, 1_700_000_000))
    assert exports.build_epoch(tmp_path) == 1_700_000_000


def test_only_artifacts_made_for_this_build_are_published(tmp_path):
    pdf = tmp_path / "nodejs-interview.pdf"
    pdf.write_bytes(b"%PDF-1.7 test")
    exports.record(tmp_path, pdf.name, 100)
    assert exports.staged(tmp_path, 100) == {exports.PDF_PATH: pdf}
    assert exports.staged(tmp_path, 101) == {}  # made for another commit: stale
    pdf.write_bytes(b"%PDF-1.7 changed since")
    assert exports.staged(tmp_path, 100) == {}  # changed since it was recorded
    exports.record(tmp_path, pdf.name, None)
    assert exports.read_manifest(tmp_path) == {}


def test_sizes_read_like_a_file_manager():
    assert exports.human_size(853) == "853 bytes"
    assert exports.human_size(201_074) == "201 kB"
    assert exports.human_size(1_224_207) == "1.2 MB"


# --------------------------------------------------------------------------- print page HTML


def _topics():
    a = Topic(src="concepts/a.md", meta={"topic": "a"})
    b = Topic(src="concepts/b.md", meta={"topic": "b"})
    return a, b


@pytest.mark.parametrize(
    ("a_url", "b_url", "print_url", "glossary"),
    [
        ("concepts/a/", "concepts/b/", "print/", "../glossary/"),  # the site
        ("concepts/a.html", "concepts/b.html", "print.html", "glossary.html"),  # offline
    ],
)
def test_topic_html_fits_on_the_print_page(a_url, b_url, print_url, glossary):
    a, b = _topics()
    b_link = "../b/#deep" if a_url.endswith("/") else "b.html#deep"
    glossary_from_a = "../../glossary/" if a_url.endswith("/") else "../glossary.html"
    image = "../../assets/x.png" if a_url.endswith("/") else "../assets/x.png"
    html = (
        '<h2 id="intro">Intro<a class="headerlink" href="#intro">¶</a></h2>\n'
        f'<p>See <a href="{b_link}">b</a>, <a href="{glossary_from_a}">the glossary</a>, '
        f'<a href="https://nodejs.org/">Node</a> and <img alt="x" src="{image}"></p>\n'
        "<pre><code>&lt;h2 id=&quot;not-an-id&quot;&gt;</code></pre>\n"
        '<h3 id="deeper">Deeper</h3>\n'
        '<ul class="task-list curriculum-checklist">\n'
        '<li class="task-list-item curriculum-item" id="item-a-x" data-item-id="a.x" data-level="mid">'
        '<label class="task-list-control"><input type="checkbox" name="a.x" aria-labelledby="item-a-x-text">'
        '<span class="task-list-indicator"></span></label> <span id="item-a-x-text">'
        '<a href="#intro">Explain it</a></span></li>\n</ul>\n'
        '<details class="curriculum-question" id="q-a-q-y" data-question-id="a.q.y">'
        '<summary>Why?</summary><p>Checks <a href="#item-a-x">a.x</a></p></details>\n'
        '<input type="radio" id="__tabbed_1_1" name="__tabbed_1"><label for="__tabbed_1_1">One</label>'
    )
    out = printable.for_print(html, a, a_url, print_url, {a_url: a, b_url: b})
    assert '<h4 id="a--intro">Intro<a class="headerlink" href="#a--intro">' in out
    assert '<h5 id="a--deeper">Deeper</h5>' in out
    assert 'href="#b--deep"' in out
    assert f'href="{glossary}"' in out
    assert 'src="../assets/x.png"' in out if print_url == "print/" else 'src="assets/x.png"' in out
    assert 'href="https://nodejs.org/"' in out
    assert "&lt;h2 id=&quot;not-an-id&quot;&gt;" in out  # code is text, not markup
    assert 'type="checkbox"' not in out and "data-item-id" not in out
    assert "data-question-id" not in out
    assert out.count(printable.BOX) == 1
    assert 'id="item-a-x"' in out and 'id="item-a-x-text"' in out and 'href="#item-a-x"' in out
    assert '<details open class="curriculum-question" id="q-a-q-y"' in out
    assert 'id="a--__tabbed_1_1"' in out and 'for="a--__tabbed_1_1"' in out


def test_print_page_refuses_to_leave_a_topic_out(curriculum):
    with pytest.raises(ValueError, match="every topic page"):
        printable.fill(
            "",
            "print/",
            type(curriculum)(
                topics=[*curriculum.topics, Topic(src="x/none.md", meta={"topic": "none"})]
            ),
        )


# --------------------------------------------------------------------------- the built site


class _Ids(HTMLParser):
    def __init__(self):
        super().__init__()
        self.items: set[str] = set()
        self.questions: set[str] = set()
        self.ids: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "data-item-id" in attrs:
            self.items.add(attrs["data-item-id"])
        if "data-question-id" in attrs:
            self.questions.add(attrs["data-question-id"])
        if attrs.get("id"):
            self.ids.append(attrs["id"])


def _parse(path: Path) -> _Ids:
    parser = _Ids()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def test_built_json_validates_and_has_every_id_the_pages_have(built_site, curriculum):
    data = json.loads((built_site / "api" / "curriculum.json").read_text(encoding="utf-8"))
    schema = json.loads((built_site / "api" / "curriculum.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(data, schema, cls=jsonschema.Draft202012Validator)
    items, questions = set(), set()
    for page in built_site.rglob("*.html"):
        parsed = _parse(page)
        items |= parsed.items
        questions |= parsed.questions
    assert items and questions
    assert items == {i["id"] for t in data["topics"] for i in t["checklist"]}
    assert questions == {q["id"] for t in data["topics"] for q in t["questions"]}
    # What the build wrote is what exports.py makes from the same pages: a rebuild gives these bytes.
    again = exports.curriculum_json(curriculum, data["site"]["name"], data["site"]["url"])
    assert (built_site / "api" / "curriculum.json").read_text(encoding="utf-8") == again


def test_built_downloads_are_the_generated_ones(built_site, tmp_path):
    data = json.loads((built_site / "api" / "curriculum.json").read_text(encoding="utf-8"))
    written = (built_site / exports.CSV_PATH).read_bytes().decode("utf-8")  # keep the CRLFs
    assert written == exports.questions_csv(data)
    notes = _collection((built_site / exports.APKG_PATH).read_bytes(), tmp_path)
    assert [n[0] for n in notes] == [
        exports.note_guid(q["id"]) for t in data["topics"] for q in t["questions"]
    ]


def test_downloads_page_gives_real_sizes_and_the_commit_date(built_site):
    html = (built_site / "downloads" / "index.html").read_text(encoding="utf-8")
    for path in (exports.APKG_PATH, exports.CSV_PATH, exports.JSON_PATH):
        size = exports.human_size((built_site / path).stat().st_size)
        name = path.rsplit("/", 1)[-1]
        assert f"{name}, {size}" in html, (name, size)
        assert f'download="{name}"' in html
    commit = subprocess.run(
        ["git", "log", "-1", "--format=%ct"], cwd=ROOT, capture_output=True, text=True
    ).stdout.strip()
    assert f"built on {exports.build_date(int(commit))}." in html
    assert 'href="../api/curriculum.schema.json"' in html
    assert 'href="../print/"' in html


def test_print_page_has_every_topic_item_and_question_with_unique_ids(built_site, curriculum):
    page = built_site / "print" / "index.html"
    parsed = _parse(page)
    duplicates = sorted(i for i, n in Counter(parsed.ids).items() if n > 1)
    assert not duplicates, duplicates[:10]
    ids = set(parsed.ids)
    html = page.read_text(encoding="utf-8")
    for topic in curriculum.topics:
        assert f"topic-{topic.slug}" in ids
        assert f'href="#topic-{topic.slug}"' in html  # the contents link to it
        assert f"{topic.slug}--checklist" in ids and f"{topic.slug}--further-reading" in ids
    for item in curriculum.items:
        assert "item-" + re.sub(r"[^a-z0-9-]+", "-", item["id"]) in ids
    for question in curriculum.questions:
        assert "q-" + re.sub(r"[^a-z0-9-]+", "-", question["id"]) in ids
    assert html.count('class="print-box"') >= len(curriculum.items)
    article = html[html.index("<article") : html.index("</article>")]
    assert 'type="checkbox"' not in article
    assert html.count("<details open") == html.count("<details")  # every answer shown
    assert not parsed.items and not parsed.questions  # no progress widgets on paper
    # Every in-page link lands on an id of the page.
    targets = set(re.findall(r'href="#([^"]+)"', html))
    assert not targets - ids, sorted(targets - ids)[:10]
    # Links that leave the page point at real files of the built site.
    for href in set(re.findall(r'href="(\.\./[^"#]*)', html)):
        target = (page.parent / href).resolve()
        assert target.is_file() or (target / "index.html").is_file(), href


def test_site_build_publishes_staged_downloads_made_for_its_commit(tmp_path):
    site = FixtureSite(tmp_path)
    site.write("docs/concepts/messaging.md", topic_page())
    for page in ("print.md", "downloads.md"):
        site.write(f"docs/{page}", (ROOT / "docs" / page).read_text(encoding="utf-8"))
    dist = tmp_path / "dist"
    dist.mkdir()
    (dist / "nodejs-interview.pdf").write_bytes(b"%PDF-1.7\n" + b"x" * 2345)
    exports.record(dist, "nodejs-interview.pdf", 1_790_000_000)
    (dist / "nodejs-interview-offline.zip").write_bytes(b"PK old")
    exports.record(dist, "nodejs-interview-offline.zip", 1_700_000_000)  # an older commit's

    result = subprocess.run(
        [MKDOCS, "build", "--strict", "--site-dir", str(tmp_path / "site")],
        cwd=tmp_path,
        env={**ENV, "SOURCE_DATE_EPOCH": "1790000000"},
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr
    html = site.html("downloads/index.html")
    assert (tmp_path / "site" / exports.PDF_PATH).read_bytes() == (
        dist / "nodejs-interview.pdf"
    ).read_bytes()
    assert "nodejs-interview.pdf, 2 kB" in html and 'href="nodejs-interview.pdf"' in html
    assert "built on 2026-09-21." in html
    assert not (tmp_path / "site" / exports.OFFLINE_PATH).exists()  # stale: not published
    assert "Not in this copy of the site: get <code>nodejs-interview-offline.zip</code>" in html


# --------------------------------------------------------------------------- PDF and offline


@pytest.fixture(scope="module")
def small_offline(tmp_path_factory) -> Path:
    """Two topics in two parts with the print and downloads pages, built with mkdocs.offline.yml
    (what `make pdf` prints and `make offline` zips)."""
    site = FixtureSite(tmp_path_factory.mktemp("exports-site"))
    site.write("docs/concepts/messaging.md", topic_page())
    site.write(
        "docs/docker/compose.md",
        topic_page(topic="compose", part="docker", title="Docker Compose").replace(
            "Text.\n\n## Kafka",
            "See [delivery](../concepts/messaging.md#delivery-guarantees) and the"
            " [readiness checklist](../readiness.md).\n\n## Kafka",
        ),
    )
    for page in ("print.md", "downloads.md"):
        site.write(f"docs/{page}", (ROOT / "docs" / page).read_text(encoding="utf-8"))
    site.write("mkdocs.offline.yml", (ROOT / "mkdocs.offline.yml").read_text(encoding="utf-8"))
    built = site.path / "offline"
    result = subprocess.run(
        [MKDOCS, "build", "--strict", "-f", "mkdocs.offline.yml", "--site-dir", str(built)],
        cwd=site.path,
        env=ENV,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr
    return built


def test_pdf_has_every_topic_page_numbers_and_working_links(small_offline, tmp_path):
    from pypdf import PdfReader

    out = tmp_path / "curriculum.pdf"
    numbers = make_pdf.make_pdf(small_offline, out, "https://example.org/curriculum/")
    assert set(numbers) == {"topic-messaging", "topic-compose"}
    reader = PdfReader(out)
    assert 4 <= len(reader.pages) <= 30
    # pypdf's layout mode keeps lines like pdftotext -layout, without needing poppler in CI.
    pages = [p.extract_text(extraction_mode="layout") for p in reader.pages]
    contents = next(p for p in pages if re.search(r"^\s*Contents\s*$", p, re.M))
    for title, target in (
        ("Messaging queue systems", "topic-messaging"),
        ("Docker Compose", "topic-compose"),
    ):
        # The contents give the page number, and that page starts the topic.
        assert re.search(rf"{title}\s+{numbers[target]}\s*$", contents, re.M), contents
        assert title in pages[numbers[target] - 1]
    assert numbers["topic-compose"] > numbers["topic-messaging"] > pages.index(contents) + 1
    assert "Page 1 of" in pages[0]  # the footer numbers every page
    links = [
        annot.get_object()
        for page in reader.pages
        for annot in page.get("/Annots", []) or []
        if annot.get_object().get("/Subtype") == "/Link"
    ]
    internal = [a for a in links if "/Dest" in a or a.get("/A", {}).get("/S") == "/GoTo"]
    external = [a["/A"]["/URI"] for a in links if a.get("/A", {}).get("/S") == "/URI"]
    # Contents (2 topics, 2 parts), checklist items (4) and the link between topics.
    assert len(internal) >= 9, len(internal)
    assert "https://example.org/curriculum/readiness/" in external, external
    assert not [u for u in external if u.startswith("file:")], external


def test_offline_bundle_opens_from_file_and_searches(small_offline, browser, tmp_path):
    archive = tmp_path / "bundle.zip"
    make_offline.zip_dir(small_offline, archive, 1_790_000_000)
    with zipfile.ZipFile(archive) as zf:
        assert all(n.startswith("nodejs-interview/") for n in zf.namelist())
        zf.extractall(tmp_path / "unzipped")
    bundle = tmp_path / "unzipped" / "nodejs-interview"
    assert (bundle / "search" / "search_index.js").is_file()
    html = (bundle / "index.html").read_text(encoding="utf-8")
    assert "unpkg.com" not in html and "vendor/iframe-worker.js" in html

    page = browser.new_page()
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto((bundle / "index.html").as_uri(), wait_until="load")
    page.locator("a[href$='concepts/messaging.html']").first.click()
    page.wait_for_url("**/concepts/messaging.html")
    assert page.locator("h1").first.inner_text().startswith("Messaging queue systems")
    query = page.locator("input[data-md-component=search-query]")
    query.click()
    query.press_sequentially("kafka", delay=50)
    results = page.locator(".md-search-result__item")
    results.first.wait_for(timeout=30_000)
    assert results.count() >= 1
    assert "Messaging queue systems" in page.locator(".md-search-result").inner_text()
    foreign = [u for u in requests if not u.startswith(("file:", "data:", "blob:", "about:"))]
    assert not foreign, foreign
    page.close()
