"""Edit to preview: the time from saving a page to `mkdocs serve` serving the change.

For each serve mode, in a fresh copy of the site (docs/ is never touched):
1. start `mkdocs serve` on a free port and wait until it serves the home page;
2. append a paragraph with a unique token to a topic page's Markdown body, and poll the
   topic page until its HTML contains the token;
3. change the text of the topic's first checklist item in the front matter, and poll the
   topic page and the readiness checklist until both show it;
4. add a checklist item to the front matter, and poll the home page until its overview
   counts the new item.
Each edit is repeated; medians are reported. Requests made while MkDocs rebuilds wait
for the rebuild to finish, so a poll never sees a half-built site.
"""

from __future__ import annotations

import os
import re
import signal
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from bench import projects

MKDOCS = str(Path(sys.executable).parent / "mkdocs")
MODES = {"full": [], "--dirty": ["--dirty"]}
POLL = 0.02
TIMEOUT = 180.0
_LIVERELOAD = re.compile(
    r"<script[^>]*>livereload\([^<]*</script>|<script src=\"/livereload\.js[^<]*</script>"
)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=TIMEOUT) as response:
        return _LIVERELOAD.sub("", response.read().decode("utf-8"))


def _wait_for(checks: dict[str, tuple[str, callable]], since: float) -> dict[str, float]:
    """Poll each URL until its predicate holds; seconds from `since` for each."""
    done: dict[str, float] = {}
    while len(done) < len(checks):
        for name, (url, predicate) in checks.items():
            if name in done:
                continue
            try:
                if predicate(_get(url)):
                    done[name] = time.perf_counter() - since
            except OSError:
                pass
        if time.perf_counter() - since > TIMEOUT:
            missing = ", ".join(sorted(set(checks) - set(done)))
            raise TimeoutError(f"the change never showed on: {missing}")
        time.sleep(POLL)
    return done


def _write(path: Path, text: str) -> float:
    path.write_text(text, encoding="utf-8")
    return time.perf_counter()


def _overview_mid_total(html: str) -> int | None:
    """The home page overview's total of mid-level skills ('**All** ... **N / M**')."""
    match = re.search(r"<strong>(\d+) / (\d+)</strong>", html)
    return int(match.group(1)) if match else None


