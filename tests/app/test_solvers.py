"""The optimiser: invariants of every planner (hypothesis), the greedy start, the previous
plan's stability term, progress that moves with the search."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from ortools.sat.python import cp_model

from stuurploeg.app.planning import make_plan
from stuurploeg.app.solvers.cpsat import (
    DTIME_PER_SECOND_MAX,
    _placements,
    _Progress,
    _run,
    _stage,
    dtime_per_second,
    model_sizes,
    solve_max_priority,
)
from stuurploeg.app.solvers.start import greedy_start
from stuurploeg.domain.model import CRITERIA, CapacityData, Case, CaseStatus, Specialism, Team
from stuurploeg.domain.planning import (
    FixedPlacement,
    PlanState,
    build_grid,
    prepare_candidates,
    rank_plan,
    verify_plan,
)
from stuurploeg.domain.planning.greedy import place_fixed
from stuurploeg.domain.progress import TaskState
from stuurploeg.domain.scoring import rank_cases
from stuurploeg.domain.weeks import IsoWeek

START = IsoWeek(2026, 40)
WEEKS = 8
# a small budget, and a wall-clock limit generous enough that a busy machine still
# finishes it (so the plan is the reproducible one)
BUDGET = dict(time_limit=0.5, wall_limit=60)


@st.composite
def units(draw):
    n_teams = draw(st.integers(1, 3))
    teams = tuple(
        Team(f"T{i}", draw(st.sampled_from((1.0, 2.0, 3.5))),
             specialist_fte={Specialism.DIGITAL: draw(st.sampled_from((0.0, 1.0)))})
        for i in range(n_teams)
    )
    cases = []
    for i in range(draw(st.integers(1, 9))):
        digital = draw(st.sampled_from((0.0, 0.0, 0.5)))
        cases.append(Case(
            f"Z{i}", "z", CaseStatus.NEW, position=i,
            criteria={c: draw(st.integers(1, 5)) for c in CRITERIA},
            fte=draw(st.sampled_from((0.5, 1.0, 1.5, 2.0))),
            weeks=draw(st.integers(1, 6)),
            specialist_fte={Specialism.DIGITAL: digital} if digital else {},
            team=draw(st.sampled_from([None, None] + [t.team for t in teams])),
            latest_start=draw(st.sampled_from((None, START + 1, START + 4))),
            minors=draw(st.sampled_from((0, 0, 0, 1))),  # the priority rule
        ))
    fixed = ()
    if cases and draw(st.booleans()):
        fixed = (FixedPlacement(cases[-1].case_id, teams[0].team, START + 2),)
    return cases, CapacityData(teams), fixed


def _spots(r):
    return [(a.case_id, a.team, a.start_week) for a in r.assignments]


@pytest.mark.slow
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(units())
def test_every_planner_keeps_capacity_rank_and_fixed_placements(unit):
    cases, cap, fixed = unit
    plans = {p: make_plan(cases, cap, start=START, weeks=WEEKS, planner=p, fixed=fixed,
                          **BUDGET)
             for p in ("rank", "fill", "optimal")}
    rank = plans["rank"]
    for r in plans.values():
        assert verify_plan(cases, cap, START, WEEKS, r.assignments, fixed=fixed) == []
        fixed_spots = {(a.case_id, a.team, a.start_week) for a in r.assignments if a.fixed}
        assert fixed_spots == {(a.case_id, a.team, a.start_week)
                               for a in rank.assignments if a.fixed}
    assert plans["optimal"].total_priority >= rank.total_priority - 1e-9
    assert plans["fill"].total_priority >= rank.total_priority - 1e-9
    assert {a.case_id for a in plans["fill"].assignments} >= {a.case_id for a in rank.assignments}
    # priority-rule cases that rank order places stay placed in the optimal plan too
    prio = {e.case_id for e in rank.ranking.entries if e.priority_rule}
    placed = {a.case_id for a in rank.assignments} & prio
    assert placed <= {a.case_id for a in plans["optimal"].assignments}


@pytest.mark.slow
@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(units())
def test_same_input_same_plan(unit):
    cases, cap, fixed = unit
    for planner in ("fill", "optimal"):
        a, b = (make_plan(cases, cap, start=START, weeks=WEEKS, planner=planner, fixed=fixed,
                          **BUDGET) for _ in range(2))
        assert _spots(a) == _spots(b)
        assert a.total_priority == b.total_priority


def _tied_unit():
    """A unit (found by looping make_plan) with several plans of the same optimal total:
    Z0 and Z1 take the same room for a week each and trade places. CP-SAT's two-worker
    search returned either, whichever worker's task proved optimality first."""
    rows = [  # criteria, fte, weeks, digital fte, team, latest start, minors
        ((5, 4, 4, 3, 2, 1), 0.5, 1, 0.5, "T0", None, 0),
        ((5, 1, 5, 2, 5, 1), 0.5, 1, 0.0, None, None, 1),
        ((1, 1, 2, 4, 1, 1), 0.5, 2, 0.5, None, START + 1, 0),
        ((1, 5, 5, 5, 1, 1), 0.5, 3, 0.5, "T0", None, 0),
        ((1, 2, 1, 1, 4, 2), 2.0, 2, 0.0, "T0", None, 0),
        ((2, 2, 2, 1, 5, 1), 2.0, 4, 0.0, None, START + 1, 0),
        ((4, 1, 1, 1, 3, 2), 1.5, 6, 0.0, None, START + 1, 1),
        ((4, 3, 3, 4, 3, 2), 1.0, 6, 0.0, None, START + 4, 0),
        ((3, 2, 4, 4, 4, 1), 1.5, 6, 0.0, None, None, 0),
    ]
    cases = [
        Case(f"Z{i}", "z", CaseStatus.NEW, position=i,
             criteria=dict(zip(CRITERIA, crit, strict=True)), fte=fte, weeks=weeks, team=team,
             latest_start=latest, minors=minors,
             specialist_fte={Specialism.DIGITAL: digital} if digital else {})
        for i, (crit, fte, weeks, digital, team, latest, minors) in enumerate(rows)
    ]
    cap = CapacityData((Team("T0", 2.0, specialist_fte={Specialism.DIGITAL: 1.0}),))
    return cases, cap, (FixedPlacement("Z8", "T0", START + 2),)


