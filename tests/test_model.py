"""The data model: every validation rule, and the message it gives."""

from __future__ import annotations

import pytest

from hooks.model import CurriculumError, count_words, heading_anchors, load_curriculum
from tests.conftest import topic_page


def problems(tmp_path, pages: dict[str, str]) -> list[str]:
    for rel, text in pages.items():
        target = tmp_path / "docs" / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    with pytest.raises(CurriculumError) as info:
        load_curriculum(tmp_path / "docs")
    return [str(p) for p in info.value.problems]


def test_a_valid_page_loads_with_its_data(tmp_path):
    (tmp_path / "concepts").mkdir()
    (tmp_path / "concepts" / "messaging.md").write_text(topic_page(), encoding="utf-8")
    curriculum = load_curriculum(tmp_path)
    [topic] = curriculum.topics
    assert topic.slug == "messaging" and topic.url == "concepts/messaging/"
    assert [i["id"] for i in topic.items_at("senior")] == ["messaging.ordering"]
    assert [p for p, _, _ in curriculum.by_part()] == ["concepts"]


def test_wrong_enum_names_file_field_and_allowed_values(tmp_path):
    page = topic_page().replace("level: mid", "level: expert")
    assert problems(tmp_path, {"concepts/messaging.md": page}) == [
        f"{tmp_path}/docs/concepts/messaging.md: checklist[0].level: 'expert' is not one of mid, senior"
    ]


def test_unknown_field_lists_the_allowed_ones(tmp_path):
    page = topic_page().replace("  section: kafka-ordering", "  section: kafka-ordering\n  lvl: 2")
    [line] = problems(tmp_path, {"concepts/messaging.md": page})
    assert line.endswith(
        "checklist[1]: unknown field 'lvl' (allowed: id, level, replaces, section, text)"
    )


def test_unknown_top_level_field(tmp_path):
    [line] = problems(tmp_path, {"concepts/messaging.md": topic_page(difficulty="hard")})
    assert "concepts/messaging.md: unknown field 'difficulty'" in line


def test_wrong_type(tmp_path):
    [line] = problems(tmp_path, {"concepts/messaging.md": topic_page(tags="kafka")})
    assert line.endswith("tags: expected a list, got 'kafka'")


def test_missing_required_field(tmp_path):
    [line] = problems(tmp_path, {"concepts/messaging.md": topic_page(resources=None)})
    assert line.endswith("concepts/messaging.md: missing required field 'resources'")


def test_reviewed_as_a_full_date_says_what_to_write(tmp_path):
    [line] = problems(tmp_path, {"concepts/messaging.md": topic_page(reviewed="2026-11-01")})
    assert line.endswith(
        "reviewed: expected year-month like '2026-11', got datetime.date(2026, 11, 1)"
    )


def test_resources_must_be_https(tmp_path):
    page = topic_page().replace("https://kafka", "http://kafka")
    [line] = problems(tmp_path, {"concepts/messaging.md": page})
    assert line.endswith(
        "resources[0].url: 'http://kafka.apache.org/documentation/': expected an https:// address"
    )


def test_malformed_yaml_names_the_line(tmp_path):
    page = topic_page().replace("tags: [kafka]", "tags: [kafka")
    [line] = problems(tmp_path, {"concepts/messaging.md": page})
    assert "concepts/messaging.md: front matter: is not valid YAML (line" in line


def test_topic_page_without_front_matter(tmp_path):
    [line] = problems(tmp_path, {"concepts/messaging.md": "## Just text\n"})
    assert line.endswith(
        "concepts/messaging.md: has no front matter: a topic page starts with '---', its fields, then '---'"
    )


def test_pages_outside_part_folders_need_no_front_matter(tmp_path):
    (tmp_path / "about.md").write_text("# About\n", encoding="utf-8")
    assert load_curriculum(tmp_path).topics == []


def test_part_must_match_folder(tmp_path):
    [line] = problems(tmp_path, {"nodejs/messaging.md": topic_page()})
    assert line.endswith(
        "nodejs/messaging.md: part: 'concepts' does not match the folder 'nodejs/' the page is in"
    )


