"""The vectorised greedy, reasons and fragility give exactly what the plain loops gave.

The reference implementations below are the per-team, per-start-week loops the planner
used before it tested all teams and start weeks in one numpy pass and remembered what
does not fit; they are kept here, verbatim, as the definition of the expected result.
"""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from stuurploeg.domain.model import CRITERIA, Case
from stuurploeg.domain.planning import build_grid, fragile_cases, prepare_candidates
from stuurploeg.domain.planning.candidates import Candidate, max_duration
from stuurploeg.domain.planning.greedy import compact, planning_order, rank_plan
from stuurploeg.domain.planning.reasons import unplanned_reason
from stuurploeg.domain.planning.state import PlanState
from stuurploeg.domain.planning.types import TOLERANCE
from stuurploeg.domain.scoring import STANDARD_PROFILE, WeightProfile, rank_cases
from tests.domain.planning.strategies import instances


def _reference_first_fit(state: PlanState, cand: Candidate) -> tuple[int, int] | None:
    best = None
    for order, ti in enumerate(cand.teams):
        starts = state.feasible_starts(cand, ti)
        if starts.size == 0:
            continue
        s = int(starts[0])
        free = float(state.remaining[ti, 0, s : s + cand.duration].sum())
        key = (s, -round(free, 9), order)
        if best is None or key < best:
            best = key
    if best is None:
        return None
    return cand.teams[best[2]], best[0]


def _reference_rank_plan(grid, cands) -> dict[str, tuple[int, int]]:
    state = PlanState(grid)
    for cand in planning_order(cands):
        if cand.problem is not None:
            continue
        spot = _reference_first_fit(state, cand)
        if spot is not None:
            state.place(cand, *spot)
    return state.placed


def _reference_worst(state: PlanState, cand: Candidate) -> list[tuple[float, int, int]]:
    """Per team (worst shortfall, team, start) at the start week that comes closest."""
    last = min(cand.last, state.remaining.shape[2] - cand.duration)
    out = []
    for ti in cand.teams:
        best = None
        for s in np.arange(cand.first, last + 1):
            window = state.remaining[ti, :, s : s + cand.duration]
            short = cand.demand[:, None] - window
            short[cand.demand <= 0] = -np.inf
            worst = float(short.max())
            if best is None or worst < best[0] - 1e-9:
                best = (worst, ti, int(s))
        if best is not None:
            out.append(best)
    return out


def _setup(inst):
    cases, capacity, start, weeks = inst
    ranking = rank_cases(cases, STANDARD_PROFILE)
    grid = build_grid(
        capacity, start, weeks,
        running_cases=[c for c in cases if c.status.value == "lopend"],
        extra_weeks=max(max_duration(cases) - 1, 0),
    )  # fmt: skip
    by_id = {c.case_id: c for c in cases}
    return by_id, grid, prepare_candidates(by_id, ranking, grid)


@pytest.mark.slow
@settings(max_examples=150, deadline=None)
@given(instances(max_cases=14, max_teams=4))
def test_rank_plan_places_every_case_where_the_plain_loop_did(inst):
    _, grid, cands = _setup(inst)
    state, _ = rank_plan(grid, cands)
    assert state.placed == _reference_rank_plan(grid, cands)


@pytest.mark.slow
@settings(max_examples=100, deadline=None)
@given(instances(max_cases=14, max_teams=4))
def test_first_fit_after_removals_matches_the_plain_loop(inst):
    """The memory of what does not fit is forgotten when a case makes room."""
    _, grid, cands = _setup(inst)
    state, _ = rank_plan(grid, cands)
    for cand in [c for c in cands if c.case_id in state.placed][:3]:
        state.remove(cand)
        for other in cands:
            if other.problem is None and other.case_id not in state.placed:
                assert state.first_fit(other) == _reference_first_fit(state, other)
    compact(state, planning_order(cands))
    for other in cands:
        if other.problem is None and other.case_id not in state.placed:
            assert state.first_fit(other) == _reference_first_fit(state, other)


@pytest.mark.slow
@settings(max_examples=100, deadline=None)
@given(instances(max_cases=14, max_teams=4))
def test_reasons_name_the_start_week_the_plain_loop_found(inst):
    _, grid, cands = _setup(inst)
    state, _ = rank_plan(grid, cands)
    for cand in cands:
        if cand.problem is not None or cand.case_id in state.placed:
            continue
        reason = unplanned_reason(state, cand)
        worst = sorted(_reference_worst(state, cand),
                       key=lambda t: (t[0], cand.teams.index(t[1])))  # fmt: skip
        if not worst:
            assert reason.startswith("Geen startweek")
        elif worst[0][0] <= TOLERANCE:
            assert reason.startswith("Past in de vrije capaciteit")
        else:
            _, ti, s = worst[0]
            assert f"bij start {grid.week(s)}" in reason
            assert grid.teams[ti] in reason.split(":")[0]
        # the same reason again, now from the cache
        assert unplanned_reason(state, cand) == reason


def _reference_fragile(cases: dict[str, Case], grid, profile: WeightProfile,
                       planned: set[str]) -> set[str]:
    fragile: set[str] = set()
    for c in CRITERIA:
        for sign in (-1.0, 1.0):
            w = profile.weight(c) + sign * 5.0
            if w < 0:
                continue
            ranking = rank_cases(list(cases.values()), profile.with_weight(c, w))
            state, _ = rank_plan(grid, prepare_candidates(cases, ranking, grid))
            fragile |= planned.symmetric_difference(state.placed)
    return fragile


@pytest.mark.slow
@settings(max_examples=60, deadline=None)
@given(instances(max_cases=14, max_teams=3), st.integers(0, 30))
def test_fragile_cases_are_those_the_full_rerank_finds(inst, weight):
    by_id, grid, _ = _setup(inst)
    profile = STANDARD_PROFILE.with_weight(CRITERIA[0], float(weight))
    ranking = rank_cases(list(by_id.values()), profile)
    state, _ = rank_plan(grid, prepare_candidates(by_id, ranking, grid))
    planned = set(state.placed)
    assert fragile_cases(by_id, grid, profile, planned) == _reference_fragile(
        by_id, grid, profile, planned
    )
