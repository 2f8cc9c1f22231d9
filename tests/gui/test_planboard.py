"""Planbord through real widgets, a real workspace and a real plan: a click on a Gantt bar
selects the case, a drag that fits becomes an undoable what-if placement, a drag that does
not fit is refused with the binding team-week-fte, and a load-map cell lists its cases.

Mouse events are real Qt events on the plot's viewport (press, moves with the button
held, release), handled by pyqtgraph's scene as a user's would be.
"""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent, QUndoStack
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from stuurploeg.domain.model import DecisionKind
from stuurploeg.domain.weeks import IsoWeek
from stuurploeg.gui.controller import WorkspaceController
from stuurploeg.gui.controller.placement import PlacementController
from stuurploeg.gui.planboard.gantt import COLOURS
from stuurploeg.gui.planboard.gantt_item import BAR_HEIGHT
from stuurploeg.gui.planboard.lanes import lay_out
from stuurploeg.gui.planboard.panel import PlanboardPanel
from stuurploeg.gui.settings import Settings
from tests.gui.factories import make_capacity, make_cases
from tests.gui.fixtures import make_workspace, open_in
from tests.planboard_data import ROOMY, TIGHT, planboard_capacity, planboard_cases

# Each test opens and plans a real workspace in a shown window: a second or more.
pytestmark = [pytest.mark.gui, pytest.mark.slow]

LEFT = Qt.MouseButton.LeftButton
NONE = Qt.KeyboardModifier.NoModifier


@pytest.fixture
def controller(qtbot):
    controller = WorkspaceController(Settings())
    yield controller
    controller.close()


@pytest.fixture
def board(qtbot, controller, tmp_path):
    """The Planbord on a workspace with a roomy and a tight team, planned."""
    start = IsoWeek.current()  # the controller plans from this week
    path = make_workspace(tmp_path / "planbord.stuurploeg", planboard_cases(start),
                          planboard_capacity())  # fmt: skip
    placement = PlacementController(controller)
    undo = QUndoStack()
    panel = PlanboardPanel(placement, undo)
    qtbot.addWidget(panel)
    panel.resize(1200, 600)
    panel.show()
    qtbot.waitExposed(panel)
    open_in(qtbot, controller, path)
    qtbot.waitUntil(lambda: panel.gantt is not None)
    panel.undo = undo  # type: ignore[attr-defined]  (kept alive with the panel)
    QApplication.processEvents()
    return panel


def _point(plot, x: float, y: float) -> QPoint:
    """Data coordinates of ``plot`` → pixel position on its viewport."""
    view = plot.getPlotItem().getViewBox()
    return plot.mapFromScene(view.mapViewToScene(QPointF(x, y)))


def _bar_centre(board, case_id: str) -> tuple[QPoint, int]:
    gantt = board.gantt
    index = next(i for i, b in enumerate(gantt.bars) if b.case_id == case_id)
    item = gantt.item
    x = (item.x0[index] + item.x1[index]) / 2
    y = item.y0[index] + BAR_HEIGHT / 2
    return _point(gantt.plot, x, y), index


def _move(qtbot, widget, start: QPoint, end: QPoint, steps: int = 6) -> None:
    """Mouse moves from ``start`` to ``end`` with the left button held."""
    viewport = widget.viewport()
    for i in range(1, steps + 1):
        p = start + (end - start) * (i / steps)
        move = QMouseEvent(QEvent.Type.MouseMove, QPointF(p), QPointF(viewport.mapToGlobal(p)),
                           Qt.MouseButton.NoButton, LEFT, NONE)  # fmt: skip
        QApplication.sendEvent(viewport, move)
        qtbot.wait(5)


def _drag(qtbot, widget, start: QPoint, end: QPoint, steps: int = 6) -> None:
    QTest.mousePress(widget.viewport(), LEFT, NONE, start)
    _move(qtbot, widget, start, end, steps)
    QTest.mouseRelease(widget.viewport(), LEFT, NONE, end)
    QApplication.processEvents()


