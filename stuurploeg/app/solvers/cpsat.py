"""Maximum-priority placement with OR-Tools CP-SAT, reproducible run to run.

Two formulations of the same problem (candidates only at start weeks where they fit on
their own; at most one team and start each; mandatory cases exactly one):
- *intervals* (the default, the plan): per candidate and team an optional fixed-size
  interval, per team and kind a cumulative (with fixed "blocker" intervals for the weeks
  below the team's peak). Small, and CP-SAT's scheduling propagation and its
  large-neighbourhood search (LNS) workers improve the rank-order hint quickly.
- *time-indexed*: a Boolean per candidate, team and start week, and per team, kind and
  week a linear capacity row. Its LP relaxation gives a tight bound, but the model is large
  and on tight instances its plans trail the interval model's; it is used for the proven
  bound in the benchmark's long runs (benchmarks/instances_best.py).
On large units most of the budget goes to a decomposition search first (a few teams at a
time as models of their own, solvers/decompose.py), then the whole model from its plan.
Why, with the measured figures: docs/optimiser.md.

Determinism: the search is CP-SAT's interleaved parallel mode (the workers run in fixed
batches and share solutions only at batch ends) with a *deterministic-time* budget, so the
same input, seed and ``workers`` give the same plan. One exception in CP-SAT itself: a
search that ends on a proof of optimality ends in the middle of a batch, on whichever
worker got there first, and of several optimal plans returns that worker's; such a search
is settled by running it again on one worker (``_settle``). A wall-clock limit (``wall_limit``,
by default the time limit itself) keeps the budget honest on a slow or busy machine; when
it ends the search first, the plan is still within capacity and never worse than the hint,
but *may differ from run to run*: ``reproducible`` is then False (make_plan says so in a
warning). Cancelling likewise keeps the best plan so far.

Threads: ``solve`` blocks the caller's thread; a watcher thread reports progress through
``TaskState.report`` (never at the same time as the caller, which is blocked until the
watcher has been joined) and passes a cancel on with ``stop_search`` within about 0.1 s. A
solution callback records each improving plan's total priority, which the watcher puts in
its message and uses to move the bar. An exception raised by ``on_progress`` stops the
search and is re-raised in the caller's thread.

fte are scaled to integers conservatively (demand rounded up, capacity rounded down), so a
plan that satisfies the integer model never exceeds the real capacity; the caller
re-checks every plan in floats and with the independent checker.
"""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass

import numpy as np
from ortools.sat.python import cp_model

from stuurploeg.app.solvers.start import FTE_SCALE, greedy_start
from stuurploeg.domain.planning import Candidate, PlanState
from stuurploeg.domain.progress import TaskState

SCORE_SCALE = 1000  # priority points -> integer thousandths

