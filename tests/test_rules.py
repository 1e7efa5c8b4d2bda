"""Content rules (hooks/rules.py): each rule fails on a small page that breaks it, passes at
its boundary, and names the file, the line and the fix. The real docs pass them all."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
import yaml

from hooks import rules, validate
from hooks.model import count_words, load_curriculum, load_page
from tests.conftest import ROOT

TODAY = dt.date(2026, 11, 15)
SLUG = "demo"
CONCEPTS = ["Event loop phases", "Microtasks and promises", "Blocking the loop", "Worker threads"]


def prose(words: int, seed: str = "callbacks") -> str:
    """`words` words of filler prose, wrapped at twelve words a line."""
    vocab = ["the", "loop", "runs", seed, "in", "order", "and", "each", "phase", "drains"]
    tokens = [vocab[i % len(vocab)] for i in range(words)]
    return "\n".join(" ".join(tokens[i : i + 12]) for i in range(0, len(tokens), 12))


def answer(words: int = 100) -> str:
    return prose(words, "answers") + "\n"


def meta(items: int = 8, questions: int = 6, resources: int = 3) -> dict:
    """Front matter that passes the schema and every rule: items alternate levels and
    point at the concept sections; each question checks one item."""
    anchors = [re.sub(r"[^a-z0-9]+", "-", c.lower()).strip("-") for c in CONCEPTS]
    return {
        "title": "Demo topic",
        "description": "A page that exists to exercise the content rules.",
        "topic": SLUG,
        "part": "concepts",
        "reviewed": "2026-11",
        "checklist": [
            {
                "id": f"{SLUG}.item-{i}",
                "text": f"Explain skill number {i} of the demo topic.",
                "level": "mid" if i % 2 == 0 else "senior",
                "section": anchors[i % len(anchors)],
            }
            for i in range(items)
        ],
        "questions": [
            {
                "id": f"{SLUG}.q.question-{i}",
                "question": f"What is interview question number {i}?",
                "level": "mid" if i % 2 == 0 else "senior",
                "answer": answer(),
                "checks": [f"{SLUG}.item-{i % items}"],
            }
            for i in range(questions)
        ],
        "resources": [
            {
                "title": f"Reference {i}",
                "url": f"https://example.org/docs/{i}",
                "kind": "docs",
                "why": "The primary source for this part of the topic.",
            }
            for i in range(resources)
        ],
    }


def body(words: int = 1800, *, section_words: int = 200, extra: str = "") -> str:
    """A body with the prescribed sections, `section_words` under each concept, padded in
    Hands-on so the whole body has exactly `words` words of prose."""
    parts = ["## Why interviewers ask", prose(60)]
    for concept in CONCEPTS:
        parts += [f"## {concept}", prose(section_words)]
    parts += ["## Pitfalls and red flags", prose(60), extra, "## Hands-on"]
    text = "\n\n".join(parts) + "\n"
    missing = words - count_words(text)
    assert missing >= 0, f"body() needs at least {count_words(text)} words"
    return text + "\n" + prose(missing) + "\n"


def write(project: Path, front: dict, text: str) -> Path:
    page = project / "docs" / "concepts" / f"{SLUG}.md"
    page.parent.mkdir(parents=True, exist_ok=True)
    dumped = yaml.safe_dump(front, sort_keys=False, allow_unicode=True, width=1000)
    page.write_text(f"---\n{dumped}---\n\n{text}", encoding="utf-8")
    return page


def findings(tmp_path: Path, front: dict | None = None, text: str | None = None, **kw) -> list:
    """Write the page, load it through the real model (schema included), run the rules."""
    write(tmp_path, front or meta(), body() if text is None else text)
    curriculum = load_curriculum(tmp_path / "docs")
    return rules.check(curriculum, tmp_path / "docs", today=TODAY, **kw)


def raw_findings(tmp_path: Path, front: dict, text: str | None = None) -> list:
    """For pages the schema would reject first: the rules alone, on the parsed page."""
    path = write(tmp_path, front, body() if text is None else text)
    topic, _ = load_page(path, f"concepts/{SLUG}.md", "docs")
    return rules.check_topic(topic, path.read_text(encoding="utf-8"), today=TODAY)


def by_rule(found: list, rule: str) -> list[str]:
    return [str(f) for f in found if f.rule == rule]


def line_of(path: Path, needle: str) -> int:
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if needle in line:
            return number
    raise AssertionError(f"{needle!r} not in {path}")


PAGE = "docs/concepts/demo.md"


# --------------------------------------------------------------------------- the baseline


def test_a_complete_page_passes_every_rule(tmp_path):
    assert findings(tmp_path) == []


def test_the_real_docs_pass_every_rule():
    curriculum = load_curriculum(ROOT / "docs")
    errors = [str(f) for f in rules.check(curriculum, ROOT / "docs") if f.severity == "error"]
    assert errors == []


def test_every_rule_is_documented_in_contributing():
    guide = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    missing = [rule for rule in rules.RULES if f"`{rule}`" not in guide]
    assert missing == [], f"CONTRIBUTING.md does not explain: {missing}"


# --------------------------------------------------------------------------- counts


@pytest.mark.parametrize(
    ("words", "ok"), [(1499, False), (1500, True), (3500, True), (3501, False)]
)
def test_page_words_within_the_content_range(tmp_path, words, ok):
    found = by_rule(findings(tmp_path, text=body(words, section_words=100)), "page-words")
    if ok:
        assert found == []
    else:
        [message] = found
        assert message.startswith(f"{tmp_path}/{PAGE}:")
        assert f"{words:,} words of prose; a topic page has 1,500 to 3,500" in message
        assert ("write 1 more" if words < 1500 else "cut 1, or split the page") in message


@pytest.mark.parametrize(
    ("rule", "key", "count", "ok"),
    [
        ("item-count", "items", 7, False),
        ("item-count", "items", 8, True),
        ("item-count", "items", 15, True),
        ("item-count", "items", 16, False),
        ("question-count", "questions", 5, False),
        ("question-count", "questions", 6, True),
        ("question-count", "questions", 12, True),
        ("question-count", "questions", 13, False),
        ("resource-count", "resources", 2, False),
        ("resource-count", "resources", 3, True),
        ("resource-count", "resources", 8, True),
        ("resource-count", "resources", 9, False),
    ],
)
def test_counts_within_the_content_ranges(tmp_path, rule, key, count, ok):
    front = meta(**{key: count})
    found = by_rule(findings(tmp_path, front), rule)
    if ok:
        assert found == []
        return
    [message] = found
    field = {"items": "checklist", "questions": "questions", "resources": "resources"}[key]
    assert message.startswith(
        f"{tmp_path}/{PAGE}:{line_of(tmp_path / PAGE, field + ':')}: {rule}: "
    )
    assert ("add 1" if count in (7, 5, 2) else "remove 1") in message


@pytest.mark.parametrize(
    ("key", "rule"), [("checklist", "item-levels"), ("questions", "question-levels")]
)
def test_both_levels_are_represented(tmp_path, key, rule):
    front = meta()
    assert by_rule(findings(tmp_path, front), rule) == []
    for entry in front[key]:
        entry["level"] = "mid"
    [message] = by_rule(findings(tmp_path, front), rule)
    assert "no senior" in message and "level: senior" in message


@pytest.mark.parametrize(("words", "ok"), [(79, False), (80, True), (250, True), (251, False)])
def test_answer_words(tmp_path, words, ok):
    front = meta()
    front["questions"][2]["answer"] = answer(words)
    found = by_rule(findings(tmp_path, front), "answer-words")
    if ok:
        assert found == []
        return
    [message] = found
    line = line_of(tmp_path / PAGE, "id: demo.q.question-2")
    assert message.startswith(f"{tmp_path}/{PAGE}:{line}: answer-words: ")
    assert f"'demo.q.question-2' has {words} words" in message


# --------------------------------------------------------------------------- items and questions


def test_an_item_with_no_prose_and_no_question_is_untaught(tmp_path):
    front = meta()
    front["checklist"].append(
        {"id": "demo.extra", "text": "Explain the extra skill.", "level": "mid", "section": "extra"}
    )
    text = body(extra="### Extra\n\nToo short to teach anything.")
    [message] = by_rule(findings(tmp_path, front, text), "item-untaught")
    line = line_of(tmp_path / PAGE, "id: demo.extra")
    assert message.startswith(f"{tmp_path}/{PAGE}:{line}: item-untaught: 'demo.extra'")
    assert "'#extra' has 5 words of prose (at least 40)" in message

    # A question that checks it is enough ...
    front["questions"][0]["checks"].append("demo.extra")
    assert by_rule(findings(tmp_path, front, text), "item-untaught") == []
    # ... and so is a section with prose in it.
    front["questions"][0]["checks"].remove("demo.extra")
    text = body(extra="### Extra\n\n" + prose(40))
    assert by_rule(findings(tmp_path, front, text), "item-untaught") == []


def test_a_question_must_check_an_item_of_its_page(tmp_path):
    front = meta()
    front["questions"][1]["checks"] = ["other.item"]
    front["questions"][3]["checks"] = []
    found = by_rule(raw_findings(tmp_path, front), "question-checks")
    assert len(found) == 2
    assert "'demo.q.question-1' checks 'other.item', which is not on this page" in found[0]
    assert "'demo.q.question-3' checks nothing" in found[1]
    assert by_rule(raw_findings(tmp_path, meta()), "question-checks") == []


# --------------------------------------------------------------------------- links and headings


def test_resources_and_links_use_https(tmp_path):
    front = meta()
    front["resources"][1]["url"] = "http://example.org/plain"
    text = body(
        extra="See [the spec](http://example.org/spec), <http://example.org/auto> and "
        "`curl http://127.0.0.1:3000/health`."
    )
    found = by_rule(raw_findings(tmp_path, front, text), "https")
    assert len(found) == 3, found
    resource_line = line_of(tmp_path / PAGE, "http://example.org/plain")
    assert f":{resource_line}: https: resource 'Reference 1' links to" in found[0]
    link_line = line_of(tmp_path / PAGE, "[the spec]")
    assert all(f":{link_line}: https: link to" in f for f in found[1:])
    assert any("http://example.org/spec; use https://" in f for f in found)
    assert any("http://example.org/auto; use https://" in f for f in found)
    assert not any("127.0.0.1:3000" in f for f in found)
    assert by_rule(findings(tmp_path), "https") == []


def test_the_prescribed_sections_are_there(tmp_path):
    text = body().replace("## Hands-on", "## Try it")
    [message] = by_rule(findings(tmp_path, text=text), "required-section")
    assert "no '## Hands-on' section" in message


def test_no_h1_in_the_body(tmp_path):
    text = "# Demo topic\n\n" + body()
    [message] = by_rule(findings(tmp_path, text=text), "body-h1")
    assert message.startswith(
        f"{tmp_path}/{PAGE}:{line_of(tmp_path / PAGE, '# Demo topic')}: body-h1: "
    )
    # A shell comment in a code block is not a heading.
    text = body(extra="```bash\n# start the server\nnode server.mjs\n```")
    assert by_rule(findings(tmp_path, text=text), "body-h1") == []


def test_headings_are_unique_within_a_page(tmp_path):
    text = body(extra="### Example\n\nOne.\n\n### Example\n\nTwo.\n\n## Checklist\n\nMine.")
    found = by_rule(findings(tmp_path, text=text), "duplicate-heading")
    first = line_of(tmp_path / PAGE, "### Example")
    assert len(found) == 2, found
    assert f"'Example' repeats the heading on line {first}" in found[0]
    assert "'Checklist' is a heading the generator adds" in found[1]
    text = body(extra="### Example one\n\nOne.\n\n### Example two\n\nTwo.")
    assert by_rule(findings(tmp_path, text=text), "duplicate-heading") == []


def test_fences_name_their_language(tmp_path):
    text = body(extra="```\nplain output\n```\n\n```text\nnamed\n```\n\n```{ .js }\nlet a;\n```")
    [message] = by_rule(findings(tmp_path, text=text), "fence-language")
    assert message.startswith(
        f"{tmp_path}/{PAGE}:{line_of(tmp_path / PAGE, '```')}: fence-language: "
    )
    assert "```text for plain output" in message


# --------------------------------------------------------------------------- freshness


@pytest.mark.parametrize(
    ("reviewed", "stale", "severity"),
    [
        ("2025-11", "warn", None),  # exactly 12 months: still fresh
        ("2025-10", "warn", "warning"),
        ("2025-10", "error", "error"),
        ("2025-10", "off", None),
    ],
)
def test_reviewed_older_than_twelve_months(tmp_path, reviewed, stale, severity):
    front = meta()
    front["reviewed"] = reviewed
    found = [f for f in findings(tmp_path, front, stale=stale) if f.rule == "stale"]
    if severity is None:
        assert found == []
        return
    [finding] = found
    assert finding.severity == severity
    assert finding.line == line_of(tmp_path / PAGE, "reviewed:")
    assert "reviewed 2025-10, 13 months ago" in str(finding)
    assert 'set `reviewed: "2026-11"`' in str(finding)
    assert str(finding).startswith(
        f"{tmp_path}/{PAGE}:{finding.line}: {'warning: ' if severity == 'warning' else ''}stale: "
    )


# --------------------------------------------------------------------------- scaffold leftovers


def test_new_topic_instructions_left_in_the_page_or_example(tmp_path):
    text = body(extra="<!-- new-topic: write the pitfalls a weak answer falls into. -->")
    example = tmp_path / "examples" / SLUG / "demo.mjs"
    example.parent.mkdir(parents=True)
    example.write_text("// new-topic: replace this module with the code the page shows.\n")
    found = by_rule(findings(tmp_path, text=text), "scaffold")
    assert sorted(found) == [
        f"{tmp_path}/{PAGE}:{line_of(tmp_path / PAGE, 'new-topic:')}: scaffold: left from "
        "`make new-topic`: write the pitfalls a weak answer falls into. Do it, then delete the "
        "'new-topic:' instruction",
        f"examples/{SLUG}/demo.mjs:1: scaffold: left from `make new-topic`: replace this module "
        "with the code the page shows. Do it, then delete the 'new-topic:' instruction",
    ]
    example.write_text("export const done = true;\n")
    assert by_rule(findings(tmp_path), "scaffold") == []


# --------------------------------------------------------------------------- the command line


def run_validate(capsys, *args: str) -> tuple[int, str]:
    code = validate.main(list(args))
    out = capsys.readouterr()
    return code, out.out + out.err


def test_validate_rules_reports_and_fails(tmp_path, capsys):
    front = meta(items=7)
    write(tmp_path, front, body())
    code, out = run_validate(capsys, "--rules", "--today=2026-11", str(tmp_path / "docs"))
    assert code == 1
    assert f"{PAGE}:{line_of(tmp_path / PAGE, 'checklist:')}: item-count: 7 checklist items" in out
    assert "content rules: 1 error in 1 file(s)" in out
    # Without --rules the front matter alone is checked, and it is valid.
    assert run_validate(capsys, str(tmp_path / "docs"))[0] == 0


def test_stale_is_a_warning_unless_the_schedule_asks(tmp_path, capsys, monkeypatch):
    front = meta()
    front["reviewed"] = "2024-01"
    write(tmp_path, front, body())
    docs = str(tmp_path / "docs")
    code, out = run_validate(capsys, "--rules", "--today=2026-11", docs)
    assert code == 0 and "warning: stale: reviewed 2024-01, 34 months ago" in out
    assert "ok: 1 topic pages follow the content rules (1 warning)" in out
    monkeypatch.setenv("CURRICULUM_STALE", "error")
    code, out = run_validate(capsys, "--rules", "--today=2026-11", docs)
    assert code == 1 and ": stale: reviewed 2024-01" in out
    code, out = run_validate(capsys, "--rules", "--today=2026-11", "--only=item-count", docs)
    assert code == 0 and "stale" not in out


@pytest.mark.parametrize(
    ("arg", "message"),
    [
        ("--stale=sometimes", "expected one of warn, error, off, got 'sometimes'"),
        ("--only=page-word", "--only: unknown rule page-word (rules: scaffold, page-words"),
        ("--today=November", "--today: expected YYYY-MM, got 'November'"),
    ],
)
def test_bad_options_say_what_is_expected(tmp_path, capsys, arg, message):
    write(tmp_path, meta(), body())
    code, out = run_validate(capsys, "--rules", arg, str(tmp_path / "docs"))
    assert code == 2 and message in out
