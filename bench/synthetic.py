"""Synthetic curriculum content for the scaling benchmark.

`write_docs(docs, topics)` writes `topics` topic pages spread over the six parts, each
with realistic front matter (12 checklist items, 10 questions with ~150-word answers,
4 resources) and ~2,000 words of prose under headings, plus the aggregate pages the real
site has (home with the overview, readiness checklist, one index per part, tags).
Content is deterministic (seeded by the page number), so every run builds the same bytes.
`nav(topics)` returns the matching `nav:` list for mkdocs.yml.
"""

from __future__ import annotations

import random
import textwrap
from pathlib import Path

from hooks.model import PARTS

CHECKLIST_ITEMS = 12
QUESTIONS = 10
RESOURCES = 4
SECTIONS = 12  # headings teaching the checklist items, ~150 words of prose each
CHAPTER = 20  # topics per nav chapter, when a part has more

_WORDS = (
    "request response stream buffer event loop promise callback worker thread queue "
    "broker consumer producer partition offset replica leader follower index query "
    "transaction lock isolation commit rollback cache eviction latency throughput "
    "backpressure timeout retry idempotent handler middleware router schema migration "
    "deployment container image registry cluster node pod service ingress probe "
    "metric trace log alert budget error signal memory heap garbage collector socket "
    "connection pool database shard replica snapshot backup restore token session "
    "certificate handshake header payload module package dependency lockfile version "
    "test fixture mock coverage benchmark profile flame graph bottleneck contract"
).split()
# Terms from includes/abbreviations.md, so the glossary's hover explanations apply.
_ABBREVIATIONS = "API HTTP TLS JSON SQL CPU TCP DNS CI CD JWT CORS AWS CLI".split()
_LEVELS = ("mid", "senior")
_KINDS = ("docs", "spec", "guide", "article")


def _sentence(rng: random.Random, words: int) -> str:
    picked = [rng.choice(_WORDS) for _ in range(words)]
    if rng.random() < 0.5:
        picked[rng.randrange(words)] = rng.choice(_ABBREVIATIONS)
    if rng.random() < 0.2:
        i = rng.randrange(words)
        picked[i] = f"`{picked[i]}()`"
    if rng.random() < 0.2:
        i = rng.randrange(words)
        picked[i] = f"**{picked[i]}**"
    text = " ".join(picked)
    return text[0].upper() + text[1:] + "."


def _paragraph(rng: random.Random, words: int) -> str:
    out, left = [], words
    while left > 0:
        n = min(left, rng.randint(8, 18))
        out.append(_sentence(rng, n))
        left -= n
    return "\n".join(textwrap.wrap(" ".join(out), 88))


def _title(rng: random.Random, words: int) -> str:
    text = " ".join(rng.choice(_WORDS) for _ in range(words))
    return text[0].upper() + text[1:]


def _slug(n: int) -> str:
    return f"topic-{n:05d}"


def part_of(n: int) -> str:
    return list(PARTS)[n % len(PARTS)]


