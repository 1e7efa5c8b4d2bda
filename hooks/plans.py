"""Study plans: 2-, 4- and 8-week schedules generated from the topics' front matter.

Plain Python: no MkDocs import, so the plans are unit-tested (tests/test_plans.py) and
hooks/macros.py only wires ``render_plan`` and ``render_summary`` in as macros.

How a plan is made:

1. Every topic becomes *units*: one per checklist section (the heading an item points at)
   and pass, holding that section's items and the questions that check them first.
   Units keep page order; topics keep study order (the parts in PARTS order, except that
   Practice comes last, because system design and the interview day draw on the rest).
2. Each unit gets an estimated load in minutes: the topic's prose shared over its items
   (read at WORDS_PER_MINUTE), SKILL_MINUTES per item to check yourself, QUESTION_MINUTES
   per question to answer out loud and compare with the written answer.
3. The study days of a plan are cut from the units in order so that every day carries
   close to the average load, splitting a topic across days only when keeping it whole
   would unbalance them (``partition``: least squared deviation, plus SPLIT_COST per
   split). A split topic lists the sections each day covers.
4. Passes: the 2-week plan does one pass with both levels; the 4- and 8-week plans do
   every topic's mid items first, then a senior pass, each pass given study days in
   proportion to its load. Weekly review and mock-interview days sit between them.

Everything is deterministic: the same pages give the same plans, byte for byte.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from hooks import model
from hooks.model import LEVELS, PARTS, Curriculum

WORDS_PER_MINUTE = 120  # dense technical prose with code, read to be explained afterwards
SKILL_MINUTES = 2  # say the skill out loud, tick it or go back to its section
QUESTION_MINUTES = 4  # answer out loud, then read the written answer and the senior layer
SPLIT_COST = 0.02  # a split topic costs as much as a day 14% off the average load

STUDY_ORDER = ("nodejs", "concepts", "devops", "docker", "kubernetes", "practice")
assert set(STUDY_ORDER) == set(PARTS), "STUDY_ORDER must list every part once"

DAYS_PER_WEEK = 6  # the seventh day is off in every plan


@dataclass(frozen=True)
class PlanSpec:
    """The shape of one plan: its weeks, what each weekday is, and its passes."""

    weeks: int
    slug: str
    title: str
    week: tuple[str, ...]  # the kind of each day of a week: study | review | mock
    passes: tuple[tuple[str, tuple[str, ...]], ...]  # (pass name, levels it covers)
    final_mock: bool = False  # the last day of the plan is a full mock interview
    pitch: str = ""


SPECS: dict[int, PlanSpec] = {
    2: PlanSpec(
        weeks=2,
        slug="two-weeks",
        title="Two-week plan",
        week=("study",) * DAYS_PER_WEEK,
        passes=(("both", LEVELS),),
        final_mock=True,
        pitch="One pass through every topic with both levels at once, then a full mock interview on the last day.",
    ),
    4: PlanSpec(
        weeks=4,
        slug="four-weeks",
        title="Four-week plan",
        week=("study",) * 5 + ("mock",),
        passes=(("mid", ("mid",)), ("senior", ("senior",))),
        pitch="Every topic at mid level, then a senior pass; each week ends with a mock interview.",
    ),
    8: PlanSpec(
        weeks=8,
        slug="eight-weeks",
        title="Eight-week plan",
        week=("study",) * 4 + ("review", "mock"),
        passes=(("mid", ("mid",)), ("senior", ("senior",))),
        pitch="Every topic at mid level, then a senior pass, at a gentler pace with a review day and a mock interview every week.",
    ),
}

PASS_TITLES = {"both": "Study", "mid": "Mid pass", "senior": "Senior pass"}


class PlanError(ValueError):
    """The topics cannot be cut into the plan (too few sections for its study days)."""


# --------------------------------------------------------------------------- inputs


@dataclass(frozen=True)
class TopicInfo:
    """What a plan needs from one topic page."""

    slug: str
    title: str
    src: str
    part: str
    words: int
    items: tuple[dict[str, Any], ...]  # {id, level, section}
    questions: tuple[dict[str, Any], ...]  # {id, level, checks}
    sections: tuple[tuple[str, str], ...]  # (anchor, heading text) in page order


def section_titles(body: str) -> list[tuple[str, str]]:
    """(anchor, heading text) for the page's headings, with the anchors the model computes."""
    titles = [
        model._plain_heading(model._ATTR_LIST.sub("", match.group(2))).strip()
        for line in model._outside_fences(body)
        if (match := model._HEADING.match(line))
    ]
    # heading_anchors also lists the generated sections, which have no heading in the body.
    return list(zip(model.heading_anchors(body), titles, strict=False))


