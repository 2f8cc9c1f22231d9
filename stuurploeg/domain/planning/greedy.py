"""The rank-order planner and the greedy fill-up pass used after every planner."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from stuurploeg.domain.planning import format as fmt
from stuurploeg.domain.planning.candidates import Candidate
from stuurploeg.domain.planning.grid import CapacityGrid
from stuurploeg.domain.planning.state import PlanState
from stuurploeg.domain.planning.types import KINDS, FixedPlacement


def planning_order(candidates: Sequence[Candidate]) -> list[Candidate]:
    """Priority-rule cases first, each group in ranking order."""
    return [c for c in candidates if c.priority_rule] + [
        c for c in candidates if not c.priority_rule
    ]


def place_fixed(
    state: PlanState, candidates: Sequence[Candidate], fixed: Iterable[FixedPlacement]
) -> dict[str, str]:
    """Place the officer's fixed placements first; returns case_id -> Dutch reason for the
    ones that cannot be honoured (they are then not planned at all)."""
    by_id = {c.case_id: c for c in candidates}
    grid = state.grid
    failed: dict[str, str] = {}
    for fp in fixed:
        cand = by_id.get(fp.case_id)
        if cand is None or fp.case_id in state.placed:
            continue
        ti = grid.team_index(fp.team)
        s = grid.index_of(fp.start_week)
        if cand.problem is not None:
            failed[fp.case_id] = cand.problem
        elif ti is None:
            failed[fp.case_id] = f"Vastgezet op team {fp.team}, maar dat team bestaat niet."
        elif not 0 <= s < grid.horizon:
            failed[fp.case_id] = (
                f"Vastgezet op startweek {fp.start_week}, buiten de planperiode "
                f"{grid.start} t/m {grid.week(grid.horizon - 1)}."
            )
        elif not state.fits(cand, ti, s):
            failed[fp.case_id] = _fixed_shortage(state, cand, ti, s)
        else:
            state.place(cand, ti, s, fixed=True)
    return failed


def _fixed_shortage(state: PlanState, cand: Candidate, ti: int, s: int) -> str:
    window = state.remaining[ti, :, s : s + cand.duration]
    short = cand.demand[:, None] - window
    k, w = divmod(int(short.argmax()), short.shape[1])
    grid = state.grid
    return (
        f"Vastgezet op {fmt.team(grid.teams[ti])} vanaf {grid.week(s)}, maar in {grid.week(s + w)} "
        f"is {fmt.fte(float(short[k, w]))} fte {fmt.kind(KINDS[k])} te weinig vrij. "
        "De vastzetting is niet uitgevoerd."
    )


def fill_in_order(state: PlanState, candidates: Iterable[Candidate]) -> None:
    """Place each unplaced candidate, in the given order, at its first fit."""
    for cand in candidates:
        if cand.problem is not None or cand.case_id in state.placed:
            continue
        spot = state.first_fit(cand)
        if spot is not None:
            state.place(cand, *spot)


def rank_plan(
    grid: CapacityGrid,
    candidates: Sequence[Candidate],
    fixed: Iterable[FixedPlacement] = (),
) -> tuple[PlanState, dict[str, str]]:
    """Rank-order plan: fixed placements, then priority-rule cases, then the rest, each at
    its earliest fit. Never skips a higher-ranked case that fits."""
    state = PlanState(grid)
    failed = place_fixed(state, candidates, fixed)
    fill_in_order(state, (c for c in planning_order(candidates) if c.case_id not in failed))
    return state, failed


def compact(state: PlanState, candidates: Iterable[Candidate]) -> None:
    """Move placed cases to an earlier start where one is free, in the given order.

    An optimiser is indifferent to *when* a case starts; officers are not. Each move keeps
    the same set of cases (the same total priority) and only ever starts a case earlier,
    so this ends after a bounded number of rounds.
    """
    order = [c for c in candidates if c.case_id in state.placed and c.case_id not in state.fixed]
    moved = True
    while moved:
        moved = False
        for cand in order:
            ti, s = state.placed[cand.case_id]
            state.remove(cand)
            spot = state.first_fit(cand)
            if spot is not None and spot[1] < s:
                state.place(cand, *spot)
                moved = True
            else:
                state.place(cand, ti, s)
