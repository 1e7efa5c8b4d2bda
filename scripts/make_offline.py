"""Build the offline bundle (mkdocs.offline.yml) and zip it into dist/.

    python scripts/make_offline.py            # dist/offline/ and dist/nodejs-interview-offline.zip

The zip holds one folder, ``nodejs-interview/``, so unzipping never scatters files; a
reader opens ``nodejs-interview/index.html``. Entries are sorted and dated with the build
epoch (SOURCE_DATE_EPOCH or the last commit), so the zip depends on the content only.
Records the zip in dist/manifest.json, so the next site build publishes it.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
import zipfile
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from hooks import exports  # noqa: E402

FOLDER = "nodejs-interview"


def build(site: Path) -> None:
    mkdocs = Path(sys.executable).parent / "mkdocs"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run(
        [str(mkdocs), "build", "--strict", "-f", "mkdocs.offline.yml", "--site-dir", str(site)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        lines = [line for line in result.stderr.splitlines() if not line.startswith("INFO")]
        raise SystemExit("make_offline: the offline build failed:\n" + "\n".join(lines))


def zip_dir(site: Path, out: Path, epoch: int) -> int:
    """Zip site/ into out under FOLDER/; returns the number of files."""
    stamp = datetime.fromtimestamp(max(epoch, 315532800), tz=UTC).timetuple()[:6]
    files = sorted(p for p in site.rglob("*") if p.is_file())
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_suffix(".tmp")
    with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        for path in files:
            info = zipfile.ZipInfo(f"{FOLDER}/{path.relative_to(site).as_posix()}", stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            zf.writestr(info, path.read_bytes())
    tmp.replace(out)
    return len(files)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=ROOT / "dist" / "offline")
    parser.add_argument("--out", type=Path, default=ROOT / "dist" / "nodejs-interview-offline.zip")
    args = parser.parse_args(argv)
    started = time.monotonic()
    build(args.site)
    epoch = exports.build_epoch(ROOT)
    count = zip_dir(args.site, args.out, epoch)
    exports.record(args.out.parent, args.out.name, epoch)
    print(
        f"{args.out}: {exports.human_size(args.out.stat().st_size)}, {count} files, "
        f"{time.monotonic() - started:.0f} s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
