"""The short table `make bench` prints, from the results dictionary, and tool versions."""

from __future__ import annotations

from importlib import metadata


def versions() -> dict:
    out = {}
    for name in (
        "mkdocs",
        "mkdocs-material",
        "mkdocs-macros-plugin",
        "Markdown",
        "pymdown-extensions",
    ):
        try:
            out[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            out[name] = None
    return out


def _mark(ok: bool | None) -> str:
    return "" if ok is None else ("  ok" if ok else "  MISSED")


def _kb(n: int) -> str:
    return f"{n / 1024:.1f} KB"


def table(r: dict) -> str:
    rows: list[tuple[str, str, str]] = []
    m = r["machine_at_start"]
    head = (
        f"{r['date']}  {m['cores']} cores, {m['cpu_model']}, "
        f"load {m['load_average'][0]} -> {r['machine_at_end']['load_average'][0]}"
    )
    if "overhead" in r and r["overhead"]["ours"]["runs"] > 1:
        o = r["overhead"]
        ratio = o["ratio_ours_to_plain"]
        rows.append(
            (
                f"Real site ({o['pages']} pages): ours / plain Material",
                f"{o['ours']['median_wall_s']:.2f} s / {o['plain']['median_wall_s']:.2f} s = "
                f"{ratio['wall']:.2f}x (CPU {ratio['cpu']:.2f}x)",
                f"<= {o['target_ratio']}x{_mark(ratio['wall'] <= o['target_ratio'])}",
            )
        )
        if "ratio_ours_to_plain_same_output" in o:
            same = o["ratio_ours_to_plain_same_output"]
            rows.append(
                (
                    "  vs plain Material of the generator's output",
                    f"{o['ours']['median_wall_s']:.2f} s / {o['plain_same_output']['median_wall_s']:.2f} s = "
                    f"{same['wall']:.2f}x (CPU {same['cpu']:.2f}x)",
                    "",
                )
            )
    if "scaling" in r:
        s = r["scaling"]
        for size, e in s["sizes"].items():
            cells = [
                f"ours {e['ours']['median_wall_s']:.1f} s ({e['ours']['ms_per_page_wall']:.0f} ms/page)"
            ]
            cells.append(
                f"plain {e['plain']['median_wall_s']:.1f} s ({e['plain']['ms_per_page_wall']:.0f})"
            )
            if "zensical" in e:
                cells.append(
                    f"Zensical {e['zensical']['median_wall_s']:.1f} s ({e['zensical']['ms_per_page_wall']:.0f})"
                )
            rows.append((f"{size} topics ({e['pages']} pages)", ", ".join(cells), ""))
        g = s["per_page_growth"]
        rows.append(
            (
                f"Per-page cost growth {g['from']} -> {g['to']} topics",
                f"ours {g['ours']['wall']:+.0%} wall, {g['ours']['cpu']:+.0%} CPU; "
                f"plain {g['plain']['wall']:+.0%} wall"
                + (f"; Zensical {g['zensical']['wall']:+.0%} wall" if "zensical" in g else ""),
                "includes start-up: see the marginal cost",
            )
        )
        for name, m in s.get("marginal_cost", {}).items():
            steps = "; ".join(
                f"{x['from']}->{x['to']}: {x['ms_per_page_wall']:.0f} ms wall, {x['ms_per_page_cpu']:.0f} ms CPU"
                for x in m["steps"]
            )
            target = ""
            if name == "ours" and "growth_cpu" in m:
                target = (
                    f"growth {m['growth_wall']:+.0%} wall, {m['growth_cpu']:+.0%} CPU; "
                    f"within ±{s['target_growth']:.0%}"
                )
                target += _mark(
                    max(abs(m["growth_cpu"]), abs(m["growth_wall"])) <= s["target_growth"]
                )
            rows.append((f"  marginal cost of a page, {name}", steps, target))
        last = s["sizes"][str(g["to"])]
        if "ratio_ours_to_zensical" in last:
            z = last["ratio_ours_to_zensical"]["wall"]
            version = s.get("zensical", {}).get("version", "?")
            rows.append(
                (
                    f"{g['to']} topics: ours / Zensical {version} (cold)",
                    f"{z:.2f}x",
                    f"<= {s['target_ratio_ours_to_zensical']}x{_mark(z <= s['target_ratio_ours_to_zensical'])}",
                )
            )
    if "zensical_error" in r:
        rows.append(("Zensical", "not measured: " + r["zensical_error"], ""))
    if "serve" in r:
        for mode, e in r["serve"]["modes"].items():
            rows.append(
                (
                    f"Edit to preview, `mkdocs serve{' ' + mode if mode != 'full' else ''}`",
                    f"page {e['page_edit_s']:.2f} s; front matter -> topic {e['front_matter_topic_s']:.2f} s, "
                    f"readiness {e['front_matter_readiness_s']:.2f} s, home {e['front_matter_home_s']:.2f} s",
                    f"<= 1 s{_mark(e['worst_s'] <= 1.0)}",
                )
            )
    if "weight" in r:
        w = r["weight"]
        for name, e in w["pages"].items():
            rows.append(
                (
                    f"First view, {name}",
                    f"{_kb(e['bytes'])} raw, {_kb(e['gzip_bytes'])} gzip, {e['requests']} requests, "
                    f"{e['third_party_requests']} third-party",
                    "<= 120 KB gzip, 0 third-party"
                    + _mark(e["gzip_bytes"] <= 120 * 1024 and e["third_party_requests"] == 0)
                    if name == "topic"
                    else "",
                )
            )
        rows.append(
            (
                "Search index",
                f"{_kb(w['search_index_bytes'])} raw, {_kb(w['search_index_gzip_bytes'])} gzip",
                "",
            )
        )
    if "lighthouse" in r:
        for name, e in r["lighthouse"]["pages"].items():
            rows.append(
                (
                    f"Lighthouse mobile performance, {name}",
                    f"{e['median']} (runs {', '.join(str(x) for x in e['scores'])})",
                    f">= 98{_mark(e['median'] >= 98)}",
                )
            )
    width = max(len(a) for a, _, _ in rows) if rows else 0
    lines = [head, ""]
    for a, b, c in rows:
        lines.append(f"{a:<{width}}  {b}" + (f"   [{c}]" if c else ""))
    return "\n".join(lines)
