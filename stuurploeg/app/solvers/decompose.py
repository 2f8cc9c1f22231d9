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

Two cores: the pieces run in batches of groups that share no team, as many as there are
workers, each on one CP-SAT worker in its own thread (the two-worker interleaved search
of one piece kept only about 1.5 of the 2 cores busy). The cases out of the plan are
shared out among a batch's pieces, in order of priority and in turn (:func:`_offer`), so
no two pieces compete for a case: without that, two pieces starting from the same plan
mostly found the same gains and half of them was lost; with it each piece is smaller and
faster, and on the tight 300-candidate units the plans rose by 0.5-1.5% of the best known
(docs/optimiser.md). Which partner a group has changes what it is offered, so a batch, not
a group, is what is marked as having found nothing.

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

import concurrent.futures
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
# Deterministic time a one-worker piece gets through per wall-clock second, against the
# two-worker rate of cpsat.dtime_per_second (measured, docs/optimiser.md).
PIECE_RATE_ONE_WORKER = 0.8
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
    # batches of groups that found nothing better, and whose sub-problems have not changed
    # since (with several groups at once a group's sub-problem depends on its partners)
    useless: set[tuple[tuple[int, ...], ...]] = set()
    order = list(groups)
    at_once = max(1, workers)
    with concurrent.futures.ThreadPoolExecutor(at_once) as pool:
        while charged < seconds:
            if state is not None and state.cancelled:
                reproducible = False
                break
            wall_left = wall - (time.perf_counter() - t0)
            if wall_left <= 0.2:
                reproducible = False
                break
            batch = _batch(order, useless, at_once)
            if not batch:
                break
            total = _total(by_id, plan) * cpsat.SCORE_SCALE
            runs = []
            # several groups at once: one worker each, every core busy (the interleaved
            # two-worker search kept 1.5 of 2 busy); a group alone gets every worker
            each = 1 if len(batch) > 1 else workers
            offered = _offer(by_id, plan, batch)
            for i, group in enumerate(batch):
                sub_base, sub_cands = _sub_problem(base, by_id, plan, group, capacity, demand)
                sub_cands = [c for c in sub_cands if offered.get(c.case_id, i) == i]
                hint = {cid: spot for cid, spot in plan.items() if spot[0] in group}
                must = {c.case_id for c in sub_cands if c.case_id in mandatory}
                stage = cpsat._stage("intervals", sub_base, sub_cands, must, hint, {}, 0.0)
                rate = cpsat.dtime_per_second(cpsat.model_sizes(sub_base, sub_cands)[0])
                if len(batch) > 1:
                    rate *= PIECE_RATE_ONE_WORKER
                dtime = min(PIECE_DTIME, (seconds - charged) * rate)
                before = sum(round(by_id[cid].score * cpsat.SCORE_SCALE) for cid in hint)
                # the first piece tells the bar (and the best total so far); every piece
                # hears a cancel
                told = progress.piece(total - before, quiet=i > 0)
                # A proof that the group's plan cannot be improved is not settled on one
                # worker (measured 1.9 s of wall clock on c300-t8-s40 fill): the plan
                # stays as it is whichever optimal sub-plan came back.
                runs.append((group, hint, stage, rate, dtime, before, told, pool.submit(
                    cpsat._run, stage.model, dtime, wall_left, each, seed, told, True,
                    bool(hint), rate=rate, settle_above=before + 0.5)))
            longest = 0.0
            accepted = []
            for group, hint, stage, rate, dtime, before, told, future in runs:
                try:
                    solver, status, exact = future.result()
                finally:
                    told.offset = 0.0
                pieces += 1
                unsettled = (each > 1 and status == cp_model.OPTIMAL
                             and solver.objective_value <= before + 0.5)
                # an unsettled proof's deterministic time is a race of threads: charge the
                # piece's budget instead, so what runs next does not depend on the race
                used = dtime if unsettled else solver.deterministic_time
                longest = max(longest, used / rate)
                if not exact or cpsat._hit_cap(solver, status, dtime):
                    reproducible = False
                if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE) or (
                        solver.objective_value <= before + 0.5):
                    continue
                # the pieces of a batch touch different teams and were offered different
                # cases (_offer), so each one's sub-plan can be taken as it is
                for cid in hint:
                    del plan[cid]
                plan.update(cpsat._placements(solver, stage.choice))
                accepted.append(group)
            # no more pieces than workers: the batch takes as long as its longest piece
            charged += longest
            improved += len(accepted)
            # an improvement changes every other group's sub-problem
            useless = {batch} if accepted else useless | {batch}
    return Decomposed(plan, _total(by_id, plan), charged, pieces, improved, reproducible)


def _offer(by_id: Mapping[str, Candidate], plan: Mapping[str, tuple[int, int]],
           batch: Sequence[tuple[int, ...]]) -> dict[str, int]:
    """Which piece of ``batch`` each case out of ``plan`` is offered to: in order of
    priority, in turn to the pieces whose teams may take it."""
    if len(batch) < 2:
        return {}
    out: dict[str, int] = {}
    turn = 0
    left = sorted((cid for cid in by_id if cid not in plan), key=lambda c: -by_id[c].score)
    for cid in left:
        teams = by_id[cid].teams
        fits = [i for i, group in enumerate(batch) if any(t in group for t in teams)]
        if fits:
            out[cid] = fits[turn % len(fits)]
            turn += 1
    return out


def _batch(order: list[tuple[int, ...]], useless: Collection[tuple[tuple[int, ...], ...]],
           size: int) -> tuple[tuple[int, ...], ...]:
    """The next batch: up to ``size`` groups that share no team, taken in ``order`` from
    the first group on that gives a batch not in ``useless``; its groups move to the end
    of ``order`` (which cycles). Empty when every batch there is to make is useless."""
    for first in order:
        batch = [first]
        busy = set(first)
        for group in order:
            if len(batch) == size:
                break
            if busy.intersection(group) or (*batch, group) in useless:
                continue
            batch.append(group)
            busy.update(group)
        if tuple(batch) not in useless:
            for group in batch:
                order.remove(group)
                order.append(group)
            return tuple(batch)
    return ()


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