def topic_page(n: int) -> str:
    """The Markdown of topic page number n: front matter, then ~2,000 words of prose."""
    rng = random.Random(n)
    slug = _slug(n)
    headings = [f"{_title(rng, 3)} {i + 1}" for i in range(SECTIONS)]
    anchors = [h.lower().replace(" ", "-") for h in headings]
    items = []
    for i in range(CHECKLIST_ITEMS):
        items.append(
            f"  - id: {slug}.skill-{i + 1}\n"
            f"    text: {_sentence(rng, 14)!r}\n"
            f"    level: {_LEVELS[i % 2]}\n"
            f"    section: {anchors[i % SECTIONS]}"
        )
    questions = []
    for i in range(QUESTIONS):
        answer = _paragraph(rng, 70) + "\n\n" + _paragraph(rng, 80)
        senior = _paragraph(rng, 50)
        questions.append(
            f"  - id: {slug}.q.question-{i + 1}\n"
            f"    question: {_sentence(rng, 16)[:-1] + '?'!r}\n"
            f"    level: {_LEVELS[(i + 1) % 2]}\n"
            f"    answer: |\n{textwrap.indent(answer, '      ')}\n"
            f"    senior: |\n{textwrap.indent(senior, '      ')}\n"
            f"    follow_ups:\n      - {_sentence(rng, 10)!r}\n      - {_sentence(rng, 12)!r}\n"
            f"    red_flags:\n      - {_sentence(rng, 12)!r}\n      - {_sentence(rng, 9)!r}\n"
            f"    checks: [{slug}.skill-{i + 1}, {slug}.skill-{(i + 2) % CHECKLIST_ITEMS + 1}]"
        )
    resources = [
        f"  - title: {_title(rng, 4)!r}\n"
        f"    url: https://example.org/{slug}/{i}\n"
        f"    kind: {_KINDS[i % len(_KINDS)]}\n"
        f"    why: {_sentence(rng, 12)!r}"
        for i in range(RESOURCES)
    ]
    tags = sorted({rng.choice(_WORDS) for _ in range(4)})
    front = "\n".join(
        [
            f"title: Synthetic topic {n}",
            f"description: {_sentence(rng, 18)!r}",
            f"topic: {slug}",
            f"part: {part_of(n)}",
            f"order: {n // len(PARTS) + 1}",  # position within its part
            f"tags: [{', '.join(tags)}]",
            'reviewed: "2026-11"',
            "checklist:",
            *items,
            "questions:",
            *questions,
            "resources:",
            *resources,
        ]
    )
    body = [f"# Synthetic topic {n}", "", _paragraph(rng, 80), ""]
    for i, heading in enumerate(headings):
        body += [f"## {heading}", "", _paragraph(rng, 80), ""]
        if i % 4 == 1:
            body += [
                "```js",
                f"export async function handler{i}(request) {{",
                "  const result = await fetch(request.url, { signal: AbortSignal.timeout(500) });",
                "  return result.json();",
                "}",
                "```",
                "",
            ]
        if i % 4 == 2:
            body += [f"- {_sentence(rng, 10)}" for _ in range(4)] + [""]
        if i % 4 == 3:
            body += [
                "| Option | Cost | When |",
                "| --- | --- | --- |",
                *(f"| {_title(rng, 2)} | {_title(rng, 3)} | {_title(rng, 4)} |" for _ in range(3)),
                "",
            ]
        body += [_paragraph(rng, 60), ""]
    return f"---\n{front}\n---\n\n" + "\n".join(body)


def write_docs(docs: Path, topics: int) -> int:
    """Write the synthetic docs tree; returns the number of Markdown pages written."""
    docs.mkdir(parents=True, exist_ok=True)
    (docs / "index.md").write_text(
        "---\ntitle: Home\n---\n\n# Synthetic curriculum\n\n{{ overview() }}\n", encoding="utf-8"
    )
    (docs / "readiness.md").write_text(
        "---\ntitle: Readiness\n---\n\n# Readiness checklist\n\n{{ readiness_checklist() }}\n",
        encoding="utf-8",
    )
    (docs / "tags.md").write_text("# Tags\n\n<!-- material/tags -->\n", encoding="utf-8")
    for part, title in PARTS.items():
        (docs / part).mkdir(exist_ok=True)
        (docs / part / "index.md").write_text(
            f"---\ntitle: {title}\n---\n\n# {title}\n\n{{{{ part_index({part!r}) }}}}\n",
            encoding="utf-8",
        )
    for n in range(topics):
        (docs / part_of(n) / f"{_slug(n)}.md").write_text(topic_page(n), encoding="utf-8")
    return topics + 3 + len(PARTS)


def nav(topics: int) -> list:
    """The nav for write_docs' tree: home, readiness, each part with its topics, tags.

    A part with more than CHAPTER topics is split into chapters of CHAPTER, as a site that
    size would be: with `navigation.prune`, a page then renders its own chapter and one
    link per other chapter, instead of every topic of every part (`navigation.sections`
    expands all parts), which made the per-page cost grow with the page count.
    """
    out: list = [{"Home": "index.md"}, {"Readiness checklist": "readiness.md"}]
    for part, title in PARTS.items():
        members = [f"{part}/{_slug(n)}.md" for n in range(topics) if part_of(n) == part]
        if len(members) > CHAPTER:
            members = [
                {f"Chapter {i // CHAPTER + 1}": members[i : i + CHAPTER]}
                for i in range(0, len(members), CHAPTER)
            ]
        out.append({title: [f"{part}/index.md", *members]})
    out.append({"Tags": "tags.md"})
    return out
