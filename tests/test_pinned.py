"""Every dependency is pinned, hash-checked, and the lockfiles match what they were made from.

The Python lockfiles are compiled from requirements*.in by `make lock` (see MAINTAINERS.md);
these checks catch the mistakes that slip past review: a version changed in a .in file
without `make lock`, a line added to a .txt by hand (no hashes, so pip would refuse the
whole file), an npm package without its integrity hash, an install without
--require-hashes, a CI image pinned to a moving tag.
"""

from __future__ import annotations

import json
import re

import pytest

from tests.conftest import ROOT

LOCKS = {
    "requirements.in": "requirements.txt",
    "requirements-dev.in": "requirements-dev.txt",
    "requirements-linkcheck.in": "requirements-linkcheck.txt",
}
PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;\\]+)")


def normalize(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def direct_pins(path: str) -> dict[str, str]:
    """name -> version for the .in file and the .in files it includes with -r."""
    pins = {}
    for line in (ROOT / path).read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line.startswith("-r "):
            pins.update(direct_pins(line[3:].strip()))
        elif line:
            match = PIN.match(line)
            assert match, f"{path}: {line!r}: pin every direct dependency exactly (name==version)"
            pins[normalize(match[1])] = match[2]
    return pins


def locked(path: str) -> dict[str, list[str]]:
    """name==version -> its hashes, for every requirement in a compiled .txt file."""
    entries: dict[str, list[str]] = {}
    current = None
    for line in (ROOT / path).read_text(encoding="utf-8").splitlines():
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        match = PIN.match(line)
        if match:
            current = f"{normalize(match[1])}=={match[2]}"
            entries[current] = []
        else:
            assert current and stripped.startswith("--hash=sha256:"), (
                f"{path}: {stripped!r} is not a pinned requirement or its hash: "
                "edit the .in file and run `make lock` instead"
            )
        entries[current] += re.findall(r"--hash=sha256:([0-9a-f]{64})", line)
    return entries


@pytest.mark.parametrize("source", LOCKS)
def test_lockfile_is_compiled_from_its_in_file_with_hashes(source):
    lock = LOCKS[source]
    entries = locked(lock)
    assert entries, f"{lock} is empty"
    unhashed = [pin for pin, hashes in entries.items() if not hashes]
    assert not unhashed, f"{lock}: no hash for {unhashed}: run `make lock`"
    stale = {
        f"{name}=={version}"
        for name, version in direct_pins(source).items()
        if f"{name}=={version}" not in entries
    }
    assert not stale, f"{source} pins {sorted(stale)}, but {lock} does not: run `make lock`"


def test_the_makefile_installs_only_with_hashes():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    installs = [line for line in makefile.splitlines() if "pip install" in line]
    assert installs
    for line in installs:
        assert "--require-hashes" in line and " -r requirements" in line, line


@pytest.mark.parametrize("lockfile", ["package-lock.json", "examples/package-lock.json"])
def test_npm_lockfiles_carry_an_integrity_hash_for_every_package(lockfile):
    packages = json.loads((ROOT / lockfile).read_text(encoding="utf-8"))["packages"]
    missing = [
        name
        for name, entry in packages.items()
        if name and not entry.get("link") and not entry.get("integrity", "").startswith("sha")
    ]
    assert not missing, f"{lockfile}: no integrity hash for {missing}: run npm install again"


def test_the_ci_image_is_pinned_to_an_exact_version():
    config = (ROOT / ".gitlab-ci.yml").read_text(encoding="utf-8")
    images = re.findall(r"^\s*image:\s*(\S+)", config, re.M)
    assert images
    for image in images:
        assert re.fullmatch(r"[\w./-]+:\d+\.\d+\.\d+-[a-z]+(@sha256:[0-9a-f]{64})?", image), (
            f".gitlab-ci.yml: image {image} is not an exact version (name:X.Y.Z-variant, "
            "optionally @sha256:digest); see MAINTAINERS.md"
        )