def topic_infos(curriculum: Curriculum, docs_dir: str | Path) -> list[TopicInfo]:
    """The topics in study order, with their section headings read from the pages."""
    docs_dir = Path(docs_dir)
    parts = {slug: topics for slug, _, topics in curriculum.by_part()}
    out: list[TopicInfo] = []
    for part in STUDY_ORDER:
        for topic in parts.get(part, []):
            text = (docs_dir / topic.src).read_text(encoding="utf-8")
            _, body, _ = model.split_front_matter(text)
            out.append(
                TopicInfo(
                    slug=topic.slug,
                    title=topic.title,
                    src=topic.src,
                    part=topic.part,
                    words=topic.words,
                    items=tuple(
                        {"id": i["id"], "level": i["level"], "section": i["section"]}
                        for i in topic.checklist
                    ),
                    questions=tuple(
                        {"id": q["id"], "level": q["level"], "checks": list(q["checks"])}
                        for q in topic.questions
                    ),
                    sections=tuple(section_titles(body)),
                )
            )
    return out


# --------------------------------------------------------------------------- units


@dataclass
class Unit:
    """One checklist section of one topic in one pass: the smallest piece a day holds."""

    topic: TopicInfo
    pass_name: str
    section: str
    items: list[str] = field(default_factory=list)
    questions: list[str] = field(default_factory=list)
    minutes: float = 0.0


def units_for(topic: TopicInfo, pass_name: str, levels: tuple[str, ...]) -> list[Unit]:
    """The topic's units for one pass, in page order of their sections."""
    order = {anchor: i for i, (anchor, _) in enumerate(topic.sections)}
    per_item = (topic.words / WORDS_PER_MINUTE) / max(len(topic.items), 1)
    section_of = {item["id"]: item["section"] for item in topic.items}
    units: dict[str, Unit] = {}

    def unit(section: str) -> Unit:
        if section not in units:
            units[section] = Unit(topic, pass_name, section)
        return units[section]

    for item in topic.items:
        if item["level"] in levels:
            target = unit(item["section"])
            target.items.append(item["id"])
            target.minutes += per_item + SKILL_MINUTES
    for question in topic.questions:
        if question["level"] not in levels:
            continue
        # A question goes with the section of the first item it checks at its own level.
        checks = [c for c in question["checks"] if c in section_of]
        same_level = [
            c for c in checks if any(i["id"] == c and i["level"] in levels for i in topic.items)
        ]
        first = (same_level or checks or [None])[0]
        section = section_of.get(first) if first else None
        if section is None:
            section = next(iter(units), topic.items[0]["section"] if topic.items else "")
        target = unit(section)
        target.questions.append(question["id"])
        target.minutes += QUESTION_MINUTES
    return sorted(units.values(), key=lambda u: (order.get(u.section, len(order)), u.section))


def partition(units: list[Unit], days: int) -> list[list[Unit]]:
    """Cut the units, in order, into `days` non-empty days of near-equal load.

    Dynamic programming over the cut points: minimize the sum of each day's squared
    deviation from the average load (as a share of it), plus SPLIT_COST for every cut that
    falls inside a topic. Cut k is looked for within one average day of k * average, which
    keeps this linear in practice.
    """
    if days < 1:
        raise PlanError("a plan needs at least one study day")
    n = len(units)
    if n < days:
        raise PlanError(
            f"{n} checklist sections cannot fill {days} study days; add topics or use a shorter plan"
        )
    prefix = [0.0]
    for u in units:
        prefix.append(prefix[-1] + u.minutes)
    average = prefix[-1] / days or 1.0

    def split(c: int) -> float:
        inside = 0 < c < n and units[c - 1].topic.slug == units[c].topic.slug
        return SPLIT_COST if inside else 0.0

    def candidates(k: int) -> list[int]:
        if k == 0:
            return [0]
        if k == days:
            return [n]
        feasible = range(k, n - (days - k) + 1)
        ideal = k * average
        near = [c for c in feasible if abs(prefix[c] - ideal) <= average]
        return near or [min(feasible, key=lambda c: (abs(prefix[c] - ideal), c))]

    best: dict[int, tuple[float, int]] = {0: (0.0, -1)}  # cut -> (cost, previous cut)
    trail: list[dict[int, tuple[float, int]]] = [best]
    for k in range(1, days + 1):
        current: dict[int, tuple[float, int]] = {}
        for c in candidates(k):
            options = [
                (cost + ((prefix[c] - prefix[p]) / average - 1) ** 2 + split(c), p)
                for p, (cost, _) in best.items()
                if p < c
            ]
            if options:
                current[c] = min(options)
        if not current:
            raise PlanError(f"cannot cut {n} sections into {days} days")
        best = current
        trail.append(best)
    cuts = [n]
    for k in range(days, 0, -1):
        cuts.append(trail[k][cuts[-1]][1])
    cuts.reverse()
    return [units[a:b] for a, b in zip(cuts, cuts[1:], strict=False)]


