"""Study plans (hooks/plans.py): coverage, shape, balance, order and determinism."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from hooks import plans
from hooks.model import load_curriculum
from hooks.plans import (
    DAYS_PER_WEEK,
    SPECS,
    STUDY_ORDER,
    PlanError,
    TopicInfo,
    Unit,
    build_plan,
    duration,
    partition,
    section_titles,
    topic_infos,
)

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"


@pytest.fixture(scope="module")
def curriculum():
    return load_curriculum(DOCS)


@pytest.fixture(scope="module")
def topics(curriculum):
    return topic_infos(curriculum, DOCS)


@pytest.fixture(scope="module")
def all_plans(topics):
    return {weeks: build_plan(topics, weeks) for weeks in SPECS}


def synthetic(slug: str, part: str = "concepts", sections: int = 3, words: int = 1200) -> TopicInfo:
    anchors = [(f"s{i}", f"Section {i}") for i in range(sections)]
    items = tuple(
        {"id": f"{slug}.i{i}", "level": "mid" if i % 3 else "senior", "section": f"s{i % sections}"}
        for i in range(sections * 2)
    )
    questions = tuple(
        {"id": f"{slug}.q.{i}", "level": item["level"], "checks": [item["id"]]}
        for i, item in enumerate(items[::2])
    )
    return TopicInfo(
        slug, slug.title(), f"{part}/{slug}.md", part, words, items, questions, tuple(anchors)
    )


# --------------------------------------------------------------------------- the real plans


@pytest.mark.parametrize("weeks", sorted(SPECS))
def test_days_per_plan_is_weeks_times_days_per_week(all_plans, weeks):
    plan = all_plans[weeks]
    assert len(plan.days) == weeks * DAYS_PER_WEEK
    assert [d.number for d in plan.days] == list(range(1, weeks * DAYS_PER_WEEK + 1))
    assert [d.week for d in plan.days] == [n // DAYS_PER_WEEK + 1 for n in range(len(plan.days))]


def test_the_shape_of_each_plan(all_plans):
    kinds = {w: Counter(d.kind for d in p.days) for w, p in all_plans.items()}
    assert kinds[2] == {"study": 11, "mock": 1}
    assert all_plans[2].days[-1].kind == "mock"
    assert kinds[4] == {"study": 20, "mock": 4}
    assert kinds[8] == {"study": 32, "review": 8, "mock": 8}
    for week, days in all_plans[8].weeks:
        assert [d.kind for d in days] == ["study"] * 4 + ["review", "mock"], week
    for week, days in all_plans[4].weeks:
        assert days[-1].kind == "mock", week


@pytest.mark.parametrize("weeks", sorted(SPECS))
def test_every_topic_and_every_item_is_in_every_plan(all_plans, curriculum, topics, weeks):
    plan = all_plans[weeks]
    studied = [t.topic.slug for d in plan.study_days for t in d.topics]
    assert set(studied) == {t.slug for t in curriculum.topics}
    items = [i for d in plan.study_days for i in d.items]
    assert sorted(items) == sorted(i["id"] for i in curriculum.items), "each item exactly once"
    questions = [q for d in plan.study_days for q in d.questions]
    assert sorted(questions) == sorted(q["id"] for q in curriculum.questions)


@pytest.mark.parametrize("weeks", sorted(SPECS))
def test_study_days_are_roughly_balanced(all_plans, weeks):
    load = all_plans[weeks].load()
    assert load["max_minutes"] <= 1.25 * load["mean_minutes"], load
    assert load["min_minutes"] >= 0.75 * load["mean_minutes"], load


def test_longer_plans_mean_shorter_days(all_plans):
    means = [all_plans[w].load()["mean_minutes"] for w in (2, 4, 8)]
    assert means[0] > means[1] > means[2]
    hours = {round(all_plans[w].load()["total_hours"], 6) for w in (2, 4, 8)}
    assert len(hours) == 1, "the same material, spread differently"


@pytest.mark.parametrize("weeks", [4, 8])
def test_mid_pass_then_senior_pass(all_plans, curriculum, weeks):
    level = {i["id"]: i["level"] for i in curriculum.items}
    study = all_plans[weeks].study_days
    passes = [d.pass_name for d in study]
    first_senior = passes.index("senior")
    assert set(passes[:first_senior]) == {"mid"} and set(passes[first_senior:]) == {"senior"}
    for day in study:
        assert {level[i] for i in day.items} <= {day.pass_name}, day.number


def test_two_week_plan_studies_both_levels_together(all_plans):
    study = all_plans[2].study_days
    assert {d.pass_name for d in study} == {"both"}
    runtime_day = next(d for d in study if "runtime" in d.topic_slugs)
    assert {"runtime.v8-libuv", "runtime.microtask-starvation"} <= set(runtime_day.items)


@pytest.mark.parametrize("weeks", sorted(SPECS))
def test_topics_follow_the_study_order_in_each_pass(all_plans, topics, weeks):
    order = [t.slug for t in topics]
    assert [t.part for t in topics] == sorted((t.part for t in topics), key=STUDY_ORDER.index), (
        "Practice comes last"
    )
    for name, _ in SPECS[weeks].passes:
        seen = [
            s for d in all_plans[weeks].study_days if d.pass_name == name for s in d.topic_slugs
        ]
        assert list(dict.fromkeys(seen)) == order


@pytest.mark.parametrize("weeks", sorted(SPECS))
def test_split_topics_name_their_sections_and_link_their_days(all_plans, weeks):
    study = all_plans[weeks].study_days
    for day in study:
        for part in day.topics:
            anchors = dict(part.topic.sections)
            spans = [
                d
                for d in study
                if d.pass_name == day.pass_name and part.topic.slug in d.topic_slugs
            ]
            if len(spans) == 1:
                assert part.sections == [] and part.continued_from is None
                continue
            assert part.sections, (
                f"day {day.number}: {part.topic.slug} spans days, so list sections"
            )
            assert all(a in anchors and anchors[a] == t for a, t in part.sections)
            assert part.continued_from == (None if day is spans[0] else spans[0].number)
            following = spans[spans.index(day) + 1] if day is not spans[-1] else None
            assert part.continues_on == (following.number if following else None)


def test_review_and_mock_days_cover_the_week_before_them(all_plans, curriculum):
    plan = all_plans[8]
    level = {q["id"]: q["level"] for q in curriculum.questions}
    for _, days in plan.weeks:
        study = [d for d in days if d.kind == "study"]
        review = next(d for d in days if d.kind == "review")
        mock = next(d for d in days if d.kind == "mock")
        assert review.items == [i for d in study for i in d.items]
        slugs = list(dict.fromkeys(s for d in study for s in d.topic_slugs))
        assert review.topic_slugs == slugs == mock.topic_slugs
        assert mock.questions and {q.split(".")[0] for q in mock.questions} == set(slugs)
        assert {level[q] for q in mock.questions} == {d.pass_name for d in study}
        assert mock.level_query == (
            "both" if len({d.pass_name for d in study}) == 2 else study[0].pass_name
        )
    final = all_plans[2].days[-1]
    assert sorted(final.questions) == sorted(q["id"] for q in curriculum.questions)
    assert final.level_query == "both"


def test_plans_are_deterministic(curriculum, topics):
    again = topic_infos(curriculum, DOCS)
    for weeks in SPECS:
        first = plans.render_plan(curriculum, DOCS, weeks, f"study-plans/{SPECS[weeks].slug}.md")
        second = plans.render_plan(curriculum, DOCS, weeks, f"study-plans/{SPECS[weeks].slug}.md")
        assert first == second
        a, b = build_plan(topics, weeks), build_plan(again, weeks)
        assert [(d.kind, d.items, d.questions) for d in a.days] == [
            (d.kind, d.items, d.questions) for d in b.days
        ]


def test_rendered_plan_has_a_heading_and_item_ids_per_day(curriculum, all_plans):
    text = plans.render_plan(curriculum, DOCS, 8, "study-plans/eight-weeks.md")
    days = re.findall(r"^### Day (\d+): .+ \{#day-(\d+)\}$", text, flags=re.M)
    assert [int(a) for a, b in days] == list(range(1, 49)) and all(a == b for a, b in days)
    assert len(re.findall(r'class="plan-day plan-day--study" data-items="[^"]+"', text)) == 32
    assert len(re.findall(r'class="plan-day plan-day--mock" data-cards="[^"]+"', text)) == 8
    assert "[Node.js runtime and the event loop](../nodejs/runtime.md)" in text
    assert "](../flashcards.md?topics=runtime," in text
    summary = plans.render_summary(curriculum, DOCS, "study-plans/index.md")
    for spec in SPECS.values():
        assert f"[{spec.title}]({spec.slug}.md)" in summary
    assert f"{plans.WORDS_PER_MINUTE} words a minute" in summary


# --------------------------------------------------------------------------- the algorithm


def test_partition_cuts_equal_loads_evenly_and_keeps_order():
    topic = synthetic("a", sections=12)
    units = [Unit(topic, "mid", f"s{i}", [f"a.i{i}"], [], 10.0) for i in range(12)]
    days = partition(units, 4)
    assert [len(d) for d in days] == [3, 3, 3, 3]
    assert [u for d in days for u in d] == units


def test_partition_prefers_cutting_between_topics():
    a, b = synthetic("a", sections=3), synthetic("b", sections=3)
    units = [Unit(a, "mid", f"s{i}", [], [], 10.0) for i in range(3)]
    units += [Unit(b, "mid", f"s{i}", [], [], 10.0) for i in range(3)]
    # Slightly unequal: a cut after 4 units is closer to the average, but inside topic b.
    units[3].minutes = 12.0
    days = partition(units, 2)
    assert [u.topic.slug for u in days[0]] == ["a", "a", "a"]


def test_partition_splits_a_topic_that_would_unbalance_the_days():
    big, small = synthetic("big", sections=8), synthetic("small", sections=1)
    units = [Unit(big, "mid", f"s{i}", [], [], 10.0) for i in range(8)]
    units.append(Unit(small, "mid", "s0", [], [], 10.0))
    days = partition(units, 3)
    assert [len(d) for d in days] == [3, 3, 3]


def test_partition_refuses_more_days_than_sections():
    units = [Unit(synthetic("a"), "mid", "s0", [], [], 1.0)]
    with pytest.raises(PlanError, match="1 checklist sections cannot fill 2 study days"):
        partition(units, 2)


def test_unknown_plan_length_is_refused(topics):
    with pytest.raises(PlanError, match="no 3-week plan; the plans are 2, 4, 8 weeks"):
        build_plan(topics, 3)
    with pytest.raises(PlanError, match="no topic pages"):
        build_plan([], 4)


def test_synthetic_curriculum_gets_every_item(tmp_path):
    topics = [
        synthetic(f"t{n}", part=part, sections=4)
        for n, part in enumerate(["practice", "nodejs", "concepts", "kubernetes"] * 3)
    ]
    topics.sort(key=lambda t: STUDY_ORDER.index(t.part))
    for weeks in SPECS:
        plan = build_plan(topics, weeks)
        assert sorted(i for d in plan.study_days for i in d.items) == sorted(
            i["id"] for t in topics for i in t.items
        )


def test_questions_go_with_the_section_of_the_item_they_check():
    topic = synthetic("a", sections=3)
    units = plans.units_for(topic, "both", ("mid", "senior"))
    where = {q: u.section for u in units for q in u.questions}
    section_of = {i["id"]: i["section"] for i in topic.items}
    for q in topic.questions:
        assert where[q["id"]] == section_of[q["checks"][0]]


def test_section_titles_match_the_anchors_mkdocs_gives():
    body = (
        "## Why interviewers ask\n\ntext\n\n```bash\n# not a heading\n```\n\n"
        "## `setTimeout` and **nextTick**\n\n## Tuning {#tune}\n\n## Why interviewers ask\n"
    )
    assert section_titles(body) == [
        ("why-interviewers-ask", "Why interviewers ask"),
        ("settimeout-and-nexttick", "setTimeout and nextTick"),
        ("tune", "Tuning"),
        ("why-interviewers-ask_1", "Why interviewers ask"),
    ]


@pytest.mark.parametrize(
    ("minutes", "text"),
    [(3, "about 10 min"), (44, "about 40 min"), (60, "about 1 h"), (158, "about 2 h 40 min")],
)
def test_duration(minutes, text):
    assert duration(minutes) == text


# --------------------------------------------------------------------------- the built pages


def test_built_plan_pages_link_real_items(built_site, curriculum):
    ids = {i["id"] for i in curriculum.items}
    for spec in SPECS.values():
        html = (built_site / "study-plans" / spec.slug / "index.html").read_text(encoding="utf-8")
        days = re.findall(r'<h3 id="day-(\d+)"', html)
        assert len(days) == spec.weeks * DAYS_PER_WEEK, spec.slug
        listed = {i for attr in re.findall(r'data-items="([^"]*)"', html) for i in attr.split()}
        assert listed == ids, spec.slug
        assert 'class="plan-progress"' in html
    index = (built_site / "study-plans" / "index.html").read_text(encoding="utf-8")
    assert index.count('href="two-weeks/"') >= 1 and index.count('href="eight-weeks/"') >= 1