def _tied_stage():  # type: ignore[no-untyped-def]
    """The interval model of the tied unit, hinted with its rank-order plan."""
    cases, cap, fixed = _tied_unit()
    grid, cands, _ = _problem(cases, cap)
    rank_state, _ = rank_plan(grid, cands, fixed)
    base = PlanState(grid)
    place_fixed(base, cands, fixed)
    hint = {cid: spot for cid, spot in rank_state.placed.items() if cid not in base.fixed}
    free = [c for c in cands if c.case_id not in base.placed]
    return _stage("intervals", base, free, set(hint), hint, {}, 0.0)


def test_a_search_that_ends_on_a_proof_returns_the_same_plan_every_run():
    stage = _tied_stage()
    plans = set()
    for _ in range(50):  # without the fix: two plans in 4 of 5 such loops
        solver, status, exact = _run(stage.model, 0.126, 60.0, 2, 0, _Progress(None, 0.0, 60.0),
                                     lns=True, rate=dtime_per_second(1))
        assert status == cp_model.OPTIMAL and exact
        plans.add(tuple(sorted(_placements(solver, stage.choice).items())))
    assert len(plans) == 1


def test_a_proof_at_or_below_settle_above_is_not_re_run(monkeypatch):
    # A decomposition piece takes a sub-plan only above its current total, so a proof that
    # the total cannot be raised needs no one-worker re-run to pick among tied plans.
    from stuurploeg.app.solvers import cpsat

    stage = _tied_stage()
    solves = []
    solve = cpsat._solve
    monkeypatch.setattr(cpsat, "_solve", lambda *a: solves.append(a[2].num_workers) or solve(*a))
    args = (stage.model, 0.126, 60.0, 2, 0, _Progress(None, 0.0, 60.0))
    solver, status, exact = _run(*args, lns=True, rate=dtime_per_second(1))
    assert status == cp_model.OPTIMAL and exact and solves == [2, 1]  # settled
    solves.clear()
    _, status, exact = _run(*args, lns=True, rate=dtime_per_second(1),
                            settle_above=solver.objective_value)
    assert status == cp_model.OPTIMAL and exact and solves == [2]  # not re-run