# Two workers: this machine class has two cores, and workers time-sliced on fewer cores
# starve each other (measured, docs/optimiser.md). Fixed rather than os.cpu_count(), so a
# plan made on a colleague's 8-core machine is the same plan.
WORKERS = 2
# Deterministic time per requested second, by model size. A unit of CP-SAT's deterministic
# time costs more CPU the larger the interval model (measured on the benchmark instances:
# about 0.25 units per CPU-second at 200 interval-kinds, 0.15 at 800, 0.06 at 2,400), so
# one fixed rate either overran the wall clock on large units or starved small ones. The
# rate falls with the size as (REF_SIZE / size) ** SIZE_EXPONENT, calibrated on an idle
# 2-core machine so that the budget of the largest benchmark unit (300 candidates, 8
# teams) ends within the wall-clock limit with a margin (docs/optimiser.md); on a busy
# machine the wall-clock limit ends the search first and the plan is flagged. The rate
# depends only on the input, so the same input still gets the same budget.
DTIME_PER_SECOND_AT_REF = 0.09
REF_SIZE = 2400  # interval-kinds: (candidate, team) options x kinds the case needs
SIZE_EXPONENT = 0.8
DTIME_PER_SECOND_MAX = 0.21  # 60 candidates: the search and phase 2 end in about 20 s idle
# Below about one unit the interleaved search may stop in presolve without even taking the
# hint, so that is the minimum.
MIN_SECONDS = 1.0
# "auto": the interval model's LNS gets this share of the deterministic budget, the
# time-indexed model the rest, up to this many (Boolean, week) terms; above it the
# time-indexed model's LP does not solve within seconds on a busy 2-core machine and the
# interval model gets the whole budget (docs/optimiser.md: at 32,000 terms the second stage
# closed most of the gap, at 155,000 it cost the interval search its time).
INTERVAL_SHARE = 0.6
# With ``keep``: the share of the budget for the first stage, the interval model with the
# kept cases mandatory (measured: ``fill`` beat ``optimal`` on several tight instances;
# 0.25 rather than 0.35 with the size-dependent budget, docs/optimiser.md).
KEEP_SHARE = 0.25
# Tasks per batch of the interleaved search: 4 on 2 workers gave the best plans of 0, 4
# and 8 on the tight benchmark units at the same deterministic budget (docs/optimiser.md).
BATCH_SIZE = 4
# The share of a neighbourhood's variables LNS frees at first (CP-SAT's default 0.5): 0.3
# gave the best worst case on the tight benchmark units (docs/optimiser.md).
LNS_INITIAL_DIFFICULTY = 0.3
MAX_TIME_INDEXED_TERMS = 120_000
# Phase 2 gets at most this share of the phase-1 budget, and only what phase 1 left over.
PHASE2_SHARE = 0.25
# Large units: the decomposition search (solvers/decompose.py, a group of teams at a time)
# gets this share of the budget, in place of the stage with the kept cases, and the whole
# model the rest, from its plan (``optimal`` only; ``fill`` ends with the decomposition).
# From this many interval-kinds up: the 120- and
# 300-candidate benchmark units, not the 60-candidate ones (measured, docs/optimiser.md:
# optimal on the tight 300-candidate units 0.943 / 0.926 -> 0.997 / 0.986, on the tight
# 120-candidate units 0.978 / 0.996 -> 0.982 / 0.985).
DECOMPOSE_MIN_KINDS = 500
DECOMPOSE_SHARE = 0.75
# A stage may take this multiple of its share of the wall-clock time left.
STAGE_WALL_SLACK = 1.3
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
    # False when the wall-clock limit or a cancel ended the search: the plan is valid but
    # a re-run on the same input may give another one.
    reproducible: bool = True


def scaled_demand(fte: float) -> int:
    return math.ceil(fte * FTE_SCALE - 1e-7)


def scaled_capacity(fte: float) -> int:
    return max(math.floor(fte * FTE_SCALE + 1e-7), 0)


