"""Comparing two plans: cases in and out, total priority, utilisation per team."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from stuurploeg.domain.planning.types import Assignment


@dataclass(frozen=True)
class PlanComparison:
    added: tuple[str, ...]  # planned in b, not in a
    removed: tuple[str, ...]  # planned in a, not in b
    moved: tuple[str, ...]  # in both, other team or start week
    total_priority_a: float
    total_priority_b: float
    utilisation_a: Mapping[str, float]  # team -> used / available total fte over the horizon
    utilisation_b: Mapping[str, float]

    @property
    def priority_difference(self) -> float:
        return self.total_priority_b - self.total_priority_a


def compare_assignments(
    a: Sequence[Assignment],
    b: Sequence[Assignment],
    total_a: float,
    total_b: float,
    utilisation_a: Mapping[str, float],
    utilisation_b: Mapping[str, float],
) -> PlanComparison:
    ia = {x.case_id: x for x in a}
    ib = {x.case_id: x for x in b}
    moved = tuple(
        cid
        for cid in ia
        if cid in ib and (ia[cid].team, ia[cid].start_week) != (ib[cid].team, ib[cid].start_week)
    )
    return PlanComparison(
        added=tuple(cid for cid in ib if cid not in ia),
        removed=tuple(cid for cid in ia if cid not in ib),
        moved=moved,
        total_priority_a=total_a,
        total_priority_b=total_b,
        utilisation_a=dict(utilisation_a),
        utilisation_b=dict(utilisation_b),
    )
