"""The curriculum data model: topic pages' front matter, loaded, validated and indexed.

Plain Python on purpose: nothing here imports MkDocs, so the loader, the validator
CLI (``python -m hooks.validate``) and the unit tests share one implementation.

Every problem is collected, never raised one at a time, and formatted as one line:
``docs/concepts/messaging.md: checklist[3].level: 'expert' is not one of mid, senior``.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import jsonschema
import yaml
from markdown.extensions.toc import slugify, unique

SCHEMA_PATH = Path(__file__).parent / "schema" / "topic.schema.json"

PARTS = {
    "nodejs": "Node.js in depth",
    "concepts": "The twelve concepts",
    "practice": "Practice",
    "devops": "DevOps mindset",
    "docker": "Docker",
    "kubernetes": "Kubernetes",
}
LEVELS = ("mid", "senior")

# Headings the generator adds to every topic page; authors must not reuse them.
GENERATED_HEADINGS = ("Checklist", "Interview questions", "Further reading")

_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?\r?\n)?(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S)
_FENCE = re.compile(r"^[ \t]*(`{3,}|~{3,})")
_HEADING = re.compile(r"^(#{1,6})[ \t]+(.+?)[ \t]*#*[ \t]*$")
_ATTR_ID = re.compile(r"\{[^}]*#([A-Za-z0-9_-]+)[^}]*\}\s*$")
_ATTR_LIST = re.compile(r"\s*\{:?[^}]*\}\s*$")

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with one file, printable as one line."""

    file: str
    where: str
    message: str

    def __str__(self) -> str:
        return (
            f"{self.file}: {self.where}: {self.message}"
            if self.where
            else f"{self.file}: {self.message}"
        )


class CurriculumError(Exception):
    """Raised with every problem found, so one run reports all of them."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(set(problems))
        super().__init__(self.report())

    def report(self) -> str:
        count = len(self.problems)
        head = f"{count} problem{'s' if count != 1 else ''} in the curriculum front matter:"
        return "\n".join([head, *(f"  {p}" for p in self.problems)])


@dataclass
class Topic:
    """A topic page: its front matter plus what the generator derives from it."""

    src: str  # path relative to the docs dir, with forward slashes ("concepts/messaging.md")
    meta: dict[str, Any]
    anchors: list[str] = field(default_factory=list)
    words: int = 0
    label: str = ""

    @property
    def slug(self) -> str:
        return self.meta["topic"]

    @property
    def part(self) -> str:
        return self.meta["part"]

    @property
    def title(self) -> str:
        return self.meta["title"]

    @property
    def order(self) -> int:
        return self.meta.get("order", 100)

    @property
    def url(self) -> str:
        """Site-relative URL with MkDocs' default use_directory_urls (topics are never index pages)."""
        return self.src[: -len(".md")] + "/"

    @property
    def checklist(self) -> list[dict[str, Any]]:
        return self.meta["checklist"]

    @property
    def questions(self) -> list[dict[str, Any]]:
        return self.meta["questions"]

    @property
    def resources(self) -> list[dict[str, Any]]:
        return self.meta["resources"]

    def items_at(self, level: str) -> list[dict[str, Any]]:
        return [item for item in self.checklist if item["level"] == level]


@dataclass
class Curriculum:
    topics: list[Topic]

    def __post_init__(self) -> None:
        self._by_src = {topic.src: topic for topic in self.topics}

    def by_part(self) -> list[tuple[str, str, list[Topic]]]:
        """(part slug, part title, topics in order) for every part that has topics."""
        out = []
        for part, title in PARTS.items():
            topics = sorted(
                (t for t in self.topics if t.part == part), key=lambda t: (t.order, t.title)
            )
            if topics:
                out.append((part, title, topics))
        return out

    def topic_for(self, src: str) -> Topic | None:
        """The topic whose page is docs/<src>; called once per page, so a dict lookup."""
        return self._by_src.get(src)

    @property
    def items(self) -> list[dict[str, Any]]:
        return [item for topic in self.topics for item in topic.checklist]

    @property
    def questions(self) -> list[dict[str, Any]]:
        return [q for topic in self.topics for q in topic.questions]


# --------------------------------------------------------------------------- parsing


