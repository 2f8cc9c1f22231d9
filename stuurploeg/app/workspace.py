"""Opening, creating and importing into a workspace: the use cases the GUI and CLI share.

A :class:`Workspace` is an open ``*.stuurploeg`` file. While it is open this process holds
its lock; every method that changes something commits at once (there is no save step).
Decisions have their own use cases in :mod:`stuurploeg.app.decisions`.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import sqlite3
import threading
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from stuurploeg.domain.decisions import Decision, verify_chain
from stuurploeg.domain.model import CapacityData, Case
from stuurploeg.store import backups as backups_mod
from stuurploeg.store import cases_repo, decisions_repo, planning_repo, schema
from stuurploeg.store.cases_repo import FieldChange, ImportRecord, ImportSource, MergeReport
from stuurploeg.store.connection import connect, enable_wal, looks_like_sqlite, write_transaction
from stuurploeg.store.decisions_repo import Meeting
from stuurploeg.store.errors import (
    CorruptError,
    NotAWorkspace,
    StoreError,
    WorkspaceDamaged,
    WorkspaceLocked,
)
from stuurploeg.store.integrity import integrity_problems
from stuurploeg.store.location import location_warnings
from stuurploeg.store.lock import WorkspaceLock
from stuurploeg.store.planning_repo import (
    OverrideRecord,
    PlanRecord,
    ProfileRecord,
    ScenarioRecord,
)

SUFFIX = ".stuurploeg"

__all__ = [
    "SUFFIX",
    "FieldChange",
    "ImportRecord",
    "ImportResult",
    "ImportSource",
    "MergeReport",
    "NotAWorkspace",
    "StoreError",
    "Workspace",
    "WorkspaceDamaged",
    "WorkspaceLocked",
    "create_workspace",
    "file_sha256",
    "open_or_create_workspace",
    "open_workspace",
    "restore_backup",
]


def now() -> datetime:
    """Local time with its UTC offset: what the log records."""
    return datetime.now().astimezone()


@dataclass
class ImportResult:
    """What an import changed: one report per kind imported."""

    cases: MergeReport | None = None
    capacity: MergeReport | None = None
    warnings: list[str] = field(default_factory=list)


class Workspace:
    """An open workspace. Use :func:`open_workspace` / :func:`create_workspace`.

    Thread-safe in the simple way: one call at a time (an internal lock), so a GUI worker
    may export while the window stays responsive.
    """

    def __init__(
        self,
        path: Path,
        conn: sqlite3.Connection,
        lock: WorkspaceLock | None,
        *,
        warnings: Sequence[str] = (),
        backup: Path | None = None,
        readonly: bool = False,
    ) -> None:
        self.path = path
        self._conn: sqlite3.Connection | None = conn
        self._lock = lock
        self._mutex = threading.RLock()
        self.warnings: list[str] = list(warnings)  # Dutch, for the user (location etc.)
        self.last_backup = backup
        self.readonly = readonly

    # -- life cycle -------------------------------------------------------------------
    def close(self) -> None:
        with self._mutex:
            conn, self._conn = self._conn, None
            if conn is not None:
                with contextlib.suppress(sqlite3.Error):
                    if not self.readonly:
                        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
                conn.close()
            if self._lock is not None:
                self._lock.release()

    def discard(self) -> None:
        """Close and delete a workspace that was just created and holds nothing the user
        made (a first import that failed): still under the lock, so nobody opened it."""
        with self._mutex:
            conn, self._conn = self._conn, None
            if conn is not None:
                conn.close()
            try:
                for extra in ("", "-wal", "-shm", "-journal"):
                    with contextlib.suppress(FileNotFoundError):
                        os.unlink(str(self.path) + extra)
            finally:
                if self._lock is not None:
                    self._lock.release()

    @property
    def closed(self) -> bool:
        return self._conn is None

    def __enter__(self) -> Workspace:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def conn(self) -> sqlite3.Connection:
        """The connection, for the app layer's own use cases (not for the GUI)."""
        if self._conn is None:
            raise StoreError(f"De werkruimte {self.path.name} is gesloten. Open haar opnieuw.")
        return self._conn

    @contextmanager
    def reading(self) -> Iterator[sqlite3.Connection]:
        with self._mutex:
            yield self.conn

    @contextmanager
    def consistent_read(self) -> Iterator[None]:
        """All reads inside see one snapshot (e.g. an export while the GUI records a
        decision in another thread); writes wait until it ends."""
        with self._mutex:
            conn = self.conn
            conn.execute("BEGIN")
            try:
                yield
            finally:
                with contextlib.suppress(sqlite3.Error):
                    conn.execute("COMMIT")

    @contextmanager
    def writing(self, what: str) -> Iterator[sqlite3.Connection]:
        """One ``BEGIN IMMEDIATE`` transaction; ``what`` names the change (Dutch)."""
        if self.readonly:
            raise StoreError(
                f"{what} kan niet: de werkruimte {self.path.name} is alleen-lezen geopend."
            )
        with self._mutex, write_transaction(self.conn, what) as conn:
            yield conn

    # -- cases, teams, imports --------------------------------------------------------
    def cases(self, *, include_gone: bool = False) -> list[Case]:
        """Cases in case-list order; ``include_gone`` adds those missing from the last import."""
        with self.reading() as c:
            return cases_repo.load_cases(c, include_gone=include_gone)

    def case(self, case_id: str) -> Case | None:
        with self.reading() as c:
            return cases_repo.load_case(c, case_id)

    def gone_case_ids(self) -> list[str]:
        with self.reading() as c:
            return cases_repo.gone_case_ids(c)

    def capacity(self) -> CapacityData:
        with self.reading() as c:
            return cases_repo.load_capacity(c)

    def imports(self) -> list[ImportRecord]:
        with self.reading() as c:
            return cases_repo.list_imports(c)

    def merge(
        self,
        *,
        cases: Sequence[Case] | None = None,
        cases_source: ImportSource | None = None,
        capacity: CapacityData | None = None,
        capacity_source: ImportSource | None = None,
        cases_incomplete: bool = False,
    ) -> ImportResult:
        """Merge a case list and/or capacity into the workspace in one transaction.

        ``cases_incomplete``: rows of the case list were skipped, so no case is marked gone.
        """
        result = ImportResult()
        with self.writing("Importeren") as c:
            t = now()
            if cases is not None:
                if cases_source is None:
                    raise ValueError("cases_source is required with cases")
                result.cases = cases_repo.merge_cases(
                    c, cases, cases_source, t, keep_absent=cases_incomplete)
            if capacity is not None:
                if capacity_source is None:
                    raise ValueError("capacity_source is required with capacity")
                result.capacity = cases_repo.merge_capacity(c, capacity, capacity_source, t)
        return result

    # -- profiles, overrides, scenarios, plans ----------------------------------------
    def profiles(self) -> list[ProfileRecord]:
        with self.reading() as c:
            return planning_repo.list_profiles(c)

    def profile(self, name: str, version: int | None = None) -> ProfileRecord | None:
        with self.reading() as c:
            return planning_repo.load_profile(c, name, version)

    def save_profile(self, name: str, weights: Mapping[str, float]) -> ProfileRecord:
        """Saves a new version when the weights differ from the latest one."""
        if not name.strip():
            raise StoreError("Geef het wegingsprofiel een naam.")
        if any(w < 0 for w in weights.values()) or not any(w > 0 for w in weights.values()):
            raise StoreError("Gewichten moeten 0 of groter zijn, en minstens één groter dan 0.")
        with self.writing(f"Opslaan van wegingsprofiel {name}") as c:
            return planning_repo.save_profile(c, name.strip(), dict(weights), now())

    def overrides(self) -> list[OverrideRecord]:
        with self.reading() as c:
            return planning_repo.list_overrides(c)

    def override_history(self) -> list[OverrideRecord]:
        with self.reading() as c:
            return planning_repo.override_history(c)

    def set_override(
        self, case_id: str, position: int, motivation: str, by: str | None = None
    ) -> None:
        """Move a case to ``position`` (1-based) in the ranking; needs a motivation."""
        if not motivation.strip():
            raise StoreError("Een andere plaats in de ranglijst vraagt een motivering.")
        if position < 1:
            raise StoreError("De plaats in de ranglijst moet 1 of hoger zijn.")
        if self.case(case_id) is None:
            raise StoreError(f"Zaak {case_id} staat niet in de werkruimte.")
        with self.writing(f"Verplaatsen van zaak {case_id}") as c:
            planning_repo.set_override(
                c, OverrideRecord(case_id, position, motivation.strip(), by), now()
            )

    def remove_override(self, case_id: str, motivation: str = "", by: str | None = None) -> bool:
        with self.writing(f"Terugzetten van zaak {case_id}") as c:
            return planning_repo.remove_override(
                c, case_id, motivation.strip() or "teruggezet", by, now()
            )

    def scenarios(self) -> list[ScenarioRecord]:
        with self.reading() as c:
            return planning_repo.list_scenarios(c)

    def save_scenario(self, scenario: ScenarioRecord) -> int:
        with self.writing(f"Opslaan van scenario {scenario.name}") as c:
            return planning_repo.save_scenario(c, scenario, now())

    def delete_scenario(self, name: str) -> bool:
        with self.writing(f"Verwijderen van scenario {name}") as c:
            return planning_repo.delete_scenario(c, name)

    def plans(self) -> list[tuple[int, str, datetime]]:
        with self.reading() as c:
            return planning_repo.list_plans(c)

    def plan(self, plan_id: int | None = None) -> PlanRecord | None:
        """Plan ``plan_id``, or the newest stored plan."""
        with self.reading() as c:
            return planning_repo.load_plan(c, plan_id)

    def save_plan(self, plan: PlanRecord) -> int:
        with self.writing(f"Opslaan van planning {plan.name}") as c:
            return planning_repo.save_plan(c, plan, now())

    # -- meetings and the decision log (changes: see app.decisions) --------------------
    def meetings(self) -> list[Meeting]:
        with self.reading() as c:
            return decisions_repo.list_meetings(c)

    def meeting(self, day: date) -> Meeting | None:
        with self.reading() as c:
            return decisions_repo.get_meeting(c, day)

    def open_meeting(self, day: date, title: str | None = None) -> Meeting:
        """The meeting of ``day``, created when new."""
        with self.writing(f"Aanmaken van de vergadering van {day:%d-%m-%Y}") as c:
            return decisions_repo.ensure_meeting(c, day, title)

    def decisions(self, day: date | None = None) -> list[Decision]:
        """Decisions of the meeting of ``day`` (all when None)."""
        with self.reading() as c:
            if day is None:
                return decisions_repo.list_decisions(c)
            meeting = decisions_repo.get_meeting(c, day)
            return decisions_repo.list_decisions(c, meeting) if meeting else []

    def decision(self, decision_id: int) -> Decision | None:
        with self.reading() as c:
            return decisions_repo.get_decision(c, decision_id)

    def head(self) -> tuple[int, str]:
        """(number of final entries, head hash) of the decision log."""
        with self.reading() as c:
            return decisions_repo.chain_head(c)

    # -- backups ----------------------------------------------------------------------
    def backups(self) -> list[Path]:
        return backups_mod.list_backups(self.path)

    def backup_now(self, reason: str = "handmatig") -> Path:
        with self._mutex:
            self.last_backup = backups_mod.make_backup(self.conn, self.path, reason)
            return self.last_backup


