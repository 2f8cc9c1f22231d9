"""A good first plan for the search: greedy by priority per unit of scarce capacity.

Rank order places the highest score first whatever it costs; on a tight unit that fills
the teams with a few large cases. Greedy by *density* (score per share of the scarce
capacity a case takes) starts the search much higher, and on a busy machine the search
may not get far beyond its starting point. Several densities are tried (total fte only,
scarcity-weighted over the kinds, different exponents) and the best plan is kept; each is
deterministic and takes milliseconds per hundred candidates.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence

import numpy as np

from stuurploeg.domain.planning import Candidate, PlanState

FTE_SCALE = 100  # fte -> integer hundredths in the solver's model

# (weights the specialist kinds by scarcity, exponent of the size)
_VARIANTS = ((False, 1.0), (True, 1.0), (True, 0.5))


def greedy_start(
    base: PlanState,
    candidates: Sequence[Candidate],
    mandatory: Collection[str],
    hint: Mapping[str, tuple[int, int]],
) -> tuple[dict[str, tuple[int, int]], float]:
    """The best of ``hint`` (completed greedily) and the density-greedy plans; every plan
    keeps the ``mandatory`` cases at their ``hint`` placement. Returns (placements of the
    candidates, total priority); ``base``'s own placements are not included."""
    cands = [c for c in candidates if c.problem is None and c.case_id not in base.placed]
    by_id = {c.case_id: c for c in cands}
    kept = [cid for cid in mandatory if cid in hint and cid in by_id]
    kept.sort(key=lambda cid: by_id[cid].order)
    sizes = _sizes(base, cands)
    best: tuple[float, dict[str, tuple[int, int]]] | None = None
    plans = [_with(base, by_id, [cid for cid in hint if cid in by_id], hint,
                   sorted(cands, key=lambda c: -c.score / sizes[0][c.case_id]))]
    for weighted, power in _VARIANTS:
        size = sizes[1 if weighted else 0]
        order = sorted(cands, key=lambda c: (-c.score / size[c.case_id] ** power, c.order))
        plans.append(_with(base, by_id, kept, hint, order))
    for placed in plans:
        if placed is None:
            continue
        total = sum(by_id[cid].score for cid in placed)
        if best is None or total > best[0] + 1e-9:
            best = (total, placed)
    if best is None:
        return dict(hint), sum(by_id[c].score for c in hint if c in by_id)
    return best[1], best[0]


def _with(
    base: PlanState, by_id: Mapping[str, Candidate], kept: Sequence[str],
    hint: Mapping[str, tuple[int, int]], order: Sequence[Candidate],
) -> dict[str, tuple[int, int]] | None:
    state = base.copy()
    # what the solver's integer model sees (capacity in whole hundredths of an fte, rounded
    # down), so that the plan is a valid hint there too
    state.remaining = np.floor(state.remaining * FTE_SCALE + 1e-7) / FTE_SCALE
    own = set(state.placed)
    for cid in kept:
        ti, s = hint[cid]
        if not state.fits(by_id[cid], ti, s):
            return None
        state.place(by_id[cid], ti, s)
    for cand in order:
        if cand.case_id not in state.placed:
            spot = state.first_fit(cand)
            if spot is not None:
                state.place(cand, *spot)
    return {cid: p for cid, p in state.placed.items() if cid not in own}


def _sizes(base: PlanState, cands: Sequence[Candidate]) -> tuple[dict[str, float], ...]:
    """Per candidate its fte-weeks, and its scarcity-weighted share of the capacity."""
    if not cands:
        return {}, {}
    free = base.remaining.sum(axis=(0, 2))  # per kind, all teams and weeks
    demand = np.array([c.demand * c.duration for c in cands]).reshape(len(cands), -1)
    wanted = demand.sum(axis=0)
    scarcity = np.where(free > 0, wanted / np.maximum(free, 1e-9), 0.0)
    # the share of a kind's capacity, weighted by how oversubscribed that kind is
    share = np.where(free > 0, demand / np.maximum(free, 1e-9), 0.0) * np.maximum(scarcity, 1.0)
    plain = {c.case_id: max(float(d[0]), 1e-9) for c, d in zip(cands, demand, strict=True)}
    weighted = {
        c.case_id: max(float(s.sum()) * float(free[0]), 1e-9)
        for c, s in zip(cands, share, strict=True)
    }
    return plain, weighted
