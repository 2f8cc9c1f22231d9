"""The pre-fill rule, one for GUI and CLI: a decision starts from the proposal it is
taken against — the plan on screen when one is passed, else the newest stored plan."""

from __future__ import annotations

from stuurploeg.app.decisions import prefill_from_proposal, proposed_decision
from stuurploeg.domain.decisions import Decision, Snapshot
from stuurploeg.domain.model import CaseStatus, DecisionKind
from stuurploeg.domain.weeks import IsoWeek
from stuurploeg.store.planning_repo import AssignmentRow, PlanRecord, ProfileRecord
from tests.store.factories import make_case

OFFICER = "mr. A. de Vries"
ON_SCREEN = Snapshot(70.0, 3, "Standaard", 1, {}, "Team Zuid", IsoWeek(2026, 45), 1.5)


def _store_plan(ws) -> None:
    ws.save_plan(PlanRecord(
        "voorstel", "rank", IsoWeek(2026, 40), 26,
        assignments=[AssignmentRow("MH-2026-001", "Team Noord", IsoWeek(2026, 41), 9, 2.0)],
        profile=ProfileRecord("Standaard", 1, {}),
    ))  # fmt: skip


def test_a_take_up_without_details_takes_those_of_the_stored_plan(ws):
    _store_plan(ws)
    d = prefill_from_proposal(ws, Decision("MH-2026-001", DecisionKind.TAKE_UP, OFFICER))
    assert (d.team, d.start_week, d.fte) == ("Team Noord", IsoWeek(2026, 41), 2.0)


def test_the_plan_on_screen_wins_over_the_stored_one(ws):
    _store_plan(ws)
    d = prefill_from_proposal(
        ws, Decision("MH-2026-001", DecisionKind.TAKE_UP, OFFICER), ON_SCREEN
    )
    assert (d.team, d.start_week, d.fte) == ("Team Zuid", IsoWeek(2026, 45), 1.5)
    given = Decision("MH-2026-001", DecisionKind.TAKE_UP, OFFICER, team="Team Noord", fte=3.0)
    d = prefill_from_proposal(ws, given, ON_SCREEN)
    assert (d.team, d.start_week, d.fte) == ("Team Noord", IsoWeek(2026, 45), 3.0)


def test_the_proposed_decision_of_a_form():
    case = make_case(1)
    d = proposed_decision(case, ON_SCREEN, OFFICER)
    assert (d.kind, d.team, d.start_week, d.fte, d.decided_by) == (
        DecisionKind.TAKE_UP, "Team Zuid", IsoWeek(2026, 45), 1.5, OFFICER
    )
    running = make_case(2, status=CaseStatus.RUNNING, team="Team Noord")
    d = proposed_decision(running, Snapshot())
    assert (d.kind, d.fte, d.team) == (DecisionKind.EXPAND, running.fte, None)
    d = proposed_decision(make_case(3), Snapshot())
    assert (d.kind, d.team, d.fte) == (DecisionKind.PARK, None, None)
