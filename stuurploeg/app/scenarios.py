"""Use cases for scenarios ("what if"): keep them in the workspace, plan them like the
base plan, and compare each with it. The GUI's scenario panel and ``stuurploeg plan
--scenario`` both call these.

A scenario plan is made with the base plan's planner, horizon, overrides and fixed
placements, with the scenario's own weighting when it has one; it stays within the
scenario's capacity (checked independently) and never plans an excluded case.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from stuurploeg.app.planning import PlanError, PlanResult, make_plan
from stuurploeg.app.workspace import Workspace, now
from stuurploeg.app.workspace_plans import (
    position_overrides,
    scenario_record,
    to_scenario,
)
from stuurploeg.domain.model import CapacityData, Case
from stuurploeg.domain.planning.scenario import scenario_violations
from stuurploeg.domain.planning.scenario_compare import ScenarioComparison, compare_with_base
from stuurploeg.domain.planning.types import FixedPlacement, Scenario
from stuurploeg.domain.progress import TaskState
from stuurploeg.domain.scoring import PositionOverride
from stuurploeg.store import planning_repo

MAX_NAME = 100


class ScenarioError(Exception):
    """A scenario cannot be saved, renamed or found; ``str()`` says why, in Dutch."""


@dataclass(frozen=True)
class ScenarioOutcome:
    """One scenario planned and compared with the base plan."""

    scenario: Scenario
    plan: PlanResult
    comparison: ScenarioComparison

    def to_json(self) -> dict[str, Any]:
        """The scenario plan in the base plan's JSON shape, plus the comparison's keys
        (``name``, ``newly_in``, ``newly_out``, ``delta_priority``, …) and its warnings."""
        data = self.plan.to_json()
        data.update(self.comparison.to_json())
        data["warnings"] = list(self.plan.warnings)
        return data


# -- the workspace's scenarios ---------------------------------------------------------


def list_scenarios(ws: Workspace) -> list[Scenario]:
    """The workspace's scenarios, by name."""
    return [to_scenario(r) for r in ws.scenarios()]


def get_scenario(ws: Workspace, name: str) -> Scenario | None:
    with ws.reading() as c:
        record = planning_repo.load_scenario(c, name)
    return to_scenario(record) if record else None


def plan_scenario_of(ws: Workspace, scenario_id: int | None) -> Scenario | None:
    """The scenario a stored plan was made with (``PlanRecord.scenario_id``), exactly as
    it was then, also when it has since been changed or deleted."""
    if scenario_id is None:
        return None
    with ws.reading() as c:
        record = planning_repo.load_scenario(c, scenario_id=scenario_id)
    return to_scenario(record) if record else None


def save_scenario(ws: Workspace, scenario: Scenario, *, replace_existing: bool = True
                  ) -> Scenario:
    """Store ``scenario`` under its name (tidied: outer and double spaces removed).

    ``replace_existing=False`` refuses a name that is in use (for "new scenario"). A
    scenario that a stored plan refers to is archived, not overwritten."""
    name = _valid_name(scenario.name)
    scenario = replace(scenario, name=name)
    with ws.writing(f"Opslaan van scenario {name}") as c:
        exists = planning_repo.load_scenario(c, name) is not None
        if exists and not replace_existing:
            raise ScenarioError(f"Er is al een scenario met de naam {name}; kies een andere "
                                "naam.")
        if not exists and planning_repo.scenario_name_taken(c, name):
            raise ScenarioError(f"De naam {name} hoort bij een gearchiveerd scenario; kies "
                                "een andere naam.")
        planning_repo.save_scenario(c, scenario_record(scenario), now())
    return scenario


def duplicate_scenario(ws: Workspace, name: str, new_name: str | None = None) -> Scenario:
    """A copy of scenario ``name`` as ``new_name`` (default: "<name> (kopie)", numbered)."""
    original = get_scenario(ws, name)
    if original is None:
        raise ScenarioError(f"Er is geen scenario met de naam {name}.")
    if new_name is None:
        new_name = _free_name(ws, f"{name} (kopie)")
    return save_scenario(ws, replace(original, name=new_name), replace_existing=False)


def rename_scenario(ws: Workspace, old: str, new: str) -> Scenario:
    new = _valid_name(new)
    with ws.writing(f"Hernoemen van scenario {old}") as c:
        if planning_repo.load_scenario(c, old) is None:
            raise ScenarioError(f"Er is geen scenario met de naam {old}.")
        if new != old and planning_repo.scenario_name_taken(c, new):
            raise ScenarioError(f"Er is al een scenario met de naam {new}; kies een andere "
                                "naam.")
        planning_repo.rename_scenario(c, old, new, now())
        record = planning_repo.load_scenario(c, new)
    assert record is not None
    return to_scenario(record)


def delete_scenario(ws: Workspace, name: str) -> bool:
    """Remove scenario ``name`` from the list (kept, hidden, when a stored plan refers to
    it); False when there is none of that name."""
    with ws.writing(f"Verwijderen van scenario {name}") as c:
        return planning_repo.delete_scenario(c, name, now())


def _valid_name(name: str) -> str:
    name = " ".join(str(name).split())
    if not name:
        raise ScenarioError("Geef het scenario een naam.")
    if len(name) > MAX_NAME:
        raise ScenarioError(f"De naam van een scenario mag hoogstens {MAX_NAME} tekens zijn.")
    return name