# -- opening and creating ---------------------------------------------------------------


def open_workspace(
    path: Path | str, *, readonly: bool = False, keep_backups: int = backups_mod.DEFAULT_KEEP
) -> Workspace:
    """Open an existing workspace: lock, check, back up, migrate.

    ``readonly`` takes no lock and makes no backup (``verify``, ``export`` beside a running
    app). Raises :class:`StoreError` subclasses with a Dutch message.
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
            elif chain_finding(conn) is None:
                backup = backups_mod.make_backup(conn, path, "geopend", keep_backups)
            # else: a copy of a tampered log would push the good copies out of the rotation.
        chain = _trigger_warnings(conn, path.name, restore=not readonly)
        chain += _chain_warnings(conn, path.name)
        if chain and not readonly and backup is None:
            chain.append(
                "Daarom is bij het openen geen reservekopie gemaakt: de bestaande "
                "reservekopieën blijven zo bewaard."
            )
        warnings = location_warnings(path) + chain
        return Workspace(path, conn, lock, warnings=warnings, backup=backup, readonly=readonly)
    except BaseException:
        if conn is not None:
            conn.close()
        if lock is not None:
            lock.release()
        raise


def create_workspace(path: Path | str) -> Workspace:
    """Create a new, empty workspace at ``path`` (which must not exist) and open it."""
    path = Path(path)
    if path.exists():
        raise StoreError(f"{path.name} bestaat al; kies een andere naam of open het bestand.")
    if not path.parent.is_dir():
        raise StoreError(f"De map {path.parent} bestaat niet. Kies een bestaande map.")
    lock = WorkspaceLock(path)
    lock.acquire()
    building = path.with_name(path.name + ".nieuw")
    try:
        with contextlib.suppress(FileNotFoundError):
            building.unlink()
        conn = connect(building)
        try:
            schema.initialise(conn)
        finally:
            conn.close()
        if path.exists():  # pragma: no cover - only if someone ignored our lock
            raise StoreError(f"{path.name} bestaat al; er wordt niets overschreven.")
        # Built under another name and moved into place: a crash never leaves a
        # half-made workspace under the real name.
        os.replace(building, path)
        conn = connect(path)
        enable_wal(conn, path.name)
    except BaseException:
        with contextlib.suppress(OSError):
            building.unlink()
        lock.release()
        raise
    return Workspace(path, conn, lock, warnings=location_warnings(path))


def open_or_create_workspace(path: Path | str) -> tuple[Workspace, bool]:
    """Open ``path``, or create it when it does not exist; returns (workspace, created)."""
    path = Path(path)
    if path.exists():
        return open_workspace(path), False
    return create_workspace(path), True


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


def file_sha256(path: Path | str) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


_IMPORT_API = ("import_files", "import_checked", "ImportRefused")


def __getattr__(name: str) -> object:
    """``import_files`` & co. live in :mod:`workspace_import` (which imports this module);
    they stay importable from here, where callers first found them."""
    if name in _IMPORT_API:
        from stuurploeg.app import workspace_import

        return getattr(workspace_import, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def chain_finding(conn: sqlite3.Connection) -> str | None:
    """The first thing wrong with the decision log's hash chain (Dutch), or None."""
    report = verify_chain(decisions_repo.final_entries(conn))
    if report.problem is not None:
        return f"{report.problem.describe()}."
    return decisions_repo.head_mismatch(conn)


