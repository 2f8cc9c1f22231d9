"""Scenario case changes around the planners, and the Dutch description of a scenario."""

from __future__ import annotations

import pytest

from stuurploeg.app.planning import make_plan
from stuurploeg.domain.model import CRITERIA, CapacityData, Case, CaseStatus, Specialism, Team
from stuurploeg.domain.planning import (
    Assignment,
    CaseAction,
    CaseChange,
    Scenario,
    capacity_change,
    verify_plan,
)
from stuurploeg.domain.planning.scenario import (
    EXCLUDED_REASON,
    apply_case_changes,
    describe_changes,
    scenario_violations,
)
from stuurploeg.domain.planning.types import CapacityDelta
from stuurploeg.domain.scoring import STANDARD_PROFILE
from stuurploeg.domain.weeks import IsoWeek

START = IsoWeek(2026, 40)


def case(cid, score=3, fte=2.0, weeks=4, **kw):
    return Case(cid, f"Zaak {cid}", kw.pop("status", CaseStatus.NEW), fte=fte, weeks=weeks,
                criteria=dict.fromkeys(CRITERIA, score), position=int(cid[1:]), **kw)


CAP = CapacityData((Team("Oost", 2.0, 1.0, specialist_fte={Specialism.DIGITAL: 1.0}),))


def plan(cases, scenario=None, planner="rank", **kw):
    return make_plan(cases, CAP, start=START, weeks=8, planner=planner, scenario=scenario,
                     **kw)


def test_capacity_change_of_a_specialism_changes_the_total_too():
    total, digital = capacity_change("Oost", START, None, 2.0, Specialism.DIGITAL)
    assert (total.kind, total.fte) == ("totaal", 2.0)
    assert (digital.kind, digital.fte) == ("digitaal", 2.0)
    assert capacity_change("Oost", START, START + 3, -1.0) == (
        CapacityDelta("Oost", START, START + 3, -1.0),)


def test_case_change_start_week_only_with_start():
    with pytest.raises(ValueError):
        CaseChange("Z1", CaseAction.IN, START)
    with pytest.raises(ValueError):
        CaseChange("Z1", CaseAction.START)


def test_apply_case_changes_moves_the_earliest_start_only_later():
    cases = [case("Z1", earliest_start=START + 5), case("Z2"),
             case("L1", status=CaseStatus.RUNNING, team="Oost", start_week=START)]
    s = Scenario("s", cases=(CaseChange("Z1", CaseAction.START, START + 2),
                             CaseChange("Z2", CaseAction.START, START + 3),
                             CaseChange("L1", CaseAction.OUT)))
    out, changes = apply_case_changes(cases, s)
    assert [c.earliest_start for c in out[:2]] == [START + 5, START + 3]
    assert out[2] == cases[2] and changes.excluded == {}  # a running case is no candidate


def test_forced_out_is_ranked_but_never_planned():
    cases = [case("Z1", score=5), case("Z2", score=4)]
    result = plan(cases, Scenario("s", cases=(CaseChange("Z1", CaseAction.OUT),)))
    assert [e.case_id for e in result.ranking.entries] == ["Z1", "Z2"]
    assert [a.case_id for a in result.assignments] == ["Z2"]
    assert result.unplanned[0].case_id == "Z1" and result.unplanned[0].reason == EXCLUDED_REASON


def test_forced_in_is_placed_before_higher_ranked_and_priority_rule_cases():
    # one case at a time fits (2 fte); the forced one takes the first weeks
    prio = case("Z1", score=5, ongoing=True, minors=1)
    cases = [prio, case("Z2", score=4), case("Z3", score=1)]
    base = plan(cases)
    assert base.assignments[0].case_id == "Z1"
    result = plan(cases, Scenario("s", cases=(CaseChange("Z3", CaseAction.IN),)))
    first = min(result.assignments, key=lambda a: a.start_week)
    assert (first.case_id, first.start_week) == ("Z3", START)
    assert not result.warnings