def _free_name(ws: Workspace, base: str) -> str:
    with ws.reading() as c:
        name, n = base, 1
        while planning_repo.scenario_name_taken(c, name):
            n += 1
            name = f"{base[:-1]} {n})" if base.endswith(")") else f"{base} {n}"
    return name


# -- planning and comparing ------------------------------------------------------------


def plan_scenario(
    base: PlanResult,
    cases: Sequence[Case],
    capacity: CapacityData,
    scenario: Scenario,
    *,
    overrides: Iterable[PositionOverride] = (),
    fixed: Iterable[FixedPlacement] = (),
    time_limit: float = 30.0,
    state: TaskState | None = None,
    workers: int | None = None,
) -> PlanResult:
    """Plan ``scenario`` like ``base`` (same planner, start and horizon; pass the same
    overrides and fixed placements; without ``fixed``, the base's fixed placements —
    the decisions of finalised meetings — hold here too). Raises :class:`PlanError`."""
    fixed = tuple(fixed) or tuple(
        FixedPlacement(a.case_id, a.team, a.start_week) for a in base.assignments if a.fixed)
    result = make_plan(
        cases, capacity, profile=scenario.profile or base.profile, start=base.start,
        weeks=base.weeks, planner=base.planner, overrides=overrides, fixed=fixed,
        scenario=scenario, time_limit=time_limit, state=state, workers=workers,
        previous=base.previous,  # a re-plan's scenario keeps the last meeting's plan too
    )
    problems = scenario_violations(result.assignments, scenario)
    if problems:
        raise PlanError("Interne fout: het scenarioplan houdt zich niet aan het scenario: "
                        + "; ".join(problems))
    return result


def compare_scenario(
    base: PlanResult, scenario_plan: PlanResult, cases: Iterable[Case] = ()
) -> ScenarioComparison:
    """``scenario_plan`` side by side with ``base``; ``cases`` only give the names."""
    return compare_with_base(base, scenario_plan, {c.case_id: c.name for c in cases})


def run_scenarios(
    base: PlanResult,
    cases: Sequence[Case],
    capacity: CapacityData,
    scenarios: Sequence[Scenario],
    *,
    overrides: Iterable[PositionOverride] = (),
    fixed: Iterable[FixedPlacement] = (),
    time_limit: float = 30.0,
    state: TaskState | None = None,
    workers: int | None = None,
) -> list[ScenarioOutcome]:
    """Plan and compare every scenario in turn; progress is shared out over them."""
    state = state or TaskState()
    overrides, fixed = tuple(overrides), tuple(fixed)
    out = []
    n = max(len(scenarios), 1)
    for i, scenario in enumerate(scenarios):
        state.check()
        part = _Part(state, i / n, (i + 1) / n, f"Scenario {scenario.name}")
        plan = plan_scenario(base, cases, capacity, scenario, overrides=overrides,
                             fixed=fixed, time_limit=time_limit, state=part, workers=workers)
        out.append(ScenarioOutcome(scenario, plan, compare_scenario(base, plan, cases)))
    state.report(1.0, "Scenario's klaar.")
    return out


def plan_workspace_scenario(
    ws: Workspace,
    scenario: Scenario | str,
    base: PlanResult,
    *,
    fixed: Iterable[FixedPlacement] = (),
    time_limit: float = 30.0,
    state: TaskState | None = None,
) -> ScenarioOutcome:
    """Plan a scenario (or the stored one of that name) on the workspace's cases, capacity
    and overrides, like ``base``, and compare it with ``base``."""
    if isinstance(scenario, str):
        found = get_scenario(ws, scenario)
        if found is None:
            raise ScenarioError(f"Er is geen scenario met de naam {scenario}.")
        scenario = found
    cases, capacity = ws.cases(), ws.capacity()
    plan = plan_scenario(base, cases, capacity, scenario, overrides=position_overrides(ws),
                         fixed=fixed, time_limit=time_limit, state=state)
    return ScenarioOutcome(scenario, plan, compare_scenario(base, plan, cases))


def export_with_scenarios(
    base: PlanResult,
    cases: Sequence[Case],
    target: Any,
    outcomes: Sequence[ScenarioOutcome] = (),
    *,
    sources: dict[str, str] | None = None,
) -> Any:
    """The plan workbook of ``base`` with the Scenario's and Scenariozaken sheets for
    ``outcomes``; raises ``ExportError`` (Dutch), the old file then stays untouched."""
    from stuurploeg.io.plan_export import write_plan_workbook

    return write_plan_workbook(base, cases, target, sources=sources or {},
                               comparisons=[o.comparison for o in outcomes])


class _Part(TaskState):
    """One scenario's share of the progress bar; cancelling is the whole job's."""

    def __init__(self, parent: TaskState, lo: float, hi: float, label: str) -> None:
        super().__init__(lambda f, m: parent.report(lo + (hi - lo) * f,
                                                    f"{label}: {m}" if m else label))
        self._parent = parent

    def cancel(self) -> None:
        self._parent.cancel()

    @property
    def cancelled(self) -> bool:
        return self._parent.cancelled

    def check(self) -> None:
        self._parent.check()


__all__ = [
    "PlanError",
    "ScenarioError",
    "ScenarioOutcome",
    "compare_scenario",
    "delete_scenario",
    "duplicate_scenario",
    "export_with_scenarios",
    "get_scenario",
    "list_scenarios",
    "plan_scenario",
    "plan_scenario_of",
    "plan_workspace_scenario",
    "rename_scenario",
    "run_scenarios",
    "save_scenario",
]
