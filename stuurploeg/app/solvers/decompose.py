"""Decomposition search for large units: re-optimise two teams at a time.

On a unit of 300 candidates and 8 teams, CP-SAT's own large-neighbourhood search (LNS) on
the whole interval model spends most of its budget on propagation over all teams and
improves the plan slowly (docs/optimiser.md: 0.943 and 0.926 of the best known on the two
tight 300-candidate units at 30 s). Most improvements on such a unit are exchanges
between a few teams: a case moved from one team to another frees the room that a better
case needs. So the search here takes pairs of teams in a seeded order and solves, for
each pair, the sub-problem with every other team's placements fixed: which of the cases
that are not placed elsewhere go on these two teams, and when. The sub-problems are small
(a quarter of the model on 8 teams), CP-SAT solves them far faster per unit of work, and
a sub-plan is only taken when it raises the total priority, so the plan never gets worse.

Reproducible: the pair order comes from ``seed``, each sub-solve has a deterministic
budget, and the time a piece is charged is its deterministic time at the rate of its own
model size (:func:`cpsat.dtime_per_second`), so which pieces run, and what they find,
does not depend on the clock. Only the wall-clock limit (a slow or busy machine) or a
cancel end it early, and then the result is flagged not reproducible.

The capacity the sub-problem sees is the whole model's integer capacity (hundredths of
an fte, rounded down) minus the fixed cases' integer demand (rounded up), exactly what
those fixed cases take in the whole model, so a sub-plan is valid there too.
"""

from __future__ import annotations

import dataclasses
import itertools
import random
import time
from collections.abc import Collection, Mapping, Sequence

import numpy as np
from ortools.sat.python import cp_model

from stuurploeg.app.solvers.start import FTE_SCALE
from stuurploeg.domain.planning import Candidate, PlanState

# Deterministic budget of one sub-solve (CP-SAT units): long enough for the LNS to take
# a pair of teams' sub-problem from its hint to a good plan, short enough that on 8 teams
# every pair gets its turn within the budget (docs/optimiser.md).
PIECE_DTIME = 0.15
SUB_KINDS = 400
PIECE_RATE = 1.0

TRACE: list = []
Placements = dict[str, tuple[int, int]]


@dataclasses.dataclass
class Decomposed:
    placements: Placements  # case_id -> (team index, start index)
    total: float  # total priority of ``placements``
    seconds: float  # budget charged (deterministic, in requested seconds)
    pieces: int  # sub-problems solved
    improved: int  # sub-problems whose plan was taken
    reproducible: bool


