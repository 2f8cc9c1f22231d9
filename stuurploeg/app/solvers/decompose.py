"""Decomposition search for large units: re-optimise a few teams at a time.

On a unit of 300 candidates and 8 teams, CP-SAT's large-neighbourhood search (LNS) on the
whole interval model spends most of its budget on propagation over all teams and
improves the plan slowly (docs/optimiser.md: 0.943 and 0.926 of the best known on the two
tight 300-candidate units at 30 s). Most improvements on such a unit are exchanges
between a few teams: a case moved from one team to another frees the room that a better
case needs. So the search here takes groups of teams (two of eight, four or five of six:
:func:`group_size`) in a seeded order that gives every team its turn early, and solves,
for each group, the sub-problem with every other team's placements fixed: which of the
cases not placed elsewhere go on these teams, and when. The sub-problems are small,
CP-SAT improves them far faster per unit of work, and a sub-plan is only taken when it
raises the total priority, so the plan never gets worse.

Reproducible: the group order comes from ``seed``, each sub-solve has a deterministic
budget, and the time a piece is charged is its deterministic time at the rate of its own
model size (:func:`cpsat.dtime_per_second`), so which pieces run, and what they find,
does not depend on the clock. Only the wall-clock limit (a slow or busy machine) or a
cancel end it early, and then the result is flagged not reproducible.

The capacity a sub-problem sees is the whole model's integer capacity (hundredths of an
fte, rounded down) minus the fixed cases' integer demand (rounded up): exactly what those
cases take in the whole model, so a sub-plan is valid there too.
"""

from __future__ import annotations

import dataclasses
import itertools
import math
import random
import time
from collections.abc import Collection, Mapping, Sequence

import numpy as np
from ortools.sat.python import cp_model

from stuurploeg.app.solvers import cpsat
from stuurploeg.app.solvers.start import FTE_SCALE
from stuurploeg.domain.planning import Candidate, PlanState
from stuurploeg.domain.progress import TaskState

# Deterministic budget of one sub-solve (CP-SAT units; it overshoots by about a third):
# enough for the LNS to take a group's sub-problem from its hint to a good plan, small
# enough for a dozen or more sub-problems in the budget (docs/optimiser.md).
PIECE_DTIME = 0.3
# A group of teams spans at least about this many interval-kinds: on 8 teams of 300
# candidates two teams, on 6 teams of 120 candidates four or five. Smaller groups (300)
# left the 120-candidate units on a worse plan (docs/optimiser.md).
SUB_KINDS = 500
MAX_GROUPS = 200

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
    progress: cpsat._Progress,
    state: TaskState | None = None,
) -> Decomposed:
    """Improve ``plan`` (a valid placement of some of ``candidates`` on what ``base``
    leaves free, every ``mandatory`` case in it) a group of teams at a time, for
    ``seconds`` of budget (deterministic) or ``wall`` seconds of wall clock, whichever
    ends first."""
    t0 = time.perf_counter()
    by_id = {c.case_id: c for c in candidates
             if c.problem is None and c.case_id not in base.placed}
    plan = {cid: spot for cid, spot in plan.items() if cid in by_id}
    n_teams = base.remaining.shape[0]
    size = group_size(cpsat.model_sizes(base, list(by_id.values()))[0], n_teams)
    groups = _spread(_groups(n_teams, size, random.Random(seed)), n_teams)
    # the whole model's integer capacity, as cpsat.scaled_capacity rounds it
    capacity = np.floor(base.remaining * FTE_SCALE + 1e-7)
    demand = {cid: np.ceil(c.demand * FTE_SCALE - 1e-7) for cid, c in by_id.items()}
    charged = 0.0
    pieces = improved = 0
    reproducible = True
    # groups that found nothing better, and whose sub-problem has not changed since
    useless: set[tuple[int, ...]] = set()
    for group in itertools.cycle(groups):
        if charged >= seconds or len(useless) == len(groups):
            break
        if state is not None and state.cancelled:
            reproducible = False
            break
        wall_left = wall - (time.perf_counter() - t0)
        if wall_left <= 0.2:
            reproducible = False
            break
        if group in useless:
            continue
        sub_base, sub_cands = _sub_problem(base, by_id, plan, group, capacity, demand)
        hint = {cid: spot for cid, spot in plan.items() if spot[0] in group}
        must = {c.case_id for c in sub_cands if c.case_id in mandatory}
        stage = cpsat._stage("intervals", sub_base, sub_cands, must, hint, {}, 0.0)
        kinds = cpsat.model_sizes(sub_base, sub_cands)[0]
        rate = cpsat.dtime_per_second(kinds)
        dtime = min(PIECE_DTIME, (seconds - charged) * rate)
        before = sum(round(by_id[cid].score * cpsat.SCORE_SCALE) for cid in hint)
        progress.offset = _total(by_id, plan) * cpsat.SCORE_SCALE - before
        try:
            # A proof that the group's plan cannot be improved is not settled on one
            # worker (measured 1.9 s of wall clock on c300-t8-s40 fill): the plan stays
            # as it is whichever optimal sub-plan came back.
            solver, status, exact = cpsat._run(stage.model, dtime, wall_left, workers, seed,
                                               progress, True, bool(hint), rate=rate,
                                               settle_above=before + 0.5)
        finally:
            progress.offset = 0.0
        pieces += 1
        unsettled = status == cp_model.OPTIMAL and solver.objective_value <= before + 0.5
        # an unsettled proof's deterministic time is a race of threads: charge the
        # piece's budget instead, so what runs next does not depend on the race
        charged += (dtime if unsettled else solver.deterministic_time) / rate
        if not exact or cpsat._hit_cap(solver, status, dtime):
            reproducible = False
        if status in (cp_model.OPTIMAL, cp_model.FEASIBLE) and (
                solver.objective_value > before + 0.5):
            for cid in hint:
                del plan[cid]
            plan.update(cpsat._placements(solver, stage.choice))
            improved += 1
            useless = {group}  # every other group's sub-problem has changed
        else:
            useless.add(group)
    return Decomposed(plan, _total(by_id, plan), charged, pieces, improved, reproducible)


