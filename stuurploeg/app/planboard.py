"""Use case: the planning picture of a plan — its bars (running cases and placements) and
its load per team and week of one kind (values in ``domain.planning.board``).
"""

from __future__ import annotations

from collections.abc import Sequence

from stuurploeg.app.planning import PlanResult
from stuurploeg.domain.model import SPECIALISMS, Case, CaseStatus
from stuurploeg.domain.planning.board import FIXED, PLANNED, RUNNING, Bar, Load, cases_in_cell
from stuurploeg.domain.planning.grid import team_key


def _demand(case: Case) -> tuple[float, ...]:
    return (float(case.fte or 0.0), *(float(case.specialist_fte.get(s, 0.0)) for s in SPECIALISMS))


def plan_bars(result: PlanResult, cases: Sequence[Case]) -> tuple[Bar, ...]:
    """Running cases that overlap the plan's weeks, then the plan's placements."""
    teams = {team_key(t): i for i, t in reversed(list(enumerate(result.teams)))}
    by_id = {c.case_id: c for c in cases}
    bars: list[Bar] = []
    for c in cases:
        if c.status is not CaseStatus.RUNNING or not c.team or c.start_week is None:
            continue
        ti = teams.get(team_key(c.team))
        if ti is None or not c.weeks or not c.fte:
            continue
        start = c.start_week - result.start
        if start + c.weeks <= 0 or start >= result.weeks:  # type: ignore[operator]
            continue
        bars.append(Bar(c.case_id, c.name or "", ti, start, c.weeks, float(c.fte), RUNNING,  # type: ignore[arg-type]
                        _demand(c)))  # fmt: skip
    for a in result.assignments:
        ti = teams.get(team_key(a.team))
        case = by_id.get(a.case_id)
        if ti is None:
            continue
        demand = _demand(case) if case is not None else (a.fte, *(0.0 for _ in SPECIALISMS))
        bars.append(
            Bar(a.case_id, (case.name or "") if case else "", ti, a.start_week - result.start,  # type: ignore[arg-type]
                a.weeks, a.fte, FIXED if a.fixed else PLANNED, demand)
        )  # fmt: skip
    return tuple(bars)


def plan_load(result: PlanResult, kind: str) -> Load:
    """Used over available per team and week for ``kind`` (the total or a specialism)."""
    k = list(result.kinds).index(kind)
    used = result.running[:, k] + result.planned[:, k]
    return Load(kind, used.copy(), result.available[:, k].copy())


__all__ = ["Bar", "Load", "cases_in_cell", "plan_bars", "plan_load"]
