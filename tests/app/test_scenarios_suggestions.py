"""Suggestions for one case that is not in the plan: the best (team, start week) options
and what each pushes out."""

from __future__ import annotations

import pytest
from hypothesis import given

from stuurploeg.app.planning import PlanError, make_plan
from stuurploeg.app.suggestions import SuggestionContext, suggest_for_case
from stuurploeg.domain.model import CRITERIA, CapacityData, Case, CaseStatus, Specialism, Team
from stuurploeg.domain.planning import Assignment, CaseAction, CaseChange, Scenario, verify_plan
from stuurploeg.domain.planning.types import FixedPlacement
from stuurploeg.domain.weeks import IsoWeek
from tests.domain.planning.strategies import instances

START = IsoWeek(2026, 40)


def case(cid, score, fte=2.0, weeks=4, **kw):
    return Case(cid, f"Zaak {cid}", CaseStatus.NEW, fte=fte, weeks=weeks,
                criteria=dict.fromkeys(CRITERIA, score), position=int(cid[1:]), **kw)


# Two teams of 2 fte over 8 weeks: room for four 2-fte, 4-week cases.
CAP = CapacityData((Team("Oost", 2.0), Team("West", 2.0)))
CASES = [case("Z1", 5), case("Z2", 4), case("Z3", 3), case("Z4", 2, weeks=8),
         case("Z5", 4, fte=1.0, weeks=8), case("Z6", 1, fte=3.0)]


def plan(cases=CASES, **kw):
    return make_plan(cases, CAP, start=START, weeks=8, **kw)


def test_options_are_ranked_by_priority_lost_and_say_what_they_push_out():
    base = plan()  # Z1, Z2 in weeks 40-43; Z5 (Oost) and Z3 (West) after them
    assert [u.case_id for u in base.unplanned] == ["Z4", "Z6"]
    result = suggest_for_case(base, CASES, CAP, "Z4", limit=10)
    assert not result.planned and result.reason and len(result.suggestions) == 4
    assert [(s.team, str(s.start_week), [p.case_id for p in s.displaced])
            for s in result.suggestions] == [
        ("West", "2026-W44", ["Z3"]), ("Oost", "2026-W44", ["Z5"]),
        ("West", "2026-W40", ["Z2", "Z3"]), ("Oost", "2026-W40", ["Z1", "Z5"])]
    best = result.suggestions[0]
    assert (best.score, best.priority_lost, best.net) == (25.0, 50.0, -25.0)
    assert best.text == ("team West vanaf 2026-W44: verdringt Z3 (Zaak Z3, score 50,0); "
                         "prioriteit netto -25,0 (+25,0 erbij, -50,0 eraf).")
    assert result.message == "Zaak Z4 (score 25,0): 4 mogelijkheden, de beste kost 50,0 " \
                             "prioriteit."
    assert result.lines()[1] == "  1. " + best.text
    assert len(suggest_for_case(base, CASES, CAP, "Z4").suggestions) == 3  # the default


def test_a_case_that_makes_room_moves_when_it_fits_elsewhere():
    cap = CapacityData((Team("Oost", 2.0), Team("West", 1.0)))
    cases = [case("Z1", 5, fte=1.0), case("Z2", 3)]
    base = make_plan(cases, cap, start=START, weeks=4)
    assert [(a.case_id, a.team) for a in base.assignments] == [("Z1", "Oost")]
    (best, *_) = suggest_for_case(base, cases, cap, "Z2").suggestions
    assert best.team == "Oost" and best.displaced == ()
    assert [(p.case_id, p.moved_to) for p in best.moved] == [("Z1", ("West", START))]
    assert best.net == best.score
    assert "verschuift Z1 (Zaak Z1, score 100,0) naar team West vanaf 2026-W40" in best.text