def decompose(
    base: PlanState,
    candidates: Sequence[Candidate],
    mandatory: Collection[str],
    plan: Mapping[str, tuple[int, int]],
    *,
    seconds: float,
    wall: float,
    seed: int,
    workers: int,
    progress,  # cpsat._Progress
    state=None,  # TaskState | None
) -> Decomposed:
    """Improve ``plan`` (a valid placement of some of ``candidates`` on what ``base``
    leaves free, every ``mandatory`` case in it) pair of teams by pair of teams, for
    ``seconds`` of budget (deterministic) or ``wall`` seconds of wall clock, whichever
    ends first."""
    from stuurploeg.app.solvers import cpsat

    t0 = time.perf_counter()
    by_id = {c.case_id: c for c in candidates
             if c.problem is None and c.case_id not in base.placed}
    plan = {cid: spot for cid, spot in plan.items() if cid in by_id}
    n_teams = base.remaining.shape[0]
    pairs = list(itertools.combinations(range(n_teams), group_size(
        cpsat.model_sizes(base, list(by_id.values()))[0], n_teams)))
    random.Random(seed).shuffle(pairs)
    # the whole model's integer capacity, as cpsat.scaled_capacity rounds it
    capacity = np.floor(base.remaining * FTE_SCALE + 1e-7)
    demand = {cid: np.ceil(c.demand * FTE_SCALE - 1e-7) for cid, c in by_id.items()}
    charged = 0.0
    pieces = improved = 0
    reproducible = True
    useless: set[tuple[int, int]] = set()  # pairs whose sub-problem did not change since
    for pair in itertools.cycle(pairs):
        if charged >= seconds or len(useless) == len(pairs):
            break
        if state is not None and state.cancelled:
            reproducible = False
            break
        wall_left = wall - (time.perf_counter() - t0)
        if wall_left <= 0.2:
            reproducible = False
            break
        if pair in useless:
            continue
        tb = time.perf_counter()
        sub_base, sub_cands = _sub_problem(base, by_id, plan, pair, capacity, demand)
        hint = {cid: spot for cid, spot in plan.items() if spot[0] in pair}
        must = {c.case_id for c in sub_cands if c.case_id in mandatory}
        stage = cpsat._stage("intervals", sub_base, sub_cands, must, hint, {}, 0.0)
        kinds = cpsat.model_sizes(sub_base, sub_cands)[0]
        rate = cpsat.dtime_per_second(kinds, lns_only=True) * PIECE_RATE
        dtime = min(PIECE_DTIME, (seconds - charged) * rate)
        before = sum(round(by_id[cid].score * cpsat.SCORE_SCALE) for cid in hint)
        progress.offset = _total(by_id, plan) * cpsat.SCORE_SCALE - before
        tb = time.perf_counter() - tb
        ts = time.perf_counter()
        try:
            solver, status = cpsat._run(stage.model, dtime, wall_left, workers, seed,
                                        progress, True, bool(hint), rate=rate)
        finally:
            progress.offset = 0.0
        pieces += 1
        TRACE.append((kinds, round(tb, 3), round(time.perf_counter() - ts, 3), round(solver.deterministic_time, 3), round(solver.wall_time, 3)))
        charged += solver.deterministic_time / rate
        if cpsat._hit_cap(solver, status, dtime):
            reproducible = False
        if status in (cp_model.OPTIMAL, cp_model.FEASIBLE) and (
                solver.objective_value > before + 0.5):
            for cid in hint:
                del plan[cid]
            plan.update(cpsat._placements(solver, stage.choice))
            improved += 1
            useless = {pair}  # every other pair's sub-problem has changed
        else:
            useless.add(pair)
    return Decomposed(plan, _total(by_id, plan), charged, pieces, improved, reproducible)


def group_size(kinds: int, n_teams: int) -> int:
    """Teams per sub-problem: the fewest (at least two) whose share of the model has
    about SUB_KINDS interval-kinds, always fewer than all teams."""
    group = 2
    while group < n_teams - 1 and kinds * group / n_teams < SUB_KINDS:
        group += 1
    return group


def _sub_problem(
    base: PlanState, by_id: Mapping[str, Candidate], plan: Mapping[str, tuple[int, int]],
    pair: tuple[int, int], capacity: np.ndarray, demand: Mapping[str, np.ndarray],
) -> tuple[PlanState, list[Candidate]]:
    """``base`` with the cases ``plan`` puts on other teams fixed, and the candidates that
    may go on the pair (restricted to it): those ``plan`` puts there or leaves out."""
    left = capacity.copy()
    for cid, (ti, s) in plan.items():
        if ti not in pair:
            left[ti, :, s : s + by_id[cid].duration] -= demand[cid][:, None]
    sub = base.copy()
    sub.remaining = left / FTE_SCALE
    cands = []
    for cid, cand in by_id.items():
        spot = plan.get(cid)
        if spot is not None and spot[0] not in pair:
            continue
        teams = tuple(t for t in cand.teams if t in pair)
        if teams:
            cands.append(dataclasses.replace(cand, teams=teams))
    return sub, cands


def _total(by_id: Mapping[str, Candidate], plan: Mapping[str, tuple[int, int]]) -> float:
    return float(sum(by_id[cid].score for cid in plan))
