"""Maximum-priority placement with OR-Tools CP-SAT, reproducible run to run.

Two formulations of the same problem (candidates only at start weeks where they fit on
their own; at most one team and start each; mandatory cases exactly one):
- *time-indexed*: a Boolean per candidate, team and start week, and per team, kind and
  week a linear capacity row. CP-SAT's LP relaxation of these rows gives a tight bound
  and guides the search. Used up to 600,000 (Boolean, week) terms.
- *intervals*: per candidate and team an optional fixed-size interval, per team and kind
  a cumulative (with fixed "blocker" intervals for the weeks below the team's peak). Much
  smaller, so it takes over for very large inputs, but its bound is weak.

Chosen by measurement (benchmarks/bench_planning.py prints the comparison; no starting
solution, generated unit-scale instances, 2 shared cores; figures vary with machine load).
DESIGN §5 expected the interval/cumulative model to scale best; on these instances it
does not:
- 120 candidates, 20 s: CP-SAT time-indexed 3251–3287 (gap 2–3%), HiGHS on the same MILP
  3276 (gap 2.1%), CP-SAT intervals 3193–3221 (gap ~18%); rank-order greedy 2251.
- 200 candidates, 20 s: CP-SAT time-indexed 3978–4205 (gap 3–8%), HiGHS 4158 (gap 3.7%),
  intervals 3529–4056 (gap 24–31%); greedy 2365.
- benchmark, 12 s each (two runs): 120 candidates HiGHS 3256.5–3270.2 (2.3–2.7%),
  intervals 3029.3–3181.5 (18–22%), time-indexed free 3262.7–3283.6 (1.9–2.6%),
  time-indexed deterministic 3293.0 (1.7%) both runs; 200 candidates HiGHS 4039.1 (6.4%),
  intervals 3553.6–3816.0 (26–31%), time-indexed free 4124.6–4146.0 (4.1–4.5%),
  deterministic 3972.2 (8.3%) both runs.
So the time-indexed formulation is the model; CP-SAT and HiGHS are on par with it. CP-SAT
is used because it is already a dependency, takes the rank-order plan as a hint, can be
stopped mid-search (cancel) and reports progress; scipy's milp can do neither. 8 workers:
with 2 or 4 the LP-based workers that give the bound are missing (gap 15–35%).

Determinism. An officer who re-plans on the same data must get the same plan, so the
search is CP-SAT's deterministic parallel mode (``interleave_search``: the workers run in
fixed batches and share solutions only at batch ends) and its budget is *deterministic
time* (CP-SAT's count of work done), not seconds. ``time_limit`` seconds become
``time_limit × DTIME_PER_SECOND`` deterministic time; calibrated on this 2-core machine
(shared, under load), where 20 and 30 units took 18–20 s and 28 s of wall-clock time on
the benchmark instance. The same input, seed and workers then give the same plan on any
machine; a slower machine simply takes longer. A wall-clock cap of
``WALL_CAP_FACTOR × time_limit + WALL_CAP_EXTRA`` seconds remains as a safety net against a
hung or very slow machine: when it is hit, the search stops with the best plan found so
far, which is still within capacity and never worse than the rank-order plan, but *may
differ from run to run*; the outcome then says ``reproducible=False`` and ``make_plan``
adds a warning saying so. Cancelling likewise keeps the best plan so far (not reproducible
either, by nature).

Cost of determinism, measured on the benchmark instance (120 candidates, 5 teams, 26
weeks, time-indexed, 8 workers), total priority / proven gap:
- with the rank-order hint, as make_plan runs it: before (free-running parallel search,
  wall-clock limit) 20 s 3289.0 / 1.8%, 30 s 3286.5 / 1.9%, different from run to run;
  after (interleaved, deterministic time) 20 units 3242.7 / 3.2% (18 s), 30 units
  3255.2 / 2.8% (28 s), identical on every run; 12 workers instead of 8 gave the same
  3242.7. make_plan("optimal", time_limit=15) in the benchmark: 3252.7 / 2.8%.
- without a hint, benchmarks/bench_planning.py at 12 s / 12 units: 120 candidates free
  3283.6 / 1.9%, deterministic 3293.0 / 1.7% (11.2 s); 200 candidates free 4146.0 / 4.1%,
  deterministic 3972.2 / 8.3% (13.4 s). The free search's figures vary by a few percent
  from run to run (3978–4205 at 200 candidates and 20 s), the deterministic ones do not.
So determinism costs about 0–4% total priority on a single run (one fixed trajectory
instead of the luckiest of several); make_plan's compaction and in-order fill afterwards
can only add to it. Wall-clock time per unit varied between 0.9 and 1.4 s with the load of
the shared machine (optimal planner: 15 units took 21 s in one benchmark run).

Threads. ``solve`` blocks the caller's thread; a watcher thread reports progress through
``TaskState.report`` (so ``on_progress`` is called from that thread, never at the same time
as from the caller, which is blocked in ``solve`` until the watcher has been joined) and
passes a cancel on with ``stop_search`` within about 0.1 s. An exception raised by
``on_progress`` stops the search and is re-raised in the caller's thread.

fte are scaled to integers conservatively (demand rounded up, capacity rounded down), so
a plan that satisfies the integer model never exceeds the real capacity; the caller
re-checks every plan in floats (tolerance 1e-6) and with the independent checker.
"""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass

import numpy as np
from ortools.sat.python import cp_model

from stuurploeg.domain.planning import Candidate, PlanState
from stuurploeg.domain.progress import TaskState

FTE_SCALE = 100  # fte -> integer hundredths
# Above this many (Boolean, week) terms the time-indexed model's LP no longer solves in a
# time budget of seconds and the interval model does better (measured: 120 candidates ×
# 5 teams × 26 weeks ≈ 120,000 terms, 300 candidates ≈ 410,000 still better
# time-indexed at 20 s; 500 × 8 teams ≈ 1.1 million clearly worse at 10 s).
MAX_TIME_INDEXED_TERMS = 600_000
SCORE_SCALE = 1000  # priority points -> integer thousandths


# Deterministic time per requested second, and the wall-clock safety cap (module docstring).
DTIME_PER_SECOND = 1.0
WALL_CAP_FACTOR = 3.0
WALL_CAP_EXTRA = 10.0
# Below about one unit the interleaved search may stop in presolve without even taking the
# hint (measured: 0.3 units on 60 candidates returned no solution), so that is the minimum.
MIN_SECONDS = 1.0
# Phase 2 gets at most this share of the phase-1 budget, and only what phase 1 left over.
PHASE2_SHARE = 0.25
_POLL = 0.1  # seconds between the watcher's looks at cancel
# Solver progress is mapped into this part of the bar; make_plan reports the rest.
PROGRESS_FROM, PROGRESS_TO = 0.05, 0.95


@dataclass
class SolveOutcome:
    placements: dict[str, tuple[int, int]]  # case_id -> (team index, start index)
    objective: float  # total priority of ``placements`` per the model
    bound: float  # proven upper bound on the total priority
    status: str  # "optimaal", "toegestaan", "geen oplossing", "geannuleerd"
    cancelled: bool
    seconds: float
    # False when the wall-clock cap or a cancel ended the search: the plan is valid but a
    # re-run on the same input may give another one.
    reproducible: bool = True


def scaled_demand(fte: float) -> int:
    return math.ceil(fte * FTE_SCALE - 1e-7)


def scaled_capacity(fte: float) -> int:
    return max(math.floor(fte * FTE_SCALE + 1e-7), 0)


def wall_cap(time_limit: float) -> float:
    """Seconds after which the search stops whatever its deterministic budget."""
    return WALL_CAP_FACTOR * max(float(time_limit), 0.0) + WALL_CAP_EXTRA


