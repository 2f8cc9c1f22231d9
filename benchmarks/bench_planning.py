"""Planners on a generated unit-scale instance, and the model choice, reproducibly.

Instance: 120 candidates, 5 teams, 26 weeks, running cases using about half of the
capacity, tight (candidate demand far above what is left). Printed per planner: time,
total priority, cases placed and, for the optimisers, the proven gap.

Then the model choice (DESIGN §5 expected the interval/cumulative model to scale best;
measured, the time-indexed model wins on these instances): the same maximum-priority
problem, without a starting solution and with the same budget, at 120 and 200
candidates, as
- a time-indexed MILP in scipy/HiGHS,
- the interval/cumulative CP-SAT model,
- the time-indexed CP-SAT model, free-running parallel search,
- the time-indexed CP-SAT model as make_plan runs it (deterministic interleaved search,
  deterministic-time budget: the same plan on every run).
All but the last stop on a wall-clock limit, so their figures vary from run to run; the
last one's total priority and bound do not (its time does).
One table: model, candidates, total priority, bound, gap, time. Every plan is verified by
the independent checker. Whole module: about 2½ minutes on 2 shared cores.
"""

from __future__ import annotations

import random
import time

import numpy as np

from stuurploeg.app.planning import make_plan
from stuurploeg.app.solvers.cpsat import solve_max_priority
from stuurploeg.domain.model import (
    CRITERIA,
    CapacityData,
    Case,
    CaseStatus,
    Specialism,
    Team,
)
from stuurploeg.domain.planning import (
    Assignment,
    PlanState,
    build_grid,
    prepare_candidates,
    rank_plan,
    verify_plan,
)
from stuurploeg.domain.planning.candidates import max_duration
from stuurploeg.domain.scoring import STANDARD_PROFILE, rank_cases
from stuurploeg.domain.weeks import IsoWeek

START = IsoWeek(2026, 40)
WEEKS = 26
PLANNER_TIME_LIMIT = 15.0  # seconds for fill and optimal
MODEL_TIME_LIMIT = 12.0  # seconds per model in the model choice


def unit_instance(seed: int = 11, n_candidates: int = 120, n_teams: int = 5):
    rng = random.Random(seed)
    teams = tuple(
        Team(
            f"Team {chr(65 + i)}",
            staffed_fte=rng.choice((10, 12, 14, 16)),
            deployability=rng.uniform(0.64, 0.78),
            specialist_fte={
                Specialism.DIGITAL: rng.choice((0, 1, 2)),
                Specialism.FINANCIAL: rng.choice((0, 1)),
                Specialism.TACTICAL: rng.choice((1, 2)),
            },
            position=i,
        )
        for i in range(n_teams)
    )
    availability = {}
    for t in teams:  # holiday dips
        for w in (12, 13, 14):
            availability[(t.team, START + w)] = round(t.base_fte * 0.6, 1)
    cases = []
    for i in range(n_candidates):
        spec = {}
        if rng.random() < 0.25:
            spec[Specialism.DIGITAL] = rng.choice((0.5, 1.0))
        if rng.random() < 0.15:
            spec[Specialism.FINANCIAL] = 0.5
        if rng.random() < 0.2:
            spec[Specialism.TACTICAL] = 0.5
        earliest = START + rng.randint(0, 10) if rng.random() < 0.15 else None
        latest = START + rng.randint(4, 20) if rng.random() < 0.15 else None
        if earliest and latest and latest < earliest:
            earliest, latest = latest, earliest
        cases.append(
            Case(
                f"MH-{i:03d}", f"Onderzoek {i}",
                rng.choice((CaseStatus.NEW, CaseStatus.NEW, CaseStatus.PARKED)),
                criteria={c: (None if rng.random() < 0.05 else rng.randint(1, 5))
                          for c in CRITERIA},
                fte=rng.choice((1.0, 1.5, 2.0, 2.5, 3.0, 4.0)),
                weeks=rng.randint(6, 26),
                specialist_fte=spec,
                team=teams[rng.randrange(n_teams)].team if rng.random() < 0.1 else None,
                earliest_start=earliest,
                latest_start=latest,
                ongoing=rng.random() < 0.3,
                minors=1 if rng.random() < 0.06 else 0,
                position=i,
            )
        )
    for j in range(3 * n_teams):
        t = teams[j % n_teams]
        cases.append(
            Case(
                f"LP-{j:03d}", f"Lopend {j}", CaseStatus.RUNNING,
                fte=rng.choice((1.5, 2.0, 2.5)), weeks=rng.randint(8, 30),
                team=t.team, start_week=START - rng.randint(0, 12),
                specialist_fte={Specialism.TACTICAL: 0.5} if rng.random() < 0.3 else {},
                position=1000 + j,
            )
        )
    return cases, CapacityData(teams, availability)


