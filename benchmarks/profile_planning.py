"""Where a `fill` / `optimal` make_plan spends its wall clock and CPU, stage by stage.

`python -m benchmarks.profile_planning [NAME[:PLANNER] ...] [--time-limit 30] [--wall 400|none]`
runs make_plan with the search in this process (STUURPLOEG_SOLVER_IN_PROCESS) and the
wall-clock limit lifted (so the deterministic budget always finishes and the plan is the
reproducible one), and prints per run: total priority and its ratio to the best known,
wall seconds, process CPU seconds (CPU / 2 is what an idle 2-core machine would need), and
the time in each part: Python model building, CP-SAT solves (by where: decomposition
pieces, main stages, the one-worker settle re-runs, phase 2), the greedy start, the
decomposition's sub-problems, the rest (ranking, post-processing, checks).
The default set is the six tight runs issue 12 names as tight on time.
PROFILE_* environment variables (see ``_knobs``) change the search for an experiment
without editing the source: PROFILE_RATE_SCALE, PROFILE_FILL_SCALE, PROFILE_IGNORE
(subsolvers), PROFILE_PIECE_WORKERS, PROFILE_PIECE_DTIME, PROFILE_PIECE_RATE_MAX,
PROFILE_SET_<parameter> / PROFILE_PIECE_SET_<parameter> (a CP-SAT parameter everywhere /
in the decomposition's pieces only), PROFILE_VERBOSE (every solve and the decomposition).
"""

from __future__ import annotations

import os
import sys
import time
from collections import defaultdict

os.environ["STUURPLOEG_SOLVER_IN_PROCESS"] = "1"

from benchmarks.bench_planning import best_known
from benchmarks.instances import START, WEEKS, instance
from stuurploeg.app.planning import make_plan
from stuurploeg.app.solvers import cpsat, decompose, start

DEFAULT_RUNS = [f"{n}:{p}" for n in ("c120-t6-s40", "c300-t8-s40", "c300-t8-s60")
                for p in ("fill", "optimal")]


class _Timer:
    def __init__(self) -> None:
        self.wall: dict[str, float] = defaultdict(float)
        self.cpu: dict[str, float] = defaultdict(float)
        self.count: dict[str, int] = defaultdict(int)
        self.dtime: dict[str, float] = defaultdict(float)
        self.where: list[str] = []

    def add(self, key: str, wall: float, cpu: float, dtime: float = 0.0) -> None:
        self.wall[key] += wall
        self.cpu[key] += cpu
        self.count[key] += 1
        self.dtime[key] += dtime


T = _Timer()
VERBOSE = bool(os.environ.get("PROFILE_VERBOSE"))


def _wrap(module, name: str, key, *, exclusive: bool = True):
    orig = getattr(module, name)

    def wrapper(*args, **kwargs):
        label = key(*args, **kwargs) if callable(key) else key
        w0, c0 = time.perf_counter(), time.process_time()
        T.where.append(label)
        try:
            out = orig(*args, **kwargs)
        finally:
            T.where.pop()
            wall, cpu = time.perf_counter() - w0, time.process_time() - c0
            dtime = 0.0
            if name == "_solve":
                dtime = out[0].deterministic_time if "out" in locals() else 0.0
                if VERBOSE and "out" in locals():
                    sv = out[0]
                    print(f"      {label}: wall {wall:.2f} cpu {cpu:.2f} dtime {dtime:.3f} "
                          f"obj {sv.objective_value / 1000:.1f} status {out[1]}")
            T.add(label, wall, cpu, dtime)
        return out

    setattr(module, name, wrapper)
    return orig


def _solve_label(model, progress, params) -> str:
    place = "decompose" if "decompose" in T.where else "main"
    if params.num_workers == 1:
        return f"solve {place} {'one worker' if params.use_lns_only else 'settle'}"
    if model.proto.objective.scaling_factor > 0:
        return "solve phase 2"  # minimise lateness
    return f"solve {place}"


def _knobs() -> None:
    """Experiment knobs from the environment (measuring a change before making it)."""
    scale = float(os.environ.get("PROFILE_RATE_SCALE", "1"))
    fill_scale = float(os.environ.get("PROFILE_FILL_SCALE", "1"))
    ignore = [x for x in os.environ.get("PROFILE_IGNORE", "").split(",") if x]
    mode = {"fill": False}
    rate = cpsat.dtime_per_second

    piece_max = float(os.environ.get("PROFILE_PIECE_RATE_MAX", "inf"))
    if os.environ.get("PROFILE_PIECE_DTIME"):
        decompose.PIECE_DTIME = float(os.environ["PROFILE_PIECE_DTIME"])

    def dtime_per_second(kinds: int) -> float:
        out = rate(kinds) * scale * (fill_scale if mode["fill"] else 1.0)
        return min(out, piece_max) if "decompose" in T.where else out

    cpsat.dtime_per_second = dtime_per_second
    smp = cpsat.solve_max_priority

    def solve_max_priority(base, candidates, *, mandatory=(), **kwargs):
        mode["fill"] = len(mandatory) > 0.1 * len(candidates)
        return smp(base, candidates, mandatory=mandatory, **kwargs)

    cpsat.solve_max_priority = solve_max_priority
    params = cpsat._parameters

    def parameters(*args, **kwargs):
        out = params(*args, **kwargs)
        for name in ignore:
            out.ignore_subsolvers.append(name)
        for key, value in os.environ.items():  # PROFILE_SET_<parameter>=<value>
            prefix = "PROFILE_PIECE_SET_" if key.startswith("PROFILE_PIECE_SET_") else (
                "PROFILE_SET_")
            if key.startswith(prefix) and (prefix == "PROFILE_SET_" or "decompose" in T.where):
                field = key[len(prefix):]
                setattr(out, field, type(getattr(out, field))(value))
        return out

    cpsat._parameters = parameters
    piece_workers = os.environ.get("PROFILE_PIECE_WORKERS")
    if piece_workers:
        dec = decompose.decompose

        def decompose_(*args, **kwargs):
            kwargs["workers"] = int(piece_workers)
            return dec(*args, **kwargs)

        decompose.decompose = decompose_