def solve_max_priority(
    base: PlanState,
    candidates: Sequence[Candidate],
    *,
    mandatory: Collection[str] = (),
    hint: Mapping[str, tuple[int, int]] | None = None,
    time_limit: float = 30.0,
    state: TaskState | None = None,
    workers: int = 8,
    seed: int = 0,
    formulation: str = "auto",
    deterministic: bool = True,
) -> SolveOutcome:
    """Place a subset of ``candidates`` on what ``base`` leaves free, maximising the total
    score; every case in ``mandatory`` must be placed (its hint, if any, must be feasible).

    ``time_limit`` is turned into a deterministic budget, so the same input, ``workers``
    and ``seed`` give the same outcome on every run unless the wall-clock cap
    (:func:`wall_cap`) or a cancel through ``state`` ends the search early; then
    ``reproducible`` is False. ``state.report`` is called from a watcher thread (see the
    module docstring). ``deterministic=False`` is the free-running parallel search with a
    plain wall-clock limit of ``time_limit`` seconds, kept only for the benchmark's
    comparison.
    """
    t0 = time.perf_counter()
    cap = wall_cap(time_limit)
    model = cp_model.CpModel()
    if formulation == "auto":
        formulation = (
            "time-indexed" if _time_indexed_terms(base, candidates) <= MAX_TIME_INDEXED_TERMS
            else "intervals"
        )
    build = _build_time_indexed if formulation == "time-indexed" else _build_intervals
    choice, objective = build(model, base, candidates, mandatory)
    priority = sum(objective)
    model.maximize(priority)
    if hint:
        _add_hints(model, choice, hint)

    # Phase 1: maximum total priority, with the whole budget. Phase 2, only when phase 1
    # proved optimality with budget to spare: the same total priority, high-priority cases
    # as early as possible (an optimiser is otherwise indifferent to when a case starts,
    # officers are not). Measured: giving phase 2 a fixed share of the budget cost up to 4%
    # total priority on unit-scale instances, so it never takes budget from phase 1. Both
    # budgets are deterministic time, so whether phase 2 runs does not depend on the clock.
    budget = max(float(time_limit), MIN_SECONDS) * DTIME_PER_SECOND
    progress = _Progress(state, t0, max(float(time_limit), MIN_SECONDS))
    solver, status = _run(model, budget, cap - (time.perf_counter() - t0), workers, seed,
                          progress, deterministic)
    cancelled = state is not None and state.cancelled
    reproducible = deterministic and not cancelled and not _hit_cap(solver, status, budget)
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return SolveOutcome({}, 0.0, math.inf, "geen oplossing", cancelled,
                            time.perf_counter() - t0, reproducible)
    placements = _placements(solver, choice)
    objective_value = solver.objective_value
    bound = solver.best_objective_bound
    proven = status == cp_model.OPTIMAL
    used = solver.deterministic_time if deterministic else solver.wall_time * DTIME_PER_SECOND
    left = min(budget - used, PHASE2_SHARE * budget)
    if proven and not cancelled and placements and left > 0.2:
        model.clear_hints()
        _add_hints(model, choice, placements)
        model.add(priority >= round(objective_value))
        model.minimize(_lateness(choice, candidates))
        solver2, status2 = _run(model, left, cap - (time.perf_counter() - t0), workers, seed,
                                progress, deterministic)
        if status2 in (cp_model.OPTIMAL, cp_model.FEASIBLE):
            placements = _placements(solver2, choice)
        cancelled = state is not None and state.cancelled
        reproducible = reproducible and not cancelled and not _hit_cap(solver2, status2, left)
    label = "optimaal" if proven else "toegestaan"
    return SolveOutcome(
        placements,
        objective_value / SCORE_SCALE,
        bound / SCORE_SCALE,
        "geannuleerd" if cancelled and not proven else label,
        cancelled,
        time.perf_counter() - t0,
        reproducible,
    )


def _hit_cap(solver: cp_model.CpSolver, status: int, budget: float) -> bool:
    """True when the search ended on the wall clock rather than on its deterministic budget
    or a proof. CP-SAT overshoots a deterministic limit, never undershoots it: interleaved
    workers finish their batch (measured 20 → 22.3 and 30 → 31.6 units; at small budgets
    much more, 1 → 4 units on 60 candidates, as the first LP batch runs to its end)."""
    if status in (cp_model.OPTIMAL, cp_model.INFEASIBLE, cp_model.MODEL_INVALID):
        return False
    return solver.deterministic_time < 0.99 * budget


def _lateness(choice: Choice, candidates: Sequence[Candidate]) -> cp_model.LinearExpr:
    """Σ weight × start week, heavier for higher scores (and > 0 for unscored cases)."""
    weight = {c.case_id: round(c.score * 10) + 1 for c in candidates}
    terms = []
    for cid, options in choice.items():
        for _, present, start in options:
            if isinstance(start, int):
                terms.append(weight[cid] * start * present)
            else:  # an absent interval's start is free and simply goes to its minimum
                terms.append(weight[cid] * start)
    return sum(terms)


