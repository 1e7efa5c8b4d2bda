"""Content rules: what CONTENT.md asks of a topic page, checked on the source files.

    python -m hooks.validate --rules [--stale=warn|error|off] [--only=rule,...] [docs_dir]

`make check` runs this; the MkDocs build does not (test fixture sites have tiny pages,
and a page that is still being written should preview). It runs after the front matter
validated (hooks.model), so every field has the right shape here.

Every finding is one line, ``docs/<part>/<slug>.md:<line>: <rule>: <what and how to fix>``,
so an editor or the pipeline log jumps straight to it.

`reviewed` older than 12 months is a warning by default (merge requests pass) and an
error with ``--stale=error`` or ``CURRICULUM_STALE=error`` (the scheduled pipeline's
report). ``--today=YYYY-MM`` pins the month for tests.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from hooks.model import (
    GENERATED_HEADINGS,
    Curriculum,
    Topic,
    count_words,
    heading_anchors,
    split_front_matter,
)

# The numbers in CONTENT.md ("Writing the curriculum").
PAGE_WORDS = (1500, 3500)
ITEMS = (8, 15)
QUESTIONS = (6, 12)
RESOURCES = (3, 8)
ANSWER_WORDS = (80, 250)
# A section "teaches" an item when it has at least this much prose, subsections included.
SECTION_WORDS = 40
STALE_MONTHS = 12
# The sections CONTENT.md prescribes around the concept sections, as H2s.
REQUIRED_SECTIONS = ("Why interviewers ask", "Pitfalls and red flags", "Hands-on")
# `make new-topic` leaves its instructions in comments that start with this.
SCAFFOLD_MARK = "new-topic:"
STALE_MODES = ("warn", "error", "off")

RULES = {
    "scaffold": "an instruction `make new-topic` left in the page or its example is still there",
    "page-words": f"the page has {PAGE_WORDS[0]:,} to {PAGE_WORDS[1]:,} words of prose",
    "item-count": f"{ITEMS[0]} to {ITEMS[1]} checklist items",
    "item-levels": "checklist items at both levels, mid and senior",
    "item-untaught": f"every item is taught by its section ({SECTION_WORDS}+ words) or checked by a question",
    "question-count": f"{QUESTIONS[0]} to {QUESTIONS[1]} questions",
    "question-levels": "questions at both levels, mid and senior",
    "question-checks": "every question checks at least one checklist item of its page",
    "answer-words": f"every answer has {ANSWER_WORDS[0]} to {ANSWER_WORDS[1]} words",
    "resource-count": f"{RESOURCES[0]} to {RESOURCES[1]} further-reading links",
    "https": "further reading and links in the prose use https",
    "required-section": "the page has the H2 sections " + ", ".join(REQUIRED_SECTIONS),
    "body-h1": "no H1 in the body: the title comes from the front matter",
    "duplicate-heading": "headings are unique within a page (and differ from the generated ones)",
    "fence-language": "every fenced code block names its language",
    "stale": f"`reviewed` is at most {STALE_MONTHS} months old",
}

_FENCE = re.compile(r"^([ \t]*)(`{3,}|~{3,})(.*)$")
_HEADING = re.compile(r"^(#{1,6})[ \t]+(.+?)[ \t]*#*[ \t]*$")
_ID_LINE = re.compile(r"""^\s*(?:-\s+)?id:\s*["']?([^"'\s#]+)""")
_KEY_LINE = re.compile(r"^([A-Za-z_]+):")
_HTTP_LINK = re.compile(r"\]\(\s*<?(http://[^)\s>]+)|<(http://[^>\s]+)>")
_CODE_SPAN = re.compile(r"(`+).+?\1")


@dataclass(frozen=True, order=True)
class Finding:
    """One rule broken at one place; prints as ``file:line: rule: message``."""

    file: str
    line: int
    rule: str
    message: str
    severity: str = "error"  # "error" | "warning"

    def __str__(self) -> str:
        level = "warning: " if self.severity == "warning" else ""
        return f"{self.file}:{self.line}: {level}{self.rule}: {self.message}"


@dataclass
class _Heading:
    line: int  # 1-based line in the file
    index: int  # 0-based line in the body
    level: int
    text: str
    anchor: str


class _Page:
    """A topic page's source, indexed by line for the rules."""

    def __init__(self, topic: Topic, text: str):
        self.topic = topic
        self.file = topic.label
        self.text = text
        _, body, self.body_start = split_front_matter(text)
        self.body = body.splitlines()
        self.front_lines = text.splitlines()[: self.body_start - 1]
        self.fences: list[tuple[int, str]] = []  # (file line, info string) of opening fences
        self.prose: list[tuple[int, str]] = []  # (file line, text) outside fenced code
        fence: str | None = None
        for i, line in enumerate(self.body):
            number = self.body_start + i
            marker = _FENCE.match(line)
            if marker:
                token = marker.group(2)
                if fence is None:
                    fence = token[0] * len(token)
                    self.fences.append((number, marker.group(3).strip()))
                elif token.startswith(fence):
                    fence = None
                continue
            if fence is None:
                self.prose.append((number, line))
        anchors = heading_anchors(body)
        self.headings = []
        for number, line in self.prose:
            match = _HEADING.match(line)
            if match:
                self.headings.append(
                    _Heading(
                        number,
                        number - self.body_start,
                        len(match.group(1)),
                        match.group(2),
                        anchors[len(self.headings)],
                    )
                )

    def line_of_key(self, key: str) -> int:
        """Line of a top-level front matter field, or 1."""
        for i, line in enumerate(self.front_lines, 1):
            match = _KEY_LINE.match(line)
            if match and match.group(1) == key:
                return i
        return 1

    def line_of_id(self, ident: str) -> int:
        for i, line in enumerate(self.front_lines, 1):
            match = _ID_LINE.match(line)
            if match and match.group(1) == ident:
                return i
        return self.line_of_key("checklist" if ".q." not in ident else "questions")

    def line_of_text(self, needle: str, default: int = 1) -> int:
        for i, line in enumerate(self.front_lines, 1):
            if needle in line:
                return i
        return default

    def section_words(self, heading: _Heading) -> int:
        """Prose under a heading, down to the next heading of the same or a higher level."""
        end = len(self.body)
        for other in self.headings:
            if other.index > heading.index and other.level <= heading.level:
                end = other.index
                break
        return count_words("\n".join(self.body[heading.index + 1 : end]))


def _months_between(reviewed: str, today: dt.date) -> int:
    year, month = (int(part) for part in reviewed.split("-"))
    return (today.year - year) * 12 + (today.month - month)


def _span(low_high: tuple[int, int]) -> str:
    return f"{low_high[0]:,} to {low_high[1]:,}"


def check_topic(
    topic: Topic,
    text: str,
    *,
    today: dt.date,
    stale: str = "warn",
    examples_dir: Path | None = None,
) -> list[Finding]:
    """Every rule, on one topic page whose front matter already validated."""
    page = _Page(topic, text)
    out: list[Finding] = []

    def add(line: int, rule: str, message: str, severity: str = "error") -> None:
        out.append(Finding(page.file, line, rule, message, severity))

    meta: dict[str, Any] = topic.meta

    # scaffold: instructions `make new-topic` wrote into the page and its example.
    sources = [(page.file, text)]
    if examples_dir is not None and examples_dir.is_dir():
        root = examples_dir.parent.parent
        for path in sorted(examples_dir.rglob("*")):
            if path.is_file() and "node_modules" not in path.parts:
                try:
                    sources.append((path.relative_to(root).as_posix(), path.read_text("utf-8")))
                except (UnicodeDecodeError, ValueError):
                    continue
    for file, source in sources:
        for number, line in enumerate(source.splitlines(), 1):
            at = line.find(SCAFFOLD_MARK)
            if at < 0:
                continue
            what = line[at + len(SCAFFOLD_MARK) :].replace("-->", "").strip().strip("\"'").strip()
            out.append(
                Finding(
                    file,
                    number,
                    "scaffold",
                    f"left from `make new-topic`: {what.rstrip('.')}. Do it, then delete the "
                    f"'{SCAFFOLD_MARK}' instruction",
                )
            )

    # page-words
    words = topic.words
    if not PAGE_WORDS[0] <= words <= PAGE_WORDS[1]:
        fix = (
            f"write {PAGE_WORDS[0] - words:,} more: explain each concept from first principles, "
            "with numbers, defaults and failure modes"
            if words < PAGE_WORDS[0]
            else f"cut {words - PAGE_WORDS[1]:,}, or split the page in two"
        )
        add(
            page.body_start,
            "page-words",
            f"{words:,} words of prose; a topic page has {_span(PAGE_WORDS)} (CONTENT.md): {fix}",
        )

    # item-count, item-levels, question-count, question-levels, resource-count
    for key, rule, bounds, noun, fix in (
        (
            "checklist",
            "item-count",
            ITEMS,
            "checklist item",
            "one skill each, starting with a verb",
        ),
        ("questions", "question-count", QUESTIONS, "question", "as real interviewers ask them"),
        (
            "resources",
            "resource-count",
            RESOURCES,
            "further-reading link",
            "primary sources: official docs, RFCs, OWASP",
        ),
    ):
        count = len(meta[key])
        noun = noun if count == 1 else noun + "s"
        if not bounds[0] <= count <= bounds[1]:
            change = (
                f"add {bounds[0] - count}" if count < bounds[0] else f"remove {count - bounds[1]}"
            )
            add(
                page.line_of_key(key),
                rule,
                f"{count} {noun}; a topic page has {bounds[0]} to {bounds[1]} ({change}, {fix})",
            )
    for key, rule, noun in (
        ("checklist", "item-levels", "checklist item"),
        ("questions", "question-levels", "question"),
    ):
        levels = {entry["level"] for entry in meta[key]}
        for level in ("mid", "senior"):
            if level not in levels:
                add(
                    page.line_of_key(key),
                    rule,
                    f"no {level} {noun}; both levels need at least one (set `level: {level}` on one, or add one)",
                )

    # item-untaught and question-checks
    own_items = {item["id"] for item in topic.checklist}
    checked = {ref for q in topic.questions for ref in q.get("checks", [])}
    by_anchor = {h.anchor: h for h in page.headings}
    for item in topic.checklist:
        heading = by_anchor.get(item["section"])
        taught = heading is not None and page.section_words(heading) >= SECTION_WORDS
        if not taught and item["id"] not in checked:
            have = page.section_words(heading) if heading else 0
            add(
                page.line_of_id(item["id"]),
                "item-untaught",
                f"'{item['id']}' is neither taught nor checked: its section '#{item['section']}' has "
                f"{have} words of prose (at least {SECTION_WORDS}) and no question lists it in `checks`. "
                "Write that section, or add the id to the `checks` of a question that tests it",
            )
    for question in topic.questions:
        refs = question.get("checks") or []
        stray = [ref for ref in refs if ref not in own_items]
        if not refs or stray:
            detail = (
                f"checks {', '.join(repr(r) for r in stray)}, which {'is' if len(stray) == 1 else 'are'} not on this page"
                if stray
                else "checks nothing"
            )
            add(
                page.line_of_id(question["id"]),
                "question-checks",
                f"'{question['id']}' {detail}; list in `checks` the ids of this page's items it tests",
            )

    # answer-words
    for question in topic.questions:
        count = count_words(question["answer"])
        if not ANSWER_WORDS[0] <= count <= ANSWER_WORDS[1]:
            fix = (
                "give the direct answer, then why, then an example"
                if count < ANSWER_WORDS[0]
                else "keep the two-minute answer and move depth into `senior`"
            )
            add(
                page.line_of_id(question["id"]),
                "answer-words",
                f"the answer to '{question['id']}' has {count} words; a strong two-minute answer has "
                f"{_span(ANSWER_WORDS)}: {fix}",
            )

    # https: further reading (the schema also insists) and links in the prose.
    for resource in meta["resources"]:
        if not str(resource.get("url", "")).startswith("https://"):
            add(
                page.line_of_text(str(resource.get("url")), page.line_of_key("resources")),
                "https",
                f"resource '{resource.get('title')}' links to {resource.get('url')!r}; use its https:// address",
            )
    for number, line in page.prose:
        for match in _HTTP_LINK.finditer(_CODE_SPAN.sub("", line)):
            url = match.group(1) or match.group(2)
            add(
                number,
                "https",
                f"link to {url}; use https:// (or put a local address like http://127.0.0.1 in a code span)",
            )

    # required-section, body-h1, duplicate-heading
    h2s = {h.text.strip().lower() for h in page.headings if h.level == 2}
    for name in REQUIRED_SECTIONS:
        if name.lower() not in h2s:
            add(
                page.body_start,
                "required-section",
                f"no '## {name}' section; every topic page has "
                + ", ".join(f"'## {n}'" for n in REQUIRED_SECTIONS)
                + " (CONTENT.md)",
            )
    for heading in page.headings:
        if heading.level == 1:
            add(
                heading.line,
                "body-h1",
                f"'# {heading.text}' is an H1; the page title comes from `title:` in the front matter. "
                "Delete the line, or make it an H2 (##)",
            )
    seen: dict[str, int] = {}
    generated = {name.lower() for name in GENERATED_HEADINGS}
    for heading in page.headings:
        key = re.sub(r"\s*\{[^}]*\}\s*$", "", heading.text).strip().lower()
        if key in generated:
            add(
                heading.line,
                "duplicate-heading",
                f"'{heading.text}' is a heading the generator adds from the front matter; rename yours",
            )
        elif key in seen:
            add(
                heading.line,
                "duplicate-heading",
                f"'{heading.text}' repeats the heading on line {seen[key]}; headings are unique within a "
                "page so their anchors stay stable. Rename one",
            )
        else:
            seen[key] = heading.line

    # fence-language
    for number, info in page.fences:
        if not info or (info.startswith("{") and "." not in info):
            add(
                number,
                "fence-language",
                "a fenced code block without a language: name it after the fence "
                "(```js, ```bash, ```yaml, ```text for plain output)",
            )

    # stale
    if stale != "off":
        age = _months_between(meta["reviewed"], today)
        if age > STALE_MONTHS:
            add(
                page.line_of_key("reviewed"),
                "stale",
                f"reviewed {meta['reviewed']}, {age} months ago; check the page against the current "
                f'versions it names, fix what changed, and set `reviewed: "{today:%Y-%m}"`',
                "error" if stale == "error" else "warning",
            )

    return sorted(out)


def check(
    curriculum: Curriculum,
    docs_dir: str | Path,
    *,
    today: dt.date | None = None,
    stale: str = "warn",
    only: set[str] | None = None,
) -> list[Finding]:
    """Every rule on every topic page. `only` limits the report to some rule ids."""
    if stale not in STALE_MODES:
        raise ValueError(f"stale must be one of {', '.join(STALE_MODES)}, got {stale!r}")
    docs_dir = Path(docs_dir)
    today = today or dt.date.today()
    findings: list[Finding] = []
    for topic in curriculum.topics:
        text = (docs_dir / topic.src).read_text(encoding="utf-8")
        findings.extend(
            check_topic(
                topic,
                text,
                today=today,
                stale=stale,
                examples_dir=docs_dir.parent / "examples" / topic.slug,
            )
        )
    if only:
        findings = [f for f in findings if f.rule in only]
    return sorted(findings)


def parse_options(argv: list[str]) -> tuple[dict[str, Any], list[str]]:
    """Pull --stale=, --only= and --today= out of argv; return (options, the rest).

    Raises ValueError with a message for the user on a bad value.
    """
    options: dict[str, Any] = {"stale": os.environ.get("CURRICULUM_STALE") or "warn"}
    rest = []
    for arg in argv:
        name, _, value = arg.partition("=")
        if name == "--stale":
            options["stale"] = value
        elif name == "--only":
            options["only"] = {v.strip() for v in value.split(",") if v.strip()}
            unknown = sorted(options["only"] - set(RULES))
            if unknown:
                raise ValueError(
                    f"--only: unknown rule {', '.join(unknown)} (rules: {', '.join(RULES)})"
                )
        elif name == "--today":
            try:
                options["today"] = dt.datetime.strptime(value, "%Y-%m").date()
            except ValueError:
                raise ValueError(f"--today: expected YYYY-MM, got {value!r}") from None
        else:
            rest.append(arg)
    if options["stale"] not in STALE_MODES:
        raise ValueError(
            f"--stale (or CURRICULUM_STALE): expected one of {', '.join(STALE_MODES)}, "
            f"got {options['stale']!r}"
        )
    return options, rest


def report(findings: list[Finding], topics: int, only: set[str] | None = None) -> tuple[str, int]:
    """The text to print and the exit code: 1 if any finding is an error."""
    errors = sum(f.severity == "error" for f in findings)
    warnings = len(findings) - errors
    lines = [str(f) for f in findings]
    if errors:
        lines.append(
            f"content rules: {errors} error{'s' if errors != 1 else ''}"
            + (f", {warnings} warning{'s' if warnings != 1 else ''}" if warnings else "")
            + f" in {len({f.file for f in findings})} file(s). "
            "The rules are CONTENT.md's; CONTRIBUTING.md explains each one."
        )
    else:
        suffix = f" ({warnings} warning{'s' if warnings != 1 else ''})" if warnings else ""
        which = (
            f"the rule{'s' if len(only) > 1 else ''} {', '.join(sorted(only))}"
            if only
            else "the content rules"
        )
        lines.append(f"ok: {topics} topic pages follow {which}{suffix}")
    return "\n".join(lines), 1 if errors else 0
