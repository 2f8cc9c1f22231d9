"""A weight change marks the proposal outdated but keeps its plan: the capacity chart, the
Gantt and the load map are not drawn again until a new plan arrives (each slider step
would otherwise redraw all three on the GUI thread), nor is the meeting's capacity strip
counted again. The banner still shows the mark, at the same height. A dock hidden behind
another tab draws the new plan when it is shown, not before."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QApplication, QLabel

from stuurploeg.domain.model import Criterion
from stuurploeg.gui.controller import WorkspaceController, describe_proposal
from stuurploeg.gui.controller.placement import PlacementController
from stuurploeg.gui.docks.capacity import CapacityPanel
from stuurploeg.gui.meeting.capacity_strip import CapacityStrip
from stuurploeg.gui.planboard.panel import PlanboardPanel
from stuurploeg.gui.settings import Settings
from tests.gui.fixtures import HANG_GUARD_MS, make_workspace, open_in

pytestmark = [pytest.mark.gui, pytest.mark.slow]


@pytest.fixture
def docks(qtbot, tmp_path, sample_data):
    cases, capacity = sample_data
    path = make_workspace(tmp_path / "regio.stuurploeg", cases, capacity)
    controller = WorkspaceController(Settings())
    placement = PlacementController(controller)
    undo = QUndoStack()
    board = PlanboardPanel(placement, undo)
    board.undo = undo  # type: ignore[attr-defined]  (kept alive with the panel)
    chart = CapacityPanel(controller)
    strip = CapacityStrip(controller)
    for widget in (board, chart, strip):
        qtbot.addWidget(widget)
        widget.resize(1600, 500)  # the outdated text fits on one line, as in the window
        widget.show()
    open_in(qtbot, controller, path)
    qtbot.waitUntil(lambda: board.gantt is not None and not controller.planning,
                    timeout=HANG_GUARD_MS)  # fmt: skip
    QApplication.processEvents()
    yield controller, board, chart, strip
    controller.close()


def _counts(board, chart) -> tuple[int, int, int]:
    return board.gantt.refreshes, board.load_map.refreshes, chart.refreshes


def test_a_weight_change_does_not_redraw_the_plan_docks_until_its_plan_arrives(qtbot, docks):
    controller, board, chart, strip = docks
    shown = controller.proposal
    before = _counts(board, chart)
    loads = strip.loads
    banner = chart.banner.geometry()
    controller.set_profile(controller.profile.with_weight(Criterion.URGENCY, 0.0))
    controller.set_profile(controller.profile.with_weight(Criterion.SEVERITY, 1.0))
    assert controller.proposal.outdated  # at once; the views hear of it on the next turn
    assert controller.proposal.result is shown.result
    QApplication.processEvents()
    assert _counts(board, chart) == before
    assert loads and strip.loads is loads  # the meeting's capacity strip is not counted again
    assert chart.banner.replan_button.isVisibleTo(chart)  # the mark is shown all the same
    assert chart.banner.geometry() == banner  # so nothing below it is laid out again
    # The re-plan after the change brings a new plan: now every dock on screen draws it,
    # once; the load map, behind the Gantt's tab, when it is shown.
    qtbot.waitUntil(lambda: not controller.proposal.outdated and not controller.planning,
                    timeout=HANG_GUARD_MS)  # fmt: skip
    assert controller.proposal.result is not shown.result
    gantt, load_map, capacity = before
    assert not board.load_map.isVisible()
    assert _counts(board, chart) == (gantt + 1, load_map, capacity + 1)
    board.tabs.setCurrentWidget(board.load_map)
    qtbot.waitUntil(lambda: _counts(board, chart) == (gantt + 1, load_map + 1, capacity + 1),
                    timeout=HANG_GUARD_MS)  # fmt: skip
    board.tabs.setCurrentWidget(board.gantt)
    QApplication.processEvents()
    assert _counts(board, chart) == (gantt + 1, load_map + 1, capacity + 1)
    assert strip.loads is not loads
    assert board.gantt.bars == board.placement.bars()



def test_the_banner_keeps_its_height_where_the_outdated_text_wraps(qtbot, tmp_path, sample_data):
    """In the window the capacity dock is narrow: "Verouderd: … Plan opnieuw …" takes more
    lines than the current text, and the banner growing and shrinking with each weight
    change and new plan laid out (and repainted) the table and chart below it."""
    cases, capacity = sample_data
    path = make_workspace(tmp_path / "regio.stuurploeg", cases, capacity)
    controller = WorkspaceController(Settings())
    panel = CapacityPanel(controller)
    qtbot.addWidget(panel)
    panel.resize(520, 500)
    panel.show()
    open_in(qtbot, controller, path)
    qtbot.waitUntil(lambda: controller.proposal is not None and not controller.planning,
                    timeout=HANG_GUARD_MS)  # fmt: skip
    QApplication.processEvents()
    text = panel.banner.text
    shown = controller.proposal
    longer = QLabel(describe_proposal(shown, controller.planner_choice, "weights"))
    longer.setWordWrap(True)
    assert longer.heightForWidth(text.width()) > QLabel(text.text()).heightForWidth(text.width())
    where = (panel.banner.geometry(), panel.table.geometry(), panel.chart.geometry())
    controller.set_profile(controller.profile.with_weight(Criterion.URGENCY, 0.0))
    QApplication.processEvents()
    assert controller.proposal.outdated
    assert (panel.banner.geometry(), panel.table.geometry(), panel.chart.geometry()) == where
    qtbot.waitUntil(lambda: not controller.proposal.outdated and not controller.planning,
                    timeout=HANG_GUARD_MS)  # fmt: skip
    QApplication.processEvents()
    assert controller.proposal.result is not shown.result
    assert (panel.banner.geometry(), panel.table.geometry(), panel.chart.geometry()) == where
    controller.close()


def test_the_planning_board_behind_the_capacity_tab_draws_a_new_plan_when_raised(
    qtbot, main_window, tmp_path, sample_data
):
    cases, capacity = sample_data
    path = make_workspace(tmp_path / "regio.stuurploeg", cases, capacity)
    controller = main_window.controller
    open_in(qtbot, controller, path)
    qtbot.waitUntil(lambda: main_window.planboard_panel.gantt is not None
                    and not controller.planning, timeout=HANG_GUARD_MS)  # fmt: skip
    board, dock = main_window.planboard_panel, main_window.docks["planboard"]
    dock.raise_()
    qtbot.waitUntil(lambda: not board.gantt.visibleRegion().isEmpty(), timeout=HANG_GUARD_MS)
    main_window.docks["capacity"].raise_()
    qtbot.waitUntil(lambda: board.gantt.visibleRegion().isEmpty(), timeout=HANG_GUARD_MS)
    drawn = board.gantt.refreshes
    shown = controller.proposal
    controller.set_profile(controller.profile.with_weight(Criterion.URGENCY, 0.0))
    qtbot.waitUntil(lambda: controller.proposal.result is not shown.result
                    and not controller.planning, timeout=HANG_GUARD_MS)  # fmt: skip
    QApplication.processEvents()
    assert board.gantt.refreshes == drawn  # behind the tab: not drawn
    dock.raise_()
    qtbot.waitUntil(lambda: board.gantt.refreshes == drawn + 1, timeout=HANG_GUARD_MS)
    assert board.gantt.bars == board.placement.bars()


def test_the_capacity_strip_counts_again_only_when_it_is_shown(qtbot, docks):
    """Each recorded decision and each change of meeting day changes the strip's counts;
    while the meeting room is not on screen it counts them when it comes on screen."""
    from datetime import timedelta

    controller, _board, _chart, strip = docks
    strip.hide()
    loads = strip.loads
    controller.set_meeting_day(controller.meeting.day + timedelta(days=7))
    QApplication.processEvents()
    assert strip.loads is loads  # not counted while hidden
    strip.show()
    qtbot.waitUntil(lambda: strip.loads is not loads, timeout=HANG_GUARD_MS)