def solve_max_priority(
    base: PlanState,
    candidates: Sequence[Candidate],
    *,
    mandatory: Collection[str] = (),
    keep: Collection[str] = (),
    hint: Mapping[str, tuple[int, int]] | None = None,
    previous: Mapping[str, tuple[int, int]] | None = None,
    move_penalty: float = 0.0,
    time_limit: float = 30.0,
    wall_limit: float | None = None,
    state: TaskState | None = None,
    workers: int = WORKERS,
    seed: int = 0,
    formulation: str = "auto",
    deterministic: bool = True,
) -> SolveOutcome:
    """Place a subset of ``candidates`` on what ``base`` leaves free, maximising the total
    score; every case in ``mandatory`` must be placed (its hint, if any, must be feasible).

    ``keep``: cases (placed in ``hint``) that the first part of the search keeps placed,
    as ``fill`` does, before it may drop them: the search of that smaller problem
    converges much faster, and its plan is a good start for the whole problem.

    ``previous``: the placement a case had in the last plan (case_id -> (team index, start
    index)); it is added to the hint, and with ``move_penalty`` > 0 every case that keeps
    exactly that placement earns ``move_penalty`` priority points in the objective (a case
    that moves or drops out forgoes them), so the plan only changes where that buys more
    than the penalty. The reported ``objective`` is the total priority without that term.

    ``time_limit`` is turned into a deterministic budget, so the same input, ``workers``
    and ``seed`` give the same outcome on every run unless ``wall_limit`` seconds (default:
    ``time_limit``) or a cancel through ``state`` end the search first; then
    ``reproducible`` is False. ``deterministic=False`` is the free-running parallel search
    with a plain wall-clock limit of ``time_limit`` seconds (for the benchmark's long runs).
    """
    t0 = time.perf_counter()
    seconds = max(float(time_limit), MIN_SECONDS)
    wall = seconds if wall_limit is None else max(float(wall_limit), 0.5)
    previous = previous or {}
    keep = set(keep) - set(mandatory) if hint is not None and not previous else set()
    kinds, terms = model_sizes(base, candidates)
    decomposing = (deterministic and formulation == "auto"
                   and hint is not None and not previous and kinds >= DECOMPOSE_MIN_KINDS
                   and base.remaining.shape[0] >= 3)
    if decomposing:
        keep = set()
    # (model, share of the budget used up by the end of the stage, keeps ``keep`` placed)
    stages: list[tuple[str, float, bool]] = [("intervals", KEEP_SHARE, True)] if keep else []
    if formulation == "auto":
        small = terms <= MAX_TIME_INDEXED_TERMS
        stages += [("intervals", INTERVAL_SHARE, False), ("time-indexed", 1.0, False)] if (
            small) else [("intervals", 1.0, False)]
    else:
        stages.append((formulation, 1.0, False))
    start_hint = dict(hint or {})
    free_total = -math.inf
    if hint is not None and not previous:  # start the search from the best greedy plan
        hint, free_total = greedy_start(base, candidates, mandatory, hint)
    free_start = dict(hint or {})
    hint = {**(hint or {}), **previous}

    # Phase 1: maximum total priority, with the whole budget, in stages: the interval
    # model's LNS first, then (when small enough) the time-indexed model from its plan,
    # whose LP gives the bound and often a last improvement. Phase 2, only when phase 1
    # proved optimality with budget to spare: the same total priority, high-priority cases
    # as early as possible (an optimiser is otherwise indifferent to when a case starts,
    # officers are not). It never takes budget from phase 1. All budgets are deterministic
    # time, so which stages and phases run does not depend on the clock.
    rate = dtime_per_second(kinds)
    budget = seconds * rate
    progress = _Progress(state, t0, wall)
    used = 0.0
    reproducible = deterministic
    best: _Stage | None = None
    bound = math.inf
    done = 0.0
    fallback: tuple[dict[str, tuple[int, int]], float] | None = None
    if decomposing:
        from stuurploeg.app.solvers.decompose import decompose

        # ``fill`` (every case of the plan it starts from stays): the whole model's LNS
        # after the decomposition found 7.5 points on one of four tight units, nothing on
        # the others, and cost 3-5 s of wall clock (docs/optimiser.md, eighth session), so
        # it does not run and its share of the budget is left unspent
        last = bool(start_hint) and set(start_hint) <= set(mandatory)
        wall_left = wall - (time.perf_counter() - t0)
        piecewise = decompose(
            base, candidates, mandatory, hint, seconds=seconds * DECOMPOSE_SHARE,
            wall=wall_left if last else min(
                wall_left, STAGE_WALL_SLACK * DECOMPOSE_SHARE * wall_left), seed=seed,
            workers=workers, progress=progress, state=state)
        hint = dict(piecewise.placements)
        fallback = (dict(piecewise.placements), piecewise.total)
        used = piecewise.seconds * rate
        done = DECOMPOSE_SHARE
        reproducible = reproducible and piecewise.reproducible
        stages = [] if last else [stage for stage in stages if stage[1] > DECOMPOSE_SHARE]
    for form, share, keeps in stages:
        if state is not None and state.cancelled:
            break
        dtime = budget * share - used  # a stage that ends early leaves its budget on
        wall_left = wall - (time.perf_counter() - t0)
        # its share of the wall clock and some slack: a stage whose dtime comes slower than
        # the others' should not be the one that ends the budget on an idle machine
        wall_stage = min(wall_left, STAGE_WALL_SLACK * wall_left * (share - done) / (1.0 - done))
        done = share
        must = set(mandatory) | keep if keeps else mandatory
        stage_hint = greedy_start(base, candidates, must, start_hint)[0] if keeps else hint
        stage = _stage(form, base, candidates, must, stage_hint, previous, move_penalty)
        stage.keeps = keeps
        lns = form == "intervals" and bool(stage_hint)
        stage.solver, stage.status, exact = _run(stage.model, dtime, wall_stage, workers,
                                                 seed, progress, deterministic, lns, rate=rate)
        solver, status = stage.solver, stage.status
        used += solver.deterministic_time if deterministic else solver.wall_time * rate
        reproducible = reproducible and exact and not _hit_cap(solver, status, dtime)
        if state is not None and state.cancelled:
            reproducible = False
        if status in (cp_model.OPTIMAL, cp_model.FEASIBLE):
            if not keeps:  # a bound of the smaller problem is none of the whole one
                bound = min(bound, solver.best_objective_bound)
            if best is None or solver.objective_value > best.solver.objective_value + 0.5:
                best = stage
                hint = _placements(solver, stage.choice)
            if keeps and free_total * SCORE_SCALE > solver.objective_value:
                hint = free_start  # the greedy plan without the kept cases is better
        elif status == cp_model.INFEASIBLE:
            break
        if (status == cp_model.OPTIMAL and not keeps) or (state is not None and state.cancelled):
            break
    cancelled = state is not None and state.cancelled
    if fallback is not None and (best is None or best.solver.objective_value < round(
            fallback[1] * SCORE_SCALE) - 0.5):  # the whole model lost the hint's plan
        return SolveOutcome(fallback[0], fallback[1], math.inf,
                            "geannuleerd" if cancelled else "toegestaan", cancelled,
                            time.perf_counter() - t0, reproducible)
    if best is None:
        return SolveOutcome({}, 0.0, math.inf, "geen oplossing", cancelled,
                            time.perf_counter() - t0, reproducible)
    solver, model, choice = best.solver, best.model, best.choice
    placements = _placements(solver, choice)
    objective_value = solver.value(best.priority) if best.objective else 0
    proven = ((best.status == cp_model.OPTIMAL and not best.keeps)
              or bound <= solver.objective_value)
    left = min(budget - used, PHASE2_SHARE * budget)
    wall_left = wall - (time.perf_counter() - t0)
    if proven and not cancelled and placements and left > 0.1 and wall_left > 0.5:
        model.clear_hints()
        _add_hints(model, choice, placements)
        model.add(best.priority + best.stay >= round(solver.objective_value))
        model.minimize(_lateness(choice, candidates))
        solver2, status2, exact = _run(model, left, wall_left, workers, seed, progress,
                                       deterministic, False, rate=rate)
        if status2 in (cp_model.OPTIMAL, cp_model.FEASIBLE):
            placements = _placements(solver2, choice)
        cancelled = state is not None and state.cancelled
        reproducible = (reproducible and exact and not cancelled
                        and not _hit_cap(solver2, status2, left))
    label = "optimaal" if proven else "toegestaan"
    return SolveOutcome(
        placements,
        objective_value / SCORE_SCALE,
        bound / SCORE_SCALE if isinstance(best.stay, int) else math.inf,  # bound has stay
        "geannuleerd" if cancelled and not proven else label,
        cancelled,
        time.perf_counter() - t0,
        reproducible,
    )