def _milp(base: PlanState, cands, time_limit: float):
    """Time-indexed MILP: a binary per candidate, team and feasible start week."""
    from scipy.optimize import Bounds, LinearConstraint, milp
    from scipy.sparse import coo_matrix

    cols = []  # (candidate, team, start)
    for c in cands:
        if c.problem is None:
            for ti in c.teams:
                cols.extend((c, ti, int(s)) for s in base.feasible_starts(c, ti))
    n_teams, n_kinds, length = base.remaining.shape
    rows, cidx, vals = [], [], []
    cand_row = {c.case_id: i for i, c in enumerate(cands)}
    n_cand = len(cands)
    for j, (c, ti, s) in enumerate(cols):
        rows.append(cand_row[c.case_id])
        cidx.append(j)
        vals.append(1.0)
        for k in np.nonzero(c.demand > 0)[0]:
            for w in range(s, s + c.duration):
                rows.append(n_cand + (ti * n_kinds + int(k)) * length + w)
                cidx.append(j)
                vals.append(float(c.demand[k]))
    n_rows = n_cand + n_teams * n_kinds * length
    a = coo_matrix((vals, (rows, cidx)), shape=(n_rows, len(cols))).tocsr()
    upper = np.concatenate([np.ones(n_cand), base.remaining.reshape(-1) + 1e-7])
    cost = -np.array([c.score for c, _, _ in cols])
    t0 = time.perf_counter()
    res = milp(
        cost,
        constraints=LinearConstraint(a, -np.inf, upper),
        integrality=np.ones(len(cols)),
        bounds=Bounds(0, 1),
        options={"time_limit": time_limit, "disp": False},
    )
    seconds = time.perf_counter() - t0
    placements = {}
    if res.x is not None:
        for j, (c, ti, s) in enumerate(cols):
            if res.x[j] > 0.5:
                placements[c.case_id] = (ti, s)
    bound = getattr(res, "mip_dual_bound", None)
    return placements, seconds, len(cols), (-bound if bound is not None else None)


def _check(cases, capacity, grid, cands, placements) -> float:
    cmap = {c.case_id: c for c in cands}
    by_id = {c.case_id: c for c in cases}
    assignments = [
        Assignment(cid, grid.teams[ti], grid.week(s), cmap[cid].duration, by_id[cid].fte)
        for cid, (ti, s) in placements.items()
    ]
    problems = verify_plan(cases, capacity, START, WEEKS, assignments)
    if problems:
        print("    ONGELDIG PLAN:", problems[:3])
    return sum(cmap[cid].score for cid in placements)