def test_lanes_never_overlap_within_a_team(board):
    bars = board.gantt.bars
    layout = lay_out(bars, 2)
    for i, a in enumerate(bars):
        for j, b in enumerate(bars[:i]):
            if a.team == b.team and layout.lanes[i] == layout.lanes[j]:
                assert a.end <= b.start or b.end <= a.start, (a.case_id, b.case_id)


def test_clicking_a_bar_selects_the_case(qtbot, board, controller):
    pos, index = _bar_centre(board, "MH-2026-0002")
    with qtbot.waitSignal(controller.selection_changed, timeout=5000) as signal:
        QTest.mouseClick(board.gantt.plot.viewport(), LEFT, NONE, pos)
    assert signal.args == ["MH-2026-0002"]
    assert controller.selected_case_id == "MH-2026-0002"
    assert board.gantt.item.selected == index


def test_a_drag_that_fits_is_a_what_if_placement_and_undo_takes_it_back(
    qtbot, board, controller
):
    start = controller.proposal.result.start
    assert controller.proposal.assignment("MH-2026-0001").start_week == start
    pos, _ = _bar_centre(board, "MH-2026-0001")
    two_weeks = _point(board.gantt.plot, 2, 0).x() - _point(board.gantt.plot, 0, 0).x()
    _drag(qtbot, board.gantt.plot, pos, pos + QPoint(round(two_weeks), 0))

    moved = controller.proposal.assignment("MH-2026-0001")
    assert (moved.team, moved.start_week, moved.fixed) == (ROOMY, start + 2, True)
    other = controller.proposal.assignment("MH-2026-0002")
    assert (other.team, other.start_week) == (ROOMY, start), "the rest of the plan stays"
    assert [p.case_id for p in board.placement.placements] == ["MH-2026-0001"]
    assert board.banner.isVisible() and "MH-2026-0001" in board.banner.text()
    assert board.undo.count() == 1
    bar = next(i for i, b in enumerate(board.gantt.bars) if b.case_id == "MH-2026-0001")
    assert board.gantt.item.what_if[bar], "drawn as a what-if (dashed)"

    board.undo.undo()
    back = controller.proposal.assignment("MH-2026-0001")
    assert (back.team, back.start_week, back.fixed) == (ROOMY, start, False)
    assert board.placement.placements == () and not board.banner.isVisible()


def test_a_drag_that_does_not_fit_is_refused_with_the_binding_team_week_fte(
    qtbot, board, controller
):
    start = controller.proposal.result.start
    before = controller.proposal
    pos, _ = _bar_centre(board, "MH-2026-0001")
    tight = next(b for b in board.gantt.layout_.bands if b.team == 1)
    target = _point(board.gantt.plot, 0, tight.top + 0.5)
    with qtbot.waitSignal(board.gantt.refused, timeout=5000) as signal:
        _drag(qtbot, board.gantt.plot, pos, QPoint(pos.x(), target.y()))
    assert signal.args == [
        f"Past niet: {TIGHT}, week {start}: 0,5 fte vrij, 3 nodig (nog 3 andere weken te krap)."
    ]
    assert "Past niet" in board.gantt.answer.text()
    assert controller.proposal is before, "nothing changed"
    assert board.placement.placements == () and board.undo.count() == 0


def test_dragging_a_running_case_is_refused(qtbot, board, controller):
    pos, _ = _bar_centre(board, "MH-2026-0003")
    with qtbot.waitSignal(board.gantt.refused, timeout=5000) as signal:
        _drag(qtbot, board.gantt.plot, pos, pos + QPoint(80, 0))
    assert "loopt al" in signal.args[0]


