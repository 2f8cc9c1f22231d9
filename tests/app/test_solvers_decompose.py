"""The decomposition search (two or more teams at a time): it never makes the plan worse,
keeps capacity and the mandatory cases, gives the same plan twice, stops on a cancel, and
make_plan uses it on large units."""

from __future__ import annotations

import random
import threading

import numpy as np
import pytest

from stuurploeg.app.planning import make_plan
from stuurploeg.app.solvers import cpsat
from stuurploeg.app.solvers import decompose as decompose_module
from stuurploeg.app.solvers.decompose import (
    MAX_GROUPS,
    _batch,
    _groups,
    _offer,
    _spread,
    _sub_problem,
    decompose,
    group_size,
)
from stuurploeg.app.solvers.start import FTE_SCALE, greedy_start
from stuurploeg.domain.model import CRITERIA, CapacityData, Case, CaseStatus, Specialism, Team
from stuurploeg.domain.planning import (
    PlanState,
    build_grid,
    prepare_candidates,
    rank_plan,
    verify_plan,
)
from stuurploeg.domain.progress import TaskState
from stuurploeg.domain.scoring import rank_cases
from stuurploeg.domain.weeks import IsoWeek

START = IsoWeek(2026, 40)
WEEKS = 16


def _unit(seed: int = 3, n_cases: int = 70, n_teams: int = 4):
    rng = random.Random(seed)
    teams = CapacityData(tuple(
        Team(f"T{i}", rng.choice((2.0, 3.0, 4.5)),
             specialist_fte={Specialism.DIGITAL: rng.choice((0.0, 0.5, 1.0))})
        for i in range(n_teams)))
    cases = []
    for i in range(n_cases):
        digital = rng.choice((0.0, 0.0, 0.0, 0.5))
        cases.append(Case(
            f"Z{i:03d}", "z", CaseStatus.NEW, position=i,
            criteria={c: rng.randint(1, 5) for c in CRITERIA},
            fte=rng.choice((0.5, 1.0, 1.5, 2.0)), weeks=rng.randint(2, 10),
            specialist_fte={Specialism.DIGITAL: digital} if digital else {},
            team=rng.choice([None, None, None, f"T{rng.randrange(n_teams)}"]),
            minors=1 if rng.random() < 0.08 else 0, ongoing=True,  # the priority rule
        ))
    return cases, teams


def _problem(cases, cap):
    grid = build_grid(cap, START, WEEKS, extra_weeks=max(c.weeks for c in cases) - 1)
    cands = prepare_candidates({c.case_id: c for c in cases}, rank_cases(cases), grid)
    return grid, cands, rank_plan(grid, cands)[0]


def _start(cands, grid, rank_state, mandatory):
    return greedy_start(PlanState(grid), cands, mandatory, dict(rank_state.placed))[0]


def _search(cands, grid, mandatory, plan, seconds=2.0, state=None):
    progress = cpsat._Progress(state, 0.0, 60.0)
    return decompose(PlanState(grid), cands, mandatory, plan, seconds=seconds, wall=120.0,
                     seed=0, workers=2, progress=progress, state=state)


def _valid_in_integers(grid, cands, placements):
    """What the solver's integer model checks: hundredths of an fte, capacity rounded
    down and demand up."""
    by_id = {c.case_id: c for c in cands}
    left = np.floor(PlanState(grid).remaining * FTE_SCALE + 1e-7)
    for cid, (ti, s) in placements.items():
        cand = by_id[cid]
        assert ti in cand.teams and cand.first <= s <= cand.last
        left[ti, :, s : s + cand.duration] -= np.ceil(cand.demand * FTE_SCALE - 1e-7)[:, None]
    return bool((left >= 0).all())


def test_group_size_takes_enough_of_the_model_and_never_all_teams():
    assert group_size(2442, 8) == 2  # 300 candidates on 8 teams: a quarter each
    assert group_size(814, 6) == 4
    assert group_size(100, 5) == 4  # small: as many as leaves one team out
    assert group_size(10_000, 3) == 2


def test_every_team_gets_its_turn_before_any_team_gets_a_second():
    groups = _spread(_groups(8, 2, random.Random(0)), 8)
    assert len(groups) == 28 and len(set(groups)) == 28
    assert sorted(t for g in groups[:4] for t in g) == list(range(8))
    assert groups == _spread(_groups(8, 2, random.Random(0)), 8)  # seeded


