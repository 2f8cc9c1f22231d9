"""The bridge between the workspace (plain stored values) and the ranking/planning engine.

Profiles, overrides and scenarios are stored as plain values; these functions turn them
into the engine's types and a :class:`PlanResult` back into a storable
:class:`PlanRecord`, so what the meeting saw can be shown and exported later as it was.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from stuurploeg.app.workspace import Workspace
from stuurploeg.domain.decisions import Snapshot
from stuurploeg.domain.model import Criterion
from stuurploeg.domain.progress import TaskState
from stuurploeg.domain.scoring import STANDARD_PROFILE, PositionOverride, WeightProfile
from stuurploeg.domain.weeks import IsoWeek
from stuurploeg.store.planning_repo import (
    AssignmentRow,
    PlanRecord,
    ProfileRecord,
    RankingRow,
    ScenarioCaseChange,
    ScenarioDelta,
    ScenarioRecord,
)

if TYPE_CHECKING:
    from stuurploeg.app.planning import PlanResult
    from stuurploeg.domain.planning import Scenario

DEFAULT_WEEKS = 26


def to_weight_profile(record: ProfileRecord) -> WeightProfile:
    weights = {Criterion(k): float(v) for k, v in record.weights.items() if k in
               {c.value for c in Criterion}}
    return WeightProfile(record.name, weights, record.version)


def weight_profile(ws: Workspace, name: str | None = None) -> WeightProfile:
    """The latest stored version of ``name`` (default: the profile saved last), else the
    standard profile."""
    if name is not None:
        record = ws.profile(name)
    else:
        records = sorted(ws.profiles(), key=lambda r: (r.created_at is not None, r.created_at))
        record = records[-1] if records else None
    return to_weight_profile(record) if record else STANDARD_PROFILE


def save_weight_profile(ws: Workspace, profile: WeightProfile) -> WeightProfile:
    """Store ``profile``; the workspace numbers its versions (a new one per change)."""
    record = ws.save_profile(profile.name, {c.value: float(w) for c, w in
                                            profile.weights.items()})
    return to_weight_profile(record)


def position_overrides(ws: Workspace) -> list[PositionOverride]:
    return [PositionOverride(o.case_id, o.position, o.motivation) for o in ws.overrides()]


def to_scenario(record: ScenarioRecord) -> Scenario:
    # Here, not at the top: opening a workspace reads profiles through this module, and the
    # planning engine (about 0.1 s of imports) is not needed to show the ranking.
    from stuurploeg.domain.planning import CapacityDelta, CaseAction, CaseChange, Scenario

    return Scenario(
        record.name,
        tuple(CapacityDelta(d.team, d.from_week, d.to_week, d.fte, d.kind)
              for d in record.deltas),
        tuple(CaseChange(c.case_id, CaseAction(c.action), c.start_week)
              for c in record.case_changes),
        to_weight_profile(record.profile) if record.profile else None,
        record.description,
    )


def scenario_record(scenario: Scenario) -> ScenarioRecord:
    p = scenario.profile
    return ScenarioRecord(
        scenario.name,
        [ScenarioDelta(d.team, d.from_week, d.to_week, float(d.fte), d.kind)
         for d in scenario.deltas],
        case_changes=[ScenarioCaseChange(c.case_id, c.action.value, c.start)
                      for c in scenario.cases],
        profile=None if p is None else ProfileRecord(
            p.name, int(p.version), {c.value: float(w) for c, w in p.weights.items()}),
        description=scenario.description,
    )


def save_scenario(ws: Workspace, scenario: Scenario) -> int:
    return ws.save_scenario(scenario_record(scenario))


def scenario(ws: Workspace, name: str) -> Scenario | None:
    record = next((s for s in ws.scenarios() if s.name == name), None)
    return to_scenario(record) if record else None


def plan_record(result: PlanResult, name: str, scenario_id: int | None = None) -> PlanRecord:
    """What of a plan is kept: ranking, assignments, reasons, profile — plain values."""
    p = result.profile
    return PlanRecord(
        name=name,
        planner=result.planner,
        start_week=result.start,
        weeks=int(result.weeks),
        ranking=[
            RankingRow(int(e.rank), e.case_id, None if e.score is None else float(e.score),
                       bool(e.priority_rule), bool(e.incomplete))
            for e in result.ranking.entries
        ],
        assignments=[
            AssignmentRow(a.case_id, a.team, a.start_week, int(a.weeks), float(a.fte))
            for a in result.assignments
        ],
        unplanned=[(u.case_id, u.reason) for u in result.unplanned],
        profile=ProfileRecord(p.name, int(p.version),
                              {c.value: float(w) for c, w in p.weights.items()}),
        scenario_id=scenario_id,
        total_priority=float(result.total_priority),
        gap=None if result.gap is None else float(result.gap),
    )


def save_plan_result(ws: Workspace, result: PlanResult, name: str) -> int:
    """Store ``result``; a scenario plan refers to exactly the scenario it was made with
    (an archived copy when the stored scenario has been edited since)."""
    from stuurploeg.app.workspace import now
    from stuurploeg.store.planning_repo import save_plan, scenario_for_plan

    with ws.writing(f"Opslaan van planning {name}") as c:
        t = now()
        scenario_id = (scenario_for_plan(c, scenario_record(result.scenario), t)
                       if result.scenario else None)
        return save_plan(c, plan_record(result, name, scenario_id), t)


def save_working_plan(ws: Workspace, record: PlanRecord, replaces: int | None) -> int:
    """Store a plan made automatically after a change (weights, overrides), replacing the
    previous one (``replaces``) unless a decision may refer to it or a newer plan exists.

    Every change is saved at once, with the weights it used, without piling up plans while
    the user drags a slider. Returns the new plan's id.
    """
    return ws.replace_plan(replaces, record)


def compute_plan(
    ws: Workspace,
    *,
    start: IsoWeek | None = None,
    weeks: int = DEFAULT_WEEKS,
    planner: str = "rank",
    profile: WeightProfile | None = None,
    scenario_name: str | None = None,
    time_limit: float = 30.0,
    state: TaskState | None = None,
) -> PlanResult:
    """A plan of the workspace's cases and capacity with its profile and overrides,
    respecting the decisions of finalised meetings and the last vastgesteld plan
    (:func:`~stuurploeg.app.replan.replan_basis`)."""
    from stuurploeg.app.planning import make_plan  # numpy/solver set-up only when planning
    from stuurploeg.app.replan import replan_basis

    chosen = scenario(ws, scenario_name) if scenario_name else None
    if chosen is not None and chosen.profile is not None:
        profile = chosen.profile  # a scenario's own weighting wins
    start = start or IsoWeek.current()
    basis = replan_basis(ws, start)
    return make_plan(
        basis.cases, ws.capacity(), profile=profile or weight_profile(ws), start=start,
        weeks=weeks, planner=planner, overrides=position_overrides(ws), fixed=basis.fixed,
        previous=basis.previous, scenario=chosen, time_limit=time_limit, state=state,
    )


def ensure_plan(ws: Workspace, day: date) -> PlanRecord | None:
    """The newest stored plan; when there is none (and there are cases and teams), make
    the rank-order proposal from the meeting's week on, store it and return it, so that
    every decision's snapshot refers to a plan that can be shown later."""
    plan = ws.plan()
    if plan is not None or not ws.cases() or not ws.capacity().teams:
        return plan
    result = compute_plan(ws, start=IsoWeek.from_date(day))
    ws.save_plan(plan_record(result, f"Voorstel {day:%d-%m-%Y} (rangorde)"))
    return ws.plan()


def snapshot_from_result(result: PlanResult, case_id: str) -> Snapshot:
    """The snapshot for a decision on ``case_id`` taken from a live plan (the GUI's)."""
    entry = next((e for e in result.ranking.entries if e.case_id == case_id), None)
    a = next((x for x in result.assignments if x.case_id == case_id), None)
    p = result.profile
    return Snapshot(
        score=None if entry is None or entry.score is None else float(entry.score),
        rank=None if entry is None else int(entry.rank),
        profile_name=p.name,
        profile_version=int(p.version),
        profile_weights={c.value: float(w) for c, w in p.weights.items()},
        proposal_team=a.team if a else None,
        proposal_start=a.start_week if a else None,
        proposal_fte=None if a is None else float(a.fte),
    )