def _add_hints(
    model: cp_model.CpModel, choice: Choice, hint: Mapping[str, tuple[int, int]]
) -> None:
    for cid, options in choice.items():
        spot = hint.get(cid)
        for ti, present, start in options:
            if isinstance(start, int):
                on = spot == (ti, start)
            else:
                on = spot is not None and spot[0] == ti
                if on:
                    model.add_hint(start, spot[1])
            model.add_hint(present, on)


def _placements(solver: cp_model.CpSolver, choice: Choice) -> dict[str, tuple[int, int]]:
    placements = {}
    for cid, options in choice.items():
        for ti, present, start in options:
            if solver.boolean_value(present):
                placements[cid] = (ti, start if isinstance(start, int) else solver.value(start))
    return placements


def _run(
    model: cp_model.CpModel,
    dtime: float,
    seconds: float,
    workers: int,
    seed: int,
    progress: _Progress,
    deterministic: bool = True,
) -> tuple[cp_model.CpSolver, int]:
    """Solve with a deterministic budget of ``dtime`` and a wall-clock cap of ``seconds``
    (or, not ``deterministic``, with ``dtime`` turned back into a wall-clock limit)."""
    solver = cp_model.CpSolver()
    params = solver.parameters
    params.num_workers = workers
    params.random_seed = seed
    if deterministic:
        params.interleave_search = workers > 1  # deterministic parallel search
        params.max_deterministic_time = max(dtime, 0.2)
        params.max_time_in_seconds = max(seconds, 1.0)
    else:
        params.max_time_in_seconds = max(min(dtime / DTIME_PER_SECOND, seconds), 0.2)
    done = threading.Event()
    watcher = threading.Thread(target=progress.watch, args=(solver, done), daemon=True)
    watcher.start()
    try:
        status = solver.solve(model)
    finally:
        done.set()
        watcher.join()
    progress.raise_error()
    return solver, status


Choice = dict[str, list[tuple[int, cp_model.IntVar, "cp_model.IntVar | int"]]]


def _build_intervals(
    model: cp_model.CpModel, base: PlanState, candidates: Sequence[Candidate],
    mandatory: Collection[str],
) -> tuple[Choice, list]:
    """Per candidate and team an optional interval; per team and kind a cumulative."""
    remaining = base.remaining
    n_teams, n_kinds, _ = remaining.shape
    per_team: list[list[tuple[cp_model.IntervalVar, Candidate]]] = [[] for _ in range(n_teams)]
    choice: Choice = {}
    objective = []
    for cand in candidates:
        if cand.problem is not None or cand.case_id in base.placed:
            continue
        options = []
        for ti in cand.teams:
            starts = base.feasible_starts(cand, ti)
            if starts.size == 0:
                continue
            present = model.new_bool_var(f"p_{cand.case_id}_{ti}")
            start = model.new_int_var_from_domain(
                cp_model.Domain.from_values([int(s) for s in starts]), f"s_{cand.case_id}_{ti}"
            )
            interval = model.new_optional_fixed_size_interval_var(
                start, cand.duration, present, f"i_{cand.case_id}_{ti}"
            )
            per_team[ti].append((interval, cand))
            options.append((ti, present, start))
        _choose(model, cand, options, mandatory, choice, objective)
    for ti in range(n_teams):
        for k in range(n_kinds):
            users = [(iv, scaled_demand(c.demand[k])) for iv, c in per_team[ti] if c.demand[k] > 0]
            if not users:
                continue
            caps = [scaled_capacity(float(v)) for v in remaining[ti, k]]
            peak = max(caps)
            intervals = [iv for iv, _ in users]
            demands = [d for _, d in users]
            for w0, w1, gap in _runs(np.array(caps), peak):
                intervals.append(model.new_fixed_size_interval_var(w0, w1 - w0, f"b_{ti}_{k}_{w0}"))
                demands.append(gap)
            model.add_cumulative(intervals, demands, peak)
    return choice, objective


