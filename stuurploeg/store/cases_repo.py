"""Cases, teams and availability in the workspace, and the re-import merge.

A re-import merges by ``case_id`` / ``team``: new rows are added, changed fields are
updated and reported field by field, rows missing from the new file are marked gone (kept,
because decisions and plans refer to them). Decisions live in their own tables and are
never touched here.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from stuurploeg.domain.model import (
    CRITERIA,
    SPECIALISMS,
    CapacityData,
    Case,
    CaseStatus,
    Exploitation,
    Specialism,
    Team,
)
from stuurploeg.domain.weeks import IsoWeek

_SPEC_COLUMNS: dict[Specialism, str] = {s: f"{s.name.lower()}_fte" for s in SPECIALISMS}
_CASE_FIELDS = (
    "name", "status", "exploitation", "victims", "minors", "suspects", "international",
    "violence", "ongoing", *(c.value for c in CRITERIA), "fte", "weeks",
    *_SPEC_COLUMNS.values(), "team", "start_week", "earliest_start", "latest_start",
    "unit", "source", "notes",
)
_TEAM_FIELDS = (
    "staffed_fte", "deployability", "formation_fte", "unit", *_SPEC_COLUMNS.values(),
    "certified",
)


@dataclass(frozen=True)
class ImportSource:
    """Where imported rows came from: recorded with every import."""

    kind: str  # "cases" | "capacity"
    file_name: str
    sha256: str
    rows: int
    mapping: Mapping[str, str] = field(default_factory=dict)
    sheet: str | None = None
    header_row: int | None = None


@dataclass(frozen=True)
class FieldChange:
    key: str  # case_id or team
    field: str
    old: Any
    new: Any


@dataclass
class MergeReport:
    kind: str
    import_id: int | None = None
    new: list[str] = field(default_factory=list)
    changed: list[FieldChange] = field(default_factory=list)
    gone: list[str] = field(default_factory=list)
    returned: list[str] = field(default_factory=list)
    # Not in the file, but left as they were (not marked gone): rows were skipped.
    kept: list[str] = field(default_factory=list)

    @property
    def changed_keys(self) -> list[str]:
        return list(dict.fromkeys(c.key for c in self.changed))


@dataclass(frozen=True)
class ImportRecord:
    id: int
    kind: str
    file_name: str
    sha256: str
    imported_at: datetime
    sheet: str | None
    header_row: int | None
    rows: int
    mapping: dict[str, str]
    new_rows: int
    changed_rows: int
    gone_rows: int


# -- conversion -----------------------------------------------------------------------


def case_to_row(case: Case) -> dict[str, Any]:
    row: dict[str, Any] = {
        "case_id": case.case_id,
        "name": case.name,
        "status": case.status.value,
        "exploitation": case.exploitation.value if case.exploitation else None,
        "victims": case.victims,
        "minors": case.minors,
        "suspects": case.suspects,
        "international": _b(case.international),
        "violence": _b(case.violence),
        "ongoing": _b(case.ongoing),
        "fte": case.fte,
        "weeks": case.weeks,
        "team": case.team,
        "start_week": _w(case.start_week),
        "earliest_start": _w(case.earliest_start),
        "latest_start": _w(case.latest_start),
        "unit": case.unit,
        "source": case.source,
        "notes": case.notes,
        "position": case.position,
    }
    for c in CRITERIA:
        row[c.value] = case.criteria.get(c)
    for s, col in _SPEC_COLUMNS.items():
        row[col] = case.specialist_fte.get(s)
    return row


def row_to_case(row: sqlite3.Row) -> Case:
    return Case(
        case_id=row["case_id"],
        name=row["name"],
        status=CaseStatus(row["status"]),
        exploitation=Exploitation(row["exploitation"]) if row["exploitation"] else None,
        victims=row["victims"],
        minors=row["minors"],
        suspects=row["suspects"],
        international=_ub(row["international"]),
        violence=_ub(row["violence"]),
        ongoing=_ub(row["ongoing"]),
        criteria={c: row[c.value] for c in CRITERIA},
        fte=row["fte"],
        weeks=row["weeks"],
        specialist_fte={s: row[col] for s, col in _SPEC_COLUMNS.items() if row[col] is not None},
        team=row["team"],
        start_week=_uw(row["start_week"]),
        earliest_start=_uw(row["earliest_start"]),
        latest_start=_uw(row["latest_start"]),
        unit=row["unit"],
        source=row["source"],
        notes=row["notes"],
        position=row["position"],
    )


def team_to_row(team: Team) -> dict[str, Any]:
    row: dict[str, Any] = {
        "team": team.team,
        "staffed_fte": team.staffed_fte,
        "deployability": team.deployability,
        "formation_fte": team.formation_fte,
        "unit": team.unit,
        "certified": team.certified,
        "position": team.position,
    }
    for s, col in _SPEC_COLUMNS.items():
        row[col] = team.specialist_fte.get(s)
    return row


def row_to_team(row: sqlite3.Row) -> Team:
    return Team(
        team=row["team"],
        staffed_fte=row["staffed_fte"],
        deployability=row["deployability"],
        formation_fte=row["formation_fte"],
        unit=row["unit"],
        specialist_fte={s: row[col] for s, col in _SPEC_COLUMNS.items() if row[col] is not None},
        certified=row["certified"],
        position=row["position"],
    )


# -- reading --------------------------------------------------------------------------


def load_cases(conn: sqlite3.Connection, *, include_gone: bool = False) -> list[Case]:
    where = "" if include_gone else "WHERE present = 1"
    rows = conn.execute(f"SELECT * FROM cases {where} ORDER BY present DESC, position, case_id")
    return [row_to_case(r) for r in rows]


def load_case(conn: sqlite3.Connection, case_id: str) -> Case | None:
    row = conn.execute("SELECT * FROM cases WHERE case_id = ?", (case_id,)).fetchone()
    return row_to_case(row) if row else None


def gone_case_ids(conn: sqlite3.Connection) -> list[str]:
    return [r[0] for r in conn.execute("SELECT case_id FROM cases WHERE present = 0")]


def load_capacity(conn: sqlite3.Connection) -> CapacityData:
    teams = tuple(
        row_to_team(r)
        for r in conn.execute("SELECT * FROM teams WHERE present = 1 ORDER BY position, team")
    )
    names = {t.team for t in teams}
    availability = {
        (r["team"], IsoWeek.parse(r["week"])): r["fte"]
        for r in conn.execute("SELECT team, week, fte FROM availability ORDER BY team, week")
        if r["team"] in names
    }
    return CapacityData(teams, availability)


def list_imports(conn: sqlite3.Connection) -> list[ImportRecord]:
    out = []
    for r in conn.execute("SELECT * FROM imports ORDER BY id"):
        out.append(
            ImportRecord(
                r["id"], r["kind"], r["file_name"], r["sha256"],
                datetime.fromisoformat(r["imported_at"]), r["sheet"], r["header_row"],
                r["rows"], json.loads(r["mapping"]), r["new_rows"], r["changed_rows"],
                r["gone_rows"],
            )
        )
    return out


# -- merging (call inside a write transaction) ----------------------------------------


def merge_cases(
    conn: sqlite3.Connection, cases: Sequence[Case], source: ImportSource, now: datetime,
    *, keep_absent: bool = False,
) -> MergeReport:
    """``keep_absent``: the file is known to be incomplete (bad rows skipped), so a case
    missing from it may be in a skipped row: leave it untouched rather than mark it gone."""
    import_id = _record_import(conn, source, now)
    report = MergeReport("cases", import_id)
    _merge_rows(
        conn, "cases", "case_id", _CASE_FIELDS, [case_to_row(c) for c in cases], import_id,
        report, keep_absent=keep_absent,
    )
    _finish_import(conn, import_id, report)
    return report


def merge_capacity(
    conn: sqlite3.Connection, capacity: CapacityData, source: ImportSource, now: datetime
) -> MergeReport:
    import_id = _record_import(conn, source, now)
    report = MergeReport("capacity", import_id)
    _merge_rows(
        conn, "teams", "team", _TEAM_FIELDS, [team_to_row(t) for t in capacity.teams],
        import_id, report,
    )
    old = {(r[0], r[1]): r[2] for r in conn.execute("SELECT team, week, fte FROM availability")}
    new = {(team, str(week)): fte for (team, week), fte in capacity.availability.items()}
    fresh = set(report.new)  # a new team's weeks are part of "new", not changes
    for key in sorted(old.keys() | new.keys()):
        if key[0] not in fresh and old.get(key) != new.get(key):
            change = FieldChange(key[0], f"beschikbaarheid {key[1]}", old.get(key), new.get(key))
            report.changed.append(change)
            _log_change(conn, import_id, change)
    conn.execute("DELETE FROM availability")
    conn.executemany(
        "INSERT INTO availability (team, week, fte) VALUES (?, ?, ?)",
        [(t, w, f) for (t, w), f in sorted(new.items())],
    )
    _finish_import(conn, import_id, report)
    return report


def _merge_rows(
    conn: sqlite3.Connection,
    table: str,
    key: str,
    fields: Sequence[str],
    rows: Sequence[dict[str, Any]],
    import_id: int,
    report: MergeReport,
    keep_absent: bool = False,
) -> None:
    existing = {r[key]: r for r in conn.execute(f"SELECT * FROM {table}")}
    incoming = set()
    for row in rows:
        k = row[key]
        incoming.add(k)
        old = existing.get(k)
        values = {**row, "import_id": import_id, "present": 1}
        if old is None:
            report.new.append(k)
            _log_change(conn, import_id, FieldChange(k, "", None, None), "new")
            cols = ", ".join(values)
            conn.execute(
                f"INSERT INTO {table} ({cols}) VALUES ({', '.join('?' * len(values))})",
                tuple(values.values()),
            )
            continue
        if not old["present"]:
            report.returned.append(k)
            _log_change(conn, import_id, FieldChange(k, "", None, None), "returned")
        for f in fields:
            if not _same(old[f], row[f]):
                change = FieldChange(k, f, old[f], row[f])
                report.changed.append(change)
                _log_change(conn, import_id, change)
        sets = ", ".join(f"{c} = ?" for c in values if c != key)
        conn.execute(
            f"UPDATE {table} SET {sets} WHERE {key} = ?",
            (*(v for c, v in values.items() if c != key), k),
        )
    for k, old in existing.items():
        if old["present"] and k not in incoming:
            if keep_absent:
                report.kept.append(k)
                continue
            report.gone.append(k)
            _log_change(conn, import_id, FieldChange(k, "", None, None), "gone")
            conn.execute(f"UPDATE {table} SET present = 0 WHERE {key} = ?", (k,))


def _same(a: Any, b: Any) -> bool:
    if isinstance(a, float) or isinstance(b, float):
        return a is not None and b is not None and abs(float(a) - float(b)) <= 1e-12
    return a == b


def _record_import(conn: sqlite3.Connection, source: ImportSource, now: datetime) -> int:
    cur = conn.execute(
        "INSERT INTO imports (kind, file_name, sha256, imported_at, sheet, header_row, rows, "
        "mapping) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (
            source.kind, source.file_name, source.sha256, now.isoformat(), source.sheet,
            source.header_row, source.rows,
            json.dumps(dict(source.mapping), ensure_ascii=False, sort_keys=True),
        ),
    )
    return int(cur.lastrowid)


def _finish_import(conn: sqlite3.Connection, import_id: int, report: MergeReport) -> None:
    conn.execute(
        "UPDATE imports SET new_rows = ?, changed_rows = ?, gone_rows = ? WHERE id = ?",
        (len(report.new) + len(report.returned), len(report.changed_keys), len(report.gone),
         import_id),
    )


def _log_change(
    conn: sqlite3.Connection, import_id: int, change: FieldChange, kind: str = "changed"
) -> None:
    conn.execute(
        "INSERT INTO import_changes (import_id, key, change, field, old_value, new_value) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        (import_id, change.key, kind, change.field or None, _txt(change.old), _txt(change.new)),
    )


def _txt(v: Any) -> str | None:
    return None if v is None else str(v)


def _b(v: bool | None) -> int | None:
    return None if v is None else int(v)


def _ub(v: int | None) -> bool | None:
    return None if v is None else bool(v)


def _w(w: IsoWeek | None) -> str | None:
    return str(w) if w is not None else None


def _uw(s: str | None) -> IsoWeek | None:
    return IsoWeek.parse(s) if s else None