def measure_mode(work: Path, mode: str, page: str, repeats: int, log) -> dict:
    project = projects.real_project(work / f"serve{mode.replace('-', '_')}")
    projects.write_configs(project)  # mkdocs.yml: the real config
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    topic_url = base + page[: -len(".md")] + "/"
    readiness_url = base + "readiness/"
    source = project / "docs" / page
    command = [MKDOCS, "serve", "--dev-addr", f"127.0.0.1:{port}", *MODES[mode]]
    log_path = work / f"serve{mode.replace('-', '_')}.log"
    with open(log_path, "w") as out:
        proc = subprocess.Popen(
            command,
            cwd=project,
            env=projects.bench_env(),
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group, ended below by its id
        )
    try:
        started = time.perf_counter()
        deadline = started + 600
        while True:
            if proc.poll() is not None:
                raise RuntimeError(f"mkdocs serve exited: {log_path.read_text()[-2000:]}")
            try:
                _get(base)
                break
            except OSError:
                if time.perf_counter() > deadline:
                    raise TimeoutError("mkdocs serve did not start within 600 s") from None
                time.sleep(0.2)
        startup = time.perf_counter() - started
        original = source.read_text(encoding="utf-8")
        page_edit, fm_topic, fm_ready, fm_home = [], [], [], []
        for n in range(repeats):
            time.sleep(1.0)  # let the watcher settle between edits
            token = f"previewprobe{n}x{port}"
            text = source.read_text(encoding="utf-8")
            since = _write(source, text.rstrip("\n") + f"\n\nPreview probe {token}.\n")
            got = _wait_for({"topic": (topic_url, lambda html, t=token: t in html)}, since)
            page_edit.append(got["topic"])

            time.sleep(1.0)
            token = f"checklistprobe{n}x{port}"
            text = source.read_text(encoding="utf-8")
            edited, count = re.subn(
                r"^(checklist:\n  - id: [^\n]+\n    text: )([^\n]+)",
                lambda m, t=token: m.group(1) + _append_to_yaml_scalar(m.group(2), t),
                text,
                count=1,
                flags=re.M,
            )
            if count != 1:
                raise RuntimeError(f"{page}: no 'checklist:' item with 'text:' on its second line")
            since = _write(source, edited)
            got = _wait_for(
                {
                    "topic": (topic_url, lambda html, t=token: t in html),
                    "readiness": (readiness_url, lambda html, t=token: t in html),
                },
                since,
            )
            fm_topic.append(got["topic"])
            fm_ready.append(got["readiness"])

            time.sleep(1.0)
            before = _overview_mid_total(_get(base))
            if before is None:
                raise RuntimeError("the home page has no overview total ('<strong>N / M</strong>')")
            text = source.read_text(encoding="utf-8")
            anchor = re.search(
                r"^checklist:\n  - id: [^\n]+\n(?:    [^\n]*\n)*?    section: ([^\n]+)\n",
                text,
                re.M,
            )
            if anchor is None:
                raise RuntimeError(f"{page}: first checklist item has no 'section:'")
            slug = re.search(r"^topic: ([a-z0-9-]+)", text, re.M).group(1)
            item = (
                f"  - id: {slug}.preview-probe-{n}-{port}\n"
                f"    text: Explain the preview probe number {n}.\n"
                f"    level: mid\n    section: {anchor.group(1)}\n"
            )
            since = _write(source, text.replace("checklist:\n", "checklist:\n" + item, 1))
            got = _wait_for(
                {"home": (base, lambda html, b=before: _overview_mid_total(html) == b + 1)}, since
            )
            fm_home.append(got["home"])
            log(
                f"    {mode}: page {page_edit[-1]:.2f} s, front matter -> topic {fm_topic[-1]:.2f} s, "
                f"readiness {fm_ready[-1]:.2f} s, home {fm_home[-1]:.2f} s"
            )
        source.write_text(original, encoding="utf-8")
    finally:
        _stop(proc)
    result = {
        "command": "mkdocs serve " + " ".join(MODES[mode]),
        "startup_s": round(startup, 2),
        "page_edit_s": round(statistics.median(page_edit), 3),
        "front_matter_topic_s": round(statistics.median(fm_topic), 3),
        "front_matter_readiness_s": round(statistics.median(fm_ready), 3),
        "front_matter_home_s": round(statistics.median(fm_home), 3),
        "runs": {
            "page_edit_s": [round(x, 3) for x in page_edit],
            "front_matter_topic_s": [round(x, 3) for x in fm_topic],
            "front_matter_readiness_s": [round(x, 3) for x in fm_ready],
            "front_matter_home_s": [round(x, 3) for x in fm_home],
        },
    }
    result["worst_s"] = max(
        result["page_edit_s"],
        result["front_matter_topic_s"],
        result["front_matter_readiness_s"],
        result["front_matter_home_s"],
    )
    return result


def _stop(proc: subprocess.Popen) -> None:
    """End the server we started (its own process group, by its id)."""
    if proc.poll() is not None:
        return
    os.killpg(proc.pid, signal.SIGTERM)
    try:
        proc.wait(timeout=20)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()


def _append_to_yaml_scalar(value: str, token: str) -> str:
    """Append ' token' to a plain or quoted one-line YAML scalar."""
    if value[:1] in "'\"" and value.endswith(value[0]):
        return value[:-1] + f" {token}" + value[-1]
    return f"{value} {token}"


def measure_all(work: Path, page: str, repeats: int, log) -> dict:
    modes = {}
    for mode in MODES:
        modes[mode] = measure_mode(work, mode, page, repeats, log)
    fastest = min(modes, key=lambda m: modes[m]["worst_s"])
    return {"page": page, "modes": modes, "fastest": fastest, "target_s": 1.0}