def split_front_matter(text: str) -> tuple[str | None, str, int]:
    """Return (yaml text or None, body, line number where the body starts)."""
    match = _FRONT_MATTER.match(text)
    if not match:
        return None, text, 1
    return match.group(1) or "", text[match.end() :], text[: match.end()].count("\n") + 1


def _outside_fences(body: str):
    """The body's lines that are not inside fenced code blocks (``` or ~~~)."""
    fence: str | None = None
    for line in body.splitlines():
        marker = _FENCE.match(line)
        if marker:
            token = marker.group(1)
            if fence is None:
                fence = token[0] * len(token)
            elif token.startswith(fence):
                fence = None
            continue
        if fence is None:
            yield line


def heading_anchors(body: str) -> list[str]:
    """Anchors MkDocs' toc extension will give the page's headings, in order.

    Mirrors the default ``slugify`` and duplicate handling (``_1``, ``_2``), honors an
    explicit ``{#id}`` from attr_list, and skips fenced code. The generated sections'
    headings are appended, because they are on the rendered page too.
    """
    anchors: list[str] = []
    for line in _outside_fences(body):
        match = _HEADING.match(line)
        if not match:
            continue
        text = match.group(2)
        explicit = _ATTR_ID.search(text)
        if explicit:
            anchors.append(explicit.group(1))
            continue
        anchors.append(unique(slugify(_plain_heading(text), "-"), set(anchors)))
    for heading in GENERATED_HEADINGS:
        anchors.append(unique(slugify(heading, "-"), set(anchors)))
    return anchors


def _plain_heading(text: str) -> str:
    text = _ATTR_LIST.sub("", text)
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", text)  # links and images -> their text
    text = re.sub(r"<[^>]+>", "", text)  # inline HTML tags
    text = text.replace("`", "")
    text = re.sub(r"(\*\*|__|\*|_)(\S.*?\S|\S)\1", r"\2", text)  # emphasis
    return text


def count_words(body: str) -> int:
    """Words of prose: fenced code, snippet includes, HTML tags and macros left out."""
    words = 0
    for line in _outside_fences(body):
        if line.lstrip().startswith("--8<--"):
            continue
        line = re.sub(r"<[^>]+>|\{\{.*?\}\}|\{%.*?%\}", " ", line)
        words += len(re.findall(r"[A-Za-z0-9][\w'’.-]*", line))
    return words


# --------------------------------------------------------------------------- validation


@lru_cache(maxsize=1)
def _validator() -> jsonschema.protocols.Validator:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema, format_checker=cls.FORMAT_CHECKER)


def _where(path) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


_TYPE_NAMES = {
    "string": "text",
    "array": "a list",
    "object": "a mapping",
    "integer": "a whole number",
}


def _message(error: jsonschema.ValidationError) -> str:
    v, value = error.validator, error.instance
    if v == "enum":
        return f"{value!r} is not one of {', '.join(map(str, error.validator_value))}"
    if v == "required":
        missing = re.search(r"'([^']+)' is a required property", error.message)
        return f"missing required field '{missing.group(1) if missing else error.message}'"
    if v == "additionalProperties":
        allowed = sorted(error.schema.get("properties", {}))
        extra = sorted(set(value) - set(allowed)) if isinstance(value, dict) else []
        names = ", ".join(repr(e) for e in extra)
        return f"unknown field {names} (allowed: {', '.join(allowed)})"
    if v == "type":
        expected = error.validator_value
        return f"expected {_TYPE_NAMES.get(expected, expected)}, got {value!r}"
    if v == "pattern":
        hints = {
            "reviewed": "expected year-month like '2026-11' (quote it if YAML turns it into a date)",
            "url": "expected an https:// address",
            "section": "expected a heading anchor like 'delivery-guarantees'",
            "topic": "expected a lowercase slug like 'messaging'",
        }
        key = error.path[-1] if error.path and isinstance(error.path[-1], str) else None
        if key == "id":
            parent = error.path[0] if error.path else ""
            shape = "<topic>.q.<slug>" if parent == "questions" else "<topic>.<slug>"
            return f"{value!r} does not match {shape} (lowercase letters, digits and hyphens)"
        hint = hints.get(key, f"does not match {error.validator_value}")
        return f"{value!r}: {hint}"
    if v in ("minItems", "minLength"):
        return f"too short: needs at least {error.validator_value} {'entries' if v == 'minItems' else 'characters'}"
    if v == "maxLength":
        return f"too long: at most {error.validator_value} characters"
    if v == "uniqueItems":
        return "has duplicate entries"
    return error.message


