"""What-if placements: checked with the planners' own capacity check, refused with the
binding team-week-fte, and an accepted one moves only that case."""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from stuurploeg.app.placement import PlacementContext, PlacementError
from stuurploeg.app.planboard import cases_in_cell, plan_bars, plan_load
from stuurploeg.app.planning import make_plan
from stuurploeg.domain.planning import FixedPlacement, verify_plan
from stuurploeg.domain.weeks import IsoWeek
from tests.planboard_data import ROOMY, TIGHT, planboard_capacity, planboard_cases

START = IsoWeek(2026, 45)


@pytest.fixture(scope="module")
def plan():
    return make_plan(planboard_cases(START), planboard_capacity(), start=START, weeks=12)


def test_both_candidates_go_to_the_roomy_team_first(plan):
    spots = {a.case_id: (a.team, a.start_week) for a in plan.assignments}
    assert spots == {"MH-2026-0001": (ROOMY, START), "MH-2026-0002": (ROOMY, START)}


def test_a_move_that_fits_changes_only_that_case(plan):
    context = PlacementContext(plan, planboard_cases(START), planboard_capacity())
    check = context.check("MH-2026-0001", ROOMY, START + 2)
    assert check.fits and check.message == ""
    moved, _ = context.apply("MH-2026-0001", ROOMY, START + 2)
    spots = {a.case_id: (a.team, a.start_week, a.fixed) for a in moved.assignments}
    assert spots == {"MH-2026-0001": (ROOMY, START + 2, True),
                     "MH-2026-0002": (ROOMY, START, False)}  # fmt: skip
    assert moved.planned[0, 0, 0] == pytest.approx(1.5)  # only MH-2026-0002 in week 0
    assert moved.planned[0, 0, 2] == pytest.approx(4.5)
    assert moved.total_priority == plan.total_priority


def test_a_move_that_does_not_fit_names_the_binding_team_week_fte(plan):
    context = PlacementContext(plan, planboard_cases(START), planboard_capacity())
    check = context.check("MH-2026-0001", TIGHT, START + 1)
    assert not check.fits
    assert check.message == (
        f"Past niet: {TIGHT}, week {START + 1}: 0,5 fte vrij, 3 nodig "
        "(nog 3 andere weken te krap)."
    )
    assert check.shortfall is not None and check.shortfall.needed == 3.0
    with pytest.raises(PlacementError, match="Past niet"):
        context.apply("MH-2026-0001", TIGHT, START + 1)


def test_running_and_out_of_horizon_moves_are_refused_with_a_reason(plan):
    context = PlacementContext(plan, planboard_cases(START), planboard_capacity())
    assert "loopt al" in context.check("MH-2026-0003", ROOMY, START).message
    outside = context.check("MH-2026-0001", ROOMY, START + 12)
    assert not outside.fits and "buiten de planperiode" in outside.message
    assert "Onbekend team" in context.check("MH-2026-0001", "MH West", START).message


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(case=st.sampled_from(["MH-2026-0001", "MH-2026-0002"]),
       team=st.sampled_from([ROOMY, TIGHT]), week=st.integers(-2, 13))  # fmt: skip
def test_every_accepted_move_stays_within_capacity_and_every_refusal_is_short(
    plan, case, team, week
):
    cases, capacity = planboard_cases(START), planboard_capacity()
    context = PlacementContext(plan, cases, capacity)
    check = context.check(case, team, START + week)
    if check.fits:
        moved, _ = context.apply(case, team, START + week)
        fixed = [FixedPlacement(a.case_id, a.team, a.start_week)
                 for a in moved.assignments if a.fixed]  # fmt: skip
        assert verify_plan(cases, capacity, START, 12, moved.assignments, fixed=fixed) == []
    elif check.shortfall is not None:
        assert check.shortfall.free < check.shortfall.needed


def test_bars_load_and_cells(plan):
    cases = planboard_cases(START)
    bars = plan_bars(plan, cases)
    assert {b.case_id: b.kind for b in bars} == {
        "MH-2026-0001": "planned", "MH-2026-0002": "planned",
        "MH-2026-0003": "running", "MH-2026-0004": "running",
    }  # fmt: skip
    load = plan_load(plan, "totaal")
    assert load.used[1, 3] == pytest.approx(2.5) and load.available[1, 3] == pytest.approx(2.0)
    assert load.overload[1].tolist()[:6] == pytest.approx([0, 0, 0, 0.5, 0.5, 0])
    assert load.ratio[1, 0] == pytest.approx(0.75)
    inside = cases_in_cell(bars, plan.kinds, 1, 3, "totaal")
    assert [b.case_id for b in inside] == ["MH-2026-0003", "MH-2026-0004"]


def test_a_move_against_the_case_list_fits_but_says_what_it_overrides():
    cases = planboard_cases(START)
    cases[1] = replace(cases[1], team=ROOMY, earliest_start=START + 1)
    plan = make_plan(cases, planboard_capacity(), start=START, weeks=12)
    context = PlacementContext(plan, cases, planboard_capacity())
    check = context.check("MH-2026-0002", TIGHT, START + 10)  # after the running case
    assert check.fits
    assert check.notes == (
        f"Let op: zaak MH-2026-0002 is in de zakenlijst bestemd voor team {ROOMY}.",
    )
    early = context.check("MH-2026-0002", ROOMY, START)
    assert early.fits and early.notes == (f"Let op: dit is vóór de vroegste start ({START + 1}).",)