def main() -> None:
    cases, capacity = unit_instance()
    n_cand = sum(c.status.is_candidate for c in cases)
    running = [c for c in cases if c.status is CaseStatus.RUNNING]
    print(f"instance: {n_cand} candidates, {len(capacity.teams)} teams, {WEEKS} weeks, "
          f"{len(running)} running cases")
    grid = build_grid(capacity, START, WEEKS, running_cases=running,
                      extra_weeks=max_duration(cases) - 1)
    free = grid.remaining()[:, 0, :WEEKS].sum()
    demand = sum(c.fte * c.weeks for c in cases if c.status.is_candidate)
    print(f"  tightness: candidate demand {demand:.0f} fte-weeks vs {free:.0f} free in the "
          f"horizon ({demand / free:.1f}x)")

    print(f"\nplanners (make_plan with default workers, time limit {PLANNER_TIME_LIMIT:.0f} s; "
          "incl. reasons, fragility and the independent check):")
    print(f"  {'planner':8s} {'time':>8s}  {'total priority':>14s}  {'placed':>7s}  "
          f"{'gap':>6s}  status")
    results = {}
    for planner in ("rank", "fill", "optimal"):
        t0 = time.perf_counter()
        r = make_plan(cases, capacity, start=START, weeks=WEEKS, planner=planner,
                      time_limit=PLANNER_TIME_LIMIT)
        seconds = time.perf_counter() - t0
        results[planner] = r
        gap = "-" if r.gap is None else f"{100 * r.gap:.1f}%"
        print(f"  {planner:8s} {seconds:6.2f} s  {r.total_priority:14.1f}  "
              f"{len(r.assignments):3d}/{n_cand}  {gap:>6s}  {r.status}")
        for w in r.warnings:
            print(f"    warning: {w}")
    rank = results["rank"].total_priority
    for p in ("fill", "optimal"):
        print(f"  {p} vs rank: {results[p].total_priority / rank:.3f}x total priority")

    print(f"\nmodel choice: maximum total priority, no starting solution, "
          f"{MODEL_TIME_LIMIT:.0f} s budget each, 8 workers for CP-SAT")
    print(f"  {'model':44s} {'candidates':>10s}  {'total priority':>14s}  {'bound':>8s}  "
          f"{'gap':>6s}  {'time':>7s}")
    rows = []
    for n in (120, 200):
        rows.extend(_model_choice(n))
    print("\n  ratios, same candidates (total priority / the chosen model's):")
    chosen = {n: total for model, n, total, *_ in rows if model == CHOSEN}
    for model, n, total, *_ in rows:
        if model != CHOSEN:
            print(f"    {n} candidates, {model}: {total / chosen[n]:.3f}x")
    print("  chosen: the time-indexed model in CP-SAT, deterministic (its LP bound proves a small "
          "gap; the interval model's bound is weak and its plans worse; HiGHS is on par but "
          "cannot be cancelled, report progress or reproduce a plan under a time limit)")


CHOSEN = "CP-SAT time-indexed, deterministic (chosen)"


def _model_choice(n_candidates: int) -> list[tuple[str, int, float, float | None, float]]:
    cases, capacity = unit_instance(n_candidates=n_candidates)
    running = [c for c in cases if c.status is CaseStatus.RUNNING]
    grid = build_grid(capacity, START, WEEKS, running_cases=running,
                      extra_weeks=max_duration(cases) - 1)
    ranking = rank_cases(cases, STANDARD_PROFILE)
    cands = prepare_candidates({c.case_id: c for c in cases}, ranking, grid)
    base = PlanState(grid)
    rank_state, _ = rank_plan(grid, cands)
    rank = rank_state.total_priority({c.case_id: c for c in cands})
    rows = [("rank-order greedy (reference)", n_candidates, rank, None, 0.0)]
    placements, seconds, n_vars, bound = _milp(base, cands, MODEL_TIME_LIMIT)
    total = _check(cases, capacity, grid, cands, placements)
    rows.append((f"MILP time-indexed, HiGHS ({n_vars} binaries)", n_candidates, total, bound,
                 seconds))
    for label, form, deterministic in (
        ("CP-SAT intervals + cumulative", "intervals", False),
        ("CP-SAT time-indexed, free parallel search", "time-indexed", False),
        (CHOSEN, "time-indexed", True),
    ):
        out = solve_max_priority(base, cands, time_limit=MODEL_TIME_LIMIT, formulation=form,
                                 deterministic=deterministic)
        total = _check(cases, capacity, grid, cands, out.placements)
        rows.append((label, n_candidates, total, out.bound, out.seconds))
    for model, n, total, bound, seconds in rows:
        btext = f"{bound:8.1f}" if bound is not None else "       -"
        ttext = f"{seconds:5.1f} s" if seconds else "      -"
        print(f"  {model:44s} {n:10d}  {total:14.1f}  {btext}  {_gap(total, bound)}  {ttext}",
              flush=True)
    return rows


def _gap(total: float, bound: float | None) -> str:
    if bound is None or bound <= 0:
        return "     -"
    return f"{100 * max(bound - total, 0) / bound:5.1f}%"


if __name__ == "__main__":
    main()
