"""Invariants of scenario plans over random small instances and scenarios (hypothesis).

Every check replays the plan with the independent checker (``verify_plan``), which
recomputes the scenario's capacity from the raw inputs.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from stuurploeg.app.planning import make_plan
from stuurploeg.app.scenarios import compare_scenario, plan_scenario
from stuurploeg.domain.model import Specialism
from stuurploeg.domain.planning import (
    Assignment,
    CaseAction,
    CaseChange,
    Scenario,
    capacity_change,
    verify_plan,
)
from stuurploeg.domain.planning.scenario import EXCLUDED_REASON
from stuurploeg.domain.planning.types import CapacityDelta
from stuurploeg.domain.weeks import week_range
from tests.domain.planning.strategies import instances


@st.composite
def with_scenario(draw, max_cases: int = 8):
    cases, capacity, start, weeks = draw(instances(max_cases=max_cases))
    teams = [t.team for t in capacity.teams]
    deltas: list[CapacityDelta] = []
    for _ in range(draw(st.integers(0, 3))):
        lo = draw(st.integers(-2, weeks))
        to = draw(st.one_of(st.none(), st.integers(lo, weeks + 4)))
        team = draw(st.sampled_from(teams))
        if draw(st.booleans()):  # the sheet's spelling or another case
            team = team.lower()
        spec = draw(st.sampled_from((None, None, Specialism.DIGITAL)))
        fte = draw(st.sampled_from((-3.0, -1.0, -0.5, 0.5, 1.0, 2.0, 4.0)))
        deltas += capacity_change(team, start + lo, None if to is None else start + to, fte,
                                  spec)
    candidates = [c.case_id for c in cases if c.status.is_candidate]
    changes: list[CaseChange] = []
    if candidates:
        chosen = draw(st.lists(st.sampled_from(candidates), unique=True, max_size=4))
        for cid in chosen:
            action = draw(st.sampled_from(tuple(CaseAction)))
            week = start + draw(st.integers(0, weeks)) if action is CaseAction.START else None
            changes.append(CaseChange(cid, action, week))
    scenario = Scenario("s", tuple(deltas), tuple(changes))
    return (cases, capacity, start, weeks), scenario


def _base(inst, planner="rank", **kw):
    cases, capacity, start, weeks = inst
    return make_plan(cases, capacity, start=start, weeks=weeks, planner=planner, **kw)


def _check_scenario_plan(inst, scenario, base, plan):
    cases, capacity, start, weeks = inst
    # within the *changed* capacity, and every case rule of the case list
    assert verify_plan(cases, capacity, start, weeks, plan.assignments, scenario=scenario) == []
    planned = {a.case_id: a for a in plan.assignments}
    # forced out: never planned, but still ranked, with the scenario's reason
    for cid in scenario.forced_out:
        assert cid not in planned
        assert cid in plan.ranking.case_ids()
        assert dict((u.case_id, u.reason) for u in plan.unplanned)[cid] == EXCLUDED_REASON
    # start no earlier than the scenario's week
    for cid, week in scenario.starts.items():
        if cid in planned:
            assert planned[cid].start_week >= week
    # newly in / newly out are exactly the differences, in plan order, with the reasons
    comp = compare_scenario(base, plan, cases)
    base_ids = [a.case_id for a in base.assignments]
    scen_ids = [a.case_id for a in plan.assignments]
    assert [c.case_id for c in comp.newly_in] == [c for c in scen_ids if c not in base_ids]
    assert [c.case_id for c in comp.newly_out] == [c for c in base_ids if c not in scen_ids]
    reasons = {u.case_id: u.reason for u in plan.unplanned}
    assert all(c.reason == reasons[c.case_id] for c in comp.newly_out)
    scores = {e.case_id: e.score or 0.0 for e in base.ranking.entries}
    assert comp.delta_priority == pytest.approx(
        sum(scores[c] for c in scen_ids) - base.total_priority)


@pytest.mark.slow
@given(with_scenario())
def test_rank_scenario_plan_keeps_every_scenario_rule(data):
    inst, scenario = data
    base = _base(inst)
    plan = plan_scenario(base, inst[0], inst[1], scenario)
    _check_scenario_plan(inst, scenario, base, plan)


@pytest.mark.slow
@given(with_scenario())
def test_forced_in_cases_are_planned_when_they_fit(data):
    """Replayed with the independent checker: a forced-in case left out fits at no team
    and start week beside the forced-in cases placed before it (the rank planner places
    them first, in planning order); and it is warned about."""
    inst, scenario = data
    cases, capacity, start, weeks = inst
    plan = plan_scenario(_base(inst), cases, capacity, scenario)
    by_id = {c.case_id: c for c in cases}
    placed = {a.case_id: a for a in plan.assignments}
    forced = scenario.forced_in - scenario.forced_out
    entries = list(plan.ranking.entries)
    order = [e for e in entries if e.priority_rule] + [e for e in entries if not e.priority_rule]
    teams = [t.team for t in capacity.teams]
    before: list[Assignment] = []
    earliest = scenario.starts
    for e in (e for e in order if e.case_id in forced):
        case = by_id[e.case_id]
        if e.case_id in placed:
            before.append(placed[e.case_id])
            continue
        assert any(e.case_id in w and "moet erin" in w for w in plan.warnings)
        for team in [case.team] if case.team else teams:
            for week in week_range(start, weeks):
                if e.case_id in earliest and week < earliest[e.case_id]:
                    continue
                trial = Assignment(e.case_id, team, week, case.weeks, case.fte)
                ok = verify_plan(cases, capacity, start, weeks, [*before, trial],
                                 scenario=scenario) == []
                assert not ok, f"{e.case_id} past op {team} in {week} maar moest erin"


@pytest.mark.slow
@given(instances())
def test_without_changes_the_scenario_plan_is_the_base_plan(inst):
    empty = Scenario("leeg")
    base = _base(inst)
    plan = plan_scenario(base, inst[0], inst[1], empty)
    assert plan.assignments == base.assignments and plan.unplanned == base.unplanned
    comp = compare_scenario(base, plan)
    assert comp.newly_in == comp.newly_out == comp.moved == () and comp.delta_priority == 0


@pytest.mark.slow
@settings(max_examples=12)
@given(with_scenario(max_cases=6))
def test_fill_scenario_plan_keeps_every_rule_and_every_forced_case_rank_could_place(data):
    inst, scenario = data
    cases, capacity, *_ = inst
    base = _base(inst, "fill", time_limit=1.0, workers=2)
    plan = plan_scenario(base, cases, capacity, scenario, time_limit=1.0, workers=2)
    _check_scenario_plan(inst, scenario, base, plan)
    rank = plan_scenario(_base(inst), cases, capacity, scenario)
    rank_forced = {a.case_id for a in rank.assignments} & scenario.forced_in
    assert rank_forced <= {a.case_id for a in plan.assignments}


@pytest.mark.slow
@settings(max_examples=8, deadline=None)
@given(with_scenario(max_cases=5))
def test_optimal_scenario_plan_keeps_every_rule_and_every_forced_case_rank_could_place(data):
    inst, scenario = data
    cases, capacity, *_ = inst
    base = _base(inst, "optimal", time_limit=1.0, workers=1)
    plan = plan_scenario(base, cases, capacity, scenario, time_limit=1.0, workers=1)
    assert plan.planner == "optimal"  # the base plan's planner
    _check_scenario_plan(inst, scenario, base, plan)
    rank = plan_scenario(_base(inst), cases, capacity, scenario)
    rank_forced = {a.case_id for a in rank.assignments} & scenario.forced_in
    assert rank_forced <= {a.case_id for a in plan.assignments}
