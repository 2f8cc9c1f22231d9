"""Best known plans for the benchmark instances: long runs, stored in best_known.json.

    nice -n 10 .venv/bin/python -m benchmarks.instances_best [--seconds 180] [--workers 2]
        [--from-planner] [--kinds optimal,fill] [names...]

Per instance two problems, as make_plan poses them after the rank-order plan:
- ``optimal``: any subset of candidates, priority-rule cases that rank order placed must
  stay placed;
- ``fill``: every case rank order placed must stay placed (the best fill known).
Each is solved by the optimiser's staging (``formulation="auto"``: the best greedy start,
interval-model LNS, then the time-indexed model whose LP gives the proven upper bound)
but free-running (2 workers, a plain wall-clock limit, several times the default budget),
followed by the in-order fill that make_plan also runs. The best total priority seen is
stored with how it was found; an existing entry is only replaced by a better one (the
first long runs used the interval model alone, 180 s, then the time-indexed model for
60 s). Not part of ``make bench`` (it takes about half an hour). ``--from-planner``: the
long search starts from the plan the planner under test makes at the default budget, so
the best known is at least that good and any better plan shows how far the planner is
from what a long search attains; ``make bench`` itself never writes this file.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import os
import platform
import time
from pathlib import Path

from benchmarks.instances import START, WEEKS, instance, names, tight_names
from stuurploeg.app.solvers.cpsat import (
    MAX_TIME_INDEXED_TERMS,
    solve_max_priority,
    time_indexed_terms,
)
from stuurploeg.domain.model import CaseStatus
from stuurploeg.domain.planning import (
    PlanState,
    build_grid,
    fill_in_order,
    planning_order,
    prepare_candidates,
    rank_plan,
)
from stuurploeg.domain.planning.candidates import max_duration
from stuurploeg.domain.scoring import STANDARD_PROFILE, rank_cases

BEST_KNOWN = Path(__file__).with_name("best_known.json")


def problem(name: str):
    """(grid, candidates in ranking order, rank-order plan state) for an instance."""
    inst = instance(name)
    cases = list(inst.cases)
    running = [c for c in cases if c.status is CaseStatus.RUNNING]
    grid = build_grid(inst.capacity, START, WEEKS, running_cases=running,
                      extra_weeks=max(max_duration(cases) - 1, 0))
    ranking = rank_cases(cases, STANDARD_PROFILE)
    cands = prepare_candidates({c.case_id: c for c in cases}, ranking, grid)
    rank_state, _ = rank_plan(grid, cands)
    return grid, cands, rank_state


def load() -> dict:
    if BEST_KNOWN.exists():
        return json.loads(BEST_KNOWN.read_text(encoding="utf-8"))
    return {}


def save(data: dict) -> None:
    for entry in data.values():  # strict JSON: an unproven bound is null, not Infinity
        for run in entry.values():
            if run.get("bound") is not None and not math.isfinite(run["bound"]):
                run["bound"] = None
    tmp = BEST_KNOWN.with_suffix(".tmp")
    tmp.write_text(json.dumps(data, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    os.replace(tmp, BEST_KNOWN)


def _finish(grid, cands, placements) -> tuple[float, dict]:
    cmap = {c.case_id: c for c in cands}
    state = PlanState(grid)
    for cid, (ti, s) in placements.items():
        if not state.fits(cmap[cid], ti, s):
            raise AssertionError(f"{cid} does not fit")
        state.place(cmap[cid], ti, s)
    fill_in_order(state, planning_order(cands))
    return state.total_priority(cmap), dict(state.placed)


def planner_start(name: str, kind: str, grid, time_limit: float = 30.0) -> dict:
    """The plan ``make_plan`` makes of ``name`` with planner ``kind`` at ``time_limit``, as
    solver placements (case id -> (team index, start index)): a start for a long run."""
    from stuurploeg.app.planning import make_plan

    inst = instance(name)
    result = make_plan(list(inst.cases), inst.capacity, start=START, weeks=WEEKS,
                       planner=kind, time_limit=time_limit, wall_limit=10 * time_limit)
    teams = {team: i for i, team in enumerate(grid.teams)}
    return {a.case_id: (teams[a.team], grid.index_of(a.start_week))
            for a in result.assignments if not a.fixed}


def run(name: str, kind: str, seconds: float, *, workers: int = 2,
        from_planner: bool = False) -> dict:
    grid, cands, rank_state = problem(name)
    cmap = {c.case_id: c for c in cands}
    hint = dict(rank_state.placed)
    mandatory = set(hint) if kind == "fill" else {c for c in hint if cmap[c].priority_rule}
    start = "the greedy start"
    if from_planner:  # a long search that starts where the planner under test ended
        hint = planner_start(name, kind, grid)
        start = f"the {kind} planner's 30 s plan"
    found = []
    t0 = time.perf_counter()
    # the optimiser's own staging (greedy start, interval LNS, then the time-indexed model
    # with its LP bound), free-running with a plain wall-clock limit
    out = solve_max_priority(PlanState(grid), cands, mandatory=mandatory, hint=hint,
                             time_limit=seconds, workers=workers, formulation="auto",
                             deterministic=False)
    total, _ = _finish(grid, cands, out.placements)
    found.append((total, f"CP-SAT interval LNS from {start} then time-indexed, "
                         f"free search, {workers} workers, {seconds:.0f} s"))
    # only the time-indexed model's LP gives a bound worth storing; the interval model's
    # alone is several times the plan's value
    lp = time_indexed_terms(PlanState(grid), cands) <= MAX_TIME_INDEXED_TERMS
    bound = (round(out.bound, 3) if kind == "optimal" and lp and math.isfinite(out.bound)
             else None)
    best, how = max(found)
    return {
        "total_priority": round(best, 3),
        "rank_total_priority": round(rank_state.total_priority(cmap), 3),
        "how": how,
        "bound": bound,
        "seconds": round(time.perf_counter() - t0, 1),
        "date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%MZ"),
        "load": round(os.getloadavg()[0], 1),
        "machine": f"{platform.machine()}, {os.cpu_count()} cores (shared)",
    }


def record(name: str, kind: str, entry: dict) -> bool:
    """Store ``entry`` as the best known ``kind`` plan of ``name`` when it is better than
    the stored one (a stored proven bound is kept); True when it was stored."""
    data = load()
    old = data.get(name, {}).get(kind)
    if old is not None and entry["total_priority"] <= old["total_priority"] + 1e-9:
        return False
    if old and old.get("bound") is not None and entry.get("bound") is None:
        entry["bound"] = old["bound"]
    data.setdefault(name, {})[kind] = entry
    save(data)
    return True


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--seconds", type=float, default=180.0)
    ap.add_argument("--all", action="store_true", help="also the loose instances")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--from-planner", action="store_true",
                    help="start the long search from the planner's own 30 s plan")
    ap.add_argument("--kinds", default="optimal,fill")
    ap.add_argument("names", nargs="*")
    args = ap.parse_args()
    todo = args.names or (names() if args.all else tight_names())
    for name in todo:
        for kind in args.kinds.split(","):
            seconds = args.seconds if kind == "optimal" else args.seconds / 2
            entry = run(name, kind, seconds, workers=args.workers,
                        from_planner=args.from_planner)
            record(name, kind, entry)
            print(name, kind, entry, flush=True)


if __name__ == "__main__":
    main()
