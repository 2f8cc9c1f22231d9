"""Use case: a what-if placement — one planned case put on another team or start week by
hand, checked against capacity at once, and the plan with it moved there.

The check is the planners' own: the plan's capacity grid (capacity, Beschikbaarheid,
running cases and the plan's scenario) with every other placement of the plan in a
:class:`PlanState`, and ``PlanState.fits`` for the case at its new spot. A refusal names
the binding team, week and kind with what is free and what is needed. An accepted move is
a fixed placement (as an officer's): the rest of the plan stays exactly where it was.

Build a :class:`PlacementContext` once per plan (tens of milliseconds at 300 cases) and
ask it per drag; :meth:`PlacementContext.apply` gives the moved plan and its own context.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

import numpy as np

from stuurploeg.app.planning import PlanError, PlanResult
from stuurploeg.domain.model import CapacityData, Case, CaseStatus
from stuurploeg.domain.planning import (
    KINDS,
    TOLERANCE,
    Assignment,
    FixedPlacement,
    PlanState,
    build_grid,
    prepare_candidates,
    verify_plan,
)
from stuurploeg.domain.planning import format as fmt
from stuurploeg.domain.planning.candidates import Candidate, max_duration
from stuurploeg.domain.planning.grid import team_key
from stuurploeg.domain.planning.scenario import apply_case_changes
from stuurploeg.domain.weeks import IsoWeek


class PlacementError(PlanError):
    """The placement cannot be checked or made; ``str()`` says why in Dutch."""


@dataclass(frozen=True)
class Shortfall:
    """The binding spot of a refused placement: ``free`` of ``kind`` left, ``needed`` asked."""

    team: str
    week: IsoWeek
    kind: str
    free: float
    needed: float
    weeks_short: int  # how many weeks of the case's run are short (of any kind)


@dataclass(frozen=True)
class PlacementCheck:
    case_id: str
    team: str
    start_week: IsoWeek
    fits: bool
    message: str  # Dutch; empty when it fits
    shortfall: Shortfall | None = None
    # Dutch: what the placement overrides that the case list asks (its team, its start
    # window); a placement by hand may, as an officer's fixed placement may, but says so.
    notes: tuple[str, ...] = ()


class PlacementContext:
    """One plan as the planners see it, ready to check and make what-if placements."""

    def __init__(self, result: PlanResult, cases: Sequence[Case], capacity: CapacityData) -> None:
        self.result = result
        self.cases = cases
        self.capacity = capacity
        planned_cases, _ = apply_case_changes(cases, result.scenario)
        self._by_id = {c.case_id: c for c in planned_cases}
        missing = [e.case_id for e in result.ranking.entries if e.case_id not in self._by_id]
        if missing:
            raise PlacementError(
                "Het plan hoort niet bij de huidige zakenlijst (zaak "
                f"{missing[0]} ontbreekt); maak eerst een nieuw plan."
            )
        running = [c for c in planned_cases if c.status is CaseStatus.RUNNING]
        self.grid = build_grid(
            capacity, result.start, result.weeks, running_cases=running,
            scenario=result.scenario, extra_weeks=max(max_duration(planned_cases) - 1, 0),
        )  # fmt: skip
        self._cands: dict[str, Candidate] = {
            c.case_id: c for c in prepare_candidates(self._by_id, result.ranking, self.grid)
        }
        self.state = PlanState(self.grid)
        for a in result.assignments:
            ti = self.grid.team_index(a.team)
            cand = self._cands.get(a.case_id)
            if ti is None or cand is None:
                raise PlacementError(
                    f"Zaak {a.case_id} staat in het plan op {fmt.team(a.team)}, maar past "
                    "niet bij de huidige gegevens; maak eerst een nieuw plan."
                )
            self.state.place(cand, ti, self.grid.index_of(a.start_week), fixed=a.fixed)

    # -- checking ---------------------------------------------------------------------------
    def check(self, case_id: str, team: str, start_week: IsoWeek) -> PlacementCheck:
        """Does ``case_id`` fit on ``team`` from ``start_week``, with the rest of the plan
        where it is? The message names what stops it."""

        def refused(message: str, shortfall: Shortfall | None = None) -> PlacementCheck:
            return PlacementCheck(case_id, team, start_week, False, message, shortfall)

        case = self._by_id.get(case_id)
        if case is None:
            return refused(f"Zaak {case_id} staat niet in de zakenlijst.")
        if case.status is CaseStatus.RUNNING:
            return refused(
                f"Zaak {case_id} loopt al; een lopende zaak verplaats je niet in het plan "
                "maar in de zakenlijst."
            )
        if case_id not in self.state.placed:
            return refused(
                f"Zaak {case_id} staat niet in het plan; alleen ingeplande zaken zijn te "
                "verslepen."
            )
        ti = self.grid.team_index(team)
        if ti is None:
            return refused(f"Onbekend team {team}; kies een team uit de capaciteitsgegevens.")
        s = self.grid.index_of(start_week)
        if not 0 <= s < self.grid.horizon:
            last = self.grid.week(self.grid.horizon - 1)
            return refused(
                f"Past niet: week {start_week} ligt buiten de planperiode "
                f"({self.grid.start} t/m {last})."
            )
        cand = self._cands[case_id]
        state = self.state.copy()
        state.remove(cand)
        if s + cand.duration > state.remaining.shape[2]:
            return refused("Past niet: de zaak loopt langer door dan de rekenperiode.")
        if state.fits(cand, ti, s):
            name = self.grid.teams[ti]
            notes = _overrides(case, name, start_week)
            return PlacementCheck(case_id, name, start_week, True, "", notes=notes)
        shortfall = self._shortfall(state, cand, ti, s)
        kind = "" if shortfall.kind == KINDS[0] else f" {shortfall.kind}"
        more = (
            f" (nog {shortfall.weeks_short - 1} andere weken te krap)"
            if shortfall.weeks_short > 1
            else ""
        )
        return refused(
            f"Past niet: {shortfall.team}, week {shortfall.week}: "
            f"{fmt.fte(shortfall.free)} fte{kind} vrij, {fmt.fte(shortfall.needed)} nodig{more}.",
            shortfall,
        )

    def _shortfall(self, state: PlanState, cand: Candidate, ti: int, s: int) -> Shortfall:
        window = state.remaining[ti, :, s : s + cand.duration]  # (kinds, weeks)
        short = window < cand.demand[:, None] - TOLERANCE
        weeks_short = short.any(axis=0)
        w = int(np.argmax(weeks_short))  # the first week that is short
        k = int(np.argmax(short[:, w]))  # the total first, then the specialisms in order
        return Shortfall(
            team=self.grid.teams[ti],
            week=self.grid.week(s + w),
            kind=KINDS[k],
            free=max(float(window[k, w]), 0.0),
            needed=float(cand.demand[k]),
            weeks_short=int(weeks_short.sum()),
        )

    # -- placing ----------------------------------------------------------------------------
    def apply(
        self, case_id: str, team: str, start_week: IsoWeek
    ) -> tuple[PlanResult, PlacementContext]:
        """The plan with ``case_id`` fixed on ``team`` from ``start_week``; raises
        :class:`PlacementError` with the check's message when it does not fit."""
        check = self.check(case_id, team, start_week)
        if not check.fits:
            raise PlacementError(check.message)
        cand = self._cands[case_id]
        ti = self.grid.team_index(team)
        assert ti is not None  # the check found it
        s = self.grid.index_of(start_week)
        state = self.state.copy()
        state.remove(cand)
        state.place(cand, ti, s, fixed=True)
        assignments = tuple(
            replace(a, team=self.grid.teams[ti], start_week=start_week, fixed=True)
            if a.case_id == case_id
            else a
            for a in self.result.assignments
        )
        problems = verify_plan(
            list(self._by_id.values()), self.capacity, self.result.start, self.result.weeks,
            assignments, scenario=self.result.scenario, fixed=_fixed(assignments),
        )  # fmt: skip
        if problems:
            raise PlacementError("Interne fout: de verplaatsing overschrijdt de capaciteit: "
                                 + "; ".join(problems))  # fmt: skip
        planned = np.zeros_like(self.grid.available)
        for cid, (t, start) in state.placed.items():
            c = self._cands[cid]
            planned[t, :, start : start + c.duration] += c.demand[:, None]
        moved = replace(self.result, assignments=assignments,
                        planned=planned[:, :, : self.grid.horizon])  # fmt: skip
        other = PlacementContext.__new__(PlacementContext)
        other.result, other.cases, other.capacity = moved, self.cases, self.capacity
        other._by_id, other.grid, other._cands, other.state = (
            self._by_id, self.grid, self._cands, state,
        )  # fmt: skip
        return moved, other


def _overrides(case: Case, team: str, start_week: IsoWeek) -> tuple[str, ...]:
    notes = []
    if case.team and team_key(case.team) != team_key(team):
        notes.append(f"Let op: zaak {case.case_id} is in de zakenlijst bestemd voor "
                     f"{fmt.team(case.team)}.")  # fmt: skip
    if case.earliest_start is not None and start_week < case.earliest_start:
        notes.append(f"Let op: dit is vóór de vroegste start ({case.earliest_start}).")
    if case.latest_start is not None and start_week > case.latest_start:
        notes.append(f"Let op: dit is na de uiterste start ({case.latest_start}).")
    return tuple(notes)


def _fixed(assignments: Sequence[Assignment]) -> list[FixedPlacement]:
    return [FixedPlacement(a.case_id, a.team, a.start_week) for a in assignments if a.fixed]


__all__ = ["PlacementCheck", "PlacementContext", "PlacementError", "Shortfall"]
