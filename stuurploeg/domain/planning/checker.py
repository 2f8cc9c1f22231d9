"""An independent check of a finished plan against the raw inputs.

Deliberately shares no code with the grid or the planners: it recomputes capacity and use
per (team, week, kind) with plain dictionaries straight from the cases, the capacity data
and the scenario, so that a bug in the fast array code cannot hide itself.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence

from stuurploeg.domain.model import SPECIALISMS, CapacityData, Case, CaseStatus
from stuurploeg.domain.planning.types import (
    KIND_TOTAL,
    TOLERANCE,
    Assignment,
    FixedPlacement,
    Scenario,
)
from stuurploeg.domain.weeks import IsoWeek


def verify_plan(
    cases: Sequence[Case],
    capacity: CapacityData,
    start: IsoWeek,
    weeks: int,
    assignments: Iterable[Assignment],
    *,
    scenario: Scenario | None = None,
    fixed: Iterable[FixedPlacement] = (),
) -> list[str]:
    """Every rule the plan breaks, as text; empty when the plan is valid."""
    by_id = {c.case_id: c for c in cases}
    teams = {t.team: t for t in capacity.teams}
    # Cases, assignments and scenarios may spell a team differently from the Teams sheet;
    # the import matches case-insensitively, so everything is mapped to the sheet's name.
    canonical: dict[str, str] = {}
    for t in capacity.teams:
        canonical.setdefault(_key(t.team), t.team)

    def team_of(name: str | None) -> str | None:
        return None if name is None else canonical.get(_key(name))

    availability = {(team_of(n) or n, w): v for (n, w), v in capacity.availability.items()}
    fixed_ids = {f.case_id for f in fixed}
    problems: list[str] = []
    horizon_end = start.index + weeks  # exclusive

    def cap(team: str, week: IsoWeek, kind: str) -> float:
        t = teams[team]
        if kind == KIND_TOTAL:
            value = t.staffed_fte * t.deployability
            if start.index <= week.index < horizon_end and (team, week) in availability:
                value = max(float(availability[(team, week)]), 0.0)
        else:
            value = t.specialist_fte.get(kind, 0.0) * t.deployability  # type: ignore[call-overload]
        for d in scenario.deltas if scenario else ():
            to_ok = d.to_week is None or week.index <= d.to_week.index
            from_ok = d.from_week.index <= week.index
            if team_of(d.team) == team and d.kind == kind and from_ok and to_ok:
                value = max(value + d.fte, 0.0)
        return value

    assignments = list(assignments)
    # Only weeks that a planned case can touch matter; this also bounds the work for a
    # running case with an absurd duration.
    last_week = horizon_end + max((a.weeks for a in assignments), default=0)
    running_use: dict[tuple[str, int, str], float] = defaultdict(float)
    for c in cases:
        c_team = team_of(c.team)
        if c.status is CaseStatus.RUNNING and c_team in teams and c.start_week and c.fte:
            first = max(c.start_week.index, start.index)
            for w in range(first, min(c.start_week.index + (c.weeks or 0), last_week)):
                running_use[(c_team, w, KIND_TOTAL)] += c.fte
                for s in SPECIALISMS:
                    running_use[(c_team, w, s.value)] += c.specialist_fte.get(s, 0.0)

    plan_use: dict[tuple[str, int, str], float] = defaultdict(float)
    seen: set[str] = set()
    for a in assignments:
        case = by_id.get(a.case_id)
        where = f"zaak {a.case_id}"
        if case is None or not case.status.is_candidate:
            problems.append(f"{where}: geen kandidaat")
            continue
        if a.case_id in seen:
            problems.append(f"{where}: dubbel ingepland")
        seen.add(a.case_id)
        a_team = team_of(a.team)
        if a_team is None:
            problems.append(f"{where}: onbekend team {a.team}")
            continue
        if a.weeks != case.weeks or abs(a.fte - (case.fte or 0)) > TOLERANCE:
            problems.append(f"{where}: fte of doorlooptijd wijkt af van de zakenlijst")
        if not start.index <= a.start_week.index < horizon_end:
            problems.append(f"{where}: startweek {a.start_week} buiten de planperiode")
        if a.case_id not in fixed_ids:
            if case.team and team_of(case.team) != a_team:
                problems.append(f"{where}: hoort bij team {case.team}, niet {a.team}")
            if case.earliest_start and a.start_week < case.earliest_start:
                problems.append(f"{where}: start vóór vroegste start")
            if case.latest_start and a.start_week > case.latest_start:
                problems.append(f"{where}: start na uiterste start")
        for i in range(min(case.weeks or 0, a.weeks)):
            w = (a.start_week + i).index
            plan_use[(a_team, w, KIND_TOTAL)] += case.fte or 0.0
            for s in SPECIALISMS:
                plan_use[(a_team, w, s.value)] += case.specialist_fte.get(s, 0.0)

    for (team, w, kind), used in plan_use.items():
        if used <= 0:
            continue
        week = IsoWeek.from_index(w)
        free = max(cap(team, week, kind) - running_use[(team, w, kind)], 0.0)
        if used > free + TOLERANCE:
            problems.append(
                f"team {team}, {week}, {kind}: ingepland {used:.6f} fte, vrij {free:.6f} fte"
            )
    return problems


def _key(name: str) -> str:
    # Kept apart from grid.team_key on purpose: the checker shares no code with the grid.
    return name.strip().casefold()
