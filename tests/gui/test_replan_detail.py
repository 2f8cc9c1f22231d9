"""The window's proposal respects the last meeting: its decision is fixed, and the case
detail says where a moved case was ("verschoven t.o.v. vorige vergadering")."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from stuurploeg.app.decisions import finalise_meeting, record_decision
from stuurploeg.app.workspace import open_workspace
from stuurploeg.app.workspace_plans import compute_plan, plan_record
from stuurploeg.domain.decisions import Decision
from stuurploeg.domain.model import DecisionKind
from stuurploeg.domain.weeks import IsoWeek
from tests.gui.factories import make_capacity, make_cases
from tests.gui.fixtures import make_workspace, open_in
from tests.store.factories import source

pytestmark = pytest.mark.gui


@pytest.mark.slow
def test_the_proposal_keeps_the_meeting_and_the_detail_shows_a_move(qtbot, main_window,
                                                                     tmp_path):
    cases = make_cases(40)
    path = make_workspace(tmp_path / "w.stuurploeg", cases, make_capacity())
    day = date.today()
    with open_workspace(path) as ws:
        first = compute_plan(ws)  # from this week, as the window plans
        ws.save_plan(plan_record(first, "Voorstel"))
        taken, shifted = first.assignments[0], first.assignments[1]
        record_decision(ws, Decision(taken.case_id, DecisionKind.TAKE_UP, "mr. De Vries", day,
                                     team=taken.team, start_week=taken.start_week,
                                     fte=taken.fte), day)
        finalise_meeting(ws, day, "mr. De Vries")
        later = shifted.start_week + 3
        ws.merge(cases=[replace(c, earliest_start=later) if c.case_id == shifted.case_id
                        else c for c in cases],
                 cases_source=source("cases", len(cases), "zakenlijst-2.xlsx"))
    assert first.start == IsoWeek.current()

    controller = main_window.controller
    open_in(qtbot, controller, path)
    result = controller.proposal.result
    fixed = result.assignments[[a.case_id for a in result.assignments].index(taken.case_id)]
    assert fixed.fixed and (fixed.team, fixed.start_week) == (taken.team, taken.start_week)
    move = controller.proposal.move(shifted.case_id)
    assert move is not None and (move.from_team, move.from_week) == (
        shifted.team, shifted.start_week)
    assert controller.proposal.move(taken.case_id) is None

    controller.select_case(shifted.case_id)
    text = main_window.detail_panel.plan_label.text()
    assert f"Verschoven t.o.v. vorige vergadering (was {shifted.team} vanaf week " \
           f"{shifted.start_week})" in text
    assert "vroegste start" in text