# --------------------------------------------------------------------------- days


@dataclass
class DayTopic:
    """One topic's share of a day."""

    topic: TopicInfo
    sections: list[tuple[str, str]]  # (anchor, title) covered today; empty = the whole page
    items: list[str]
    questions: list[str]
    continued_from: int | None = None  # the day this topic started on, when split
    continues_on: int | None = None  # the day it goes on, when split


@dataclass
class Day:
    number: int  # 1-based, over the whole plan
    week: int
    kind: str  # study | review | mock
    pass_name: str  # both | mid | senior (for review and mock days: the pass they follow)
    topics: list[DayTopic] = field(default_factory=list)
    items: list[str] = field(default_factory=list)
    questions: list[str] = field(default_factory=list)
    levels: tuple[str, ...] = LEVELS
    minutes: float = 0.0

    @property
    def anchor(self) -> str:
        return f"day-{self.number}"

    @property
    def title(self) -> str:
        if self.kind == "review":
            return "Review the week"
        if self.kind == "mock":
            return "Mock interview"
        return ", ".join(t.topic.title for t in self.topics)

    @property
    def topic_slugs(self) -> list[str]:
        return [t.topic.slug for t in self.topics]

    @property
    def level_query(self) -> str:
        return self.levels[0] if len(self.levels) == 1 else "both"


@dataclass
class Plan:
    spec: PlanSpec
    days: list[Day]

    @property
    def study_days(self) -> list[Day]:
        return [d for d in self.days if d.kind == "study"]

    @property
    def items(self) -> list[str]:
        seen: dict[str, None] = {}
        for day in self.study_days:
            seen.update(dict.fromkeys(day.items))
        return list(seen)

    @property
    def weeks(self) -> list[tuple[int, list[Day]]]:
        return [(w, [d for d in self.days if d.week == w]) for w in range(1, self.spec.weeks + 1)]

    def load(self) -> dict[str, float]:
        loads = [d.minutes for d in self.study_days]
        mean = sum(loads) / len(loads)
        return {
            "study_days": len(loads),
            "total_hours": sum(loads) / 60,
            "mean_minutes": mean,
            "min_minutes": min(loads),
            "max_minutes": max(loads),
        }


def _day_topics(units: list[Unit]) -> list[DayTopic]:
    out: list[DayTopic] = []
    for u in units:
        if not out or out[-1].topic.slug != u.topic.slug:
            out.append(DayTopic(u.topic, [], [], []))
        current = out[-1]
        current.sections.append((u.section, dict(u.topic.sections).get(u.section, u.section)))
        current.items.extend(u.items)
        current.questions.extend(u.questions)
    return out


def _link_splits(days: list[Day]) -> None:
    """Mark topics that span days; a topic done in one day lists no sections."""
    spans: dict[tuple[str, str], list[tuple[Day, DayTopic]]] = {}
    for day in days:
        for part in day.topics:
            spans.setdefault((day.pass_name, part.topic.slug), []).append((day, part))
    for pieces in spans.values():
        if len(pieces) == 1:
            pieces[0][1].sections = []
            continue
        for (_, part), nxt in zip(pieces, pieces[1:] + [None], strict=True):
            part.continued_from = pieces[0][0].number if part is not pieces[0][1] else None
            part.continues_on = nxt[0].number if nxt else None


def _allocate(loads: list[float], days: int, sizes: list[int]) -> list[int]:
    """Study days per pass: in proportion to load (largest remainder), at least one each,
    never more than the pass has units."""
    if days < len(loads) or days > sum(sizes):
        raise PlanError(
            f"{days} study days cannot be cut from {len(loads)} passes of {sum(sizes)} checklist sections"
        )
    total = sum(loads) or 1.0
    shares = [days * load / total for load in loads]
    out = [min(size, max(1, math.floor(share))) for share, size in zip(shares, sizes, strict=True)]
    while sum(out) != days:
        step = 1 if sum(out) < days else -1
        room = [
            i
            for i in range(len(out))
            if (step > 0 and out[i] < sizes[i]) or (step < 0 and out[i] > 1)
        ]
        # Give a day to the pass furthest below its share, or take one from the furthest above.
        out[min(room, key=lambda i: (step * (out[i] - shares[i]), i))] += step
    return out


