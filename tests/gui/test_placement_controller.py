"""The controller's what-if placements on a real workspace and real plans: the proposal on
screen holds them (and a decision records them), a new plan from the planner gets them
again, and one that no longer fits is dropped with a message."""

from __future__ import annotations

from dataclasses import replace

import pytest

from stuurploeg.domain.model import Criterion
from stuurploeg.domain.weeks import IsoWeek
from stuurploeg.gui.controller import ActionRefused, WorkspaceController
from stuurploeg.gui.controller.placement import PlacementController
from stuurploeg.gui.settings import Settings
from tests.gui.fixtures import HANG_GUARD_MS, make_workspace, open_in
from tests.planboard_data import ROOMY, TIGHT, planboard_capacity, planboard_cases

pytestmark = pytest.mark.gui


@pytest.fixture
def controller(qtbot, tmp_path):
    controller = WorkspaceController(Settings())
    path = make_workspace(tmp_path / "wat-als.stuurploeg", planboard_cases(IsoWeek.current()),
                          planboard_capacity())  # fmt: skip
    open_in(qtbot, controller, path)
    yield controller
    controller.close()


def test_a_placement_is_the_proposal_on_screen_and_its_snapshot(controller):
    placement = PlacementController(controller)
    start = controller.proposal.result.start
    planner_plan = controller.proposal
    placement.place("MH-2026-0002", ROOMY, start + 5)
    assert controller.proposal is not planner_plan
    assert controller.proposal.assignment("MH-2026-0002").start_week == start + 5
    assert controller.proposal.plan_id is None, "the what-if plan is not stored as a plan"
    decision = controller.proposed_decision("MH-2026-0002")
    assert (decision.team, decision.start_week) == (ROOMY, start + 5)
    with pytest.raises(ActionRefused, match="Past niet"):
        placement.place("MH-2026-0001", TIGHT, start)
    assert [p.case_id for p in placement.placements] == ["MH-2026-0002"]
    placement.clear()
    assert controller.proposal is planner_plan


def test_a_new_plan_gets_the_placements_again(qtbot, controller):
    placement = PlacementController(controller)
    start = controller.proposal.result.start
    placement.place("MH-2026-0002", ROOMY, start + 5)
    profile = controller.profile
    weights = dict(profile.weights)
    weights[Criterion.SEVERITY] += 10
    with qtbot.waitSignal(controller.proposal_changed, timeout=HANG_GUARD_MS):
        controller.set_profile(replace(profile, weights=weights))
    qtbot.waitUntil(lambda: not controller.planning, timeout=HANG_GUARD_MS)
    assert controller.proposal.assignment("MH-2026-0002").start_week == start + 5
    assert [p.case_id for p in placement.placements] == ["MH-2026-0002"]


def test_a_placement_that_no_longer_fits_is_dropped_with_a_message(qtbot, controller):
    placement = PlacementController(controller)
    start = controller.proposal.result.start
    placement.place("MH-2026-0002", ROOMY, start + 5)
    warnings: list[str] = []
    controller.warning.connect(warnings.append)
    with qtbot.waitSignal(controller.proposal_changed, timeout=HANG_GUARD_MS):
        controller.plan("rank", weeks=4)  # a horizon that ends before the placement starts
    qtbot.waitUntil(lambda: not controller.planning, timeout=HANG_GUARD_MS)
    assert placement.placements == ()
    assert warnings and "MH-2026-0002" in warnings[0] and "buiten de planperiode" in warnings[0]
