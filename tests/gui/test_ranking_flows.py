"""Weging, Positie aanpassen and Plan maken through the real widgets, on the sample data."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from stuurploeg.domain.model import Criterion
from stuurploeg.gui.ranking import model as rm
from stuurploeg.gui.ranking.position import PositionDialog
from tests.gui.fixtures import HANG_GUARD_MS, make_workspace

pytestmark = pytest.mark.gui


@pytest.fixture
def loaded(qtbot, main_window, sample_data, tmp_path):
    cases, capacity = sample_data
    controller = main_window.controller
    path = make_workspace(tmp_path / "regio.stuurploeg", cases, capacity)
    with qtbot.waitSignal(controller.ranking_changed, timeout=HANG_GUARD_MS):
        controller.open(path)
    assert controller.ranking is not None
    # the rank-order plan follows in a worker
    qtbot.waitUntil(lambda: controller.proposal is not None, timeout=HANG_GUARD_MS)
    return main_window


def _ranked_ids(window) -> list[str]:
    return [e.case_id for e in window.controller.ranking.entries]


@pytest.mark.slow
def test_weight_change_reranks_live_and_undoes(qtbot, loaded):
    window = loaded
    before = _ranked_ids(window)
    slider = window.weights_panel.sliders[Criterion.SEVERITY]
    slider.setFocus()
    qtbot.keyClick(slider, Qt.Key.Key_Home)  # ernst to 0
    assert window.controller.profile.weight(Criterion.SEVERITY) == 0
    after = _ranked_ids(window)
    assert after != before
    # the view shows the new order with movement since the last weighting
    model = window.ranking_view.model
    ranks = [model.data(model.index(r, rm.RANK)) for r in range(model.rowCount())]
    assert any("↑" in (t or "") or "↓" in (t or "") for t in ranks)
    top = model.data(model.index(0, rm.CASE_ID))
    assert top == after[0]
    # one undo step restores the weights and the order
    qtbot.keyClick(slider, Qt.Key.Key_PageUp)
    qtbot.keyClick(slider, Qt.Key.Key_PageUp)
    assert window.undo_stack.count() == 1  # moves of one slider merge into one step
    window.undo_action.trigger()
    assert window.controller.profile.weight(Criterion.SEVERITY) == 25
    assert _ranked_ids(window) == before
    window.redo_action.trigger()
    assert window.controller.profile.weight(Criterion.SEVERITY) == 10


@pytest.mark.slow
def test_override_without_motivation_is_refused(qtbot, loaded):
    window = loaded
    moved = _ranked_ids(window)[9]
    window.ranking_view.table.select_case(moved)
    window.position_action.trigger()
    dialog = window.findChild(PositionDialog)
    qtbot.waitExposed(dialog)
    dialog.position.setValue(1)
    dialog.accept()  # OK without motivation
    assert dialog.isVisible(), "refused: stays open"
    assert "motivering" in dialog.problem.text().lower()
    assert _ranked_ids(window)[0] != moved
    qtbot.keyClicks(dialog.motivation, "Signaal van minderjarige slachtoffers, OM vraagt voorrang")
    dialog.accept()
    assert not dialog.isVisible()
    assert _ranked_ids(window)[0] == moved
    window.undo_action.trigger()
    assert _ranked_ids(window)[0] != moved


@pytest.mark.slow
def test_plan_run_with_cancel_then_rank_plan_and_difference(qtbot, loaded):
    window = loaded
    dialog = window.open_plan_dialog()
    qtbot.waitExposed(dialog)
    dialog.planner.setCurrentIndex(dialog.planner.findData("optimal"))
    dialog.time_limit.setValue(60)
    qtbot.mouseClick(dialog.run_button, Qt.MouseButton.LeftButton)
    job = dialog.job
    assert job is not None and job.running
    with qtbot.waitSignal(job.cancelled, timeout=HANG_GUARD_MS):
        qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert "Gestopt" in dialog.status.text()
    assert dialog.run_button.isEnabled()
    # the rank-order plan runs to the end and lists the difference from the one before
    window.weights_panel.sliders[Criterion.IMPACT].setValue(40)
    qtbot.waitUntil(lambda: not window.controller.planning, timeout=HANG_GUARD_MS)
    dialog.planner.setCurrentIndex(dialog.planner.findData("rank"))
    dialog.weeks.setValue(20)
    qtbot.mouseClick(dialog.run_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(dialog.job.succeeded, timeout=HANG_GUARD_MS):
        pass
    assert "ingepland" in dialog.status.text()
    assert "Totale prioriteit" in dialog.diff.toPlainText()
    assert window.controller.proposal.result.weeks == 20
    # the Capaciteit chart follows the new plan
    assert window.capacity_panel.chart is not None
    assert window.capacity_panel.model.rowCount() == len(window.controller.capacity.teams)
    dialog.close()
    QApplication.processEvents()


@pytest.mark.slow
def test_dropping_a_row_asks_for_the_position_with_motivation(qtbot, loaded):
    window = loaded
    model = window.ranking_view.model
    moved = _ranked_ids(window)[5]
    data = model.mimeData([model.index(model.row_of(moved), rm.NAME)])
    target = model.index(0, rm.NAME)
    assert not model.dropMimeData(data, Qt.DropAction.MoveAction, -1, -1, target)
    dialog = window.findChild(PositionDialog)
    qtbot.waitExposed(dialog)
    assert dialog.case_id == moved and dialog.position.value() == 1
    assert model.rowCount() == len(window.controller.cases)  # nothing moved without a motivation
    dialog.reject()


@pytest.mark.slow
def test_level_texts_are_tooltips_and_profile_is_remembered(qtbot, loaded):
    from stuurploeg.domain.criteria_text import LEVEL_TEXTS
    from stuurploeg.gui.settings import Settings

    window = loaded
    tip = window.weights_panel.sliders[Criterion.SEVERITY].toolTip()
    assert LEVEL_TEXTS[Criterion.SEVERITY][5][:30] in tip
    window.weights_panel.save_as("Zwaar op ernst")
    assert window.controller.profile.name == "Zwaar op ernst"
    assert Settings().last_profile() == "Zwaar op ernst"