def build_plan(topics: list[TopicInfo], weeks: int) -> Plan:
    """The plan of `weeks` weeks over the topics (already in study order)."""
    if weeks not in SPECS:
        raise PlanError(f"no {weeks}-week plan; the plans are {', '.join(map(str, SPECS))} weeks")
    if not topics:
        raise PlanError("no topic pages to plan")
    spec = SPECS[weeks]
    kinds = [kind for _ in range(spec.weeks) for kind in spec.week]
    if spec.final_mock:
        kinds[-1] = "mock"
    study_count = kinds.count("study")

    pass_units = [
        [u for t in topics for u in units_for(t, name, levels)] for name, levels in spec.passes
    ]
    allocation = _allocate(
        [sum(u.minutes for u in units) for units in pass_units],
        study_count,
        [len(units) for units in pass_units],
    )
    study: list[tuple[str, tuple[str, ...], list[Unit]]] = []
    for (name, levels), units, count in zip(spec.passes, pass_units, allocation, strict=True):
        study.extend((name, levels, chunk) for chunk in partition(units, count))

    days: list[Day] = []
    queue = iter(study)
    last_pass, last_levels = spec.passes[0]
    for index, kind in enumerate(kinds):
        number, week = index + 1, index // DAYS_PER_WEEK + 1
        if kind == "study":
            name, levels, chunk = next(queue)
            last_pass, last_levels = name, levels
            day = Day(number, week, kind, name, _day_topics(chunk), levels=levels)
            day.items = [i for u in chunk for i in u.items]
            day.questions = [q for u in chunk for q in u.questions]
            day.minutes = sum(u.minutes for u in chunk)
        else:
            day = Day(number, week, kind, last_pass, levels=last_levels)
        days.append(day)
    _link_splits([d for d in days if d.kind == "study"])

    # Review and mock days cover what the study days since the previous such day covered;
    # the final mock interview of the 2-week plan covers everything.
    since: list[Day] = []
    for day in days:
        if day.kind == "study":
            since.append(day)
            continue
        covered = days if (spec.final_mock and day is days[-1]) else since
        covered = [d for d in covered if d.kind == "study"]
        slugs = list(dict.fromkeys(s for d in covered for s in d.topic_slugs))
        by_slug = {t.slug: t for t in topics}
        day.topics = [DayTopic(by_slug[s], [], [], []) for s in slugs]
        if day.kind == "review":
            day.items = [i for d in covered for i in d.items]
        else:
            # The levels studied on those days: a week where the senior pass starts drills both.
            levels = tuple(lv for lv in LEVELS if any(lv in d.levels for d in covered))
            day.levels = levels
            day.questions = [
                q["id"] for s in slugs for q in by_slug[s].questions if q["level"] in levels
            ]
        if day.kind == "mock":
            since = []
    return Plan(spec, days)


def build_all(topics: list[TopicInfo]) -> dict[int, Plan]:
    return {weeks: build_plan(topics, weeks) for weeks in SPECS}


# --------------------------------------------------------------------------- rendering


def duration(minutes: float) -> str:
    """'about 2 h 30 min', rounded to ten minutes."""
    rounded = max(10, int(round(minutes / 10.0)) * 10)
    hours, rest = divmod(rounded, 60)
    if not hours:
        return f"about {rest} min"
    return f"about {hours} h {rest} min" if rest else f"about {hours} h"


_last: tuple[Curriculum, Path, list[TopicInfo]] | None = None


def _infos(curriculum: Curriculum, docs_dir: str | Path) -> list[TopicInfo]:
    """topic_infos, read once per build (the four plan pages share it)."""
    global _last
    if _last is None or _last[0] is not curriculum or _last[1] != Path(docs_dir):
        _last = (curriculum, Path(docs_dir), topic_infos(curriculum, docs_dir))
    return _last[2]


def render_plan(curriculum: Curriculum, docs_dir: str | Path, weeks: int, page_src: str) -> str:
    """The Markdown of one plan page's schedule (hooks/templates/study_plan.md.j2)."""
    from hooks import render

    plan = build_plan(_infos(curriculum, docs_dir), weeks)
    return render.render(
        "study_plan.md.j2",
        plan=plan,
        page_src=page_src,
        duration=duration,
        pass_titles=PASS_TITLES,
        flashcards_src="flashcards.md",
    )


def render_summary(curriculum: Curriculum, docs_dir: str | Path, page_src: str) -> str:
    """The table comparing the plans, for the study plans index page."""
    from hooks import render

    plans = build_all(_infos(curriculum, docs_dir))
    return render.render(
        "study_plan.md.j2",
        plan=None,
        plans=plans,
        sizing={
            "words_per_minute": WORDS_PER_MINUTE,
            "skill_minutes": SKILL_MINUTES,
            "question_minutes": QUESTION_MINUTES,
        },
        page_src=page_src,
        duration=duration,
        pass_titles=PASS_TITLES,
        flashcards_src="flashcards.md",
    )
