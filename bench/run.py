"""`make bench`: how fast the site builds, previews and loads, against plain Material and Zensical.

Sections (each can be skipped with --skip NAME):
  overhead  the real site: our build vs a plain Material build of the same Markdown
  scaling   synthetic topic pages at 30, 300 and 3,000: ours, plain Material, Zensical
  serve     edit to preview: `mkdocs serve` (full and dirty rebuilds), save -> page served
  weight    first view of the home and a topic page: bytes, gzip bytes, requests; search index
  lighthouse  mobile performance score, home and a topic page, median of 3 runs

Writes bench/results/latest.json and prints a table. `--quick` runs fewer and smaller.
Run from the repository root: `.venv/bin/python -m bench.run`.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench import projects, report, timing, zensical_env  # noqa: E402

MKDOCS = str(Path(sys.executable).parent / "mkdocs")
RESULTS = ROOT / "bench" / "results"
SECTIONS = ("overhead", "scaling", "serve", "weight", "lighthouse")
TOPIC_PAGE = "concepts/messaging.md"


def log(message: str) -> None:
    print(message, flush=True)


def _mkdocs_build(name: str, project: Path, kind: str, site: Path, pages: int) -> timing.Build:
    command = [MKDOCS, "build", "-f", f"mkdocs-{kind}.yml", "--site-dir", str(site)]
    if kind == "ours":
        command.insert(2, "--strict")
    return timing.Build(
        name=name,
        command=command,
        cwd=project,
        env=projects.bench_env(),
        clear=[site],
        check=lambda: _check_pages(name, site, pages),
    )


def _zensical_build(project: Path, executable: str, pages: int) -> timing.Build:
    site = project / "site-zensical"
    return timing.Build(
        name="zensical",
        command=[executable, "build", "--clean", "-f", "mkdocs-zensical.yml"],
        cwd=project,
        env=projects.bench_env(),
        clear=[site, project / ".cache"],  # cold build: no cache from the previous run
        check=lambda: _check_pages("zensical", site, pages),
    )


def _check_pages(name: str, site: Path, pages: int) -> None:
    built = sum(1 for _ in site.rglob("index.html"))
    if built < pages:
        raise timing.BuildFailed(f"{name}: built {built} pages into {site}, expected {pages}")


def overhead(work: Path, runs: int, same_output: bool = True) -> dict:
    """The real site with our hooks and macros vs plain Material, alternated.

    Plain Material does not render what the generator adds (checklists, questions,
    reading lists and the aggregate pages live in front matter and macros), so it also
    builds the generator's output, expanded to Markdown once: the gap to that build is
    the generator's own cost.
    """
    project = projects.real_project(work / "real")
    projects.write_configs(project)
    pages = sum(1 for _ in (project / "docs").rglob("*.md"))
    builds = [
        _mkdocs_build("ours", project, "ours", work / "real-site-ours", pages),
        _mkdocs_build("plain", project, "plain", work / "real-site-plain", pages),
    ]
    if same_output:
        expanded = _expanded_project(work, project)
        builds.append(
            _mkdocs_build(
                "plain_same_output", expanded, "plain", work / "real-site-expanded", pages
            )
        )
    log(f"  real site: {pages} Markdown pages, {runs} alternated runs each")
    series = timing.alternate(builds, runs, log)
    out = {
        "pages": pages,
        "ours": series["ours"].summary(),
        "plain": series["plain"].summary(),
        "ratio_ours_to_plain": timing.ratio(series, "ours", "plain"),
        "target_ratio": 1.15,
        "site_dir": str(work / "real-site-ours"),
    }
    if same_output:
        out["plain_same_output"] = series["plain_same_output"].summary()
        out["ratio_ours_to_plain_same_output"] = timing.ratio(series, "ours", "plain_same_output")
    return out


def _expanded_project(work: Path, project: Path) -> Path:
    """A copy of the real site whose pages are the generator's output (bench/expand_hook.py)."""
    expanded = projects.real_project(work / "real-expanded")
    projects.write_configs(expanded)
    config = projects.load_config(project / "mkdocs-ours.yml")
    config["hooks"] = [*config.get("hooks", []), str(ROOT / "bench" / "expand_hook.py")]
    projects.dump_config(config, project / "mkdocs-expand.yml")
    result = subprocess.run(
        [MKDOCS, "build", "-f", "mkdocs-expand.yml", "--site-dir", str(work / "expand-site")],
        cwd=project,
        env={**projects.bench_env(), "BENCH_EXPAND_DIR": str(expanded / "docs")},
        capture_output=True,
        text=True,
        timeout=3600,
    )
    if result.returncode != 0:
        raise timing.BuildFailed(f"expanding the real site failed:\n{result.stderr[-2000:]}")
    shutil.rmtree(work / "expand-site", ignore_errors=True)
    return expanded


