"""Bad input never publishes: one small fixture site per failure, built for real.

Each asserts a non-zero exit, a message naming the file (and the field or line), and no
Python traceback.
"""

from __future__ import annotations

import html as html_lib
import re

import pytest

from tests.conftest import topic_page

PAGE = "docs/concepts/messaging.md"


def assert_fails_cleanly(result, *expected: str) -> str:
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert "Traceback" not in output, output
    for text in expected:
        assert text in output, output
    return output


def test_fixture_site_builds_when_valid(fixture_site):
    fixture_site.write(PAGE, topic_page())
    result = fixture_site.build()
    assert result.returncode == 0, result.stdout + result.stderr
    assert 'data-item-id="messaging.ordering"' in fixture_site.html("concepts/messaging/index.html")


@pytest.mark.parametrize(
    ("page", "expected"),
    [
        pytest.param(
            topic_page().replace("tags: [kafka]", "tags: [kafka"),
            f"{PAGE}: front matter: is not valid YAML (line",
            id="malformed-yaml",
        ),
        pytest.param(
            topic_page(difficulty="hard"), f"{PAGE}: unknown field 'difficulty'", id="unknown-field"
        ),
        pytest.param(
            topic_page(tags="7"), f"{PAGE}: tags: expected a list, got 7", id="wrong-type"
        ),
        pytest.param(
            topic_page().replace("level: mid", "level: expert"),
            f"{PAGE}: checklist[0].level: 'expert' is not one of mid, senior",
            id="wrong-enum",
        ),
        pytest.param(
            topic_page().replace("section: kafka-ordering", "section: nowhere"),
            f"{PAGE}: checklist[1].section: 'nowhere' is not a heading anchor",
            id="missing-anchor",
        ),
        pytest.param(
            topic_page().replace(
                "checks: [messaging.ordering, messaging.delivery]", "checks: [messaging.nope]"
            ),
            f"{PAGE}: questions[0].checks: 'messaging.nope' is not a checklist id on any page",
            id="unknown-checks-id",
        ),
    ],
)
def test_bad_front_matter_fails_the_build(fixture_site, page, expected):
    fixture_site.write(PAGE, page)
    assert_fails_cleanly(fixture_site.build(), expected)
    assert not (fixture_site.path / "site" / "concepts" / "messaging" / "index.html").exists()


def test_duplicate_id_across_two_pages(fixture_site):
    fixture_site.write(PAGE, topic_page())
    other = (
        topic_page(topic="queues")
        .replace("id: queues.ordering", "id: messaging.ordering")
        .replace("checks: [queues.ordering, queues.delivery]", "checks: [queues.delivery]")
    )
    fixture_site.write("docs/concepts/queues.md", other)
    assert_fails_cleanly(
        fixture_site.build(),
        "docs/concepts/queues.md: checklist[1].id: duplicate id 'messaging.ordering', already used in docs/concepts/messaging.md",
    )


def test_macro_error_names_file_and_line(fixture_site):
    page = topic_page()
    fixture_site.write(PAGE, page + "\nSee {{ no_such_macro() }}.\n")
    line = len(page.splitlines()) + 2
    assert_fails_cleanly(
        fixture_site.build(), f"{PAGE}: line {line}: macro error: 'no_such_macro' is undefined"
    )


def test_macro_syntax_error_says_how_to_write_braces(fixture_site):
    fixture_site.write(PAGE, topic_page() + "\nHelm writes {{ .Values.image }} here.\n")
    assert_fails_cleanly(
        fixture_site.build(),
        f"{PAGE}: line",
        "macro syntax error",
        "put code that contains '{{' or '{%' in a code span",
    )


def test_missing_snippet_names_file_line_and_path(fixture_site):
    fixture_site.write(
        PAGE, topic_page() + '\n```js\n--8<-- "examples/messaging/missing.mjs"\n```\n'
    )
    assert_fails_cleanly(
        fixture_site.build(),
        f"{PAGE}: line",
        "included file 'examples/messaging/missing.mjs' does not exist",
    )


def test_broken_internal_link_fails_strict_build(fixture_site):
    fixture_site.write(PAGE, topic_page() + "\nSee [the runtime](../nodejs/runtime.md).\n")
    assert_fails_cleanly(fixture_site.build(), "concepts/messaging.md", "nodejs/runtime.md")


def test_broken_anchor_fails_strict_build(fixture_site):
    fixture_site.write(PAGE, topic_page() + "\nSee [ordering](#kafka-orderin).\n")
    assert_fails_cleanly(fixture_site.build(), "concepts/messaging.md", "kafka-orderin")


def test_code_with_braces_renders_literally(fixture_site):
    fixture_site.write("examples/helm/values.yaml", "image: {{ .Values.image }}\n")
    body = (
        "\nDocker: `docker ps --format '{{.Names}}'`.\n\n"
        "```yaml\nreplicas: {{ .Values.replicas }}\n```\n\n"
        '```yaml title="examples/helm/values.yaml"\n--8<-- "examples/helm/values.yaml"\n```\n\n'
        "```jsx\nconst el = <div style={{ color: 'red' }} />;\n```\n"
    )
    fixture_site.write(PAGE, topic_page() + body)
    result = fixture_site.build()
    assert result.returncode == 0, result.stdout + result.stderr
    html = fixture_site.html("concepts/messaging/index.html")
    text = html_lib.unescape(re.sub(r"<[^>]+>", "", html))
    for literal in (
        "{{.Names}}",
        "{{ .Values.replicas }}",
        "{{ .Values.image }}",
        "style={{ color: 'red' }}",
    ):
        assert literal in text, literal


def test_make_build_is_strict_and_not_quiet():
    """`mkdocs build --strict --quiet` passes with warnings: quiet stops them being counted."""
    from tests.conftest import ROOT

    recipe = [
        line for line in (ROOT / "Makefile").read_text().splitlines() if "mkdocs build" in line
    ]
    assert recipe, "the Makefile has no mkdocs build line"
    for line in recipe:
        assert "--strict" in line, line
        assert "--quiet" not in line and " -q" not in line, line
