"""The Zensical venv (.venv-bench): created on first use from pinned requirements.

Zensical 0.1.x depends on `zensical-ui` for its theme. When that cannot be installed
(it is missing from the package index reachable here), the newest release that ships
its theme inside the wheel is installed instead, and the report says so, with pip's
error, so the figure is never silently from another version.
"""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv-bench"
PRIMARY = ROOT / "bench" / "requirements-zensical.txt"
FALLBACK = ROOT / "bench" / "requirements-zensical-fallback.txt"
STAMP = VENV / "bench-installed.json"


def _digest() -> str:
    return hashlib.sha256(PRIMARY.read_bytes() + FALLBACK.read_bytes()).hexdigest()[:16]


def _pinned(path: Path) -> str:
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("zensical=="):
            return line.split("==", 1)[1].strip()
    raise ValueError(f"{path} pins no zensical version")


def _pip(requirements: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(VENV / "bin" / "pip"), "install", "--quiet", "--disable-pip-version-check"]
        + ["-r", str(requirements)],
        capture_output=True,
        text=True,
        timeout=1800,
    )


def _pip_error(result: subprocess.CompletedProcess) -> str:
    lines = [
        line
        for line in (result.stdout + result.stderr).splitlines()
        if line.startswith("ERROR") or "No matching distribution" in line
    ]
    return " ".join(lines[-2:]) or f"pip exited with {result.returncode}"


def ensure(log=print) -> dict:
    """Install the venv if needed; return {version, requested, executable, note}."""
    if STAMP.is_file():
        info = json.loads(STAMP.read_text(encoding="utf-8"))
        if info.get("digest") == _digest() and Path(info["executable"]).is_file():
            return info
    log(f"  installing Zensical into {VENV.name}/ (first use)")
    if not (VENV / "bin" / "pip").is_file():
        subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
    requested = _pinned(PRIMARY)
    note = ""
    result = _pip(PRIMARY)
    installed = requested
    if result.returncode != 0:
        note = (
            f"zensical=={requested} could not be installed ({_pip_error(result)}); "
            f"measured zensical=={_pinned(FALLBACK)}, the newest release whose wheel ships its theme"
        )
        log(f"  {note}")
        fallback = _pip(FALLBACK)
        if fallback.returncode != 0:
            raise RuntimeError(
                f"Zensical could not be installed: {requested}: {_pip_error(result)}; "
                f"{_pinned(FALLBACK)}: {_pip_error(fallback)}"
            )
        installed = _pinned(FALLBACK)
    info = {
        "version": installed,
        "requested": requested,
        "executable": str(VENV / "bin" / "zensical"),
        "note": note,
        "digest": _digest(),
    }
    STAMP.write_text(json.dumps(info, indent=2), encoding="utf-8")
    return info