def test_a_unit_with_tied_optimal_plans_gets_the_same_plan_every_run(monkeypatch):
    monkeypatch.setenv("STUURPLOEG_SOLVER_IN_PROCESS", "1")  # the same search, faster
    cases, cap, fixed = _tied_unit()
    for planner in ("fill", "optimal"):
        plans = {tuple(_spots(make_plan(cases, cap, start=START, weeks=WEEKS, planner=planner,
                                        fixed=fixed, **BUDGET)))
                 for _ in range(10)}
        assert len(plans) == 1, planner


def _problem(cases, cap, weeks=WEEKS):
    grid = build_grid(cap, START, weeks, extra_weeks=max(c.weeks for c in cases) - 1)
    cands = prepare_candidates({c.case_id: c for c in cases}, rank_cases(cases), grid)
    rank_state, _ = rank_plan(grid, cands)
    return grid, cands, rank_state


def _case(cid, score, fte, weeks, pos):
    return Case(cid, cid, CaseStatus.NEW, criteria=dict.fromkeys(CRITERIA, score), fte=fte,
                weeks=weeks, position=pos)


def test_greedy_start_prefers_priority_per_fte_and_keeps_mandatory_cases():
    # rank order takes the big top case; two small ones are worth more together
    cases = [_case("Groot", 5, 2.0, 4, 0), _case("K1", 4, 1.0, 4, 1), _case("K2", 4, 1.0, 4, 2)]
    grid, cands, rank_state = _problem(cases, CapacityData((Team("T", 2.0),)), weeks=1)
    placed, total = greedy_start(PlanState(grid), cands, (), dict(rank_state.placed))
    assert total == pytest.approx(sum(c.score for c in cands if c.case_id != "Groot"))
    assert sorted(placed) == ["K1", "K2"]
    placed, _ = greedy_start(PlanState(grid), cands, {"Groot"}, dict(rank_state.placed))
    assert placed == {"Groot": rank_state.placed["Groot"]}


def test_previous_plan_with_a_move_penalty_keeps_cases_where_they_were():
    # two equal cases, one week each, one team with room for one at a time: without the
    # previous plan the search may put either first; with it (and a penalty) it keeps them
    cases = [_case("A", 3, 2.0, 1, 0), _case("B", 3, 2.0, 1, 1)]
    grid, cands, _ = _problem(cases, CapacityData((Team("T", 2.0),)), weeks=2)
    previous = {"A": (0, 1), "B": (0, 0)}
    out = solve_max_priority(PlanState(grid), cands, hint={}, previous=previous,
                             move_penalty=1.0, time_limit=1, wall_limit=60)
    assert out.placements == previous
    assert out.objective == pytest.approx(2 * cands[0].score)  # without the stability term


def test_deterministic_budget_shrinks_with_the_model_and_depends_only_on_the_input():
    teams = CapacityData(tuple(Team(f"T{i}", 3.0) for i in range(4)))
    rates = []
    for n in (5, 300, 1500):
        cases = [_case(f"Z{i}", 1 + i % 5, 1.0, 2, i) for i in range(n)]
        grid, cands, _ = _problem(cases, teams)
        base = PlanState(grid)
        kinds = model_sizes(base, cands)[0]
        assert kinds == n * 4  # every case fits on every team
        rates.append(dtime_per_second(kinds))
        assert dtime_per_second(model_sizes(PlanState(grid), list(cands))[0]) == rates[-1]
    assert rates[0] == DTIME_PER_SECOND_MAX  # a small unit: the cap
    assert rates[0] > rates[1] > rates[2] > 0


@pytest.mark.slow
def test_progress_names_the_best_plan_found_so_far():
    import random

    rng = random.Random(5)
    cases = [
        Case(f"Z{i}", "z", CaseStatus.NEW, position=i, fte=rng.choice((1, 1.5, 2, 3)),
             weeks=rng.randint(4, 16), criteria={c: rng.randint(1, 5) for c in CRITERIA})
        for i in range(60)
    ]
    cap = CapacityData(tuple(Team(f"T{i}", 4.0 + i) for i in range(3)))
    seen = []
    make_plan(cases, cap, start=START, weeks=26, planner="optimal", time_limit=2,
              wall_limit=60, state=TaskState(lambda f, m: seen.append((f, m))))
    search = [(f, m) for f, m in seen if m.startswith("Zoeken")]
    assert any("beste tot nu" in m for _, m in search)
    fractions = [f for f, _ in seen]
    assert fractions == sorted(fractions)