def scaling(work: Path, sizes: list[int], runs: dict[int, int], zensical: dict | None) -> dict:
    """Synthetic pages at each size: ours, plain Material and Zensical, alternated."""
    out: dict = {"sizes": {}}
    for size in sizes:
        project, pages, nav = projects.synthetic_project(work / f"synthetic-{size}", size)
        projects.write_configs(project, nav)
        if zensical is not None:
            _zensical_site_dir(project / "mkdocs-zensical.yml")
        builds = [
            _mkdocs_build("ours", project, "ours", work / f"syn-{size}-ours", pages),
            _mkdocs_build("plain", project, "plain", work / f"syn-{size}-plain", pages),
        ]
        if zensical is not None:
            builds.append(_zensical_build(project, zensical["executable"], pages))
        log(f"  {size} topics ({pages} pages), {runs[size]} alternated runs each")
        before = [round(x, 2) for x in os.getloadavg()]
        series = timing.alternate(builds, runs[size], log)
        entry: dict = {"topics": size, "pages": pages, "runs": runs[size]}
        entry["load_average"] = {"before": before, "after": [round(x, 2) for x in os.getloadavg()]}
        for name, s in series.items():
            summary = s.summary()
            summary["ms_per_page_wall"] = round(summary["median_wall_s"] * 1000 / pages, 1)
            summary["ms_per_page_cpu"] = round(summary["median_cpu_s"] * 1000 / pages, 1)
            entry[name] = summary
        entry["ratio_ours_to_plain"] = timing.ratio(series, "ours", "plain")
        if zensical is not None:
            entry["ratio_ours_to_zensical"] = timing.ratio(series, "ours", "zensical")
        out["sizes"][str(size)] = entry
        shutil.rmtree(project, ignore_errors=True)
        for build in builds:
            for path in build.clear:
                shutil.rmtree(path, ignore_errors=True)
    if zensical is not None:
        out["zensical"] = {k: v for k, v in zensical.items() if k not in ("digest", "executable")}
    return growth(out)


def growth(out: dict) -> dict:
    """Per-page cost at the largest size relative to the smallest, for each engine."""
    sizes = sorted(out["sizes"], key=int)
    first, last = out["sizes"][sizes[0]], out["sizes"][sizes[-1]]
    result = {"from": int(sizes[0]), "to": int(sizes[-1])}
    for name in ("ours", "plain", "zensical"):
        if name in first and name in last:
            result[name] = {
                "wall": round(
                    last[name]["ms_per_page_wall"] / first[name]["ms_per_page_wall"] - 1, 3
                ),
                "cpu": round(last[name]["ms_per_page_cpu"] / first[name]["ms_per_page_cpu"] - 1, 3),
            }
    out["per_page_growth"] = result
    # The marginal cost of a page, between consecutive sizes: a fixed start-up cost (imports,
    # config, theme) inflates ms/page at 30 pages; this is what grows if a page costs more
    # the more pages there are.
    marginal = {}
    for name in ("ours", "plain", "zensical"):
        steps = []
        for a, b in zip(sizes, sizes[1:], strict=False):
            lo, hi = out["sizes"][a], out["sizes"][b]
            if name in lo and name in hi:
                pages = hi["pages"] - lo["pages"]
                steps.append(
                    {
                        "from": int(a),
                        "to": int(b),
                        "ms_per_page_wall": round(
                            (hi[name]["median_wall_s"] - lo[name]["median_wall_s"]) * 1000 / pages,
                            1,
                        ),
                        "ms_per_page_cpu": round(
                            (hi[name]["median_cpu_s"] - lo[name]["median_cpu_s"]) * 1000 / pages, 1
                        ),
                    }
                )
        if steps:
            marginal[name] = {"steps": steps}
            if len(steps) > 1 and steps[0]["ms_per_page_cpu"] > 0:
                marginal[name]["growth_cpu"] = round(
                    steps[-1]["ms_per_page_cpu"] / steps[0]["ms_per_page_cpu"] - 1, 3
                )
                marginal[name]["growth_wall"] = round(
                    steps[-1]["ms_per_page_wall"] / steps[0]["ms_per_page_wall"] - 1, 3
                )
    out["marginal_cost"] = marginal
    out["target_growth"] = 0.30
    out["target_ratio_ours_to_zensical"] = 0.5
    return out


