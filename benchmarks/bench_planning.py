"""Planners against the best known plan, on generated unit-like instances.

Instances: benchmarks/instances.py (60, 120 and 300 candidates on 5, 6 and 8 teams, teams
staffed at 40 %, 60 % and 100 %). Best known: benchmarks/best_known.json, from long runs
(benchmarks/instances_best.py; each entry says how it was found, when, under what load).
For ``optimal`` the best known is the best plan of either long run (a fill is also a
valid optimal plan); for ``fill`` it is the best fill known (every case rank order places
stays placed). A plan better than the best known is flagged, not stored: the reference
must come from a search other than the one measured against it (a long run, which may
start from the planner's own plan: ``instances_best --from-planner``).

Printed per instance and planner: total priority, its ratio to the best known, the ratio
of rank order, the wall-clock seconds of make_plan (model building, search, compaction,
reasons, fragility and the independent check included) and whether the plan is the
reproducible one (the deterministic budget finished within the time limit). The tight
instances run at the default budget of 30 s, the loose ones (100 % staffing, where rank
order is nearly optimal) at 10 s, to keep the run at about seven minutes. The machine
load is printed: on a shared machine the search gets fewer cycles and the ratios are
pessimistic.
"""

from __future__ import annotations

import json
import math
import os
import time

from benchmarks.instances import START, WEEKS, instance, names
from benchmarks.instances_best import BEST_KNOWN
from stuurploeg.app.planning import make_plan

TIGHT_BUDGET = 30.0  # the default of `stuurploeg plan` and the GUI
LOOSE_BUDGET = 10.0
TARGET = 0.98


def best_known() -> dict[str, dict[str, float]]:
    data = json.loads(BEST_KNOWN.read_text(encoding="utf-8")) if BEST_KNOWN.exists() else {}
    out = {}
    for name, entry in data.items():
        fill = entry.get("fill", {}).get("total_priority")
        opt = entry.get("optimal", {}).get("total_priority")
        bound = entry.get("optimal", {}).get("bound")
        out[name] = {
            "optimal": max(v for v in (opt, fill) if v is not None) if (opt or fill) else None,
            "fill": fill,
            "bound": bound if bound is not None and math.isfinite(bound) else None,
        }
    return out


def main() -> None:
    known = best_known()
    print(f"load average at start: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    print(f"budget: {TIGHT_BUDGET:.0f} s on the tight instances (40 %, 60 % staffing), "
          f"{LOOSE_BUDGET:.0f} s on the loose ones (100 %)")
    print(f"  {'instance':13s} {'planner':8s} {'total':>8s} {'/best':>6s} {'rank/best':>9s} "
          f"{'seconds':>7s} {'/budget':>7s}  repro  best known (bound)")
    misses = []
    for name in names():
        inst = instance(name)
        budget = TIGHT_BUDGET if inst.tight else LOOSE_BUDGET
        best = known.get(name, {})
        rank_total = None
        for planner in ("rank", "fill", "optimal"):
            t0 = time.perf_counter()
            r = make_plan(list(inst.cases), inst.capacity, start=START, weeks=WEEKS,
                          planner=planner, time_limit=budget)
            seconds = time.perf_counter() - t0
            if planner == "rank":
                rank_total = r.total_priority
                ref = best.get("optimal")
            else:
                ref = best.get(planner)
            ratio = r.total_priority / ref if ref else math.nan
            rank_ratio = rank_total / ref if ref else math.nan
            repro = "no" if any("ander plan" in w for w in r.warnings) else "yes"
            bound = best.get("bound")
            ref_text = "-" if ref is None else f"{ref:.1f}"
            if bound is not None and planner == "optimal":
                ref_text += f" ({bound:.1f})"
            budget_ratio = "-" if planner == "rank" else f"{seconds / budget:.2f}"
            if planner != "rank" and (ref is None or r.total_priority > ref + 0.01):
                # Not stored: the reference must come from a search other than the one
                # measured against it (benchmarks/instances_best.py --from-planner).
                ref_text += " -> better than the best known: run benchmarks.instances_best"
            print(f"  {name:13s} {planner:8s} {r.total_priority:8.1f} {ratio:6.3f} "
                  f"{rank_ratio:9.3f} {seconds:7.1f} {budget_ratio:>7s}  {repro:5s}  {ref_text}",
                  flush=True)
            if planner != "rank" and inst.tight and not ratio >= TARGET:
                misses.append(f"{name} {planner} {ratio:.3f}")
    print(f"load average at end: {os.getloadavg()[0]:.1f}")
    print(f"tight instances below {TARGET} of best known: " + (", ".join(misses) or "none"))
    isolation()


def isolation(name: str = "c60-t5-s60", time_limit: float = 1.0, repeats: int = 5) -> None:
    """The same small solve in-process and in the solver's child process (app.solvers.
    isolated): warm (the spare waiting, as between plans in the app) and cold (a fresh
    child that first imports the solver: the first plan of a session), in turn."""
    import statistics

    from stuurploeg.app.solvers import isolated
    from stuurploeg.domain.planning import PlanState, build_grid, prepare_candidates, rank_plan
    from stuurploeg.domain.scoring import rank_cases

    inst = instance(name)
    cases = list(inst.cases)
    grid = build_grid(inst.capacity, START, WEEKS,
                      extra_weeks=max(c.weeks or 0 for c in cases) - 1)  # fmt: skip
    cands = prepare_candidates({c.case_id: c for c in cases}, rank_cases(cases), grid)
    hint = dict(rank_plan(grid, cands)[0].placed)
    kwargs = dict(hint=hint, time_limit=time_limit, wall_limit=60.0)
    times: dict[str, list[float]] = {"in-process": [], "isolated, warm": [],
                                     "isolated, cold": []}  # fmt: skip
    searches: dict[str, list[float]] = {label: [] for label in times}
    plans = set()
    for _ in range(repeats):
        for label, how in (("in-process", True), ("isolated, warm", False),
                           ("isolated, cold", False)):  # fmt: skip
            isolated.prewarm()
            # the spare's imports done (as after any plan in the app), and not taking CPU
            # from the in-process search
            time.sleep(3.0)
            if label.endswith("cold"):
                isolated.shutdown()
            t0 = time.perf_counter()
            out = isolated.solve_isolated(PlanState(grid), cands, in_process=how, **kwargs)
            times[label].append(time.perf_counter() - t0)
            searches[label].append(out.seconds)
            plans.add(tuple(sorted(out.placements.items())))
    ref = statistics.median(times["in-process"])
    print(f"solver isolation, {name}, time limit {time_limit:g} s, median of {repeats}:")
    for label, ts in times.items():
        m = statistics.median(ts)
        # what the child adds around the same search (start, pickling, exit): less
        # polluted by a busy machine than the difference of two searches
        outside = statistics.median(t - s for t, s in zip(ts, searches[label], strict=True))
        print(f"  {label:15s} {m:6.3f} s  ratio {m / ref:5.2f}  overhead "
              f"{(m - ref) * 1000:+6.0f} ms  (outside the search {outside * 1000:5.0f} ms)")
    print(f"  same plan in every run: {'yes' if len(plans) == 1 else 'NO'}")
