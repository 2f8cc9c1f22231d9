"""Workspace flows through the real window: first start on the sample workspace, the
keyboard decision flow, vaststellen, a correction, export, merge and the lock."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

pytest.importorskip("stuurploeg.app.workspace")
pytest.importorskip("stuurploeg.app.planning")
pytestmark = pytest.mark.gui

from stuurploeg.domain.model import DecisionKind  # noqa: E402
from stuurploeg.gui import ranking_model as rm  # noqa: E402
from stuurploeg.gui import workspace_ops  # noqa: E402
from stuurploeg.gui.settings import Settings  # noqa: E402


@pytest.fixture
def opened(qtbot, main_window):
    """First start: the sample workspace is made in the (isolated) data folder and shown."""
    window = main_window
    window.start(None)
    qtbot.waitUntil(lambda: window.session.workspace is not None, timeout=30_000)
    qtbot.waitUntil(lambda: window.session.plan is not None, timeout=15_000)
    return window


def test_first_start_makes_and_opens_the_sample_workspace(opened):
    window = opened
    path = workspace_ops.sample_workspace_path()
    assert Path(window.session.workspace.path) == path and path.exists()
    assert len(window.session.cases) == 60
    assert window.ranking_view.model.rowCount() == 60
    assert Settings().last_workspace() == path.resolve()
    assert path.stem in window.windowTitle()
    assert window.files.export.isEnabled()


def test_workspace_is_locked_while_open(opened):
    from stuurploeg.app.workspace import WorkspaceLocked, open_workspace

    with pytest.raises(WorkspaceLocked):
        open_workspace(workspace_ops.sample_workspace_path())


def _decide_with_keyboard(qtbot, window, case_id: str, motivation: str = "") -> None:
    table = window.ranking_view.table
    table.select_case(case_id)
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Return)  # Enter: to the decision form
    panel = window.decisions_panel
    assert panel.kind.hasFocus()
    if not panel.by.text():
        qtbot.keyClicks(panel.by, "mensenhandelofficier")
    if motivation:
        qtbot.keyClicks(panel.motivation, motivation)
    qtbot.keyClick(panel.kind, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)


def test_decision_recorded_with_the_keyboard_then_undone(qtbot, opened):
    window = opened
    plan = window.session.plan
    case_id = plan.assignments[0].case_id
    _decide_with_keyboard(qtbot, window, case_id)
    panel = window.decisions_panel
    assert panel.problems.text() == ""
    drafts = panel.list_model.items
    assert [(d.case_id, d.kind, d.final) for d in drafts] == [
        (case_id, DecisionKind.TAKE_UP, False)
    ]
    assert drafts[0].team == plan.assignments[0].team  # pre-filled from the proposal
    model = window.ranking_view.model
    assert "oppakken" in model.data(model.index(model.row_of(case_id), rm.DECISION))
    assert window.ranking_view.table.current_case_id() != case_id  # on to the next case
    window.undo_action.trigger()
    assert panel.list_model.items == []


def test_departing_from_the_proposal_needs_a_motivation(qtbot, opened):
    window = opened
    case_id = window.session.plan.assignments[0].case_id
    table = window.ranking_view.table
    table.select_case(case_id)
    panel = window.decisions_panel
    panel.by.setText("mensenhandelofficier")
    panel.kind.setCurrentIndex(panel.kind.findData(DecisionKind.DECLINE.value))
    assert not panel.record()
    assert panel.problems.text()  # the app layer's Dutch reason
    assert panel.list_model.items == []


def test_finalise_correct_and_export(qtbot, opened, tmp_path):
    window = opened
    panel = window.decisions_panel
    first, second = (a.case_id for a in window.session.plan.assignments[:2])
    _decide_with_keyboard(qtbot, window, first)
    _decide_with_keyboard(qtbot, window, second)
    assert len(panel.list_model.items) == 2
    qtbot.mouseClick(panel.finalise_button, Qt.MouseButton.LeftButton)
    box = panel.confirm_box
    assert box is not None and box.isVisible()
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)
    assert all(d.final for d in panel.list_model.items)
    assert window.undo_stack.count() == 0  # final decisions are not undoable
    # correction of a final decision: a new entry referring to it
    panel.list.selectRow(0)
    old = panel.list_model.items[0]
    panel.start_correction()
    panel.kind.setCurrentIndex(panel.kind.findData(DecisionKind.PARK.value))
    panel.motivation.setPlainText("Team is toch niet beschikbaar; na de zomer opnieuw bekijken")
    panel.day.setDate(panel.day.date().addDays(1))  # a new meeting: the old one is closed
    assert panel.record(), panel.problems.text()
    correction = panel.list_model.items[-1]
    assert correction.corrects_id == old.id and not correction.final
    # export in a worker, then the workbook reopened
    out = tmp_path / "besluitenlijst.xlsx"
    job = workspace_ops.export_to(window, out, None)
    with qtbot.waitSignal(job.succeeded, timeout=30_000):
        pass
    box = window.export_box
    assert box.isVisible() and str(out) in box.text()
    box.close()
    from openpyxl import load_workbook

    wb = load_workbook(out)
    texts = {str(c.value) for row in wb["Besluiten"].iter_rows() for c in row if c.value}
    assert first in texts and second in texts


def test_reimport_merges_into_the_open_workspace(qtbot, opened, tmp_path):
    from openpyxl import load_workbook

    from stuurploeg.gui.startup import apply_import, sample_files

    window = opened
    source = sample_files()[0]
    wb = load_workbook(source)
    ws = wb["Zaken"]
    ws.delete_rows(ws.max_row)  # one case gone
    changed = tmp_path / "zakenlijst-nieuw.xlsx"
    wb.save(changed)
    from stuurploeg.app.importing import check_file

    report = check_file(changed, "cases")
    assert report.usable
    apply_import(window, report, False)
    merged = window.last_merge
    assert len(merged.gone) == 1 and not merged.new
    assert "1 verdwenen" in window.status_label.text()
    box = window.merge_box
    assert box.isVisible() and "Verdwenen" in box.detailedText()
    box.close()


def test_a_second_window_on_the_same_workspace_gets_a_dutch_message(qtbot, opened):
    from stuurploeg.gui.main_window import MainWindow

    other = MainWindow()
    qtbot.addWidget(other)
    workspace_ops.open_path(other, workspace_ops.sample_workspace_path())
    qtbot.waitUntil(lambda: getattr(other, "last_message_box", None) is not None, timeout=10_000)
    box = other.last_message_box
    assert "al geopend" in box.text() and "Traceback" not in box.text()
    assert other.session.workspace is None
    box.close()
    other.close()


def test_open_a_given_workspace_and_recent_files(qtbot, main_window, tmp_path):
    """`stuurploeg open WORKSPACE` starts the window with that workspace; it joins the
    recent files, and the File menu's recent list opens it again."""
    from stuurploeg.app.workspace import create_workspace, import_files
    from stuurploeg.gui.startup import sample_files

    path = tmp_path / "eenheid.stuurploeg"
    ws = create_workspace(path)
    import_files(ws, cases_path=sample_files()[0], capacity_path=sample_files()[1])
    ws.close()
    window = main_window
    window.start(path)
    qtbot.waitUntil(lambda: window.session.workspace is not None, timeout=30_000)
    assert Path(window.session.workspace.path) == path
    assert Settings().recent_workspaces()[0] == path.resolve()
    workspace_ops.close(window)
    assert window.session.workspace is None
    window.files.fill_recent()
    recent = window.files.recent_menu.actions()[0]
    assert recent.text() == str(path.resolve())
    recent.trigger()
    qtbot.waitUntil(lambda: window.session.workspace is not None, timeout=30_000)
    assert len(window.session.cases) == 60


def test_slider_moves_save_the_weights_without_piling_up_plans(qtbot, opened):
    from stuurploeg.domain.model import Criterion

    window = opened
    ws = window.session.workspace
    slider = window.weights_panel.sliders[Criterion.SEVERITY]
    before = len(ws.plans())
    for value in (3, 9, 14, 21, 27, 33, 40, 46):
        slider.setValue(value)  # as a drag does, step by step

        def saved(value=value) -> bool:
            plan = ws.plan()
            return plan is not None and plan.profile.weights.get(Criterion.SEVERITY.value) == value

        # each move waits for its plan: the worst case, every change stored on its own
        qtbot.waitUntil(saved, timeout=15_000)
    assert len(ws.plans()) <= max(before, 1)
    assert ws.plan().profile.weights[Criterion.SEVERITY.value] == 46
