"""Candidates as the planners see them: demand per kind, duration, teams and start window."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from stuurploeg.domain.model import SPECIALISMS, Case
from stuurploeg.domain.planning import format as fmt
from stuurploeg.domain.planning.grid import CapacityGrid
from stuurploeg.domain.scoring import Ranking


@dataclass(frozen=True)
class Candidate:
    case_id: str
    order: int  # 0-based place in the ranking
    score: float  # the priority a placement earns (0 for an unscored case)
    priority_rule: bool
    demand: np.ndarray  # (K,) fte per kind
    duration: int
    teams: tuple[int, ...]  # team indices it may go to, in capacity-sheet order
    first: int  # first allowed start index (within the horizon)
    last: int  # last allowed start index (inclusive)
    problem: str | None = None  # why it can never be planned, in Dutch


# Longest duration a plan considers (ten years); longer is a data error, and the capacity
# grid must stay small whatever a case list says.
MAX_CASE_WEEKS = 520


def max_duration(cases: Sequence[Case]) -> int:
    return min(
        max((c.weeks or 0 for c in cases if c.status.is_candidate), default=0), MAX_CASE_WEEKS
    )


def prepare_candidates(
    cases: Mapping[str, Case], ranking: Ranking, grid: CapacityGrid
) -> list[Candidate]:
    """One :class:`Candidate` per ranking entry, in ranking order."""
    # The ranking's columns, not its entries: a long ranking builds those only when asked.
    cols = ranking.columns()
    scores = [None if s != s else s for s in cols.scores.tolist()]
    return [
        candidate_for(cases[cid], order, score, prio, grid)
        for order, (cid, score, prio) in enumerate(
            zip(cols.case_ids, scores, cols.priority.tolist(), strict=True)
        )
    ]


def candidate_for(
    case: Case, order: int, score: float | None, prio: bool, grid: CapacityGrid
) -> Candidate:
    """The candidate of ``case`` at place ``order`` with ``score``.

    What does not depend on the place (demand, window, teams, the problem) is kept on the
    grid per case: the fragility check prepares every case a dozen times.
    """
    shapes = grid.shapes
    known = shapes.get(case.case_id)
    if known is None or known[0] is not case:
        known = shapes[case.case_id] = (case, _shape(case, grid))
    shape = known[1]
    return Candidate(
        case_id=shape.case_id,
        order=order,
        score=float(score) if score is not None else 0.0,
        priority_rule=prio,
        demand=shape.demand,
        duration=shape.duration,
        teams=shape.teams,
        first=shape.first,
        last=shape.last,
        problem=shape.problem,
    )


def _shape(case: Case, grid: CapacityGrid) -> Candidate:
    # Plain floats, not numpy, until the end: this runs once per case in the re-plan's worker
    # thread, and every small numpy call there lets go of the GIL and takes it back at once,
    # which keeps the GUI thread waiting for it (see docs/performance.md, "GIL").
    values = [case.fte or 0.0] + [
        max(case.specialist_fte.get(spec, 0.0), 0.0) for spec in SPECIALISMS
    ]
    finite = all(math.isfinite(v) for v in values)
    if not finite:
        values = [0.0] * len(values)
    demand = np.array(values, dtype=float)
    duration = case.weeks or 0
    first, last = 0, grid.horizon - 1
    if case.earliest_start is not None:
        first = max(first, grid.index_of(case.earliest_start))
    if case.latest_start is not None:
        last = min(last, grid.index_of(case.latest_start))
    problem = None
    teams: tuple[int, ...] = tuple(range(len(grid.teams)))
    if case.team:
        ti = grid.team_index(case.team)
        teams = () if ti is None else (ti,)
        if ti is None:
            problem = (
                f"De zaak is bestemd voor team {case.team}, maar dat team staat niet in de "
                "capaciteitsgegevens."
            )
    if not finite:
        problem = "De benodigde fte is geen geldig getal; corrigeer de zakenlijst."
    elif not case.fte or case.fte <= 0 or duration <= 0:
        problem = "Benodigde fte of doorlooptijd ontbreekt; vul die aan in de zakenlijst."
    elif duration > MAX_CASE_WEEKS:
        problem = (
            f"Doorlooptijd van {duration} weken is langer dan {MAX_CASE_WEEKS} weken; "
            "controleer de zakenlijst."
        )
    elif case.latest_start is not None and case.latest_start < grid.start:
        problem = (
            f"De uiterste start ({case.latest_start}) ligt vóór het begin van de planperiode "
            f"({grid.start})."
        )
    elif case.earliest_start is not None and first >= grid.horizon:
        problem = (
            f"De vroegste start ({case.earliest_start}) ligt na het einde van de planperiode "
            f"({grid.week(grid.horizon - 1)})."
        )
    elif first > last:
        problem = (
            f"Vroegste start ({case.earliest_start}) ligt na uiterste start "
            f"({case.latest_start})."
        )
    elif not teams:
        problem = problem or "Er is geen team om de zaak op te plannen."
    elif duration > grid.length - first:
        problem = "De doorlooptijd is langer dan de rekenperiode van de planning."
    if problem is None and any(values[1:]):
        lacking = _lacking_kinds(grid, teams)
        missing = [
            spec.value
            for si, spec in enumerate(SPECIALISMS, start=1)
            if values[si] > 0 and si in lacking
        ]
        if missing:
            names = ", ".join(missing)
            if len(teams) > 1:
                problem = f"De zaak vraagt specialisme {names}, maar geen team heeft dat."
            else:  # the case names its team
                problem = (
                    f"De zaak vraagt specialisme {names}, maar "
                    f"{fmt.team(grid.teams[teams[0]])} heeft dat niet."
                )
    return Candidate(
        case_id=case.case_id,
        order=0,
        score=0.0,
        priority_rule=False,
        demand=demand,
        duration=duration,
        teams=teams,
        first=first,
        last=last,
        problem=problem,
    )


def _lacking_kinds(grid: CapacityGrid, teams: tuple[int, ...]) -> frozenset[int]:
    """The kinds none of ``teams`` ever has fte of; there are only a few team tuples."""
    key = ("lacking kinds", teams)
    lacking = grid.memo.get(key)
    if lacking is None:
        has_kind = grid.has_kind()[list(teams)].any(axis=0)
        lacking = grid.memo[key] = frozenset(np.flatnonzero(~has_kind).tolist())
    return lacking

