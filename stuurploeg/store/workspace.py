"""The workspace: an open ``*.stuurploeg`` file, and the only door to it.

The use cases in ``stuurploeg.app`` call the methods of :class:`Workspace`; none of them
sees a database connection. While a workspace is open this process holds its lock; every
method that changes something commits at once (there is no save step). Another backend
(a shared database for a unit with several analysts) would provide the same methods; see
docs/architecture.md. Opening, creating and restoring live in :mod:`stuurploeg.store.opening`.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sqlite3
import threading
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from stuurploeg.domain.decisions import Decision
from stuurploeg.domain.model import CapacityData, Case
from stuurploeg.store import backups as backups_mod
from stuurploeg.store import cases_repo, decisions_repo, evidence, planning_repo
from stuurploeg.store.cases_repo import ImportRecord, ImportSource, MergeReport
from stuurploeg.store.connection import write_transaction
from stuurploeg.store.decisions_repo import Meeting
from stuurploeg.store.errors import DecisionExists, MeetingFinalised, StoreError
from stuurploeg.store.evidence import LogEvidence
from stuurploeg.store.integrity import integrity_problems
from stuurploeg.store.lock import WorkspaceLock
from stuurploeg.store.planning_repo import (
    OverrideRecord,
    PlanRecord,
    ProfileRecord,
    ScenarioRecord,
)

log = logging.getLogger(__name__)


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
    """An open workspace. Use :func:`~stuurploeg.store.opening.open_workspace` or
    :func:`~stuurploeg.store.opening.create_workspace`.

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
        staged: Path | None = None,
        backup_due: str | None = None,
        keep_backups: int = backups_mod.DEFAULT_KEEP,
    ) -> None:
        self.path = path
        self._conn: sqlite3.Connection | None = conn
        self._lock = lock
        self._mutex = threading.RLock()
        self.warnings: list[str] = list(warnings)  # Dutch, for the user (location etc.)
        self.last_backup = backup
        self.readonly = readonly
        # A new workspace is built under this name and moved to ``path`` with its first
        # commit, so a process killed before that leaves no empty workspace behind.
        self._staged = staged
        self._evidence: tuple[int, LogEvidence] | None = None
        # The backup of the workspace as opened, when opening left it for later: made
        # before the first change is written (``writing``), at the latest on closing.
        self._backup_due = backup_due
        self._keep_backups = keep_backups

    # -- life cycle -------------------------------------------------------------------
    def close(self) -> None:
        """Release the workspace. A staged one that never got a commit is removed."""
        if self._staged is not None:
            self.discard()
            return
        with self._mutex:
            if self._backup_due is not None and self._conn is not None:
                # Nothing was written since opening (a write makes the backup first), so
                # the file is the state the backup would hold; a copy that fails now is
                # made at the next opening, and closing must not fail for it.
                try:
                    self._backup_if_due()
                except StoreError as exc:
                    log.warning("Reservekopie van %s bij het sluiten niet gemaakt (volgt bij "
                                "de volgende opening): %s", self.path.name, exc)
                self._backup_due = None
            conn, self._conn = self._conn, None
            if conn is not None:
                if not self.readonly:
                    _close_cleanly(conn)
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
            target = self._staged or self.path
            self._staged = None
            try:
                for extra in ("", "-wal", "-shm", "-journal"):
                    with contextlib.suppress(FileNotFoundError):
                        os.unlink(str(target) + extra)
            finally:
                if self._lock is not None:
                    self._lock.release()

    @property
    def closed(self) -> bool:
        return self._conn is None

    @property
    def staged(self) -> bool:
        """True while a new workspace has not been moved to its real name yet."""
        return self._staged is not None

    def __enter__(self) -> Workspace:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def conn(self) -> sqlite3.Connection:
        """The connection, for the store's own modules and tests (never for ``app``)."""
        if self._conn is None:
            raise StoreError(f"De werkruimte {self.path.name} is gesloten. Open haar opnieuw.")
        return self._conn

    @contextmanager
    def reading(self) -> Iterator[sqlite3.Connection]:
        """The connection for a read (store-internal)."""
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
        """One ``BEGIN IMMEDIATE`` transaction (store-internal); ``what`` names the change
        in Dutch for the error message."""
        if self.readonly:
            raise StoreError(
                f"{what} kan niet: de werkruimte {self.path.name} is alleen-lezen geopend."
            )
        with self._mutex:
            # The state as opened is copied before anything changes it; when that copy
            # fails, so does the change (as the opening itself failed before).
            self._backup_if_due()
            with write_transaction(self.conn, what) as conn:
                yield conn
            if self._staged is not None:
                self._publish()

    def _publish(self) -> None:
        """Move a staged workspace to its real name now that it holds a commit."""
        from stuurploeg.store.opening import publish_staged

        assert self._staged is not None and self._conn is not None
        conn, self._conn = self._conn, None
        self._conn = publish_staged(conn, self._staged, self.path)
        self._staged = None

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
        if cases is not None and cases_source is None:
            raise ValueError("cases_source is required with cases")
        if capacity is not None and capacity_source is None:
            raise ValueError("capacity_source is required with capacity")
        result = ImportResult()
        with self.writing("Importeren") as c:
            t = now()
            if cases is not None and cases_source is not None:
                result.cases = cases_repo.merge_cases(
                    c, cases, cases_source, t, keep_absent=cases_incomplete)
            if capacity is not None and capacity_source is not None:
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

    def replace_plan(self, replaces: int | None, plan: PlanRecord) -> int:
        """Save ``plan`` in place of plan ``replaces`` when no decision may refer to that
        one and it is still the newest (plans made after every slider move do not pile up);
        otherwise next to it. Returns the new plan's id."""
        with self.writing(f"Opslaan van planning {plan.name}") as c:
            return planning_repo.replace_plan(c, replaces, plan, now())

    # -- meetings and decisions --------------------------------------------------------
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

    def decisions_for_case(self, day: date, case_id: str) -> list[Decision]:
        """The decisions about ``case_id`` in the meeting of ``day`` (one, by the rules)."""
        with self.reading() as c:
            return decisions_repo.decisions_for_case(c, day, case_id)

    def add_draft(self, day: date, decision: Decision, *, replace: bool = False) -> Decision:
        """Record ``decision`` as a draft in the meeting of ``day`` (created when new).

        One decision per case per meeting: raises :class:`DecisionExists` naming the one
        already there, unless ``replace`` and that one is a draft (it is then replaced in
        the same transaction). Raises :class:`MeetingFinalised` for a closed meeting.
        """
        with self.writing(f"Vastleggen van het besluit over zaak {decision.case_id}") as c:
            meeting = decisions_repo.ensure_meeting(c, day)
            if meeting.finalised:
                raise MeetingFinalised(day)
            existing = decisions_repo.decisions_for_case(c, day, decision.case_id)
            if existing and not (replace and all(not d.final for d in existing)):
                raise DecisionExists(existing[0])
            for old in existing:
                decisions_repo.delete_draft(c, old.id or 0)
            new_id = decisions_repo.insert_draft(c, meeting, decision, now())
            stored = decisions_repo.get_decision(c, new_id)
        assert stored is not None
        return stored

    def change_draft(self, decision_id: int, decision: Decision) -> Decision:
        """Change the content of draft ``decision_id`` (a final entry never changes)."""
        with self.writing(f"Wijzigen van het besluit over zaak {decision.case_id}") as c:
            old = decisions_repo.get_decision(c, decision_id)
            if old is not None and old.meeting_date is not None:
                others = [d for d in decisions_repo.decisions_for_case(
                    c, old.meeting_date, decision.case_id) if d.id != decision_id]
                if others:
                    raise DecisionExists(others[0])
            decisions_repo.update_draft(c, decision_id, decision)
            stored = decisions_repo.get_decision(c, decision_id)
        if stored is None:
            raise StoreError(f"Besluit {decision_id} bestaat niet.")
        return stored

    def remove_draft(self, decision_id: int) -> bool:
        with self.writing(f"Verwijderen van conceptbesluit {decision_id}") as c:
            return decisions_repo.delete_draft(c, decision_id)

    def finalise(self, day: date, by: str) -> list[Decision]:
        """Vaststellen: the meeting's drafts become the next entries of the chain."""
        with self.writing(f"Vaststellen van de besluitenlijst van {day:%d-%m-%Y}") as c:
            meeting = decisions_repo.get_meeting(c, day)
            if meeting is None:
                raise StoreError(f"Er is geen vergadering op {day:%d-%m-%Y}.")
            if meeting.finalised:
                raise MeetingFinalised(day)
            done = decisions_repo.finalise_meeting(c, meeting, by, now())
        self._evidence = None
        with self.reading() as c:
            kept = evidence.remember_head(c, self.path.name, now())
        if kept:
            self.warnings.append(kept)
        return done

    def id_for_seq(self, seq: int) -> int | None:
        """The id of final entry ``seq`` (the Nr. on the besluitenlijst), or None."""
        with self.reading() as c:
            return decisions_repo.id_for_seq(c, seq)

    def head(self) -> tuple[int, str]:
        """(number of final entries, head hash) of the decision log."""
        with self.reading() as c:
            return decisions_repo.chain_head(c)

    def final_entries(self) -> list[Decision]:
        """The chain: every final entry in ``seq`` order."""
        with self.reading() as c:
            return decisions_repo.final_entries(c)

    # -- the decision log's own evidence -----------------------------------------------
    def log_evidence(self, expected_head: str | None = None) -> LogEvidence:
        """Everything that speaks for or against the decision log: the recomputed chain,
        the recorded and last known head, the protecting rules and their history."""
        with self.reading() as c:
            if expected_head is not None:
                return evidence.collect(c, expected_head, path=self.path)
            version = int(c.execute("PRAGMA data_version").fetchone()[0])
            cached = self._evidence
            if cached is not None and cached[0] == version:
                return cached[1]
            found = evidence.collect(c, path=self.path)
            self._evidence = (version, found)
            return found

    def log_problems(self) -> list[str]:
        """Dutch findings that make the log untrustworthy; empty when it verifies."""
        return self.log_evidence().problems

    def duplicate_findings(self, day: date | None = None) -> list[str]:
        """Dutch lines for cases with more than one decision in one meeting (of ``day``,
        or any): only workspaces made before that rule was enforced hold them."""
        return evidence.duplicate_lines(self.decisions(day))

    def integrity_problems(self) -> list[str]:
        """SQLite's own consistency findings (English, technical); empty when sound."""
        with self.reading() as c:
            return integrity_problems(c)

    def workspace_id(self) -> str | None:
        with self.reading() as c:
            return evidence.workspace_id(c)

    # -- backups ----------------------------------------------------------------------
    def backups(self) -> list[Path]:
        return backups_mod.list_backups(self.path)

    @property
    def backup_due(self) -> bool:
        """True while the backup of the workspace as opened is still to be made."""
        return self._backup_due is not None

    def make_due_backup(self) -> Path | None:
        """Make the backup the opening left for later (``defer_backup``); None when there
        is none to make. Raises :class:`StoreError` when it fails (it stays due)."""
        with self._mutex:
            return self._backup_if_due()

    def _backup_if_due(self) -> Path | None:
        reason = self._backup_due
        if reason is None:
            return None
        self.last_backup = backups_mod.make_backup(self.conn, self.path, reason,
                                                   self._keep_backups)
        self._backup_due = None
        return self.last_backup

    def backup_now(self, reason: str = "handmatig") -> Path:
        with self._mutex:
            self.last_backup = backups_mod.make_backup(self.conn, self.path, reason)
            self._backup_due = None  # nothing written since opening: this copy is that state
            return self.last_backup


def _close_cleanly(conn: sqlite3.Connection) -> None:
    """Fold the WAL into the file and leave it in rollback mode: a closed workspace is then
    one self-contained file that a read-only check (or read-only media) opens without
    creating -wal/-shm files. The next open for writing switches WAL on again. (While a
    reader has it open the switch is refused; the file then simply stays in WAL mode.)"""
    with contextlib.suppress(sqlite3.Error):
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.execute("PRAGMA journal_mode = DELETE").fetchone()