@dataclass
class _Stage:
    model: cp_model.CpModel
    choice: Choice
    objective: list
    priority: cp_model.LinearExpr | int
    stay: cp_model.LinearExpr | int
    solver: cp_model.CpSolver | None = None
    status: int = cp_model.UNKNOWN
    keeps: bool = False  # solved with the kept cases mandatory


def _stage(
    formulation: str, base: PlanState, candidates: Sequence[Candidate],
    mandatory: Collection[str], hint: Mapping[str, tuple[int, int]],
    previous: Mapping[str, tuple[int, int]], move_penalty: float,
) -> _Stage:
    model = cp_model.CpModel()
    build = _build_time_indexed if formulation == "time-indexed" else _build_intervals
    choice, objective = build(model, base, candidates, mandatory)
    priority = sum(objective)
    stay = _stability(model, choice, previous, move_penalty)
    model.maximize(priority + stay)
    if hint:
        _add_hints(model, choice, hint)
    return _Stage(model, choice, objective, priority, stay)


def model_sizes(base: PlanState, candidates: Sequence[Candidate]) -> tuple[int, int]:
    """(interval-kinds, time-indexed terms) of the two models, in one pass: per candidate
    and team with a feasible start, the kinds of capacity it needs (the terms of the
    interval model's cumulatives), and its feasible starts x weeks x kinds (the (Boolean,
    week) terms of the time-indexed model's capacity rows)."""
    kinds = terms = 0
    for cand in candidates:
        if cand.problem is None and cand.case_id not in base.placed:
            n_kinds = int((cand.demand > 0).sum())
            for ti in cand.teams:
                starts = base.feasible_starts(cand, ti).size
                kinds += n_kinds if starts else 0
                terms += starts * cand.duration * n_kinds
    return kinds, terms


def time_indexed_terms(base: PlanState, candidates: Sequence[Candidate]) -> int:
    """Size of the time-indexed model (see :func:`model_sizes`)."""
    return model_sizes(base, candidates)[1]


