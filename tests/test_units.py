"""Plain-Python pieces: literal code protection, include checks, glossary, rendering."""

from __future__ import annotations

import pytest

from hooks import glossary, literal, render, snippets
from hooks.model import load_curriculum
from tests.conftest import topic_page


def test_code_with_jinja_delimiters_is_stashed_and_restored():
    source = "Run `docker ps --format '{{.Names}}'` or `ls`.\n\n```yaml\nimage: {{ .Values.image }}\n```\n\n{{ overview() }}\n"
    protected, store = literal.protect(source)
    assert "{{ .Values.image }}" not in protected and "{{.Names}}" not in protected
    assert "{{ overview() }}" in protected and "`ls`" in protected
    assert literal.restore(protected, store) == source


def test_inline_code_does_not_reach_across_paragraphs():
    source = "A lone ` backtick.\n\nThen {{ macro() }} and `x`.\n"
    protected, _ = literal.protect(source)
    assert "{{ macro() }}" in protected


def test_snippet_check_names_line_and_missing_section(tmp_path):
    (tmp_path / "examples").mkdir()
    (tmp_path / "examples" / "a.mjs").write_text(
        "// --8<-- [start:main]\nx\n// --8<-- [end:main]\n"
    )
    page = 'text\n--8<-- "examples/a.mjs:main"\n--8<-- "examples/a.mjs:other"\n    --8<-- "examples/b.mjs"\n'
    found = snippets.check(page, tmp_path, "docs/p.md", offset=10)
    assert found == [
        "docs/p.md: line 13: 'examples/a.mjs' has no section 'other' (mark it with '--8<-- [start:other]' and '--8<-- [end:other]' comments)",
        "docs/p.md: line 14: included file 'examples/b.mjs' does not exist (paths are relative to the repository root, e.g. 'examples/<topic>/<file>.mjs')",
    ]


def test_glossary_rejects_malformed_and_duplicate_lines(tmp_path):
    path = tmp_path / "abbr.md"
    path.write_text("*[JWT]: JSON Web Token\n*[JWT]: again\nJWT - oops\n")
    with pytest.raises(glossary.GlossaryError) as info:
        glossary.load(path)
    assert str(info.value).splitlines() == [
        "abbr.md:2: 'JWT' is defined twice",
        "abbr.md:3: expected '*[TERM]: explanation', got 'JWT - oops'",
    ]


def test_the_real_glossary_loads_sorted():
    from tests.conftest import ROOT

    entries = glossary.load(ROOT / "includes" / "abbreviations.md")
    terms = [t for t, _ in entries]
    assert len(terms) >= 10 and terms == sorted(terms, key=str.lower)


@pytest.fixture
def curriculum(tmp_path):
    page = topic_page().replace(
        "answer: Per **partition**, by key.", "answer: Per **partition** <script>x</script>."
    )
    page = page.replace(
        "follow_ups: [What breaks ordering on a rebalance?]",
        "follow_ups: ['What about <b>this</b>?']",
    )
    (tmp_path / "concepts").mkdir()
    (tmp_path / "concepts" / "messaging.md").write_text(page, encoding="utf-8")
    return load_curriculum(tmp_path)


def test_topic_sections_group_items_and_carry_ids_and_labels(curriculum):
    out = render.topic_sections(curriculum.topics[0])
    assert out.index("### Mid level {#checklist-mid}") < out.index(
        "### Senior level {#checklist-senior}"
    )
    assert (
        'data-item-id="messaging.delivery"' in out
        and 'aria-labelledby="item-messaging-delivery-text"' in out
    )
    assert "[Explain at-least-once delivery and its costs.](#delivery-guarantees)" in out
    assert (
        '<details class="curriculum-question" id="q-messaging-q-ordering"' in out
        and "<details open" not in out
    )


def test_plain_fields_are_escaped_and_markdown_fields_are_not(curriculum):
    out = render.topic_sections(curriculum.topics[0])
    assert "<li>What about &lt;b&gt;this&lt;/b&gt;?</li>" in out
    assert (
        "Per **partition** <script>x</script>." in out
    )  # Markdown field: passed to Markdown as written


def test_readiness_links_items_relative_to_the_page(curriculum):
    out = render.readiness(curriculum, "readiness.md")
    assert "(concepts/messaging.md#kafka-ordering)" in out
    assert "## The twelve concepts {#part-concepts}" in out


def test_part_index_rejects_an_unknown_part(curriculum):
    with pytest.raises(ValueError, match="unknown part 'frontend'"):
        render.part_index(curriculum, "frontend", "frontend/index.md")
