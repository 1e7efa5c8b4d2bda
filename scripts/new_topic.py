"""Scaffold a topic page: `make new-topic`, or

    python scripts/new_topic.py [--part PART] [--slug SLUG] [--title TITLE]

Asks for whatever is not given on the command line, then writes

    docs/<part>/<slug>.md                 front matter that validates, CONTENT.md's sections
    examples/<slug>/<slug>.mjs            a module the page includes by path
    examples/<slug>/<slug>.test.mjs       its node:test test, which passes

and adds the page to its part in the nav of mkdocs.yml. The page builds at once, so
`make serve` shows it; `make check` fails until it is written: every instruction is a
comment (or a field) that starts with "new-topic:", and the content rules list each
one that is left, together with the word counts and counts still short of CONTENT.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from hooks.model import PARTS  # noqa: E402

SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
MARK = "new-topic:"  # hooks/rules.py reports every line that still contains it

# A primary source to start the reading list from, per part; the writer replaces it.
START_READING = {
    "nodejs": ("Node.js API documentation", "https://nodejs.org/docs/latest/api/"),
    "concepts": ("Node.js Learn", "https://nodejs.org/en/learn"),
    "practice": ("Node.js Learn", "https://nodejs.org/en/learn"),
    "devops": ("GitLab CI/CD documentation", "https://docs.gitlab.com/ci/"),
    "docker": ("Docker documentation", "https://docs.docker.com/"),
    "kubernetes": ("Kubernetes documentation", "https://kubernetes.io/docs/home/"),
}


class ScaffoldError(Exception):
    """Bad input or a project state the scaffold cannot work with; the message says why."""


@dataclass
class Plan:
    page: Path
    module: Path
    test: Path
    config: Path
    page_text: str
    module_text: str
    test_text: str
    config_text: str | None  # None: mkdocs.yml has no nav, MkDocs lists every page itself


# --------------------------------------------------------------------------- checks


def check_part(part: str) -> str:
    part = part.strip()
    if part not in PARTS:
        raise ScaffoldError(f"part '{part}' is not one of {', '.join(PARTS)}")
    return part


def check_slug(slug: str) -> str:
    slug = slug.strip()
    if not SLUG.match(slug):
        raise ScaffoldError(
            f"slug '{slug}' must be lowercase letters and digits joined by single hyphens, "
            "like 'rate-limiting'; it becomes the page's file name, URL and id prefix"
        )
    return slug


def check_title(title: str) -> str:
    title = " ".join(title.split())
    if not 3 <= len(title) <= 80:
        raise ScaffoldError(
            f"title '{title}' must be 3 to 80 characters (sentence case, like 'Rate limiting')"
        )
    return title


def check_free(root: Path, slug: str) -> None:
    """The slug is no page's file name or topic, and has no examples folder yet."""
    docs = root / "docs"
    for page in sorted(docs.glob(f"*/{slug}.md")):
        raise ScaffoldError(
            f"slug '{slug}' is taken: {page.relative_to(root)} exists. "
            "Pick another slug, or edit that page"
        )
    topic = re.compile(rf"^topic:\s*['\"]?{re.escape(slug)}['\"]?\s*(#.*)?$", re.M)
    for page in sorted(docs.rglob("*.md")):
        head = page.read_text(encoding="utf-8", errors="replace")[:4000]
        if head.startswith("---") and topic.search(head):
            raise ScaffoldError(
                f"slug '{slug}' is taken: {page.relative_to(root)} has `topic: {slug}`. "
                "Topic slugs are unique and never change; pick another"
            )
    if (root / "examples" / slug).exists():
        raise ScaffoldError(
            f"examples/{slug}/ already exists; pick another slug, or move that folder first"
        )


# --------------------------------------------------------------------------- the files


