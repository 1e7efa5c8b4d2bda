"""Validate every topic page's front matter without building the site.

    python -m hooks.validate [--stats] [--rules [--stale=warn|error|off] [--only=rule,...]] [docs_dir]

Prints one line per problem (file, field path, what to fix) and exits 1 if there are any.
With --rules, the pages whose front matter is valid are then held to CONTENT.md's rules
(hooks/rules.py): one line per finding, ``file:line: rule: what to fix``.
"""

from __future__ import annotations

import sys
from pathlib import Path

from hooks import rules as content_rules
from hooks.model import CurriculumError, load_curriculum


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    stats = "--stats" in argv
    with_rules = "--rules" in argv
    argv = [a for a in argv if a not in ("--stats", "--rules")]
    try:
        rule_options, argv = content_rules.parse_options(argv)
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    docs_dir = Path(argv[0]) if argv else Path("docs")
    if not docs_dir.is_dir():
        print(f"error: {docs_dir}/ is not a folder", file=sys.stderr)
        return 2
    try:
        curriculum = load_curriculum(docs_dir)
    except CurriculumError as exc:
        print(exc.report(), file=sys.stderr)
        return 1
    items = len(curriculum.items)
    questions = len(curriculum.questions)
    if stats:
        print(f"{'page':44} {'words':>6} {'items':>5} {'mid/sr':>6} {'qs':>3} {'links':>5}")
        for t in sorted(curriculum.topics, key=lambda t: t.src):
            mid = len(t.items_at("mid"))
            print(
                f"{t.src:44} {t.words:6} {len(t.checklist):5} {mid:>2}/{len(t.checklist) - mid:<3} {len(t.questions):3} {len(t.resources):5}"
            )
    print(
        f"ok: {len(curriculum.topics)} topic pages, {items} checklist items, {questions} questions"
    )
    if with_rules:
        findings = content_rules.check(curriculum, docs_dir, **rule_options)
        text, code = content_rules.report(
            findings, len(curriculum.topics), rule_options.get("only")
        )
        print(text)
        return code
    return 0


if __name__ == "__main__":
    sys.exit(main())
