"""Weight profiles, position overrides, scenarios and stored plans, as plain values.

The store knows nothing of the ranking or planning code: a plan is kept as the ranking
rows, assignments and unplanned reasons it produced, so that what the meeting saw can be
shown and exported later exactly as it was.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from stuurploeg.domain.weeks import IsoWeek


@dataclass(frozen=True)
class ProfileRecord:
    name: str
    version: int
    weights: Mapping[str, float]  # criterion value -> weight
    created_at: datetime | None = None


@dataclass(frozen=True)
class OverrideRecord:
    case_id: str
    position: int  # 1-based place in the ranking
    motivation: str
    set_by: str | None = None
    set_at: datetime | None = None


@dataclass(frozen=True)
class ScenarioDelta:
    team: str
    from_week: IsoWeek
    to_week: IsoWeek | None  # None: to the end of the plan
    fte: float
    kind: str = "totaal"  # the team total or a specialism value


@dataclass(frozen=True)
class ScenarioRecord:
    name: str
    deltas: Sequence[ScenarioDelta]
    id: int | None = None
    created_at: datetime | None = None


@dataclass(frozen=True)
class RankingRow:
    rank: int
    case_id: str
    score: float | None
    priority_rule: bool = False
    incomplete: bool = False


@dataclass(frozen=True)
class AssignmentRow:
    case_id: str
    team: str
    start_week: IsoWeek
    weeks: int
    fte: float


@dataclass(frozen=True)
class PlanRecord:
    name: str
    planner: str
    start_week: IsoWeek
    weeks: int
    ranking: Sequence[RankingRow] = ()
    assignments: Sequence[AssignmentRow] = ()
    unplanned: Sequence[tuple[str, str]] = ()  # (case_id, Dutch reason)
    profile: ProfileRecord | None = None
    scenario_id: int | None = None
    total_priority: float | None = None
    gap: float | None = None
    id: int | None = None
    created_at: datetime | None = None


# -- profiles -------------------------------------------------------------------------


def save_profile(
    conn: sqlite3.Connection, name: str, weights: Mapping[str, float], now: datetime
) -> ProfileRecord:
    """Store ``weights`` under ``name`` as a new version unless equal to the latest."""
    latest = load_profile(conn, name)
    if latest is not None and dict(latest.weights) == dict(weights):
        return latest
    version = (latest.version + 1) if latest else 1
    conn.execute(
        "INSERT INTO profiles (name, version, weights, created_at) VALUES (?, ?, ?, ?)",
        (name, version, json.dumps(dict(weights), sort_keys=True), now.isoformat()),
    )
    return ProfileRecord(name, version, dict(weights), now)


def load_profile(
    conn: sqlite3.Connection, name: str, version: int | None = None
) -> ProfileRecord | None:
    if version is None:
        row = conn.execute(
            "SELECT * FROM profiles WHERE name = ? ORDER BY version DESC LIMIT 1", (name,)
        ).fetchone()
    else:
        row = conn.execute(
            "SELECT * FROM profiles WHERE name = ? AND version = ?", (name, version)
        ).fetchone()
    return _profile(row) if row else None


def list_profiles(conn: sqlite3.Connection) -> list[ProfileRecord]:
    """The latest version of every profile, by name."""
    rows = conn.execute(
        "SELECT p.* FROM profiles p JOIN (SELECT name, MAX(version) v FROM profiles "
        "GROUP BY name) m ON p.name = m.name AND p.version = m.v ORDER BY p.name"
    )
    return [_profile(r) for r in rows]


def _profile(row: sqlite3.Row) -> ProfileRecord:
    return ProfileRecord(
        row["name"], row["version"], json.loads(row["weights"]),
        datetime.fromisoformat(row["created_at"]),
    )


# -- overrides ------------------------------------------------------------------------


def set_override(conn: sqlite3.Connection, o: OverrideRecord, now: datetime) -> None:
    conn.execute(
        "INSERT INTO overrides (case_id, position, motivation, set_by, set_at) "
        "VALUES (?, ?, ?, ?, ?) ON CONFLICT(case_id) DO UPDATE SET position = excluded.position,"
        " motivation = excluded.motivation, set_by = excluded.set_by, set_at = excluded.set_at",
        (o.case_id, o.position, o.motivation, o.set_by, now.isoformat()),
    )
    _log_override(conn, o.case_id, o.position, o.motivation, o.set_by, now)


def remove_override(
    conn: sqlite3.Connection, case_id: str, motivation: str, by: str | None, now: datetime
) -> bool:
    cur = conn.execute("DELETE FROM overrides WHERE case_id = ?", (case_id,))
    if cur.rowcount:
        _log_override(conn, case_id, None, motivation, by, now)
    return bool(cur.rowcount)


def list_overrides(conn: sqlite3.Connection) -> list[OverrideRecord]:
    return [
        OverrideRecord(r["case_id"], r["position"], r["motivation"], r["set_by"],
                       datetime.fromisoformat(r["set_at"]))
        for r in conn.execute("SELECT * FROM overrides ORDER BY position, case_id")
    ]


def override_history(conn: sqlite3.Connection) -> list[OverrideRecord]:
    """Every override set or removed (position 0 = removed), oldest first."""
    return [
        OverrideRecord(r["case_id"], r["position"] or 0, r["motivation"], r["set_by"],
                       datetime.fromisoformat(r["set_at"]))
        for r in conn.execute("SELECT * FROM override_log ORDER BY id")
    ]


def _log_override(conn, case_id, position, motivation, by, now) -> None:
    conn.execute(
        "INSERT INTO override_log (case_id, position, motivation, set_by, set_at) "
        "VALUES (?, ?, ?, ?, ?)",
        (case_id, position, motivation, by, now.isoformat()),
    )


# -- scenarios ------------------------------------------------------------------------


def save_scenario(conn: sqlite3.Connection, s: ScenarioRecord, now: datetime) -> int:
    """Insert or replace (by name) a scenario with its deltas; returns its id."""
    row = conn.execute("SELECT id FROM scenarios WHERE name = ?", (s.name,)).fetchone()
    if row:
        sid = row[0]
        conn.execute("DELETE FROM scenario_deltas WHERE scenario_id = ?", (sid,))
    else:
        sid = conn.execute(
            "INSERT INTO scenarios (name, created_at) VALUES (?, ?)", (s.name, now.isoformat())
        ).lastrowid
    conn.executemany(
        "INSERT INTO scenario_deltas (scenario_id, team, from_week, to_week, fte, kind) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        [(sid, d.team, str(d.from_week), str(d.to_week) if d.to_week else None, d.fte, d.kind)
         for d in s.deltas],
    )
    return int(sid)


def list_scenarios(conn: sqlite3.Connection) -> list[ScenarioRecord]:
    out = []
    for r in conn.execute("SELECT * FROM scenarios ORDER BY name").fetchall():
        deltas = [
            ScenarioDelta(d["team"], IsoWeek.parse(d["from_week"]),
                          IsoWeek.parse(d["to_week"]) if d["to_week"] else None, d["fte"],
                          d["kind"])
            for d in conn.execute(
                "SELECT * FROM scenario_deltas WHERE scenario_id = ? ORDER BY rowid", (r["id"],)
            )
        ]
        out.append(ScenarioRecord(r["name"], deltas, r["id"],
                                  datetime.fromisoformat(r["created_at"])))
    return out


def delete_scenario(conn: sqlite3.Connection, name: str) -> bool:
    return bool(conn.execute("DELETE FROM scenarios WHERE name = ?", (name,)).rowcount)


# -- plans ----------------------------------------------------------------------------


def save_plan(conn: sqlite3.Connection, p: PlanRecord, now: datetime) -> int:
    prof = p.profile
    pid = conn.execute(
        "INSERT INTO plans (name, created_at, planner, profile_name, profile_version, "
        "profile_weights, start_week, weeks, scenario_id, total_priority, gap) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            p.name, now.isoformat(), p.planner, prof.name if prof else None,
            prof.version if prof else None,
            json.dumps(dict(prof.weights), sort_keys=True) if prof else None,
            str(p.start_week), p.weeks, p.scenario_id, p.total_priority, p.gap,
        ),
    ).lastrowid
    conn.executemany(
        "INSERT INTO plan_ranking (plan_id, rank, case_id, score, priority_rule, incomplete) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        [(pid, r.rank, r.case_id, r.score, int(r.priority_rule), int(r.incomplete))
         for r in p.ranking],
    )
    conn.executemany(
        "INSERT INTO plan_assignments (plan_id, case_id, team, start_week, weeks, fte) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        [(pid, a.case_id, a.team, str(a.start_week), a.weeks, a.fte) for a in p.assignments],
    )
    conn.executemany(
        "INSERT INTO plan_unplanned (plan_id, case_id, reason) VALUES (?, ?, ?)",
        [(pid, cid, reason) for cid, reason in p.unplanned],
    )
    return int(pid)


def plan_replaceable(conn: sqlite3.Connection, plan_id: int) -> bool:
    """True when plan ``plan_id`` is still the newest plan and no decision was recorded
    since it was saved: no decision can have been taken against it, so a newer working
    plan may take its place instead of piling up next to it."""
    row = conn.execute("SELECT id, created_at FROM plans WHERE id = ?", (plan_id,)).fetchone()
    if row is None:
        return False
    newest = conn.execute("SELECT MAX(id) FROM plans").fetchone()[0]
    if newest != plan_id:
        return False
    decided = conn.execute(
        "SELECT 1 FROM decisions WHERE created_at >= ? LIMIT 1", (row["created_at"],)
    ).fetchone()
    return decided is None


def replace_plan(
    conn: sqlite3.Connection, replaces: int | None, p: PlanRecord, now: datetime
) -> int:
    """Save ``p``; plan ``replaces`` is removed first when :func:`plan_replaceable`.

    For plans made automatically after every change (a slider moved): the latest one is
    always kept, and so is every plan a decision may refer to.
    """
    if replaces is not None and plan_replaceable(conn, replaces):
        conn.execute("DELETE FROM plans WHERE id = ?", (replaces,))  # rows cascade
    return save_plan(conn, p, now)


def list_plans(conn: sqlite3.Connection) -> list[tuple[int, str, datetime]]:
    """(id, name, created_at) of every stored plan, newest first."""
    return [
        (r["id"], r["name"], datetime.fromisoformat(r["created_at"]))
        for r in conn.execute("SELECT id, name, created_at FROM plans ORDER BY id DESC")
    ]


def load_plan(conn: sqlite3.Connection, plan_id: int | None = None) -> PlanRecord | None:
    """The plan ``plan_id``, or the newest one when None."""
    if plan_id is None:
        row = conn.execute("SELECT * FROM plans ORDER BY id DESC LIMIT 1").fetchone()
    else:
        row = conn.execute("SELECT * FROM plans WHERE id = ?", (plan_id,)).fetchone()
    if row is None:
        return None
    pid = row["id"]
    profile = (
        ProfileRecord(row["profile_name"], row["profile_version"] or 0,
                      json.loads(row["profile_weights"] or "{}"))
        if row["profile_name"] else None
    )
    ranking = [
        RankingRow(r["rank"], r["case_id"], r["score"], bool(r["priority_rule"]),
                   bool(r["incomplete"]))
        for r in conn.execute(
            "SELECT * FROM plan_ranking WHERE plan_id = ? ORDER BY rank", (pid,))
    ]
    assignments = [
        AssignmentRow(r["case_id"], r["team"], IsoWeek.parse(r["start_week"]), r["weeks"],
                      r["fte"])
        for r in conn.execute(
            "SELECT * FROM plan_assignments WHERE plan_id = ? ORDER BY start_week, team, "
            "case_id", (pid,))
    ]
    unplanned = [
        (r["case_id"], r["reason"])
        for r in conn.execute("SELECT * FROM plan_unplanned WHERE plan_id = ? ORDER BY rowid",
                              (pid,))
    ]
    return PlanRecord(
        row["name"], row["planner"], IsoWeek.parse(row["start_week"]), row["weeks"], ranking,
        assignments, unplanned, profile, row["scenario_id"], row["total_priority"],
        row["gap"], pid, datetime.fromisoformat(row["created_at"]),
    )