def test_every_option_is_a_valid_plan_with_exactly_what_it_says():
    base = plan()
    for s in suggest_for_case(base, CASES, CAP, "Z4", limit=10).suggestions:
        out = {p.case_id for p in s.displaced}
        moved = {p.case_id: p.moved_to for p in s.moved}
        after = [a for a in base.assignments if a.case_id not in out and a.case_id not in moved]
        after += [Assignment(cid, t, w, next(c for c in CASES if c.case_id == cid).weeks,
                             next(c for c in CASES if c.case_id == cid).fte)
                  for cid, (t, w) in moved.items()]
        after.append(Assignment("Z4", s.team, s.start_week, 8, 2.0))
        assert verify_plan(CASES, CAP, START, 8, after) == [], s.text


def test_fixed_placements_are_never_pushed_out():
    fixed = [FixedPlacement("Z3", "West", START + 4)]
    base = plan(fixed=fixed)
    options = suggest_for_case(base, CASES, CAP, "Z4", limit=10).suggestions
    assert options
    for s in options:
        assert "Z3" not in {p.case_id for p in s.displaced + s.moved}


def test_cases_that_cannot_be_placed_anywhere_get_a_message_not_options():
    base = plan()
    too_big = suggest_for_case(base, CASES, CAP, "Z6")  # 3 fte, teams have 2
    assert too_big.suggestions == () and "past nergens" in too_big.message
    planned = suggest_for_case(base, CASES, CAP, "Z1")
    assert planned.planned and "al ingepland" in planned.message
    unknown = suggest_for_case(base, CASES, CAP, "Z99")
    assert unknown.suggestions == () and "geen kandidaat" in unknown.message


def test_specialism_shortage_frees_the_specialism():
    cap = CapacityData((Team("Oost", 6.0, specialist_fte={Specialism.DIGITAL: 1.0}),))
    cases = [case("Z1", 5, specialist_fte={Specialism.DIGITAL: 1.0}),
             case("Z2", 1, specialist_fte={Specialism.DIGITAL: 1.0}, weeks=8)]
    base = make_plan(cases, cap, start=START, weeks=4)
    assert [u.case_id for u in base.unplanned] == ["Z2"]
    (best, *_) = suggest_for_case(base, cases, cap, "Z2").suggestions
    assert [p.case_id for p in best.displaced] == ["Z1"]


def test_a_scenario_plan_is_suggested_in_within_the_scenario():
    s = Scenario("s", cases=(CaseChange("Z1", CaseAction.OUT),
                             CaseChange("Z4", CaseAction.START, START + 2)))
    base = plan(scenario=s)
    excluded = suggest_for_case(base, CASES, CAP, "Z1")
    assert excluded.suggestions == () and "Uitgesloten in het scenario" in excluded.message
    result = suggest_for_case(base, CASES, CAP, "Z4", limit=10)
    assert result.suggestions
    assert all(x.start_week >= START + 2 for x in result.suggestions)


def test_a_plan_of_other_data_is_refused():
    base = plan()
    with pytest.raises(PlanError, match="hoort niet bij deze zakenlijst"):
        SuggestionContext(base, CASES[:2], CAP)


@pytest.mark.slow
@given(instances())
def test_suggestions_always_fit_and_never_touch_fixed_or_unplaced(inst):
    cases, capacity, start, weeks = inst
    base = make_plan(cases, capacity, start=start, weeks=weeks)
    ctx = SuggestionContext(base, cases, capacity)
    by_id = {c.case_id: c for c in cases}
    placed = {a.case_id for a in base.assignments}
    for u in base.unplanned:
        for s in ctx.suggest(u.case_id, limit=3).suggestions:
            pushed = {p.case_id for p in s.displaced + s.moved}
            assert pushed <= placed
            moved = {p.case_id: p.moved_to for p in s.moved}
            after = [a for a in base.assignments if a.case_id not in pushed]
            after += [Assignment(cid, t, w, by_id[cid].weeks, by_id[cid].fte)
                      for cid, (t, w) in moved.items()]
            case = by_id[u.case_id]
            after.append(Assignment(u.case_id, s.team, s.start_week, case.weeks, case.fte))
            assert verify_plan(cases, capacity, start, weeks, after) == [], s.text
