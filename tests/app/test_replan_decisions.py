"""Which decisions a re-plan takes as given (``app.replan.apply_decisions``)."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

from stuurploeg.app.replan import apply_decisions
from stuurploeg.domain.decisions import Decision
from stuurploeg.domain.model import CaseStatus, DecisionKind, Specialism
from stuurploeg.domain.planning import FixedPlacement
from stuurploeg.domain.weeks import IsoWeek
from tests.store.factories import make_case

START = IsoWeek(2026, 48)
FINALISED = datetime(2026, 11, 26, 16, 0, tzinfo=UTC)


def final(case_id, kind, seq=1, **kw):
    return Decision(case_id, kind, "mr. De Vries", date(2026, 11, 26), state="final", seq=seq,
                    finalised_at=FINALISED, meeting_finalised_at=FINALISED, **kw)


def test_take_up_in_the_plan_period_is_a_fixed_placement_with_the_decided_fte():
    case = make_case(1, specialist_fte={Specialism.DIGITAL: 1.5})
    d = final(case.case_id, DecisionKind.TAKE_UP, team="Team Zuid", start_week=START + 2, fte=1.0)
    cases, fixed, notes = apply_decisions([case], [d], START)
    assert fixed == [FixedPlacement(case.case_id, "Team Zuid", START + 2)]
    assert cases[0].fte == 1.0 and cases[0].specialist_fte == {Specialism.DIGITAL: 1.0}
    assert cases[0].status is CaseStatus.NEW
    assert notes == [f"Zaak {case.case_id}: opgepakt op 26-11-2026; vastgezet op Team Zuid "
                     "vanaf 2026-W50, 1 fte."]


def test_take_up_that_has_started_counts_as_running():
    case = make_case(2)
    d = final(case.case_id, DecisionKind.TAKE_UP, team="Team Noord", start_week=START - 3,
              fte=2.0)
    cases, fixed, notes = apply_decisions([case], [d], START)
    assert fixed == []
    running = cases[0]
    assert (running.status, running.team, running.start_week, running.fte) == (
        CaseStatus.RUNNING, "Team Noord", START - 3, 2.0)
    assert "telt als lopende zaak" in notes[0]


def test_the_case_list_wins_for_a_case_it_already_shows_running():
    case = make_case(3, status=CaseStatus.RUNNING, team="Team Noord", start_week=START - 1)
    d = final(case.case_id, DecisionKind.TAKE_UP, team="Team Zuid", start_week=START, fte=3.0)
    cases, fixed, notes = apply_decisions([case], [d], START)
    assert cases == [case] and fixed == [] and notes == []


def test_expand_extends_a_running_case_until_a_newer_list_holds_it():
    case = make_case(4, status=CaseStatus.RUNNING, team="Team Noord", start_week=START - 4,
                     weeks=10, fte=2.0)
    d = final(case.case_id, DecisionKind.EXPAND, extra_weeks=6, fte=3.0)
    cases, _, notes = apply_decisions([case], [d], START,
                                      cases_imported_at=FINALISED - timedelta(days=3))
    assert (cases[0].weeks, cases[0].fte) == (16, 3.0)
    assert notes == [f"Zaak {case.case_id}: doorrechercheren op 26-11-2026: 6 weken langer, "
                     "3 fte."]
    # a case list imported after the meeting already says how long the case runs
    cases, _, notes = apply_decisions([case], [d], START,
                                      cases_imported_at=FINALISED + timedelta(days=3))
    assert cases == [case] and notes == []


def test_only_final_decisions_count_and_the_latest_one_per_case_wins():
    case = make_case(5)
    first = final(case.case_id, DecisionKind.TAKE_UP, seq=1, team="Team Noord",
                  start_week=START, fte=1.0)
    correction = final(case.case_id, DecisionKind.TAKE_UP, seq=2, team="Team Zuid",
                       start_week=START + 1, fte=1.0)
    draft = replace(correction, state="draft", seq=None, team="Team Noord",
                    start_week=START + 5)
    _, fixed, _ = apply_decisions([case], [correction, first, draft], START)
    assert fixed == [FixedPlacement(case.case_id, "Team Zuid", START + 1)]
    # a later decision of another kind (here: parked) lifts the fixed placement
    park = final(case.case_id, DecisionKind.PARK, seq=3, until_next_meeting=True)
    cases, fixed, _ = apply_decisions([case], [first, park], START)
    assert fixed == [] and cases == [case]
