"""Capacity planning: the capacity grid, running cases, the greedy planners,
reasons for unplanned cases, scenarios, fragility and the comparison of plans.

The exact optimisers (CP-SAT) live in ``stuurploeg.app.solvers``; everything here is pure
Python + numpy.
"""

from stuurploeg.domain.planning.candidates import Candidate, prepare_candidates
from stuurploeg.domain.planning.checker import verify_plan
from stuurploeg.domain.planning.compare import PlanComparison, compare_assignments
from stuurploeg.domain.planning.fragility import fragile_cases
from stuurploeg.domain.planning.greedy import fill_in_order, planning_order, rank_plan
from stuurploeg.domain.planning.grid import CapacityGrid, build_grid
from stuurploeg.domain.planning.reasons import reason_summary, unplanned_reason
from stuurploeg.domain.planning.state import PlanState
from stuurploeg.domain.planning.types import (
    KIND_TOTAL,
    KINDS,
    TOLERANCE,
    Assignment,
    CapacityDelta,
    CaseAction,
    CaseChange,
    FixedPlacement,
    Overbooking,
    Scenario,
    Unplanned,
    capacity_change,
)

__all__ = [
    "KINDS",
    "KIND_TOTAL",
    "TOLERANCE",
    "Assignment",
    "Candidate",
    "CapacityDelta",
    "CapacityGrid",
    "CaseAction",
    "CaseChange",
    "FixedPlacement",
    "Overbooking",
    "PlanComparison",
    "PlanState",
    "Scenario",
    "Unplanned",
    "build_grid",
    "capacity_change",
    "compare_assignments",
    "fill_in_order",
    "fragile_cases",
    "planning_order",
    "prepare_candidates",
    "rank_plan",
    "reason_summary",
    "unplanned_reason",
    "verify_plan",
]