def validate_meta(meta: Any) -> list[tuple[str, str]]:
    """Schema problems as (where, message), in document order."""
    if not isinstance(meta, dict):
        return [("", f"front matter must be a mapping of fields, got {type(meta).__name__}")]
    errors = sorted(_validator().iter_errors(meta), key=lambda e: [str(p) for p in e.absolute_path])
    out: list[tuple[str, str]] = []
    for error in errors:
        # "reviewed: 2026-11-01" arrives as a date: say what to write instead.
        if error.validator == "type" and error.path and error.path[-1] == "reviewed":
            out.append(("reviewed", f"expected year-month like '2026-11', got {error.instance!r}"))
            continue
        out.append((_where(error.absolute_path), _message(error)))
    return out


def is_topic_path(src: str) -> bool:
    """Pages in a part folder, other than the part's index, are topic pages."""
    parts = src.split("/")
    return len(parts) == 2 and parts[0] in PARTS and parts[1] != "index.md"


def load_page(path: Path, src: str, root: str = "docs") -> tuple[Topic | None, list[Problem]]:
    """Parse and schema-validate one page. Returns (topic or None, problems).

    A page with schema problems still comes back as a Topic (when its front matter is a
    mapping), so the cross-page rules can report in the same pass.
    """
    label = f"{root}/{src}"
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        return None, [Problem(label, "", f"is not UTF-8 text ({exc.reason})")]
    raw, body, _ = split_front_matter(text)
    must_be_topic = is_topic_path(src)
    if raw is None:
        if must_be_topic:
            return None, [
                Problem(
                    label,
                    "",
                    "has no front matter: a topic page starts with '---', its fields, then '---'",
                )
            ]
        return None, []
    try:
        meta = yaml.load(raw, Loader=_Loader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        reason = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        if mark is not None:
            return None, [
                Problem(
                    label,
                    "front matter",
                    f"is not valid YAML (line {mark.line + 2}, column {mark.column + 1}): {reason}",
                )
            ]
        return None, [Problem(label, "front matter", f"is not valid YAML: {reason}")]
    meta = meta if meta is not None else {}
    if not must_be_topic and not (isinstance(meta, dict) and "topic" in meta):
        return None, []
    problems = [Problem(label, where, msg) for where, msg in validate_meta(meta)]
    if not isinstance(meta, dict):
        return None, problems
    topic = Topic(
        src=src, meta=meta, anchors=heading_anchors(body), words=count_words(body), label=label
    )
    folder = src.split("/")[0]
    if meta.get("part") in PARTS and meta["part"] != folder:
        problems.append(
            Problem(
                label,
                "part",
                f"'{meta['part']}' does not match the folder '{folder}/' the page is in",
            )
        )
    return topic, problems


def _entries(meta: dict[str, Any], key: str) -> list[tuple[int, dict[str, Any]]]:
    """(index, entry) for the well-formed entries of a list field, skipping what the schema rejected."""
    value = meta.get(key)
    if not isinstance(value, list):
        return []
    return [
        (i, e) for i, e in enumerate(value) if isinstance(e, dict) and isinstance(e.get("id"), str)
    ]


def _strings(value: Any) -> list[str]:
    return [v for v in value if isinstance(v, str)] if isinstance(value, list) else []


def cross_check(topics: list[Topic]) -> list[Problem]:
    """The rules a schema cannot express, across all pages at once."""
    problems: list[Problem] = []
    seen_topics: dict[str, str] = {}
    seen_ids: dict[str, str] = {}
    for topic in topics:
        label, slug = topic.label, topic.meta.get("topic")
        if isinstance(slug, str):
            if slug in seen_topics:
                problems.append(
                    Problem(label, "topic", f"'{slug}' is already the topic of {seen_topics[slug]}")
                )
            else:
                seen_topics[slug] = label
        for key in ("checklist", "questions"):
            for i, entry in _entries(topic.meta, key):
                ident = entry["id"]
                if isinstance(slug, str) and not ident.startswith(slug + "."):
                    problems.append(
                        Problem(
                            label,
                            f"{key}[{i}].id",
                            f"'{ident}' must start with the page's topic, '{slug}.'",
                        )
                    )
                if ident in seen_ids:
                    problems.append(
                        Problem(
                            label,
                            f"{key}[{i}].id",
                            f"duplicate id '{ident}', already used in {seen_ids[ident]}",
                        )
                    )
                else:
                    seen_ids[ident] = label
        for i, item in _entries(topic.meta, "checklist"):
            section = item.get("section")
            if isinstance(section, str) and section not in topic.anchors:
                known = ", ".join(
                    a
                    for a in topic.anchors
                    if a not in ("checklist", "interview-questions", "further-reading")
                )
                problems.append(
                    Problem(
                        label,
                        f"checklist[{i}].section",
                        f"'{section}' is not a heading anchor on this page (anchors: {known})",
                    )
                )
            if item["id"] in _strings(item.get("replaces")):
                problems.append(
                    Problem(label, f"checklist[{i}].replaces", "an item cannot replace itself")
                )

    item_ids = {item["id"]: t.label for t in topics for _, item in _entries(t.meta, "checklist")}
    replaced: dict[str, str] = {}
    for topic in topics:
        label = topic.label
        for i, item in _entries(topic.meta, "checklist"):
            for old in _strings(item.get("replaces")):
                if old == item["id"]:
                    continue
                if old in item_ids:
                    problems.append(
                        Problem(
                            label,
                            f"checklist[{i}].replaces",
                            f"'{old}' is still a live item in {item_ids[old]}; remove it there first",
                        )
                    )
                elif old in seen_ids:
                    problems.append(
                        Problem(
                            label,
                            f"checklist[{i}].replaces",
                            f"'{old}' is a question id, not a checklist id",
                        )
                    )
                if old in replaced:
                    problems.append(
                        Problem(
                            label,
                            f"checklist[{i}].replaces",
                            f"'{old}' is already replaced by '{replaced[old]}'",
                        )
                    )
                replaced[old] = item["id"]
        own = {item["id"] for _, item in _entries(topic.meta, "checklist")}
        for i, question in _entries(topic.meta, "questions"):
            for ref in _strings(question.get("checks")):
                if ref not in item_ids:
                    problems.append(
                        Problem(
                            label,
                            f"questions[{i}].checks",
                            f"'{ref}' is not a checklist id on any page",
                        )
                    )
                elif ref not in own:
                    problems.append(
                        Problem(
                            label,
                            f"questions[{i}].checks",
                            f"'{ref}' belongs to {item_ids[ref]}; a question checks items of its own page",
                        )
                    )
    return problems


# (path, src, root) -> (file bytes, load_page's result). `mkdocs serve` reloads every page
# on every rebuild; a page whose bytes did not change is not parsed and validated again.
_PAGES: dict[tuple[str, str, str], tuple[bytes, tuple[Topic | None, list[Problem]]]] = {}


def _load_page_cached(path: Path, src: str, root: str) -> tuple[Topic | None, list[Problem]]:
    key = (str(path), src, root)
    try:
        data = path.read_bytes()
    except OSError:
        return load_page(path, src, root)
    hit = _PAGES.get(key)
    if hit is not None and hit[0] == data:
        return hit[1]
    result = load_page(path, src, root)
    _PAGES[key] = (data, result)
    return result


def load_curriculum(docs_dir: str | Path) -> Curriculum:
    """Load and validate every page under docs_dir. Raises CurriculumError listing every problem."""
    docs_dir = Path(docs_dir)
    try:
        root = docs_dir.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        root = docs_dir.as_posix()
    topics: list[Topic] = []
    problems: list[Problem] = []
    for path in sorted(docs_dir.rglob("*.md")):
        src = path.relative_to(docs_dir).as_posix()
        topic, found = _load_page_cached(path, src, root)
        problems.extend(found)
        if topic is not None:
            topics.append(topic)
    problems.extend(cross_check(topics))
    if problems:
        raise CurriculumError(problems)
    return Curriculum(topics=topics)
