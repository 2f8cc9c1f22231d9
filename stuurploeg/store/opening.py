"""Opening, creating and restoring a workspace file: lock, checks, backup, migration.

Every function returns a :class:`~stuurploeg.store.workspace.Workspace` (or a path) and
raises :class:`~stuurploeg.store.errors.StoreError` subclasses whose ``str()`` is the Dutch
message to show.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from datetime import datetime
from pathlib import Path

from stuurploeg.store import backups as backups_mod
from stuurploeg.store import decisions_repo, schema
from stuurploeg.store.connection import connect, enable_wal, looks_like_sqlite
from stuurploeg.store.errors import CorruptError, NotAWorkspace, StoreError, WorkspaceDamaged
from stuurploeg.store.evidence import (
    TRIGGERS_RESTORED,
    LogEvidence,
    collect,
    duplicate_warning,
    record_event,
    remember_head,
)
from stuurploeg.store.integrity import integrity_problems
from stuurploeg.store.location import location_warnings
from stuurploeg.store.lock import WorkspaceLock
from stuurploeg.store.workspace import Workspace, now

SUFFIX = ".stuurploeg"


def open_workspace(
    path: Path | str,
    *,
    readonly: bool = False,
    keep_backups: int = backups_mod.DEFAULT_KEEP,
    defer_backup: bool = False,
) -> Workspace:
    """Open an existing workspace: lock, check, back up, migrate.

    ``readonly`` takes no lock and makes no backup (``verify``, ``export`` beside a running
    app). ``defer_backup``: the backup made at every opening is left for
    :meth:`Workspace.make_due_backup` (the app makes it in a worker once the ranking is on
    screen); the workspace makes it itself before its first change is written, or when
    it is closed. The integrity check, a migration's backup and a backup before triggers
    are put back are never deferred. Raises :class:`StoreError` subclasses with a Dutch
    message.
    """
    path = Path(path)
    if not path.is_file():
        raise StoreError(
            f"De werkruimte {path} bestaat niet. Controleer de naam, of maak een nieuwe "
            "werkruimte (bijvoorbeeld met 'stuurploeg import')."
        )
    if not looks_like_sqlite(path):
        raise NotAWorkspace(
            f"{path.name} is geen Stuurploeg-werkruimte (geen SQLite-bestand). Kies een "
            "bestand dat eindigt op .stuurploeg."
        )
    lock = None if readonly else WorkspaceLock(path)
    if lock is not None:
        lock.acquire()
    conn = None
    try:
        # Check through a read-only connection: a damaged file must stay byte-identical.
        try:
            conn = connect(path, readonly=True)
        except CorruptError as exc:
            found = str(exc.__cause__ or exc)  # SQLite's own finding, not our wrapper text
            raise WorkspaceDamaged(path, [found], backups_mod.list_backups(path)) from exc
        try:
            schema.check_is_workspace(conn, path.name)
        except sqlite3.DatabaseError as exc:
            raise WorkspaceDamaged(path, [str(exc)], backups_mod.list_backups(path)) from exc
        problems = integrity_problems(conn)
        if problems:
            raise WorkspaceDamaged(path, problems, backups_mod.list_backups(path))
        if not readonly:
            conn.close()
            conn = None
            conn = connect(path)
        backup = None
        due = None  # the reason of a backup left for later (``defer_backup``)
        if readonly:
            if schema.schema_version(conn) != schema.SCHEMA_VERSION:
                raise StoreError(
                    f"De werkruimte {path.name} is van een oudere versie. Open haar eerst "
                    "gewoon in Stuurploeg (dan wordt ze bijgewerkt) en probeer het opnieuw."
                )
        else:
            backups_mod.remove_partials(path)
            enable_wal(conn, path.name)
            if schema.schema_version(conn) < schema.SCHEMA_VERSION:
                backup = backups_mod.make_backup(
                    conn, path, backups_mod.PRE_MIGRATION, keep_backups)
                schema.migrate(conn)
            elif chain_finding(conn, path) is None:
                # Putting missing triggers back below writes: the copy comes before that.
                if defer_backup and not schema.missing_triggers(conn):
                    due = "geopend"
                else:
                    backup = backups_mod.make_backup(conn, path, "geopend", keep_backups)
            # else: a copy of a tampered log would push the good copies out of the rotation.
        chain = _trigger_warnings(conn, path.name, restore=not readonly)
        found = collect(conn, path=path)
        chain += _chain_warnings(found, path.name)
        if not readonly and found.ok:
            # A log that verifies moves the head this computer remembers forward.
            kept = remember_head(conn, path.name, now())
            if kept:
                chain.append(kept)
        if chain and not readonly and backup is None and due is None:
            chain.append(
                "Daarom is bij het openen geen reservekopie gemaakt: de bestaande "
                "reservekopieën blijven zo bewaard."
            )
        warnings = location_warnings(path) + chain
        doubles = duplicate_warning(decisions_repo.list_decisions(conn), path.name)
        if doubles:
            warnings.append(doubles)
        return Workspace(path, conn, lock, warnings=warnings, backup=backup, readonly=readonly,
                         backup_due=due, keep_backups=keep_backups)
    except BaseException:
        if conn is not None:
            conn.close()
        if lock is not None:
            lock.release()
        raise


def create_workspace(path: Path | str, *, staged: bool = False) -> Workspace:
    """Create a new, empty workspace at ``path`` (which must not exist) and open it.

    ``staged``: the new workspace stays under a temporary name beside ``path`` until its
    first commit, and is moved to ``path`` then (a first import: killed before it
    committed, it leaves no empty workspace under the real name). Closing it before any
    commit removes it.
    """
    path = Path(path)
    if path.exists():
        raise StoreError(f"{path.name} bestaat al; kies een andere naam of open het bestand.")
    if not path.parent.is_dir():
        raise StoreError(f"De map {path.parent} bestaat niet. Kies een bestaande map.")
    lock = WorkspaceLock(path)
    lock.acquire()
    building = staging_path(path)
    try:
        _remove_with_side_files(building)  # left by a process killed while creating
        conn = connect(building)
        try:
            schema.initialise(conn)
        finally:
            conn.close()
        if staged:
            conn = connect(building)
            enable_wal(conn, path.name)
            return Workspace(path, conn, lock, warnings=location_warnings(path),
                             staged=building)
        if path.exists():  # pragma: no cover - only if someone ignored our lock
            raise StoreError(f"{path.name} bestaat al; er wordt niets overschreven.")
        # Built under another name and moved into place: a crash never leaves a
        # half-made workspace under the real name.
        os.replace(building, path)
        conn = connect(path)
        enable_wal(conn, path.name)
    except BaseException:
        _remove_with_side_files(building)
        lock.release()
        raise
    return Workspace(path, conn, lock, warnings=location_warnings(path))


def staging_path(path: Path) -> Path:
    return path.with_name(path.name + ".nieuw")


def publish_staged(conn: sqlite3.Connection, staged: Path, path: Path) -> sqlite3.Connection:
    """Move a staged workspace (first commit done) to ``path`` and return a connection to
    it there. The file is closed cleanly first: SQLite names its -wal after the file."""
    with contextlib.suppress(sqlite3.Error):
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.execute("PRAGMA journal_mode = DELETE").fetchone()
    conn.close()
    if path.exists():  # pragma: no cover - only if someone ignored our lock
        raise StoreError(f"{path.name} bestaat al; de nieuwe werkruimte staat in {staged.name}.")
    os.replace(staged, path)
    _remove_with_side_files(staged)
    conn = connect(path)
    enable_wal(conn, path.name)
    return conn


def _remove_with_side_files(path: Path) -> None:
    for extra in ("", "-wal", "-shm", "-journal"):
        with contextlib.suppress(OSError):
            os.unlink(f"{path}{extra}")


def open_or_create_workspace(path: Path | str, *, staged: bool = False
                             ) -> tuple[Workspace, bool]:
    """Open ``path``, or create it when it does not exist; returns (workspace, created).
    ``staged``: see :func:`create_workspace`."""
    path = Path(path)
    if path.exists():
        return open_workspace(path), False
    return create_workspace(path, staged=staged), True


def list_backups(path: Path | str) -> list[Path]:
    """The complete backups of the workspace at ``path``, oldest first (it need not open)."""
    return backups_mod.list_backups(Path(path))


def restore_backup(path: Path | str, backup: Path | str) -> Path:
    """Put ``backup`` in place of the workspace at ``path``.

    The current file (damaged or not) is never overwritten: it is renamed to
    ``<name>.beschadigd-<time>.stuurploeg`` and that name is returned.
    """
    path, backup = Path(path), Path(backup)
    lock = WorkspaceLock(path)
    lock.acquire()
    try:
        conn = connect(backup, readonly=True)
        try:
            schema.check_is_workspace(conn, backup.name)
            problems = integrity_problems(conn)
        except sqlite3.DatabaseError as exc:
            problems = [str(exc)]
        finally:
            conn.close()
        if problems:
            raise StoreError(
                f"De reservekopie {backup.name} is zelf niet in orde ({problems[0]}). "
                "Kies een andere reservekopie."
            )
        kept = _free_kept_name(path)
        if path.exists():
            os.replace(path, kept)
            for extra in ("-wal", "-shm"):
                side = Path(str(path) + extra)
                if side.exists():
                    os.replace(side, Path(str(kept) + extra))
        backups_mod.copy_database(backup, path)
        # Deliberately put back: its head is now the one this computer expects.
        restored = connect(path, readonly=True)
        try:
            remember_head(restored, path.name, now(), restored=True)
        finally:
            restored.close()
        return kept
    finally:
        lock.release()


def _free_kept_name(path: Path) -> Path:
    """A ``.beschadigd-`` name that no file (nor its -wal/-shm) has yet: restoring twice in
    one second must never put one kept original over another (we hold the lock)."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    for n in range(10_000):
        suffix = f"-{n}" if n else ""
        kept = path.with_name(f"{path.stem}.beschadigd-{stamp}{suffix}{path.suffix}")
        if not any(Path(str(kept) + extra).exists() for extra in ("", "-wal", "-shm")):
            return kept
    raise StoreError(  # pragma: no cover - ten thousand kept copies in one microsecond
        f"Kon geen vrije naam vinden om {path.name} te bewaren; ruim oude "
        "'.beschadigd-'-bestanden op in die map."
    )