def install() -> None:
    _knobs()
    _wrap(cpsat, "_solve", _solve_label)
    _wrap(cpsat, "_stage", lambda *a, **k: "build " + (
        "decompose" if "decompose" in T.where else "main"))
    orig_dec = decompose.decompose

    def dec(*args, **kwargs):
        T.where.append("decompose")
        w0, c0 = time.perf_counter(), time.process_time()
        try:
            out = orig_dec(*args, **kwargs)
            if VERBOSE:
                print(f"    decompose: pieces {out.pieces} improved {out.improved} total "
                      f"{out.total:.1f} charged {out.seconds:.1f} s")
            return out
        finally:
            T.where.pop()
            T.add("decompose (all)", time.perf_counter() - w0, time.process_time() - c0)

    decompose.decompose = dec
    _wrap(decompose, "_sub_problem", "decompose sub-problem")
    orig_greedy = start.greedy_start

    def greedy(*args, **kwargs):
        w0, c0 = time.perf_counter(), time.process_time()
        try:
            return orig_greedy(*args, **kwargs)
        finally:
            T.add("greedy start", time.perf_counter() - w0, time.process_time() - c0)

    cpsat.greedy_start = greedy
    _wrap(cpsat, "model_sizes", "model sizes")
    _wrap(cpsat, "solve_max_priority", "solve_max_priority (all)")


def run(name: str, planner: str, time_limit: float, wall: float | None) -> dict:
    inst = instance(name)
    known = best_known().get(name, {})
    ref = known.get(planner)
    T.__init__()
    w0, c0 = time.perf_counter(), time.process_time()
    r = make_plan(list(inst.cases), inst.capacity, start=START, weeks=WEEKS, planner=planner,
                  time_limit=time_limit, wall_limit=wall)
    wall_s, cpu_s = time.perf_counter() - w0, time.process_time() - c0
    repro = not any("ander plan" in w for w in r.warnings)
    ratio = r.total_priority / ref if ref else float("nan")
    print(f"{name} {planner}: total {r.total_priority:.1f} ratio {ratio:.4f} wall {wall_s:.1f} s "
          f"cpu {cpu_s:.1f} s (cpu/2 {cpu_s / 2:.1f}) reproducible {'yes' if repro else 'NO'} "
          f"[{r.status}]", flush=True)
    for key in sorted(T.wall):
        extra = f" dtime {T.dtime[key]:.2f}" if T.dtime[key] else ""
        print(f"    {key:26s} n={T.count[key]:3d} wall {T.wall[key]:6.2f} s "
              f"cpu {T.cpu[key]:6.2f} s{extra}", flush=True)
    return {"total": r.total_priority, "ratio": ratio, "wall": wall_s, "cpu": cpu_s,
            "repro": repro, "placed": sorted(a.case_id for a in r.assignments)}


def main(argv: list[str]) -> None:
    time_limit, wall = 30.0, 400.0
    runs = []
    it = iter(argv)
    for a in it:
        if a == "--time-limit":
            time_limit = float(next(it))
        elif a == "--wall":  # "none": make_plan's own wall clock (WALL_SLACK x the limit)
            value = next(it)
            wall = None if value == "none" else float(value)
        else:
            runs.append(a)
    install()
    print(f"load average at start: {os.getloadavg()[0]:.1f}; time_limit {time_limit:g}, "
          f"wall {wall}", flush=True)
    results = {}
    for spec in runs or DEFAULT_RUNS:
        name, _, planner = spec.partition(":")
        for p in [planner] if planner else ["fill", "optimal"]:
            results[(name, p)] = run(name, p, time_limit, wall)
    print(f"load average at end: {os.getloadavg()[0]:.1f}")
    print("| run | total | ratio | cpu s | cpu/2 | wall s |")
    for (name, p), v in results.items():
        print(f"| {name} {p} | {v['total']:.1f} | {v['ratio']:.3f} | {v['cpu']:.1f} | "
              f"{v['cpu'] / 2:.1f} | {v['wall']:.1f} |")


if __name__ == "__main__":
    main(sys.argv[1:])
