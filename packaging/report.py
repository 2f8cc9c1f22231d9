"""Bundle facts for `make package`: its size, what takes the room, and a clean build venv.

    python packaging/report.py size dist/stuurploeg     the size and the largest parts
    python packaging/report.py check-env                 this venv holds no dev packages

Sizes count regular files once (the bundle's symlinks point inside it), in MiB.
"""

from __future__ import annotations

import subprocess
import sys
from collections import Counter
from importlib import metadata
from pathlib import Path

MIB = 1024 * 1024
# Distributions that must never be in the build venv, hence never in the bundle: the test,
# lint and benchmark tools of pyproject.toml's dev extra.
DEV_DISTRIBUTIONS = frozenset({
    "pytest", "pytest-qt", "pytest-timeout", "hypothesis", "ruff", "import-linter", "grimp",
    "scipy", "iniconfig", "pluggy", "sortedcontainers", "rich", "click",
})
# Top-level packages of those (and a few other heavy ones) that no module in the bundle's
# archive may belong to.
DEV_PACKAGES = frozenset({
    "pytest", "_pytest", "pytestqt", "pytest_timeout", "hypothesis", "ruff", "importlinter",
    "grimp", "scipy", "matplotlib", "IPython", "tkinter", "PyInstaller",
})


def files(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.is_file() and not p.is_symlink()]


def bundle_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in files(folder))


def parts(folder: Path, depth: int = 2) -> Counter[str]:
    """Bytes per part: the first ``depth`` folders below ``_internal``; big files by name."""
    sizes: Counter[str] = Counter()
    for p in files(folder):
        rel = p.relative_to(folder).parts
        inside = rel[1:] if rel[0] == "_internal" else rel
        size = p.stat().st_size
        key = "/".join(inside[:-1][:depth]) or (inside[-1] if size >= MIB else "(small files)")
        sizes[key] += size
    return sizes


def mib(n: int) -> str:
    return f"{n / MIB:.1f} MiB"


def print_size(folder: Path, top: int = 12) -> int:
    total = bundle_size(folder)
    print(f"Bundle {folder}: {mib(total)} ({total:,} bytes, {len(files(folder))} files)")
    for name, size in parts(folder).most_common(top):
        print(f"  {mib(size):>10}  {name}")
    return total


def archive_modules(program: Path) -> list[str]:
    """The module names in a PyInstaller program's embedded archive (needs PyInstaller)."""
    from PyInstaller.archive.readers import pkg_archive_contents

    return pkg_archive_contents(str(program))


def dev_modules_in(program: Path) -> list[str]:
    return sorted(m for m in archive_modules(program) if m.split(".")[0] in DEV_PACKAGES)


def check_env() -> int:
    """Exit 1 when this interpreter's environment holds a dev distribution or is broken."""
    present = {(d.metadata["Name"] or "").lower() for d in metadata.distributions()}
    dev = sorted(present & DEV_DISTRIBUTIONS)
    if dev:
        print(f"The package venv holds development packages: {', '.join(dev)}. "
              "Remove it (make clean) and run make package again.", file=sys.stderr)
        return 1
    done = subprocess.run([sys.executable, "-m", "pip", "check"], capture_output=True,
                          text=True, check=False)
    if done.returncode != 0:
        print(f"pip check failed in the package venv:\n{done.stdout}{done.stderr}",
              file=sys.stderr)
        return 1
    print(f"Package venv: {len(present)} distributions, no development packages, "
          "pip check clean.")
    return 0


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if args[:1] == ["size"] and len(args) == 2:
        print_size(Path(args[1]))
        return 0
    if args == ["check-env"]:
        return check_env()
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main())