def chain_finding(conn: sqlite3.Connection, path: Path | None = None) -> str | None:
    """The first thing wrong with the decision log (Dutch), or None when it verifies."""
    return collect(conn, path=path).chain_problem


def _trigger_warnings(conn: sqlite3.Connection, name: str, restore: bool) -> list[str]:
    """The triggers are what keep final entries final; a file without them was changed
    outside the app. Opening for writing puts them back and records in the file that they
    were missing, so ``verify`` keeps reporting it."""
    missing = schema.missing_triggers(conn)
    if not missing:
        return []
    if restore:
        schema.restore_triggers(conn, missing, lambda c: record_event(
            c, TRIGGERS_RESTORED, ", ".join(missing), now()))
    done = ("Ze zijn nu hersteld; dat is in de werkruimte vastgelegd en 'stuurploeg verify' "
            "meldt het voortaan. " if restore else "")
    return [
        f"In {name} ontbraken {len(missing)} regel(s) die het besluitenlog beschermen "
        f"({', '.join(missing)}): het bestand is buiten Stuurploeg gewijzigd. {done}"
        "Controleer het besluitenlog met 'stuurploeg verify' en meld dit bij de functioneel "
        "beheerder."
    ]


def _chain_warnings(found: LogEvidence, name: str) -> list[str]:
    """Opening also recomputes the decision log's hash chain, so that a log changed outside
    the app is noticed the moment the workspace is opened, not only by ``verify``."""
    problems = [p for p in found.problems if p != found.missing_text]  # said just above
    if not problems:
        return []
    return [
        f"Het besluitenlog van {name} klopt niet meer: {' '.join(_sentence(p) for p in problems)}"
        " Het bestand is buiten Stuurploeg gewijzigd. Vergelijk met een eerdere export of "
        "reservekopie en meld dit bij de functioneel beheerder."
    ]


def _sentence(text: str) -> str:
    return text if text.endswith(".") else text + "."
