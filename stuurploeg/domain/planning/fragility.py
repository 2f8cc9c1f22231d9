"""Fragile cases: in or out of the rank-order plan depending on a small weight change."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from stuurploeg.domain.model import CRITERIA, Case
from stuurploeg.domain.planning.candidates import prepare_candidates
from stuurploeg.domain.planning.greedy import rank_plan
from stuurploeg.domain.planning.grid import CapacityGrid
from stuurploeg.domain.planning.types import FixedPlacement
from stuurploeg.domain.scoring import PositionOverride, WeightProfile, rank_cases

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
    by ``±step`` points (``planned``: the rank plan's cases under ``profile``)."""
    overrides, fixed = tuple(overrides), tuple(fixed)
    case_list = list(cases.values())
    fragile: set[str] = set()
    for c in CRITERIA:
        for sign in (-1.0, 1.0):
            w = profile.weight(c) + sign * step
            if w < 0:
                continue
            ranking = rank_cases(case_list, profile.with_weight(c, w), overrides, priority_rule)
            state, _ = rank_plan(grid, prepare_candidates(cases, ranking, grid), fixed)
            fragile |= planned.symmetric_difference(state.placed)
    return fragile