def _zensical_site_dir(config: Path) -> None:
    data = projects.load_config(config)
    data["site_dir"] = "site-zensical"
    projects.dump_config(data, config)


@contextlib.contextmanager
def _load(results: dict, name: str):
    """Fill results[name], recording the load average before and after (the machine is shared)."""
    out: dict = {}
    before = [round(x, 2) for x in os.getloadavg()]
    yield out
    out["load_average"] = {"before": before, "after": [round(x, 2) for x in os.getloadavg()]}
    results[name] = out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer runs, 30 and 300 pages only")
    parser.add_argument("--skip", action="append", default=[], choices=SECTIONS)
    parser.add_argument("--only", action="append", default=[], choices=SECTIONS)
    parser.add_argument("--runs", type=int, help="alternated runs for the real-site overhead")
    parser.add_argument("--sizes", help="comma-separated synthetic topic counts")
    parser.add_argument("--output", type=Path, default=RESULTS / "latest.json")
    parser.add_argument(
        "--merge",
        action="store_true",
        help="keep the other sections of an existing --output file (run sections separately)",
    )
    args = parser.parse_args(argv)
    wanted = [s for s in (args.only or SECTIONS) if s not in args.skip]
    runs = args.runs or (3 if args.quick else 5)
    sizes = (
        [int(s) for s in args.sizes.split(",")]
        if args.sizes
        else ([30, 300] if args.quick else [30, 300, 3000])
    )
    size_runs = {
        size: (1 if size >= 3000 else 2 if args.quick or size >= 300 else 3) for size in sizes
    }

    started = datetime.datetime.now(datetime.UTC)
    results: dict = {
        "date": started.strftime("%Y-%m-%d %H:%M UTC"),
        "quick": args.quick,
        "machine_at_start": timing.machine(),
        "versions": report.versions(),
    }
    with tempfile.TemporaryDirectory(prefix="bench-") as tmp:
        work = Path(tmp)
        site = None
        if "overhead" in wanted or "weight" in wanted or "lighthouse" in wanted:
            log("Generator overhead (real site)")
            with _load(results, "overhead") as out:
                if "overhead" in wanted:
                    out.update(overhead(work, runs))
                else:
                    out.update(overhead(work, 1, same_output=False))
            site = Path(results["overhead"].pop("site_dir"))
            if "overhead" not in wanted:  # built once only to serve the pages below
                del results["overhead"]
        if "scaling" in wanted:
            log("Zensical")
            try:
                zensical = zensical_env.ensure(log)
            except Exception as exc:  # report why, and measure the rest
                zensical = None
                results["zensical_error"] = str(exc)
                log(f"  Zensical unavailable: {exc}")
            log("Scaling (synthetic topic pages)")
            with _load(results, "scaling") as out:
                out.update(scaling(work, sizes, size_runs, zensical))
        if "serve" in wanted:
            from bench import serve

            log("Edit to preview (mkdocs serve)")
            with _load(results, "serve") as out:
                out.update(serve.measure_all(work, TOPIC_PAGE, 2 if args.quick else 3, log))
        if site is not None and ("weight" in wanted or "lighthouse" in wanted):
            from bench import weight

            with weight.StaticServer(site) as server:
                if "weight" in wanted:
                    log("Reader weight (first view)")
                    with _load(results, "weight") as out:
                        out.update(weight.measure(server.url, TOPIC_PAGE, site, log))
                if "lighthouse" in wanted:
                    from bench import lighthouse

                    log("Lighthouse (mobile performance)")
                    with _load(results, "lighthouse") as out:
                        out.update(lighthouse.measure(server.url, TOPIC_PAGE, 3, log))
    results["machine_at_end"] = timing.machine()
    results["duration_s"] = round(
        (datetime.datetime.now(datetime.UTC) - started).total_seconds(), 1
    )
    if args.merge and args.output.is_file():
        previous = json.loads(args.output.read_text(encoding="utf-8"))
        previous.setdefault("sections_from", {})
        for key in SECTIONS + ("zensical_error",):
            if key in results:
                if key == "scaling" and "scaling" in previous:  # add sizes measured separately
                    sizes = {**previous["scaling"]["sizes"], **results["scaling"]["sizes"]}
                    results["scaling"] = growth(
                        {**previous["scaling"], **results["scaling"], "sizes": sizes}
                    )
                previous[key] = results[key]
                previous["sections_from"][key] = results["date"]
        results = {**previous, **{k: v for k, v in results.items() if k not in SECTIONS}}
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    log("")
    log(report.table(results))
    log(
        f"\nWrote {args.output.relative_to(ROOT) if args.output.is_relative_to(ROOT) else args.output}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
