"""`make check`: every linter and the content rules, run in parallel, in one report.

    python scripts/check.py [--only=name,...] [--list]

Each problem prints as one line that starts with ``file:line`` and names the rule, so an
editor or the pipeline log jumps to it. Exit status 1 when any check fails. The checks
and their configuration files:

    markdown    pymarkdownlnt   .pymarkdown.yml
    spelling    codespell       .codespellrc, .codespell-ignore
    python      ruff            ruff.toml (lint, then the formatter in --check mode)
    javascript  eslint          eslint.config.js
    yaml        yamllint        .yamllint.yml
    content     hooks.validate  front matter schema, then CONTENT.md's rules (hooks/rules.py)

`CURRICULUM_STALE=error` makes an outdated `reviewed` fail the content check (it is a
warning otherwise); scheduled pipelines set it.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import json
import os
import re
import subprocess
import sys
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
NODE_BIN = ROOT / "node_modules" / ".bin"
# What the slower linters remember between runs (gitignored).
CACHE = ROOT / ".cache" / "check"

# Markdown that is not a page: appended to pages or shown by GitLab inside a form, so
# "the first line is an H1" (MD041) does not apply.
FRAGMENTS = ("includes", ".gitlab")
# What codespell reads: the content, the code, the docs and the config.
SPELLING_SKIP = re.compile(
    r"(^|/)(package-lock\.json|[^/]*\.lock)$|\.(png|jpe?g|gif|ico|svg|pdf|zip|apkg|woff2?|min\.js)$"
)
# Folders never linted even when git is not there to say they are ignored.
UNTRACKED = {".git", ".venv", "node_modules", "site", "public", "dist", ".cache", "__pycache__"}


def project_files() -> list[str]:
    """The project's own files: tracked or new, minus what .gitignore ignores."""
    proc = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard", "-z"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    if proc.returncode == 0:
        files = [f for f in proc.stdout.split("\0") if f]
        return sorted(f for f in files if (ROOT / f).is_file())
    out = []
    for folder, dirs, names in os.walk(ROOT):
        dirs[:] = [d for d in dirs if d not in UNTRACKED and not d.startswith(".venv")]
        out += [(Path(folder) / n).relative_to(ROOT).as_posix() for n in names]
    return sorted(out)


def _with_suffix(files: list[str], *suffixes: str) -> list[str]:
    return [f for f in files if f.endswith(suffixes)]


@dataclass
class Result:
    name: str
    tool: str
    seconds: float = 0.0
    failed: bool = False
    lines: list[str] = field(default_factory=list)


def _rel(path: str) -> str:
    path = path.strip()
    for prefix in (str(ROOT) + os.sep, "./"):
        if path.startswith(prefix):
            path = path[len(prefix) :]
    return path