def test_overloaded_team_weeks_are_marked_in_the_gantt(board):
    overloads = board.gantt.item.overloads
    tight = next(b for b in board.gantt.layout_.bands if b.team == 1)
    assert [(x0, y0) for x0, _x1, y0, _y1, _tip in overloads] == [(3, tight.top), (4, tight.top)]
    assert "0,5 fte te veel" in overloads[0][4]


def test_a_load_map_cell_lists_its_cases(qtbot, board):
    board.tabs.setCurrentWidget(board.load_map)
    load_map = board.load_map
    qtbot.waitExposed(load_map.plot)
    assert "2 overbelaste teamweken" in load_map.summary.text()
    assert [text for _t, _w, text in load_map.texts.cells] == ["+0,5", "+0,5"]
    with qtbot.waitSignal(load_map.image.cell_clicked, timeout=5000):
        QTest.mouseClick(load_map.plot.viewport(), LEFT, NONE, _point(load_map.plot, 3.5, 1.5))
    rows = load_map.cases_model.items
    assert [(bar.case_id, fte) for bar, fte in rows] == [("MH-2026-0003", 1.5),
                                                         ("MH-2026-0004", 1.0)]  # fmt: skip
    text = load_map.cell_label.text()
    assert TIGHT in text and "2,5 van 2,0 fte" in text and "0,5 fte te veel" in text
    model = load_map.cases_model
    assert model.data(model.index(0, 2)) == "lopend"
    assert model.data(model.index(0, 3)) == "1,50"


def test_three_hundred_cases_are_drawn_by_a_few_graphics_items(qtbot, controller, tmp_path):
    roomy = make_capacity()  # room for every candidate: a bar each
    roomy = replace(roomy, teams=tuple(replace(t, staffed_fte=400.0) for t in roomy.teams))
    path = make_workspace(tmp_path / "groot.stuurploeg", make_cases(300), roomy)
    panel = PlanboardPanel(PlacementController(controller), QUndoStack())
    qtbot.addWidget(panel)
    panel.resize(1200, 600)
    panel.show()
    open_in(qtbot, controller, path)
    qtbot.waitUntil(lambda: panel.gantt is not None)
    gantt, load_map = panel.gantt, panel.load_map
    assert len(gantt.bars) > 100
    assert len(gantt.plot.scene().items()) < 30, "one item for all bars, not one per case"
    panel.tabs.setCurrentWidget(load_map)
    assert len(load_map.plot.scene().items()) < 30


def test_a_decision_colours_its_bar_and_a_what_if_move_is_what_the_decision_records(
    qtbot, board, controller
):
    start = controller.proposal.result.start
    controller.set_decided_by("mensenhandelofficier")
    pos, _ = _bar_centre(board, "MH-2026-0001")
    two_weeks = _point(board.gantt.plot, 2, 0).x() - _point(board.gantt.plot, 0, 0).x()
    _drag(qtbot, board.gantt.plot, pos, pos + QPoint(round(two_weeks), 0))
    decision = controller.proposed_decision("MH-2026-0001")
    assert (decision.kind, decision.team, decision.start_week) == (
        DecisionKind.TAKE_UP, ROOMY, start + 2)  # fmt: skip
    controller.record_decision(decision)
    stored = controller.history("MH-2026-0001")[-1]
    assert (stored.snapshot.proposal_team, stored.snapshot.proposal_start) == (ROOMY, start + 2)
    index = next(i for i, b in enumerate(board.gantt.bars) if b.case_id == "MH-2026-0002")
    decided = next(i for i, b in enumerate(board.gantt.bars) if b.case_id == "MH-2026-0001")
    assert board.gantt.item.colours[index] == COLOURS["planned"]
    assert board.gantt.item.colours[decided] == COLOURS["what-if"], "still shown as a what-if"
    board.back.click()  # Terug naar het voorstel
    assert board.gantt.item.colours[decided] == COLOURS[DecisionKind.TAKE_UP.value]