def dtime_per_second(kinds: int) -> float:
    """Deterministic time per requested second for an interval model of ``kinds``
    interval-kinds (:func:`model_sizes`; see REF_SIZE)."""
    size = max(kinds, 1)
    return min(DTIME_PER_SECOND_MAX, DTIME_PER_SECOND_AT_REF * (REF_SIZE / size) ** SIZE_EXPONENT)


def _stability(
    model: cp_model.CpModel, choice: Choice, previous: Mapping[str, tuple[int, int]],
    penalty: float,
) -> cp_model.LinearExpr | int:
    """Σ penalty × [case keeps its previous team and start week]."""
    weight = round(penalty * SCORE_SCALE)
    if weight <= 0 or not previous:
        return 0
    terms = []
    for cid, (pt, ps) in previous.items():
        for ti, present, start in choice.get(cid, ()):
            if ti != pt:
                continue
            if isinstance(start, int):
                if start == ps:
                    terms.append(weight * present)
            else:
                keeps = model.new_bool_var(f"keep_{cid}")
                model.add_implication(keeps, present)
                model.add(start == ps).only_enforce_if(keeps)
                terms.append(weight * keeps)
    return sum(terms) if terms else 0


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
    lns: bool = False,
    *,
    rate: float,
    settle_above: float | None = None,
) -> tuple[cp_model.CpSolver, int, bool]:
    """Solve with a deterministic budget of ``dtime`` and a wall-clock limit of ``seconds``
    (or, not ``deterministic``, with ``dtime`` turned back into a wall-clock limit at
    ``rate`` units per second).
    ``lns``: only large-neighbourhood search from the hint (measured the best use of two
    busy cores for the interval model, docs/optimiser.md).

    Returns (solver, status, exact): ``exact`` is False when a deterministic search ended
    on a proof of optimality and the one-worker re-run that settles which optimal plan it
    returns (:func:`_settle`) did not finish within the wall clock or was cancelled; the
    plan is then optimal but a re-run may give another one of the same total.
    ``settle_above``: the caller only takes a plan whose objective is above this, so a
    proof at or below it is not re-run (which optimal plan came back does not matter);
    such a solver's ``deterministic_time`` is not reproducible and must not be charged."""
    start = time.perf_counter()
    solver, status = _solve(model, progress, _parameters(
        dtime, seconds, workers, seed, deterministic, lns, rate))
    if not (deterministic and workers > 1 and status == cp_model.OPTIMAL):
        return solver, status, True
    if settle_above is not None and solver.objective_value <= settle_above:
        return solver, status, True
    if progress.state is not None and progress.state.cancelled:
        return solver, status, False
    return _settle(model, solver, status, progress, _parameters(
        dtime, seconds - (time.perf_counter() - start), 1, seed, True, lns, rate))


def _settle(
    model: cp_model.CpModel, solver: cp_model.CpSolver, status: int, progress: _Progress,
    params: cp_model.SatParameters,
) -> tuple[cp_model.CpSolver, int, bool]:
    """The same search on one worker, after a parallel one that ended on a proof.

    CP-SAT's interleaved search (OR-Tools 9.15) is deterministic batch by batch, but a task
    that proves optimality ends the search at once, in the middle of its batch: which of
    the batch's tasks, running at the same time on the two workers, gets there first, and
    so which of several plans of the same optimal total comes back, is a race of threads
    (measured on one small unit's model: two plans, 7 and 93 of 100 runs; 100 of 100 the
    same on one worker). On one worker the batch's tasks run one after the other in their
    fixed order, so the search ends on the same task, and plan, every time, and so does its
    deterministic time, which the caller charges to the budget (the parallel search's at
    such an end was not either). The re-run costs about the wall-clock time of the parallel
    one (measured 1-4 s on the 60-candidate benchmark units, mostly presolve and the LP);
    it comes off what is left of ``seconds``."""
    params.interleave_search = True  # one worker, but the same batches of the same tasks
    again, status_again = _solve(model, progress, params)
    if status_again == cp_model.OPTIMAL:
        return again, status_again, True
    return solver, status, False  # the wall clock or a cancel ended the re-run