def _run(cmd: list[str], env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    try:
        return subprocess.run(
            cmd,
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=300,
            env={**os.environ, **(env or {})},
        )
    except FileNotFoundError:
        return subprocess.CompletedProcess(
            cmd, 127, "", f"{cmd[0]}: not installed. Run `make install` first."
        )


def _tool_error(proc: subprocess.CompletedProcess) -> list[str]:
    text = (proc.stderr or proc.stdout).strip() or f"exit status {proc.returncode}"
    return [f"{Path(proc.args[0]).name} did not run: {line}" for line in text.splitlines()[-15:]]


def markdown_files(files: list[str]) -> tuple[list[str], list[str]]:
    """(pages, fragments) among the project's Markdown files."""
    pages, fragments = [], []
    for rel in _with_suffix(files, ".md"):
        (fragments if rel.split("/")[0] in FRAGMENTS else pages).append(rel)
    return pages, fragments


def _markdown_cache_key() -> str:
    """Findings stay valid while pymarkdown, its config and the runner stay the same."""
    digest = hashlib.sha256()
    try:
        digest.update(importlib.metadata.version("pymarkdownlnt").encode())
    except importlib.metadata.PackageNotFoundError:
        digest.update(b"unknown")
    for name in (".pymarkdown.yml", "scripts/lint_markdown.py", "scripts/check.py"):
        path = ROOT / name
        digest.update(path.read_bytes() if path.is_file() else b"-")
    return digest.hexdigest()


def check_markdown(files: list[str]) -> Result:
    """pymarkdown on every Markdown file, reusing the findings of files that did not change.

    Its rules look at one file at a time, so a file's findings depend only on its bytes
    and the configuration: the cache in .cache/check/ is keyed on both. A scan of every
    page takes several seconds; after editing one page, `make check` rescans that page.
    """
    result = Result("markdown", "pymarkdownlnt (.pymarkdown.yml)")
    pages, fragments = markdown_files(files)
    cache_file = CACHE / "markdown.json"
    key = _markdown_cache_key()
    try:
        cache = json.loads(cache_file.read_text(encoding="utf-8"))
        cached = cache["files"] if cache.get("key") == key else {}
    except (OSError, ValueError, KeyError, TypeError):
        cached = {}
    digests = {f: hashlib.sha256((ROOT / f).read_bytes()).hexdigest() for f in pages + fragments}
    fresh = {f: cached[f]["lines"] for f in digests if cached.get(f, {}).get("sha") == digests[f]}
    todo_pages = [f for f in pages if f not in fresh]
    todo_fragments = [f for f in fragments if f not in fresh]

    base = [str(BIN / "python"), str(ROOT / "scripts" / "lint_markdown.py"), "--strict-config"]
    # pymarkdown is the slowest linter: scan the pages in two halves, side by side.
    half = (len(todo_pages) + 1) // 2
    jobs = [base + ["scan", *todo_pages[:half]], base + ["scan", *todo_pages[half:]]]
    if todo_fragments:
        jobs.append(base + ["--disable-rules", "md041", "scan", *todo_fragments])
    jobs = [job for job in jobs if job[-1] != "scan"]
    procs = []
    if jobs:
        with ThreadPoolExecutor(len(jobs)) as pool:
            procs = list(pool.map(_run, jobs))
    scanned = {f: [] for f in todo_pages + todo_fragments}
    for proc in procs:
        if proc.returncode not in (0, 1) or (proc.returncode == 1 and not proc.stdout.strip()):
            result.failed = True
            result.lines += _tool_error(proc)
            for f in proc.args[proc.args.index("scan") + 1 :]:
                scanned.pop(f, None)  # not scanned: nothing to remember
            continue
        for line in proc.stdout.splitlines():
            if line.strip():
                line = _rel(line)
                scanned.setdefault(line.split(":", 1)[0], []).append(line)
    fresh.update(scanned)
    for f in pages + fragments:
        result.lines += fresh.get(f, [])
    result.failed = result.failed or bool(result.lines)
    try:
        CACHE.mkdir(parents=True, exist_ok=True)
        tmp = cache_file.with_suffix(".tmp")
        tmp.write_text(
            json.dumps(
                {
                    "key": key,
                    "files": {
                        f: {"sha": digests[f], "lines": fresh[f]} for f in fresh if f in digests
                    },
                }
            ),
            encoding="utf-8",
        )
        tmp.replace(cache_file)
    except OSError:
        pass  # a read-only checkout still gets its report
    return result


_CODESPELL = re.compile(r"^(?P<where>.+?:\d+): (?P<word>\S+) ==> (?P<fix>.+)$")


def check_spelling(files: list[str]) -> Result:
    result = Result("spelling", "codespell (.codespellrc, .codespell-ignore)")
    paths = [f for f in files if not SPELLING_SKIP.search(f)]
    proc = _run([str(BIN / "codespell"), *paths])
    for line in proc.stdout.splitlines():
        match = _CODESPELL.match(line)
        if match:
            result.lines.append(
                f"{_rel(match['where'])}: spelling: '{match['word']}' should be '{match['fix']}' "
                "(if the word is right, add it to .codespell-ignore, or to that line as "
                f"`codespell:ignore {match['word'].lower()}` in a comment)"
            )
    if proc.returncode != 0:
        result.failed = True
        if not result.lines:
            result.lines = _tool_error(proc)
    return result


_RUFF_FORMAT = re.compile(r"-->\s+(?P<file>[^:\s]+):(?P<line>\d+):\d+")


def check_python(files: list[str]) -> Result:
    result = Result("python", "ruff check + ruff format --check (ruff.toml)")
    ruff = str(BIN / "ruff")
    py = _with_suffix(files, ".py")
    if not py:
        return result
    with ThreadPoolExecutor(2) as pool:
        lint, fmt = pool.map(
            _run,
            [
                [ruff, "check", "--output-format=concise", "--force-exclude", *py],
                [ruff, "format", "--check", "--force-exclude", *py],
            ],
        )
    if lint.returncode == 1:
        result.lines += [
            _rel(line) for line in lint.stdout.splitlines() if re.match(r"^\S+:\d+:\d+: ", line)
        ]
    elif lint.returncode != 0:
        result.lines += _tool_error(lint)
    if fmt.returncode == 1:
        seen = set()
        for match in _RUFF_FORMAT.finditer(fmt.stdout):
            key = (match["file"], match["line"])
            if key not in seen:
                seen.add(key)
                result.lines.append(
                    f"{_rel(match['file'])}:{match['line']}: ruff-format: the formatter would "
                    f"rewrite this; run `.venv/bin/ruff format {_rel(match['file'])}`"
                )
        if not seen:
            result.lines += [
                f"{_rel(line.split(':', 1)[1])}:1: ruff-format: the formatter would rewrite this file"
                for line in fmt.stdout.splitlines()
                if line.startswith("Would reformat:")
            ] or _tool_error(fmt)
    elif fmt.returncode != 0:
        result.lines += _tool_error(fmt)
    result.failed = lint.returncode != 0 or fmt.returncode != 0
    return result


def check_javascript(files: list[str]) -> Result:
    result = Result("javascript", "eslint (eslint.config.js)")
    js = _with_suffix(files, ".js", ".mjs", ".cjs")
    if not js:
        return result
    proc = _run(
        [
            str(NODE_BIN / "eslint"),
            "--no-warn-ignored",
            "--cache",
            "--cache-strategy=content",
            f"--cache-location={CACHE / 'eslint'}",
            "--format=json",
            *js,
        ]
    )
    try:
        reports = json.loads(proc.stdout or "null")
    except json.JSONDecodeError:
        reports = None
    if not isinstance(reports, list):
        result.failed = True
        result.lines = _tool_error(proc)
        return result
    for report in reports:
        for msg in report.get("messages", []):
            rule = msg.get("ruleId") or ("syntax" if msg.get("fatal") else "eslint")
            result.lines.append(
                f"{_rel(report['filePath'])}:{msg.get('line', 1)}:{msg.get('column', 1)}: "
                f"{rule}: {msg['message']}"
            )
    result.failed = proc.returncode != 0 or bool(result.lines)
    return result


_YAMLLINT = re.compile(
    r"^(?P<where>.+?:\d+:\d+): \[(?P<level>\w+)\] (?P<msg>.*?)(?: \((?P<rule>[\w-]+)\))?$"
)


def check_yaml(files: list[str]) -> Result:
    result = Result("yaml", "yamllint --strict (.yamllint.yml)")
    yml = _with_suffix(files, ".yml", ".yaml")
    if not yml:
        return result
    proc = _run([str(BIN / "yamllint"), "--strict", "--format", "parsable", *yml])
    for line in proc.stdout.splitlines():
        match = _YAMLLINT.match(line)
        if match:
            rule = match["rule"] or "syntax"
            result.lines.append(f"{_rel(match['where'])}: {rule}: {match['msg']}")
    result.failed = proc.returncode != 0
    if result.failed and not result.lines:
        result.lines = _tool_error(proc)
    return result


def check_content(files: list[str]) -> Result:
    result = Result(
        "content", "front matter schema + content rules (python -m hooks.validate --rules)"
    )
    proc = _run([str(BIN / "python"), "-m", "hooks.validate", "--rules", "docs"])
    lines = (proc.stderr + proc.stdout).splitlines()
    result.lines = [
        line.strip()
        for line in lines
        if line.strip() and not line.startswith("ok: ") and not line.startswith("content rules: ")
    ]
    result.failed = proc.returncode != 0
    if result.failed and not result.lines:
        result.lines = _tool_error(proc)
    return result


CHECKS: dict[str, Callable[[list[str]], Result]] = {
    "markdown": check_markdown,
    "spelling": check_spelling,
    "python": check_python,
    "javascript": check_javascript,
    "yaml": check_yaml,
    "content": check_content,
}


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    names = list(CHECKS)
    for arg in argv:
        if arg == "--list":
            print("\n".join(names))
            return 0
        if arg.startswith("--only="):
            names = [n.strip() for n in arg.split("=", 1)[1].split(",") if n.strip()]
            unknown = [n for n in names if n not in CHECKS]
            if unknown:
                print(f"error: unknown check {', '.join(unknown)} (checks: {', '.join(CHECKS)})")
                return 2
        else:
            print(
                f"error: unknown argument {arg!r}; usage: python scripts/check.py [--only=a,b] [--list]"
            )
            return 2
    start = time.monotonic()
    files = project_files()

    def timed(name: str) -> Result:
        began = time.monotonic()
        res = CHECKS[name](files)
        res.seconds = time.monotonic() - began
        return res

    # Markdown first: it is the longest, so it should not start last.
    with ThreadPoolExecutor(max_workers=len(names)) as pool:
        results = list(pool.map(timed, names))
    failed = [r for r in results if r.failed]
    for res in results:
        mark = "FAIL" if res.failed else "ok  "
        count = (
            f", {len(res.lines)} finding{'s' if len(res.lines) != 1 else ''}" if res.lines else ""
        )
        print(f"{mark} {res.name:<11} {res.tool} ({res.seconds:.1f}s{count})")
        for line in res.lines:
            print(line)
    total = time.monotonic() - start
    if failed:
        print(
            f"make check: {len(failed)} of {len(results)} checks failed in {total:.1f}s. "
            "Each line names file:line and the rule; CONTRIBUTING.md, 'When a check fails', "
            "says how to fix each kind."
        )
        return 1
    print(f"make check: all {len(results)} checks passed in {total:.1f}s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