def test_the_load_map_shows_one_specialism_chosen_with_the_keyboard(qtbot, board):
    board.tabs.setCurrentWidget(board.load_map)
    load_map = board.load_map
    combo = load_map.kind
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Home)
    qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert combo.currentData() == "digitaal"
    assert load_map.summary.text() == "Digitaal: geen teamweek overbelast."
    assert load_map.texts.cells == []
    colours = load_map.image.image  # [week, team, rgba]: no digital capacity anywhere
    assert (colours[..., :3] == 225).all()


def test_resting_on_a_bar_or_a_cell_tells_its_figures(qtbot, board, controller):
    pos, _ = _bar_centre(board, "MH-2026-0003")
    QTest.mouseMove(board.gantt.plot.viewport(), pos)
    qtbot.waitUntil(lambda: "MH-2026-0003" in board.gantt.item.toolTip(), timeout=5000)
    assert "1,5 fte" in board.gantt.item.toolTip() and "Lopend" in board.gantt.item.toolTip()
    board.tabs.setCurrentWidget(board.load_map)
    plot = board.load_map.plot
    qtbot.waitExposed(plot)
    QTest.mouseMove(plot.viewport(), _point(plot, 4.5, 1.5))
    qtbot.waitUntil(lambda: "0,5 fte te veel" in board.load_map.image.toolTip(), timeout=5000)


def test_the_window_says_when_the_plan_on_screen_holds_what_if_placements(
    qtbot, main_window, tmp_path
):
    start = IsoWeek.current()
    path = make_workspace(tmp_path / "venster.stuurploeg", planboard_cases(start),
                          planboard_capacity())  # fmt: skip
    open_in(qtbot, main_window.controller, path)
    placement = main_window.placement
    placement.place("MH-2026-0002", ROOMY, main_window.controller.proposal.result.start + 5)
    assert main_window.shown_label.text().endswith("+ 1 wat-als-plaatsing")
    assert "wat-als" in main_window.windowTitle()
    placement.clear()
    assert "wat-als" not in main_window.shown_label.text()


def test_while_dragging_the_ghost_and_the_answer_say_whether_it_fits(qtbot, board):
    gantt = board.gantt
    pos, _ = _bar_centre(board, "MH-2026-0001")
    tight = next(b for b in gantt.layout_.bands if b.team == 1)
    target = QPoint(pos.x(), _point(gantt.plot, 0, tight.top + 0.5).y())
    QTest.mousePress(gantt.plot.viewport(), LEFT, NONE, pos)
    _move(qtbot, gantt.plot, pos, target)
    assert gantt.item.ghost is not None and gantt.item.ghost[1] is False  # red
    assert gantt.answer.text().startswith("Past niet:")
    _move(qtbot, gantt.plot, target, pos + QPoint(30, 0), steps=3)
    assert gantt.item.ghost is not None and gantt.item.ghost[1] is True  # green
    assert gantt.answer.text().startswith("Past:")
    QTest.mouseRelease(gantt.plot.viewport(), LEFT, NONE, pos)  # back where it was
    QApplication.processEvents()
    assert gantt.item.ghost is None and board.placement.placements == ()


def test_alt_arrow_keys_move_the_selected_case_as_a_drag_would(qtbot, board, controller):
    start = controller.proposal.result.start
    gantt = board.gantt
    pos, _ = _bar_centre(board, "MH-2026-0001")
    QTest.mouseClick(gantt.plot.viewport(), LEFT, NONE, pos)
    assert controller.selected_case_id == "MH-2026-0001"
    gantt.plot.setFocus()
    qtbot.keyClick(gantt.plot, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    moved = controller.proposal.assignment("MH-2026-0001")
    assert (moved.team, moved.start_week) == (ROOMY, start + 1)
    qtbot.keyClick(gantt.plot, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert gantt.answer.text().startswith('<span style="color:#c0392b">Past niet:')
    assert controller.proposal.assignment("MH-2026-0001").team == ROOMY
    assert board.undo.count() == 1