def _groups(n_teams: int, size: int, rng: random.Random) -> list[tuple[int, ...]]:
    """Every group of ``size`` teams in a seeded order, or, where there are more than
    MAX_GROUPS (a capacity sheet of dozens of teams), MAX_GROUPS of them drawn at random."""
    if math.comb(n_teams, size) <= MAX_GROUPS:
        groups = list(itertools.combinations(range(n_teams), size))
        rng.shuffle(groups)
        return groups
    drawn: dict[tuple[int, ...], None] = {}
    while len(drawn) < MAX_GROUPS:
        drawn[tuple(sorted(rng.sample(range(n_teams), size)))] = None
    return list(drawn)


def _spread(groups: list[tuple[int, ...]], n_teams: int) -> list[tuple[int, ...]]:
    """``groups`` reordered so that every team gets its turn early: each next group is the
    first whose teams have had the fewest turns so far (the budget may not reach every
    group on a large unit)."""
    turns = [0] * n_teams
    left = list(groups)
    out = []
    while left:
        best = min(range(len(left)), key=lambda i: (sum(turns[t] for t in left[i]), i))
        group = left.pop(best)
        for t in group:
            turns[t] += 1
        out.append(group)
    return out


def group_size(kinds: int, n_teams: int) -> int:
    """Teams per sub-problem: the fewest (at least two) whose share of the model has
    about SUB_KINDS interval-kinds, always fewer than all teams."""
    group = 2
    while group < n_teams - 1 and kinds * group / n_teams < SUB_KINDS:
        group += 1
    return group


def _sub_problem(
    base: PlanState, by_id: Mapping[str, Candidate], plan: Mapping[str, tuple[int, int]],
    group: tuple[int, ...], capacity: np.ndarray, demand: Mapping[str, np.ndarray],
) -> tuple[PlanState, list[Candidate]]:
    """``base`` with the cases ``plan`` puts on other teams fixed, and the candidates that
    may go on the ``group`` of teams (restricted to it): those ``plan`` puts there or
    leaves out."""
    left = capacity.copy()
    for cid, (ti, s) in plan.items():
        if ti not in group:
            left[ti, :, s : s + by_id[cid].duration] -= demand[cid][:, None]
    sub = base.copy()
    sub.remaining = left / FTE_SCALE
    cands = []
    for cid, cand in by_id.items():
        spot = plan.get(cid)
        if spot is not None and spot[0] not in group:
            continue
        teams = tuple(t for t in cand.teams if t in group)
        if teams:
            cands.append(dataclasses.replace(cand, teams=teams))
    return sub, cands


def _total(by_id: Mapping[str, Candidate], plan: Mapping[str, tuple[int, int]]) -> float:
    return float(sum(by_id[cid].score for cid in plan))