def _build_time_indexed(
    model: cp_model.CpModel, base: PlanState, candidates: Sequence[Candidate],
    mandatory: Collection[str],
) -> tuple[Choice, list]:
    """A Boolean per candidate, team and start week; a linear capacity row per team, kind
    and week (the MILP formulation, solved by CP-SAT's LP-guided search)."""
    remaining = base.remaining
    rows: dict[tuple[int, int, int], tuple[list, list]] = {}
    choice: Choice = {}
    objective = []
    for cand in candidates:
        if cand.problem is not None or cand.case_id in base.placed:
            continue
        options = []
        kinds = [int(k) for k in np.nonzero(cand.demand > 0)[0]]
        for ti in cand.teams:
            for s in base.feasible_starts(cand, ti):
                s = int(s)
                x = model.new_bool_var(f"x_{cand.case_id}_{ti}_{s}")
                options.append((ti, x, s))
                for k in kinds:
                    d = scaled_demand(cand.demand[k])
                    for w in range(s, s + cand.duration):
                        row = rows.setdefault((ti, k, w), ([], []))
                        row[0].append(x)
                        row[1].append(d)
        _choose(model, cand, options, mandatory, choice, objective)
    for (ti, k, w), (xs, ds) in rows.items():
        cap = scaled_capacity(float(remaining[ti, k, w]))
        if sum(ds) > cap:  # a row that can never bind needs no constraint
            model.add(cp_model.LinearExpr.weighted_sum(xs, ds) <= cap)
    return choice, objective


def _time_indexed_terms(base: PlanState, candidates: Sequence[Candidate]) -> int:
    terms = 0
    for cand in candidates:
        if cand.problem is None and cand.case_id not in base.placed:
            n_kinds = int((cand.demand > 0).sum())
            for ti in cand.teams:
                terms += base.feasible_starts(cand, ti).size * cand.duration * n_kinds
    return terms


def _choose(model, cand, options, mandatory, choice, objective) -> None:
    if not options:
        return
    lits = [p for _, p, _ in options]
    if cand.case_id in mandatory:
        model.add_exactly_one(lits)
    else:
        model.add_at_most_one(lits)
    choice[cand.case_id] = options
    weight = round(cand.score * SCORE_SCALE)
    objective.extend(weight * p for p in lits)


def _runs(caps: np.ndarray, peak: int) -> list[tuple[int, int, int]]:
    """Maximal runs of weeks with the same shortfall below ``peak``: (from, to, shortfall)."""
    gaps = peak - caps
    out = []
    w = 0
    while w < len(gaps):
        v = int(gaps[w])
        end = w + 1
        while end < len(gaps) and gaps[end] == v:
            end += 1
        if v > 0:
            out.append((w, end, v))
        w = end
    return out


class _Progress:
    """Reports progress and passes a cancel on to the solver, from a watcher thread.

    Fractions only grow (0.05 … 0.95 over the expected ``seconds``), so a progress bar fed
    from here and from the caller never jumps back. The watcher keeps calling
    ``stop_search`` while cancelled (or after ``on_progress`` failed), so a stop that lands
    before CP-SAT has started its search is not lost.
    """

    def __init__(self, state: TaskState | None, t0: float, seconds: float) -> None:
        self.state = state
        self.t0 = t0
        self.seconds = seconds
        self.fraction = PROGRESS_FROM
        self.error: BaseException | None = None

    def watch(self, solver: cp_model.CpSolver, done: threading.Event) -> None:
        state = self.state
        if state is None:
            return
        while True:
            if state.cancelled or self.error is not None:
                solver.stop_search()
            else:
                elapsed = time.perf_counter() - self.t0
                share = min(elapsed / self.seconds, 1.0)
                self.fraction = max(self.fraction,
                                    PROGRESS_FROM + (PROGRESS_TO - PROGRESS_FROM) * share)
                try:
                    state.report(self.fraction, "Zoeken naar een beter plan…")
                except BaseException as exc:  # re-raised in the caller's thread
                    self.error = exc
                    continue  # stop the search at once
            if done.wait(_POLL):
                return

    def raise_error(self) -> None:
        if self.error is not None:
            error, self.error = self.error, None
            raise error
