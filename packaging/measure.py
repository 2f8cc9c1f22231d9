"""`make package-measure`: what each exclusion group of packaging/trim.py saves.

Builds the bundle once with every group (the release build), once with none, and once
with each group switched off in turn (STUURPLOEG_PACKAGE_KEEP=<group>): a group's saving
is how much bigger the bundle gets without it. Prints a Markdown table for
packaging/README.md. Builds go to build/measure/ and dist/measure/ (removed afterwards);
expect about a minute per build.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
import report  # noqa: E402
import trim  # noqa: E402


def build(keep: str) -> tuple[int, float]:
    label = keep or "release"
    dist, work = ROOT / "dist" / "measure" / label, ROOT / "build" / "measure" / label
    env = {**os.environ, "STUURPLOEG_PACKAGE_KEEP": keep}
    start = time.monotonic()
    subprocess.run(
        [str(Path(sys.executable).with_name("pyinstaller")), "--noconfirm", "--log-level",
         "ERROR", "--distpath", str(dist), "--workpath", str(work),
         str(HERE / "stuurploeg.spec")],
        check=True, env=env, cwd=ROOT, stdout=subprocess.DEVNULL,
    )
    took = time.monotonic() - start
    size = report.bundle_size(dist / "stuurploeg")
    shutil.rmtree(dist, ignore_errors=True)
    shutil.rmtree(work, ignore_errors=True)
    print(f"  {label:>18}: {report.mib(size):>10} ({took:.0f} s)", flush=True)
    return size, took


def main() -> int:
    print("Building (each group switched off in turn):", flush=True)
    release, _ = build("")
    untrimmed, _ = build("all")
    rows = []
    for group in trim.GROUPS:
        without, _ = build(group.name)
        rows.append((group, without - release))
    print()
    print("| Left out | Saves |")
    print("|---|---:|")
    for group, saved in rows:
        print(f"| `{group.name}`: {group.what} | {report.mib(saved)} |")
    print(f"| **all groups together** (untrimmed {report.mib(untrimmed)} → release "
          f"{report.mib(release)}) | **{report.mib(untrimmed - release)}** |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
