"""Invariants of the re-plan against the previous plan, over random instances (hypothesis).

- capacity is never exceeded;
- fixed placements that could be honoured are exactly where they were fixed;
- a case whose previous spot is still possible keeps it, unless the plan's total
  priority is strictly higher than the keep plan's (moved only when priority increases);
- the re-plan is never worse than the keep plan;
- the list of moves is exactly the cases placed elsewhere than before.
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from stuurploeg.app.planning import make_plan
from stuurploeg.domain.model import CapacityData, CaseStatus, Team
from stuurploeg.domain.planning import (
    KINDS,
    TOLERANCE,
    FixedPlacement,
    build_grid,
    prepare_candidates,
    verify_plan,
)
from stuurploeg.domain.planning.candidates import Candidate, max_duration
from stuurploeg.domain.planning.previous import (
    GAIN_EPSILON,
    PreviousPlacement,
    keep_plan,
    moves,
    previous_spots,
    stable_rank_plan,
)
from stuurploeg.domain.weeks import IsoWeek
from tests.domain.planning.strategies import instances

START = IsoWeek(2026, 40)


@st.composite
def replans(draw):
    n_teams = draw(st.integers(1, 3))
    horizon = draw(st.integers(2, 8))
    teams = tuple(Team(f"T{i}", draw(st.sampled_from((1.0, 2.0, 3.0))), position=i)
                  for i in range(n_teams))
    availability = {}
    for _ in range(draw(st.integers(0, 3))):
        t, w = draw(st.integers(0, n_teams - 1)), draw(st.integers(0, horizon - 1))
        availability[(f"T{t}", START + w)] = draw(st.sampled_from((0.0, 1.0, 1.5)))
    g = build_grid(CapacityData(teams, availability), START, horizon, extra_weeks=5)
    cands = []
    for i in range(draw(st.integers(0, 9))):
        demand = np.zeros(len(KINDS))
        demand[0] = draw(st.sampled_from((0.5, 1.0, 1.5, 2.0)))
        first = draw(st.integers(0, horizon - 1))
        last = draw(st.integers(first, horizon - 1))
        team = draw(st.integers(-1, n_teams - 1))  # -1: any team
        cands.append(Candidate(
            f"Z{i}", i, float(draw(st.sampled_from((0.0, 1.0, 2.0, 3.5, 5.0)))),
            draw(st.integers(0, 5)) == 0, demand, draw(st.integers(1, 5)),
            tuple(range(n_teams)) if team < 0 else (team,), first, last,
        ))
    previous = [
        PreviousPlacement(c.case_id, f"T{draw(st.integers(0, n_teams))}",  # T{n}: a gone team
                          START + draw(st.integers(-2, horizon)))
        for c in cands if draw(st.booleans())
    ]
    fixed = [
        FixedPlacement(c.case_id, f"T{draw(st.integers(0, n_teams - 1))}",
                       START + draw(st.integers(0, horizon - 1)))
        for c in cands if draw(st.integers(0, 4)) == 0
    ]
    return g, cands, previous, fixed


@pytest.mark.slow
@settings(max_examples=300, deadline=None)
@given(replans())
def test_replan_invariants(inst):
    g, cands, previous, fixed = inst
    plan = stable_rank_plan(g, cands, fixed, previous)
    state = plan.state
    cmap = {c.case_id: c for c in cands}

    # capacity: recomputed from the placements, never above what is free
    used = np.zeros_like(g.available)
    for cid, (ti, s) in state.placed.items():
        c = cmap[cid]
        if cid not in state.fixed:  # a fixed placement may lie outside the start window
            assert ti in c.teams and c.first <= s <= c.last
        used[ti, :, s : s + c.duration] += c.demand[:, None]
    assert (used <= g.remaining() + TOLERANCE).all()

    # fixed placements: honoured exactly, or reported and left out
    for f in fixed:
        if f.case_id in plan.failed:
            assert f.case_id not in state.placed
        elif f.case_id in state.fixed:
            assert state.placed[f.case_id] == (g.team_index(f.team), g.index_of(f.start_week))

    # the keep plan, computed on its own
    prev = previous_spots(g, cands, previous, fixed)
    keep, _, unseated = keep_plan(g, cands, fixed, prev.spots)
    keep_total = keep.total_priority(cmap)
    assert abs(keep_total - plan.keep_total) < 1e-9
    total = state.total_priority(cmap)
    assert total >= keep_total - 1e-9
    seatable = {cid: spot for cid, spot in prev.spots.items() if cid not in unseated}
    assert all(keep.placed[cid] == spot for cid, spot in seatable.items())
    shifted = [cid for cid, spot in seatable.items() if state.placed.get(cid) != spot]
    if shifted:
        assert total > keep_total + GAIN_EPSILON, (shifted, total, keep_total)

    # the moves: exactly the previously placed candidates that are elsewhere now
    got = moves(state, cands, plan.previous, plan.unseated, keep_total=plan.keep_total,
                because=plan.because)
    expected = {cid for cid in prev.origins
                if cid not in state.placed or state.placed[cid] != prev.spots.get(cid)}
    assert {m.case_id for m in got} == expected
    for m in got:
        assert m.reason
        assert (m.to_team is None) == (m.case_id not in state.placed)
        if m.case_id in unseated or m.case_id in prev.lost:
            assert m.reason == plan.unseated[m.case_id]
    assert not {m.case_id for m in got} & state.fixed


def _mutate(draw, cases, capacity):
    """A changed case list and capacity: some cases gone, some new, some with new fte,
    and a team with less capacity."""
    kept = [c for c in cases if draw(st.integers(0, 4))]
    kept = [replace(c, fte=draw(st.sampled_from((c.fte, 0.5, 2.0)))) if draw(st.integers(0, 3)) == 0
            else c for c in kept]
    extra = [replace(c, case_id=c.case_id + "n", position=c.position + 50)
             for c in cases if draw(st.integers(0, 3)) == 0]
    teams = tuple(replace(t, staffed_fte=max(t.staffed_fte - 1, 0.0)) if draw(st.booleans())
                  else t for t in capacity.teams)
    return kept + extra, CapacityData(teams, capacity.availability)


@pytest.mark.slow
@settings(max_examples=40, deadline=None)
@given(instances(max_cases=7), st.data())
def test_make_plan_with_previous_stays_within_capacity_and_reports_exactly_the_moves(inst, data):
    cases, capacity, start, weeks = inst
    first = make_plan(cases, capacity, start=start, weeks=weeks)
    previous = [PreviousPlacement(a.case_id, a.team, a.start_week, a.fte)
                for a in first.assignments]
    new_cases, new_capacity = _mutate(data.draw, cases, capacity)
    fixed = [FixedPlacement(a.case_id, a.team, a.start_week) for a in first.assignments
             if data.draw(st.integers(0, 4)) == 0]
    planner = data.draw(st.sampled_from(("rank", "rank", "optimal")))
    again = make_plan(new_cases, new_capacity, start=start, weeks=weeks, planner=planner,
                      previous=previous, fixed=fixed, time_limit=0.5, workers=1)
    assert verify_plan(new_cases, new_capacity, start, weeks, again.assignments,
                       fixed=fixed) == []
    before = {p.case_id: (p.team, p.start_week) for p in previous}
    fixed_ids = {f.case_id for f in fixed}
    candidates = {e.case_id for e in again.ranking.entries}
    now = {a.case_id: (a.team, a.start_week) for a in again.assignments}
    expected = {cid for cid in before
                if cid in candidates and cid not in fixed_ids and now.get(cid) != before[cid]}
    assert {m.case_id for m in again.moved} == expected
    for f in fixed:
        if f.case_id in now:
            assert now[f.case_id] == (f.team, f.start_week)
    # moved only for more priority, for every planner: against the keep plan on the same grid
    by_id = {c.case_id: c for c in new_cases}
    grid = build_grid(new_capacity, start, weeks,
                      running_cases=[c for c in new_cases if c.status is CaseStatus.RUNNING],
                      extra_weeks=max(max_duration(new_cases) - 1, 0))
    cands = prepare_candidates(by_id, again.ranking, grid)
    prev = previous_spots(grid, cands, previous, fixed)
    keep, _, unseated = keep_plan(grid, cands, fixed, prev.spots)
    keep_total = keep.total_priority({c.case_id: c for c in cands})
    assert again.total_priority >= keep_total - 1e-9
    shifted = [cid for cid, (ti, s) in prev.spots.items() if cid not in unseated
               and now.get(cid) != (grid.teams[ti], grid.week(s))]
    if shifted:
        assert again.total_priority > keep_total + GAIN_EPSILON, (planner, shifted)
    if planner == "rank":  # the same input once more: the same plan
        assert again.to_json() == make_plan(
            new_cases, new_capacity, start=start, weeks=weeks, previous=previous,
            fixed=fixed).to_json()
