"""Plain conversions between the planning layer's results and the workspace's records.

No computation: a PlanResult is copied field by field into the PlanRecord the workspace
stores (the workspace keeps plans as plain values), and stored overrides become the
PositionOverride the ranking takes.
"""

from __future__ import annotations

from typing import Any


def plan_record(plan: Any, name: str = "") -> Any:
    from stuurploeg.app.workspace import PlanRecord, ProfileRecord
    from stuurploeg.store.planning_repo import AssignmentRow, RankingRow

    profile = plan.profile
    return PlanRecord(
        name=name or f"{plan.planner} {plan.start}",
        planner=plan.planner,
        start_week=plan.start,
        weeks=plan.weeks,
        ranking=[
            RankingRow(e.rank, e.case_id, e.score, bool(e.priority_rule), bool(e.incomplete))
            for e in plan.ranking.entries
        ],
        assignments=[
            AssignmentRow(a.case_id, a.team, a.start_week, a.weeks, float(a.fte))
            for a in plan.assignments
        ],
        unplanned=[(u.case_id, u.reason) for u in plan.unplanned],
        profile=ProfileRecord(
            profile.name, profile.version, {c.value: float(w) for c, w in profile.weights.items()}
        ),
        total_priority=float(plan.total_priority),
        gap=plan.gap,
    )


def position_overrides(records: list[Any]) -> list[Any]:
    from stuurploeg.domain.scoring import PositionOverride

    return [PositionOverride(r.case_id, r.position, r.motivation) for r in records]
