"""Weight profiles, position overrides, scenarios and stored plans, as plain values.

The store knows nothing of the ranking or planning code: a plan is kept as the ranking
rows, assignments and unplanned reasons it produced, so that what the meeting saw can be
shown and exported later exactly as it was.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
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
class ScenarioCaseChange:
    case_id: str
    action: str  # "in", "out" or "start"
    start_week: IsoWeek | None = None  # with "start" only


@dataclass(frozen=True)
class ScenarioRecord:
    name: str
    deltas: Sequence[ScenarioDelta]
    id: int | None = None
    created_at: datetime | None = None
    case_changes: Sequence[ScenarioCaseChange] = ()
    profile: ProfileRecord | None = None  # None: the base plan's weights
    description: str = ""
    updated_at: datetime | None = None
    archived_at: datetime | None = None  # set: kept only for the plans that refer to it

    def same_content(self, other: ScenarioRecord) -> bool:
        """Equal changes, profile and description (ids and times aside)."""
        def profile(p: ProfileRecord | None):
            return None if p is None else (p.name, p.version, dict(p.weights))

        return (
            list(self.deltas) == list(other.deltas)
            and list(self.case_changes) == list(other.case_changes)
            and profile(self.profile) == profile(other.profile)
            and self.description == other.description
        )


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
# A scenario that a stored plan refers to is never changed or removed underneath that
# plan: saving other content under its name, or deleting it, archives the old row (renamed,
# hidden from the list) and, when saving, makes a new one.


def save_scenario(conn: sqlite3.Connection, s: ScenarioRecord, now: datetime) -> int:
    """Insert or replace (by name) a scenario with its changes; returns its id.

    Saving the content it already has changes nothing (same id)."""
    current = load_scenario(conn, s.name)
    if current is not None and current.same_content(s):
        return int(current.id)  # type: ignore[arg-type]
    created = now
    if current is not None:
        created = current.created_at or now
        if _referenced(conn, current.id):
            _archive(conn, current, now)
            current = None
    prof = s.profile
    values = (
        s.description, prof.name if prof else None, prof.version if prof else None,
        json.dumps(dict(prof.weights), sort_keys=True) if prof else None, now.isoformat(),
    )
    if current is not None:
        sid = current.id
        conn.execute("DELETE FROM scenario_deltas WHERE scenario_id = ?", (sid,))
        conn.execute("DELETE FROM scenario_cases WHERE scenario_id = ?", (sid,))
        conn.execute(
            "UPDATE scenarios SET description = ?, profile_name = ?, profile_version = ?, "
            "profile_weights = ?, updated_at = ? WHERE id = ?", (*values, sid),
        )
    else:
        sid = conn.execute(
            "INSERT INTO scenarios (name, created_at, description, profile_name, "
            "profile_version, profile_weights, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (s.name, created.isoformat(), *values),
        ).lastrowid
    conn.executemany(
        "INSERT INTO scenario_deltas (scenario_id, team, from_week, to_week, fte, kind) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        [(sid, d.team, str(d.from_week), str(d.to_week) if d.to_week else None, d.fte, d.kind)
         for d in s.deltas],
    )
    conn.executemany(
        "INSERT INTO scenario_cases (scenario_id, case_id, action, start_week) "
        "VALUES (?, ?, ?, ?)",
        [(sid, c.case_id, c.action, str(c.start_week) if c.start_week else None)
         for c in s.case_changes],
    )
    return int(sid)  # type: ignore[arg-type]


def scenario_for_plan(conn: sqlite3.Connection, s: ScenarioRecord, now: datetime) -> int:
    """The id a plan made with ``s`` refers to: the scenario in use of that name when its
    content is still ``s``'s, else a new archived copy (the one in use, perhaps edited
    since the plan was made, is left alone)."""
    current = load_scenario(conn, s.name)
    if current is not None and current.same_content(s):
        return int(current.id)  # type: ignore[arg-type]
    if current is None:
        return save_scenario(conn, s, now)
    copy = ScenarioRecord(f"{s.name} (plan {now:%Y-%m-%d %H:%M:%S})", s.deltas,
                          case_changes=s.case_changes, profile=s.profile,
                          description=s.description)
    name, n = copy.name, 1
    while scenario_name_taken(conn, name):
        n += 1
        name = f"{copy.name} {n}"
    sid = save_scenario(conn, replace(copy, name=name), now)
    conn.execute("UPDATE scenarios SET archived_at = ?, original_name = ? WHERE id = ?",
                 (now.isoformat(), s.name, sid))
    return sid


def list_scenarios(conn: sqlite3.Connection) -> list[ScenarioRecord]:
    """The scenarios in use (not archived), by name."""
    rows = conn.execute(
        "SELECT * FROM scenarios WHERE archived_at IS NULL ORDER BY name").fetchall()
    return [_scenario(conn, r) for r in rows]


def load_scenario(
    conn: sqlite3.Connection, name: str | None = None, *, scenario_id: int | None = None
) -> ScenarioRecord | None:
    """The scenario in use called ``name``, or the one with ``scenario_id`` (also when it
    is archived: a stored plan's scenario)."""
    if scenario_id is not None:
        row = conn.execute("SELECT * FROM scenarios WHERE id = ?", (scenario_id,)).fetchone()
    else:
        row = conn.execute(
            "SELECT * FROM scenarios WHERE name = ? AND archived_at IS NULL", (name,)
        ).fetchone()
    return _scenario(conn, row) if row else None


def delete_scenario(conn: sqlite3.Connection, name: str, now: datetime | None = None) -> bool:
    """Remove the scenario ``name`` from use; one a stored plan refers to is archived."""
    current = load_scenario(conn, name)
    if current is None:
        return False
    if _referenced(conn, current.id):
        _archive(conn, current, now or datetime.now().astimezone())
    else:
        conn.execute("DELETE FROM scenarios WHERE id = ?", (current.id,))
    return True


def rename_scenario(conn: sqlite3.Connection, old: str, new: str, now: datetime) -> bool:
    """Give scenario ``old`` the name ``new`` (which must be free); False if no ``old``.

    Plans that refer to it keep referring to it: its content does not change."""
    cur = conn.execute(
        "UPDATE scenarios SET name = ?, updated_at = ? WHERE name = ? AND archived_at IS NULL",
        (new, now.isoformat(), old),
    )
    return bool(cur.rowcount)


def scenario_name_taken(conn: sqlite3.Connection, name: str) -> bool:
    """Also archived names count: the column is unique."""
    return conn.execute("SELECT 1 FROM scenarios WHERE name = ?", (name,)).fetchone() is not None


def _referenced(conn: sqlite3.Connection, scenario_id: int | None) -> bool:
    return conn.execute(
        "SELECT 1 FROM plans WHERE scenario_id = ? LIMIT 1", (scenario_id,)
    ).fetchone() is not None


def _archive(conn: sqlite3.Connection, s: ScenarioRecord, now: datetime) -> None:
    base = f"{s.name} (gearchiveerd {now:%Y-%m-%d %H:%M:%S})"
    name, n = base, 1
    while scenario_name_taken(conn, name):
        n += 1
        name = f"{base} {n}"
    conn.execute("UPDATE scenarios SET name = ?, archived_at = ?, original_name = ? "
                 "WHERE id = ?", (name, now.isoformat(), s.name, s.id))


def _scenario(conn: sqlite3.Connection, r: sqlite3.Row) -> ScenarioRecord:
    deltas = [
        ScenarioDelta(d["team"], IsoWeek.parse(d["from_week"]),
                      IsoWeek.parse(d["to_week"]) if d["to_week"] else None, d["fte"],
                      d["kind"])
        for d in conn.execute(
            "SELECT * FROM scenario_deltas WHERE scenario_id = ? ORDER BY rowid", (r["id"],)
        )
    ]
    changes = [
        ScenarioCaseChange(c["case_id"], c["action"],
                           IsoWeek.parse(c["start_week"]) if c["start_week"] else None)
        for c in conn.execute(
            "SELECT * FROM scenario_cases WHERE scenario_id = ? ORDER BY rowid", (r["id"],)
        )
    ]
    profile = (
        ProfileRecord(r["profile_name"], r["profile_version"] or 1,
                      json.loads(r["profile_weights"] or "{}"))
        if r["profile_name"] else None
    )
    # An archived scenario keeps a unique name in the table but shows its own.
    return ScenarioRecord(
        r["original_name"] or r["name"], deltas, r["id"], datetime.fromisoformat(r["created_at"]),
        changes, profile,
        r["description"] or "", _time(r["updated_at"]), _time(r["archived_at"]),
    )


def _time(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text) if text else None


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
