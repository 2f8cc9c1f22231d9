"""Rolling backups made with SQLite's online backup API, in a folder beside the workspace.

A file copy of a WAL database can miss committed pages still in the -wal file; the backup
API copies a consistent snapshot. A backup is first written under a temporary name and
renamed when complete, so a crash never leaves a half backup that looks whole.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from datetime import datetime
from pathlib import Path

from stuurploeg.store.errors import StoreError, translate

DEFAULT_KEEP = 10
_PARTIAL = ".partial"


def backup_dir(workspace: Path) -> Path:
    """Named after the full file name: ``regio`` and ``regio.stuurploeg`` in one folder
    must not share (and prune) each other's backups."""
    return workspace.with_name(workspace.name + "-backups")


def legacy_backup_dir(workspace: Path) -> Path:
    """Where versions before this one kept the backups (named after the stem); still read,
    never written or pruned, so no old backup is lost."""
    return workspace.with_name(workspace.stem + ".backups")


def list_backups(workspace: Path) -> list[Path]:
    """Complete backups, oldest first (the names start with the time they were made)."""
    found: list[Path] = []
    for folder in (legacy_backup_dir(workspace), backup_dir(workspace)):
        if folder.is_dir():
            found += [p for p in folder.glob(f"{workspace.stem}-*.stuurploeg") if p.is_file()]
    return sorted(found, key=lambda p: p.name)


def make_backup(
    conn: sqlite3.Connection, workspace: Path, reason: str, keep: int = DEFAULT_KEEP
) -> Path:
    """Back ``conn``'s database up beside ``workspace``; keeps the newest ``keep``."""
    folder = backup_dir(workspace)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    target = folder / f"{workspace.stem}-{stamp}-{reason}.stuurploeg"
    partial = target.with_name(target.name + _PARTIAL)
    try:
        folder.mkdir(exist_ok=True)
        dest = sqlite3.connect(str(partial))
        try:
            conn.backup(dest)
            dest.execute("PRAGMA journal_mode = DELETE")
        finally:
            dest.close()
        _fsync(partial)
        os.replace(partial, target)
    except sqlite3.Error as exc:
        _remove(partial)
        raise translate(exc, "Maken van een reservekopie") from exc
    except OSError as exc:
        _remove(partial)
        raise StoreError(
            f"Kon geen reservekopie maken in {folder}: {exc.strerror or exc}. Controleer of "
            "er ruimte is op de schijf en of u in deze map mag schrijven."
        ) from exc
    prune(workspace, keep)
    return target


PRE_MIGRATION = "voor-bijwerken"


def prune(workspace: Path, keep: int = DEFAULT_KEEP) -> None:
    """Keep the newest ``keep`` rolling backups. Backups made before a migration are not in
    the rotation: they are the only copy an older Stuurploeg can still open."""
    backups = [p for p in list_backups(workspace)
               if p.parent == backup_dir(workspace)
               and not p.name.endswith(f"-{PRE_MIGRATION}.stuurploeg")]
    for old in backups[: max(len(backups) - keep, 0)]:
        _remove(old)


def remove_partials(workspace: Path) -> None:
    """Leftovers of a backup interrupted by a crash (call only while holding the lock)."""
    folder = backup_dir(workspace)
    if folder.is_dir():
        for p in folder.glob(f"*{_PARTIAL}*"):
            _remove(p)


def copy_database(source: Path, target: Path) -> None:
    """Copy a SQLite file with the backup API into a new ``target`` (must not exist)."""
    if target.exists():
        raise StoreError(f"{target.name} bestaat al; er wordt niets overschreven.")
    src = sqlite3.connect(f"{source.resolve().as_uri()}?mode=ro", uri=True)
    try:
        dest = sqlite3.connect(str(target))
        try:
            src.backup(dest)
        finally:
            dest.close()
    finally:
        src.close()
    _fsync(target)


def _fsync(path: Path) -> None:
    with open(path, "rb+") as fh:
        os.fsync(fh.fileno())


def _remove(path: Path) -> None:
    with contextlib.suppress(OSError):
        path.unlink()