def test_dozens_of_teams_give_a_bounded_number_of_groups():
    groups = _groups(60, 30, random.Random(1))  # comb(60, 30) is about 1e17
    assert len(groups) == len(set(groups)) == MAX_GROUPS
    assert all(len(set(g)) == 30 for g in groups)


def test_decomposition_never_loses_priority_and_keeps_capacity_and_mandatory_cases():
    cases, cap = _unit()
    grid, cands, rank_state = _problem(cases, cap)
    mandatory = {cid for cid in rank_state.placed
                 if next(c for c in cands if c.case_id == cid).priority_rule}
    assert mandatory  # the unit has priority-rule cases the rank order places
    plan = _start(cands, grid, rank_state, mandatory)
    before = sum(c.score for c in cands if c.case_id in plan)
    out = _search(cands, grid, mandatory, plan)
    assert out.pieces > 0 and out.reproducible
    assert out.total >= before - 1e-9
    assert out.total == pytest.approx(sum(c.score for c in cands if c.case_id in out.placements))
    assert mandatory <= set(out.placements)
    assert _valid_in_integers(grid, cands, out.placements)


def test_decomposition_gives_the_same_plan_twice():
    cases, cap = _unit(seed=8)
    grid, cands, rank_state = _problem(cases, cap)
    plan = _start(cands, grid, rank_state, ())
    a, b = (_search(cands, grid, (), dict(plan)) for _ in range(2))
    assert a.placements == b.placements
    assert (a.pieces, a.improved, a.seconds) == (b.pieces, b.improved, b.seconds)


def test_sub_problem_leaves_exactly_the_integer_capacity_the_fixed_cases_do_not_take():
    cases, cap = _unit(seed=5)
    grid, cands, rank_state = _problem(cases, cap)
    base = PlanState(grid)
    by_id = {c.case_id: c for c in cands}
    plan = dict(rank_state.placed)
    capacity = np.floor(base.remaining * FTE_SCALE + 1e-7)
    demand = {cid: np.ceil(c.demand * FTE_SCALE - 1e-7) for cid, c in by_id.items()}
    sub, sub_cands = _sub_problem(base, by_id, plan, (0, 2), capacity, demand)
    want = capacity.copy()
    for cid, (ti, s) in plan.items():
        if ti not in (0, 2):
            want[ti, :, s : s + by_id[cid].duration] -= demand[cid][:, None]
    scaled = np.vectorize(cpsat.scaled_capacity)(sub.remaining)
    assert (scaled == want).all()  # what the sub-model's cumulatives get
    for cand in sub_cands:  # only cases not placed elsewhere, only on the pair
        assert set(cand.teams) <= {0, 2}
        assert plan.get(cand.case_id, (0,))[0] in (0, 2)


def test_a_cancel_stops_the_decomposition_with_the_plan_so_far():
    cases, cap = _unit()
    grid, cands, rank_state = _problem(cases, cap)
    plan = _start(cands, grid, rank_state, ())
    state = TaskState(lambda f, m: None)
    state.cancel()
    out = _search(cands, grid, (), dict(plan), state=state)
    assert out.pieces == 0 and not out.reproducible
    assert out.placements == plan


@pytest.mark.slow
def test_make_plan_uses_the_decomposition_on_large_units(monkeypatch):
    cases, cap = _unit(n_cases=90)
    monkeypatch.setattr(cpsat, "DECOMPOSE_MIN_KINDS", 100)
    monkeypatch.setenv("STUURPLOEG_SOLVER_IN_PROCESS", "1")  # the patch must reach it
    from stuurploeg.app.solvers import decompose as module

    calls = []
    real = module.decompose

    def counted(*args, **kwargs):
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(module, "decompose", counted)
    plans = [make_plan(cases, cap, start=START, weeks=WEEKS, planner="optimal",
                       time_limit=3, wall_limit=120) for _ in range(2)]
    assert len(calls) == 2
    rank = make_plan(cases, cap, start=START, weeks=WEEKS, planner="rank")
    for plan in plans:
        assert verify_plan(cases, cap, START, WEEKS, plan.assignments) == []
        assert plan.total_priority >= rank.total_priority - 1e-9
    a, b = ([(x.case_id, x.team, x.start_week) for x in p.assignments] for p in plans)
    assert a == b
    prio = {e.case_id for e in rank.ranking.entries if e.priority_rule}
    assert {x.case_id for x in rank.assignments} & prio <= {x.case_id for x in plans[0].assignments}