def _parameters(
    dtime: float, seconds: float, workers: int, seed: int, deterministic: bool, lns: bool,
    rate: float,
) -> cp_model.SatParameters:
    params = cp_model.SatParameters()
    params.num_workers = workers
    params.random_seed = seed
    params.use_lns_only = lns
    if deterministic:
        # deterministic parallel search; on one worker, the same batches one after the
        # other (without it one worker runs no LNS)
        params.interleave_search = workers > 1 or lns
        params.interleave_batch_size = BATCH_SIZE
        params.lns_initial_difficulty = LNS_INITIAL_DIFFICULTY
        params.max_deterministic_time = max(dtime, 0.1)
        params.max_time_in_seconds = max(seconds, 0.5)
    else:
        params.max_time_in_seconds = max(min(dtime / rate, seconds), 0.2)
    return params


def _solve(
    model: cp_model.CpModel, progress: _Progress, params: cp_model.SatParameters
) -> tuple[cp_model.CpSolver, int]:
    solver = cp_model.CpSolver()
    solver.parameters.copy_from(params)
    done = threading.Event()
    watcher = threading.Thread(target=progress.watch, args=(solver, done), daemon=True)
    watcher.start()
    try:
        status = solver.solve(model, progress.callback())
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


class _Best(cp_model.CpSolverSolutionCallback):
    """Records the objective of each improving solution; reads no variables, so it costs
    nothing and does not change the search."""

    def __init__(self) -> None:
        super().__init__()
        self.value: float | None = None

    def on_solution_callback(self) -> None:
        self.value = self.objective_value


class _Progress:
    """Reports progress and passes a cancel on to the solver, from a watcher thread.

    The bar moves with the search: over the wall-clock limit, and a step further at each
    improving plan the solution callback has seen, whose total priority the message names.
    Fractions only grow (0.05 … 0.95), so a bar fed from here and from the caller never
    jumps back. The watcher keeps calling ``stop_search`` while cancelled (or after
    ``on_progress`` failed), so a stop that lands before CP-SAT has started its search is
    not lost.
    """

    def __init__(self, state: TaskState | _Quiet | None, t0: float, seconds: float) -> None:
        self.state = state
        self.t0 = t0
        self.seconds = max(seconds, 1e-3)
        self.fraction = PROGRESS_FROM
        self.error: BaseException | None = None
        self.best = _Best()
        self.improvements = 0
        self._seen: float | None = None
        # added to the callback's objective in the message: a sub-problem's objective
        # leaves out the cases fixed around it (solvers/decompose.py)
        self.offset = 0.0

    def piece(self, offset: float, *, quiet: bool) -> _Progress:
        """The progress of one of several solves that run at once (solvers/decompose.py):
        this one, or, ``quiet``, one on the same clock that only passes a cancel on (two
        reporting at once would move the bar back and forth)."""
        out = self
        if quiet:
            out = _Progress(None if self.state is None else _Quiet(self.state), self.t0,
                            self.seconds)
        out.offset = offset
        return out

    def callback(self) -> _Best:
        self.best = _Best()
        self._seen = None
        return self.best

    def watch(self, solver: cp_model.CpSolver, done: threading.Event) -> None:
        state = self.state
        if state is None:
            return
        while True:
            if state.cancelled or self.error is not None:
                solver.stop_search()
            else:
                self._report(state)
            if done.wait(_POLL):
                return

    def _report(self, state: TaskState) -> None:
        elapsed = time.perf_counter() - self.t0
        share = min(elapsed / self.seconds, 1.0)
        value = self.best.value
        if value is not None and value != self._seen:
            self._seen = value
            self.improvements += 1
        # each improvement closes a bit of what is left, on top of the clock
        extra = 1.0 - 0.97 ** self.improvements
        share = min(1.0, share + (1.0 - share) * extra * 0.5)
        self.fraction = max(self.fraction, PROGRESS_FROM + (PROGRESS_TO - PROGRESS_FROM) * share)
        message = "Zoeken naar een beter plan…"
        if value is not None:
            message = (f"Zoeken naar een beter plan… (beste tot nu: totale prioriteit "
                       f"{(value + self.offset) / SCORE_SCALE:.1f})").replace(".", ",", 1)
        try:
            state.report(self.fraction, message)
        except BaseException as exc:  # re-raised in the caller's thread
            self.error = exc

    def raise_error(self) -> None:
        if self.error is not None:
            error, self.error = self.error, None
            raise error


class _Quiet:
    """A task state's cancel without its progress."""

    def __init__(self, state: TaskState) -> None:
        self._state = state

    @property
    def cancelled(self) -> bool:
        return self._state.cancelled

    def report(self, fraction: float, message: str = "") -> None:
        pass