def _q(text: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


def next_order(root: Path, part: str) -> int:
    orders = []
    for page in (root / "docs" / part).glob("*.md"):
        match = re.search(
            r"^order:\s*(\d+)\s*$", page.read_text(encoding="utf-8", errors="replace"), re.M
        )
        if match:
            orders.append(int(match.group(1)))
    return max(orders) + 1 if orders else 100


def page_text(part: str, slug: str, title: str, order: int, month: str) -> str:
    source_title, source_url = START_READING[part]
    return f"""---
# {MARK} this page is a scaffold: do what each line marked like this one says, then delete the mark.
title: {_q(title)}
description: "{MARK} one sentence for search results and cards, 20 to 200 characters."
topic: {slug}
part: {part}
order: {order}
tags: [{slug}]
reviewed: "{month}"
checklist:
  # {MARK} 8 to 15 items, both levels, one skill each, each pointing at the section that teaches it.
  # Ids are permanent once merged: rename these to name their skill before your first merge.
  - id: {slug}.first-concept
    text: "{MARK} one skill the first concept teaches, starting with a verb (Explain, Compare, Implement)."
    level: mid
    section: first-concept
  - id: {slug}.second-concept
    text: "{MARK} one skill the second concept teaches, at the senior level (Diagnose, Choose, Design)."
    level: senior
    section: second-concept
questions:
  # {MARK} 6 to 12 questions as interviewers ask them, at both levels; each checks the items it tests.
  - id: {slug}.q.first-concept
    question: "{MARK} a mid-level question on the first concept, as an interviewer would ask it?"
    level: mid
    answer: |
      <!-- {MARK} what a strong candidate says in two minutes, 80 to 250 words: the direct answer first, then why, then an example from practice. -->
    senior: |
      <!-- {MARK} what a senior answer adds: trade-offs, scale, failure modes, operational experience. -->
    follow_ups:
      - "{MARK} what the interviewer asks next."
    red_flags:
      - "{MARK} an answer that loses the room."
    checks: [{slug}.first-concept]
  - id: {slug}.q.second-concept
    question: "{MARK} a senior-level question on the second concept, as an interviewer would ask it?"
    level: senior
    answer: |
      <!-- {MARK} the two-minute answer, 80 to 250 words: direct answer, why, an example. -->
    senior: |
      <!-- {MARK} the trade-offs, scale and failure modes a senior candidate brings in. -->
    follow_ups:
      - "{MARK} what the interviewer asks next."
    red_flags:
      - "{MARK} an answer that loses the room."
    checks: [{slug}.second-concept]
resources:
  # {MARK} 3 to 8 primary sources (official docs, RFCs, OWASP), https only.
  - title: {_q(source_title)}
    url: {source_url}  # {MARK} keep it if it is the primary source for this topic, or replace it.
    kind: docs
    why: "{MARK} one line on why a reader should open it."
---

<!-- {MARK} write the page for an engineer with a mid or senior Node.js interview coming up: second person, present tense, short paragraphs, 1,500 to 3,500 words (CONTENT.md). `make serve` previews it; `make check` lists what is left. -->

## Why interviewers ask

<!-- {MARK} one short paragraph: what this topic reveals about a candidate, and what separates a mid answer from a senior one. -->

## First concept

<!-- {MARK} rename this heading to the idea it teaches (sentence case) and set the `section:` of its checklist item to the new anchor. Explain it from first principles: numbers, defaults, failure modes, the API or command you would use. Show code from examples/ as below, and a Mermaid diagram where a picture explains a flow. -->

```js title="examples/{slug}/{slug}.mjs"
--8<-- "examples/{slug}/{slug}.mjs"
```

## Second concept

<!-- {MARK} rename this heading to the next idea, and add one H2 per further idea the checklist needs. -->

## Pitfalls and red flags

<!-- {MARK} what goes wrong in production, and what a weak answer sounds like. -->

## Hands-on

<!-- {MARK} one exercise the reader can finish in under an hour on a laptop. -->
"""


def module_text(part: str, slug: str) -> str:
    return f"""// {MARK} replace this module with the code docs/{part}/{slug}.md shows: small, runnable, no network.
// The page includes this file by path, so readers see exactly the code its test runs.

// Splits items into arrays of at most `size` elements, in order.
export function chunk(items, size) {{
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`size must be a positive integer, got ${{size}}`);
  const chunks = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}}
"""


def test_text(slug: str) -> str:
    return f"""// {MARK} test what the page says about the code; `make test-examples` runs every example's tests.
import test from 'node:test';
import assert from 'node:assert/strict';
import {{ chunk }} from './{slug}.mjs';

test('chunk splits a list into pieces of at most size elements', () => {{
  assert.deepEqual(chunk([1, 2, 3, 4, 5], 2), [[1, 2], [3, 4], [5]]);
  assert.deepEqual(chunk([], 3), []);
}});

test('chunk rejects a size below one', () => {{
  assert.throws(() => chunk([1], 0), RangeError);
}});
"""


_NAV_ENTRY = re.compile(r"^(?P<indent>[ \t]*)- (?:[^:\n]+:[ \t]*)?(?P<path>[\w./-]+\.md)[ \t]*$")


def add_to_nav(config: str, part: str, slug: str) -> str | None:
    """mkdocs.yml with docs/<part>/<slug>.md listed after the last page of its part.

    Edits the text, so comments and tags (`!ENV`, `!!python/name:`) stay as they are.
    Returns None when the config has no nav (MkDocs then lists every page itself).
    """
    lines = config.splitlines(keepends=True)
    try:
        start = next(i for i, line in enumerate(lines) if re.match(r"^nav:\s*(#.*)?$", line))
    except StopIteration:
        return None
    last = None
    for i in range(start + 1, len(lines)):
        line = lines[i]
        if line.strip() and not line[0].isspace() and not line.lstrip().startswith("#"):
            break  # the next top-level key: the nav has ended
        match = _NAV_ENTRY.match(line.rstrip("\n"))
        if match and match["path"].startswith(f"{part}/"):
            last = (i, match["indent"])
    if last is None:
        raise ScaffoldError(
            f"mkdocs.yml: the nav lists no page under {part}/, so the scaffold does not know "
            f"where the new page goes. Add the part's section to the nav first (see '{PARTS[part]}')"
        )
    index, indent = last
    entry = f"{indent}- {part}/{slug}.md\n"
    if not lines[index].endswith("\n"):
        lines[index] += "\n"
    lines.insert(index + 1, entry)
    return "".join(lines)


def plan(root: Path, part: str, slug: str, title: str, today: dt.date) -> Plan:
    part, slug, title = check_part(part), check_slug(slug), check_title(title)
    check_free(root, slug)
    config = root / "mkdocs.yml"
    if not config.is_file():
        raise ScaffoldError(f"{config} not found: run this from the repository root")
    return Plan(
        page=root / "docs" / part / f"{slug}.md",
        module=root / "examples" / slug / f"{slug}.mjs",
        test=root / "examples" / slug / f"{slug}.test.mjs",
        config=config,
        page_text=page_text(part, slug, title, next_order(root, part), f"{today:%Y-%m}"),
        module_text=module_text(part, slug),
        test_text=test_text(slug),
        config_text=add_to_nav(config.read_text(encoding="utf-8"), part, slug),
    )


def write(p: Plan) -> list[str]:
    """Write every file of the plan; returns what changed, relative to the root."""
    p.page.parent.mkdir(parents=True, exist_ok=True)
    p.module.parent.mkdir(parents=True, exist_ok=True)
    p.page.write_text(p.page_text, encoding="utf-8")
    p.module.write_text(p.module_text, encoding="utf-8")
    p.test.write_text(p.test_text, encoding="utf-8")
    changed = [p.page, p.module, p.test]
    if p.config_text is not None:
        p.config.write_text(p.config_text, encoding="utf-8")
        changed.append(p.config)
    root = p.config.parent
    return [str(path.relative_to(root)) for path in changed]


# --------------------------------------------------------------------------- the command


def ask(label: str, check, given: str | None):
    """The flag's value if given (checked once); otherwise ask until the answer is good."""
    if given is not None:
        return check(given)
    while True:
        try:
            answer = input(f"{label}: ")
        except EOFError:
            raise ScaffoldError(f"no {label.split(' (')[0].lower()} given") from None
        try:
            return check(answer)
        except ScaffoldError as exc:
            print(f"  {exc}", file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="make new-topic", description="Scaffold a topic page, its example and its nav entry."
    )
    parser.add_argument("--part", help=f"one of {', '.join(PARTS)}")
    parser.add_argument("--slug", help="the page's topic slug, like rate-limiting")
    parser.add_argument("--title", help="the page title, sentence case")
    parser.add_argument("--root", type=Path, default=ROOT, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    root = args.root.resolve()
    try:
        part = ask(f"Part ({', '.join(PARTS)})", check_part, args.part)
        slug = ask("Slug (lowercase-with-hyphens, like rate-limiting)", check_slug, args.slug)
        check_free(root, slug)
        title = ask("Title (sentence case, like Rate limiting)", check_title, args.title)
        changed = write(plan(root, part, slug, title, dt.date.today()))
    except ScaffoldError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print("Created " + ", ".join(changed[:3]))
    if len(changed) > 3:
        print(f"Added {part}/{slug}.md to the nav in mkdocs.yml, after the other {part} pages")
    print(
        f"""
Next:
  make serve    preview at http://127.0.0.1:8000/{part}/{slug}/
  write         every "{MARK}" line in those files says what goes there
  make check    lists what is still missing (instructions left, words and counts short of CONTENT.md)
  make test     the examples' tests and the strict build"""
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
