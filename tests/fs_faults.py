"""Running the CLI against real file-system faults: read-only folders and a full disk.

A read-only folder is a read-only bind mount and a full disk a tiny tmpfs, both in a
private mount namespace (``unshare -rm``: no root needed where user namespaces are
allowed, and root cannot write through a read-only mount either). Where that is not
available, a read-only folder falls back to permission bits (non-root only), and tests
that need a full disk are skipped.
"""

from __future__ import annotations

import functools
import os
import shlex
import shutil
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
_CLI = "import sys; from stuurploeg.cli import main; sys.exit(main(sys.argv[1:]))"


@functools.cache
def namespaces_available() -> bool:
    if os.name != "posix" or shutil.which("unshare") is None:
        return False
    try:
        return subprocess.run(["unshare", "-rm", "true"], capture_output=True,
                              timeout=30).returncode == 0
    except (OSError, subprocess.SubprocessError):
        return False


def run_cli(argv: Sequence[str], *, readonly: Sequence[Path] = (), full: Path | None = None,
            full_size: str = "4k", env: dict[str, str] | None = None,
            timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """``stuurploeg *argv`` in a child process, with ``readonly`` folders read-only and
    ``full`` a folder on a (nearly) full disk of ``full_size``."""
    child_env = {**os.environ, "PYTHONPATH": str(ROOT), **(env or {})}
    command = [sys.executable, "-c", _CLI, *map(str, argv)]
    if not readonly and full is None:
        return subprocess.run(command, capture_output=True, text=True, env=child_env,
                              timeout=timeout)
    if namespaces_available():
        setup = [f"mount --bind {shlex.quote(str(d))} {shlex.quote(str(d))} && "
                 f"mount -o remount,bind,ro {shlex.quote(str(d))} {shlex.quote(str(d))}"
                 for d in readonly]
        if full is not None:
            setup.append(f"mount -t tmpfs -o size={full_size} tmpfs {shlex.quote(str(full))}")
        script = " && ".join([*setup, 'exec "$@"'])
        return subprocess.run(["unshare", "-rm", "sh", "-c", script, "sh", *command],
                              capture_output=True, text=True, env=child_env, timeout=timeout)
    if full is not None or os.geteuid() == 0:
        pytest.skip("needs mount namespaces (unshare -rm) for this file-system fault")
    modes = {}
    try:
        for d in readonly:
            for p in [d, *d.rglob("*")]:
                modes[p] = p.stat().st_mode
                p.chmod(modes[p] & ~0o222)
        return subprocess.run(command, capture_output=True, text=True, env=child_env,
                              timeout=timeout)
    finally:
        for p, mode in modes.items():
            p.chmod(mode)