@pytest.mark.slow
def test_fill_ends_with_the_decomposition_and_optimal_searches_the_whole_model_after_it(
        monkeypatch):
    cases, cap = _unit(n_cases=90)
    monkeypatch.setattr(cpsat, "DECOMPOSE_MIN_KINDS", 100)
    monkeypatch.setenv("STUURPLOEG_SOLVER_IN_PROCESS", "1")  # the patch must reach it
    from stuurploeg.app.solvers import decompose as module

    inside = []
    whole = []
    real_decompose, real_run = module.decompose, cpsat._run

    def decompose_(*args, **kwargs):
        inside.append(1)
        try:
            return real_decompose(*args, **kwargs)
        finally:
            inside.pop()

    def run_(*args, **kwargs):
        if not inside:
            whole.append(1)
        return real_run(*args, **kwargs)

    monkeypatch.setattr(module, "decompose", decompose_)
    monkeypatch.setattr(cpsat, "_run", run_)
    rank = make_plan(cases, cap, start=START, weeks=WEEKS, planner="rank")
    fill = make_plan(cases, cap, start=START, weeks=WEEKS, planner="fill", time_limit=3,
                     wall_limit=120)
    assert whole == []
    assert verify_plan(cases, cap, START, WEEKS, fill.assignments) == []
    assert {x.case_id for x in rank.assignments} <= {x.case_id for x in fill.assignments}
    make_plan(cases, cap, start=START, weeks=WEEKS, planner="optimal", time_limit=3,
              wall_limit=120)
    assert whole


def test_a_batch_takes_groups_that_share_no_team_and_skips_useless_batches():
    order = [(0, 1), (1, 2), (2, 3), (0, 3)]
    batch = _batch(order, set(), 2)
    assert batch == ((0, 1), (2, 3))
    assert order == [(1, 2), (0, 3), (0, 1), (2, 3)]  # the batch's groups go to the end
    # (1, 2) has no partner left that is not useless with it: it runs alone
    useless = {((1, 2), (0, 3))}
    assert _batch(order, useless, 2) == ((1, 2),)
    # every batch there is to make has found nothing: the search is done
    everything = {((1, 2), (0, 3)), ((1, 2),), ((0, 3), (1, 2)), ((0, 3),),
                  ((0, 1), (2, 3)), ((0, 1),), ((2, 3), (0, 1)), ((2, 3),)}
    assert _batch(list(order), everything, 2) == ()


def test_the_cases_out_of_the_plan_are_offered_to_one_piece_each():
    cases, cap = _unit(seed=5, n_teams=4)
    _grid, cands, rank_state = _problem(cases, cap)
    by_id = {c.case_id: c for c in cands if c.problem is None}
    plan = {cid: spot for cid, spot in rank_state.placed.items() if cid in by_id}
    batch = ((0, 1), (2, 3))
    offered = _offer(by_id, plan, batch)
    assert set(offered) == {cid for cid in by_id if cid not in plan}
    for cid, piece in offered.items():
        assert set(by_id[cid].teams) & set(batch[piece])  # offered where it may go
    assert {0, 1} == set(offered.values())  # both pieces get a share
    assert _offer(by_id, plan, batch[:1]) == {}  # a group alone sees every case


def test_the_pieces_of_a_batch_run_at_once_on_one_worker_each(monkeypatch):
    cases, cap = _unit(seed=11, n_cases=80, n_teams=6)
    monkeypatch.setattr(decompose_module, "SUB_KINDS", 1)  # groups of two teams
    grid, cands, rank_state = _problem(cases, cap)
    plan = _start(cands, grid, rank_state, ())
    running, overlapped, workers = [0], [False], []
    lock = threading.Lock()
    real = cpsat._run

    def recorded(model, dtime, seconds, n_workers, *args, **kwargs):
        with lock:
            running[0] += 1
            overlapped[0] = overlapped[0] or running[0] > 1
            workers.append(n_workers)
        try:
            return real(model, dtime, seconds, n_workers, *args, **kwargs)
        finally:
            with lock:
                running[0] -= 1

    monkeypatch.setattr(cpsat, "_run", recorded)
    a = _search(cands, grid, (), dict(plan), seconds=3.0)
    monkeypatch.setattr(cpsat, "_run", real)
    b = _search(cands, grid, (), dict(plan), seconds=3.0)
    assert a.pieces >= 2 and set(workers) == {1} and overlapped[0]
    assert a.placements == b.placements  # threads or not, the same plan
    assert _valid_in_integers(grid, cands, a.placements)
