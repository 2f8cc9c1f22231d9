"""The scenario sheets of the besluitenlijst: the workspace's scenarios side by side with
the base plan, as the plan workbook has them for ``stuurploeg plan --scenario``.

A stored plan keeps its placements, not the capacity per week a comparison needs, so the
comparison is computed at the export with the rank-order planner, over the stored plan's
horizon, on the same basis as every plan (the meetings' decisions fixed, the last
vastgesteld plan kept); the sheet says so.
"""

from __future__ import annotations

from stuurploeg.app.planning import PlanError
from stuurploeg.app.replan import replan_basis
from stuurploeg.app.scenarios import list_scenarios, run_scenarios
from stuurploeg.app.workspace import Workspace
from stuurploeg.app.workspace_plans import compute_plan, position_overrides
from stuurploeg.domain.progress import TaskState
from stuurploeg.domain.weeks import IsoWeek
from stuurploeg.io.excel_out import Sheet
from stuurploeg.io.planning_sheets import scenario_cases_sheet, scenario_comparison_sheet

NOTE = ("Berekend bij de export met de planner rangorde over de planperiode {start} t/m "
        "{end}; besluiten van vastgestelde vergaderingen liggen vast.")


def scenario_sheets(
    ws: Workspace, start: IsoWeek, weeks: int, state: TaskState | None = None
) -> list[Sheet]:
    """The Scenario's and Scenariozaken sheets, or none when the workspace has no
    scenarios (or nothing to plan)."""
    scenarios = list_scenarios(ws)
    if not scenarios or not ws.cases() or not ws.capacity().teams:
        return []
    try:
        base = compute_plan(ws, start=start, weeks=weeks, state=state)
        basis = replan_basis(ws, start)
        outcomes = run_scenarios(base, list(basis.cases), ws.capacity(), scenarios,
                                 overrides=position_overrides(ws), fixed=basis.fixed,
                                 state=state)
    except PlanError:
        return []
    comparison = scenario_comparison_sheet(base, [o.comparison for o in outcomes])
    comparison.title_block = [("Let op", NOTE.format(start=start, end=start + (weeks - 1)))]
    return [comparison, scenario_cases_sheet([o.comparison for o in outcomes])]
