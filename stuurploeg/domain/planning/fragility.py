"""Fragile cases: in or out of the rank-order plan depending on a small weight change."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from stuurploeg.domain.model import CRITERIA, Case
from stuurploeg.domain.planning.candidates import candidate_for
from stuurploeg.domain.planning.greedy import rank_plan
from stuurploeg.domain.planning.grid import CapacityGrid
from stuurploeg.domain.planning.types import FixedPlacement
from stuurploeg.domain.scoring import PositionOverride, Reranker, WeightProfile

FRAGILITY_STEP = 5.0


def fragile_cases(
    cases: Mapping[str, Case],
    grid: CapacityGrid,
    profile: WeightProfile,
    planned: set[str],
    *,
    overrides: Iterable[PositionOverride] = (),
    fixed: Iterable[FixedPlacement] = (),
    priority_rule: bool = True,
    step: float = FRAGILITY_STEP,
) -> set[str]:
    """Candidates whose place in or out of the rank plan flips when any one weight moves
    by ``±step`` points (``planned``: the rank plan's cases under ``profile``).

    The candidates are prepared once: a weight change moves them in the order, and the
    rank plan looks at nothing else that a weight changes.
    """
    overrides, fixed = tuple(overrides), tuple(fixed)
    reranker = Reranker(list(cases.values()), overrides, priority_rule)
    prio = reranker.prio.tolist()
    prepared = {
        c.case_id: candidate_for(c, 0, None, prio[i], grid) for i, c in enumerate(reranker.cands)
    }
    fragile: set[str] = set()
    for c in CRITERIA:
        for sign in (-1.0, 1.0):
            w = profile.weight(c) + sign * step
            if w < 0:
                continue
            order = reranker.case_ids(profile.with_weight(c, w))
            state, _ = rank_plan(grid, [prepared[cid] for cid in order], fixed)
            fragile |= planned.symmetric_difference(state.placed)
    return fragile