def test_forced_in_that_does_not_fit_is_unplanned_with_its_reason_and_a_warning():
    cases = [case("Z1", fte=3.0)]  # the team has 2 fte
    result = plan(cases, Scenario("Krap", cases=(CaseChange("Z1", CaseAction.IN),)))
    assert result.assignments == ()
    assert result.unplanned[0].reason.startswith("Past niet bij team Oost: 1 fte totaal tekort")
    (warning,) = result.warnings
    assert warning.startswith("Scenario Krap: zaak Z1 moet erin, maar past niet")
    assert "1 fte totaal tekort" in warning


@pytest.mark.slow
@pytest.mark.parametrize("planner", ["fill", "optimal"])
def test_the_solvers_keep_every_forced_case_the_rank_plan_could_place(planner):
    # the optimum would take the two 1-fte cases; the forced 2-fte case must stay in
    cases = [case("Z1", score=5, fte=1.0, weeks=8), case("Z2", score=5, fte=1.0, weeks=8),
             case("Z3", score=1, fte=2.0, weeks=8)]
    s = Scenario("s", cases=(CaseChange("Z3", CaseAction.IN),))
    result = plan(cases, s, planner=planner, time_limit=1.0, workers=2)
    assert [a.case_id for a in result.assignments] == ["Z3"]
    assert verify_plan(cases, CAP, START, 8, result.assignments, scenario=s) == []


def test_start_no_earlier_than_the_scenario_week():
    cases = [case("Z1")]
    s = Scenario("s", cases=(CaseChange("Z1", CaseAction.START, START + 3),))
    (a,) = plan(cases, s).assignments
    assert a.start_week == START + 3
    assert scenario_violations([a], s) == []
    early = Assignment("Z1", "Oost", START, 4, 2.0)
    assert scenario_violations([early], s) == ["zaak Z1: start 2026-W40, vóór 2026-W43"]
    assert scenario_violations([Assignment("Z1", "Oost", START, 4, 2.0, fixed=True)], s) == []
    out = Scenario("s", cases=(CaseChange("Z1", CaseAction.OUT),))
    assert scenario_violations([early], out) == [
        "zaak Z1: uitgesloten in het scenario maar ingepland"]


def test_scenario_capacity_lets_more_in_and_the_checker_agrees():
    cases = [case("Z1"), case("Z2")]
    assert [a.start_week for a in plan(cases).assignments] == [START, START + 4]
    s = Scenario("s", capacity_change("oost", START, None, 2.0))  # any spelling of the team
    result = plan(cases, s)
    assert [a.start_week for a in result.assignments] == [START, START]
    assert verify_plan(cases, CAP, START, 8, result.assignments, scenario=s) == []
    assert verify_plan(cases, CAP, START, 8, result.assignments) != []


def test_describe_changes_in_dutch():
    s = Scenario(
        "s",
        (*capacity_change("Team Zuid", START, IsoWeek(2027, 10), 2.0, Specialism.DIGITAL),
         CapacityDelta("Team Zuid", START, None, -0.5),
         CapacityDelta("Oost", START, None, 1.0, "financieel")),
        (CaseChange("Z1", CaseAction.IN), CaseChange("Z2", CaseAction.OUT),
         CaseChange("Z3", CaseAction.START, START + 8)),
        STANDARD_PROFILE,
    )
    assert describe_changes(s) == [
        "Team Zuid: +2 fte digitaal, 2026-W40 t/m 2027-W10",
        "Team Zuid: -0,5 fte, vanaf 2026-W40",
        "team Oost: +1 fte alleen specialisme financieel (totaal ongewijzigd), vanaf 2026-W40",
        "zaak Z1: moet erin",
        "zaak Z2: uitgesloten",
        "zaak Z3: start niet vóór 2026-W48",
        "weging: Standaard (versie 1)",
    ]
