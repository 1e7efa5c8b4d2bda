"""Timing builds: each build is a fresh subprocess, timed by wall clock and by CPU time.

On a shared machine, wall time includes waiting for a core. Alternating the builds being
compared (A, B, A, B, ...) and taking the median of the per-round ratios cancels most
of that noise; the CPU time of the child processes is reported alongside.
"""

from __future__ import annotations

import os
import resource
import shutil
import statistics
import subprocess
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path


class BuildFailed(RuntimeError):
    pass


@dataclass
class Build:
    """One way to build a project: a command, where to run it, what to clear first."""

    name: str
    command: Sequence[str]
    cwd: Path
    env: dict[str, str]
    clear: Sequence[Path] = ()  # removed before each run (output, caches): every run is cold
    check: Callable[[], None] | None = None  # raises if the output is wrong

    def run(self) -> tuple[float, float]:
        """(wall seconds, CPU seconds of the child processes)."""
        for path in self.clear:
            shutil.rmtree(path, ignore_errors=True)
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        result = subprocess.run(
            list(self.command),
            cwd=self.cwd,
            env=self.env,
            capture_output=True,
            text=True,
            timeout=3600,
        )
        wall = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        if result.returncode != 0:
            tail = "\n".join((result.stdout + result.stderr).strip().splitlines()[-15:])
            raise BuildFailed(f"{self.name}: `{' '.join(self.command)}` failed:\n{tail}")
        if self.check is not None:
            self.check()
        cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        return wall, cpu


@dataclass
class Series:
    wall: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)

    def summary(self) -> dict:
        return {
            "runs": len(self.wall),
            "wall_s": [round(x, 3) for x in self.wall],
            "cpu_s": [round(x, 3) for x in self.cpu],
            "median_wall_s": round(statistics.median(self.wall), 3),
            "median_cpu_s": round(statistics.median(self.cpu), 3),
        }


def alternate(builds: Sequence[Build], runs: int, log: Callable[[str], None]) -> dict[str, Series]:
    """Run the builds in turn, `runs` rounds, rotating which goes first each round."""
    series = {b.name: Series() for b in builds}
    for round_ in range(runs):
        order = list(builds[round_ % len(builds) :]) + list(builds[: round_ % len(builds)])
        for build in order:
            wall, cpu = build.run()
            series[build.name].wall.append(wall)
            series[build.name].cpu.append(cpu)
            log(f"    {build.name}: {wall:.2f} s wall, {cpu:.2f} s CPU (round {round_ + 1}/{runs})")
    return series


def ratio(series: dict[str, Series], num: str, den: str) -> dict:
    """Median of the per-round ratios num/den (wall and CPU)."""
    a, b = series[num], series[den]
    wall = [x / y for x, y in zip(a.wall, b.wall, strict=True)]
    cpu = [x / y for x, y in zip(a.cpu, b.cpu, strict=True)]
    return {
        "wall": round(statistics.median(wall), 3),
        "cpu": round(statistics.median(cpu), 3),
        "per_round_wall": [round(x, 3) for x in wall],
    }


def machine() -> dict:
    """Cores, CPU model and load: the context every figure needs."""
    model = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return {
        "cores": os.cpu_count(),
        "cpu_model": model,
        "load_average": [round(x, 2) for x in os.getloadavg()],
    }