def test_duplicate_id_across_two_pages_names_both(tmp_path):
    other = topic_page(topic="queues").replace("id: queues.delivery", "id: messaging.delivery")
    found = problems(tmp_path, {"concepts/messaging.md": topic_page(), "concepts/queues.md": other})
    assert any(
        line.endswith(
            "queues.md: checklist[0].id: duplicate id 'messaging.delivery', already used in "
            + f"{tmp_path}/docs/concepts/messaging.md"
        )
        for line in found
    ), found


def test_duplicate_topic(tmp_path):
    found = problems(
        tmp_path, {"concepts/messaging.md": topic_page(), "concepts/other.md": topic_page()}
    )
    assert any(
        line.endswith(
            "other.md: topic: 'messaging' is already the topic of "
            + f"{tmp_path}/docs/concepts/messaging.md"
        )
        for line in found
    )


def test_id_must_carry_the_topic_prefix(tmp_path):
    page = (
        topic_page()
        .replace("id: messaging.delivery", "id: queues.delivery")
        .replace("checks: [messaging.ordering, messaging.delivery]", "checks: [messaging.ordering]")
    )
    [line] = problems(tmp_path, {"concepts/messaging.md": page})
    assert line.endswith(
        "checklist[0].id: 'queues.delivery' must start with the page's topic, 'messaging.'"
    )


def test_section_must_be_a_heading_anchor_on_the_page(tmp_path):
    page = topic_page().replace("section: kafka-ordering", "section: kafka-order")
    [line] = problems(tmp_path, {"concepts/messaging.md": page})
    assert (
        "checklist[1].section: 'kafka-order' is not a heading anchor on this page (anchors: why-interviewers-ask, delivery-guarantees, kafka-ordering)"
        in line
    )


def test_checks_must_name_a_real_item(tmp_path):
    page = topic_page().replace(
        "checks: [messaging.ordering, messaging.delivery]",
        "checks: [messaging.ordering, messaging.nope]",
    )
    [line] = problems(tmp_path, {"concepts/messaging.md": page})
    assert line.endswith("questions[0].checks: 'messaging.nope' is not a checklist id on any page")


def test_checks_must_stay_on_its_own_page(tmp_path):
    other = topic_page(topic="queues").replace(
        "checks: [queues.ordering, queues.delivery]", "checks: [messaging.ordering]"
    )
    found = problems(tmp_path, {"concepts/messaging.md": topic_page(), "concepts/queues.md": other})
    assert any("questions[0].checks: 'messaging.ordering' belongs to" in line for line in found), (
        found
    )


def test_replaces_must_name_a_retired_checklist_id(tmp_path):
    live = topic_page().replace(
        "section: kafka-ordering", "section: kafka-ordering\n  replaces: [messaging.delivery]"
    )
    [line] = problems(tmp_path, {"concepts/messaging.md": live})
    assert "checklist[1].replaces: 'messaging.delivery' is still a live item" in line
    question = topic_page().replace(
        "section: kafka-ordering", "section: kafka-ordering\n  replaces: [messaging.q.ordering]"
    )
    [line] = problems(tmp_path, {"concepts/messaging.md": question})
    assert "'messaging.q.ordering' is a question id, not a checklist id" in line


def test_every_problem_is_reported_in_one_pass(tmp_path):
    page = (
        topic_page(tags="kafka")
        .replace("level: mid", "level: expert")
        .replace("section: kafka-ordering", "section: nowhere")
        .replace("checks: [messaging.ordering, messaging.delivery]", "checks: [messaging.nope]")
    )
    found = problems(tmp_path, {"concepts/messaging.md": page})
    assert len(found) == 4, found


def test_heading_anchors_follow_mkdocs_slugs_and_skip_code():
    body = "## Backpressure and `pipeline()`\n```md\n## Not a heading\n```\n## Kafka's ordering\n## Delivery {#custom}\n## Backpressure and pipeline()\n"
    assert heading_anchors(body)[:4] == [
        "backpressure-and-pipeline",
        "kafkas-ordering",
        "custom",
        "backpressure-and-pipeline_1",
    ]
    assert heading_anchors(body)[-3:] == ["checklist", "interview-questions", "further-reading"]


def test_word_count_leaves_out_code_and_includes():
    body = 'Two words.\n\n```js\nconst a = 1; const b = 2;\n```\n--8<-- "examples/x.mjs"\n'
    assert count_words(body) == 2