def _trigger_warnings(conn: sqlite3.Connection, name: str, restore: bool) -> list[str]:
    """The triggers are what keep final entries final; a file without them was changed
    outside the app. Opening for writing puts them back."""
    missing = schema.missing_triggers(conn)
    if not missing:
        return []
    if restore:
        schema.restore_triggers(conn, missing)
    done = "Ze zijn nu hersteld. " if restore else ""
    return [
        f"In {name} ontbraken {len(missing)} regel(s) die het besluitenlog beschermen "
        f"({', '.join(missing)}): het bestand is buiten Stuurploeg gewijzigd. {done}"
        "Controleer het besluitenlog met 'stuurploeg verify' en meld dit bij de functioneel "
        "beheerder."
    ]


def _chain_warnings(conn: sqlite3.Connection, name: str) -> list[str]:
    """Opening also recomputes the decision log's hash chain, so that a log changed outside
    the app is noticed the moment the workspace is opened, not only by ``verify``."""
    finding = chain_finding(conn)
    if not finding:
        return []
    return [
        f"Het besluitenlog van {name} klopt niet meer: {finding} Het "
        "bestand is buiten Stuurploeg gewijzigd. Vergelijk met een eerdere export of "
        "reservekopie en meld dit bij de functioneel beheerder."
    ]
