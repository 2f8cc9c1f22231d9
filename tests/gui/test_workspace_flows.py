"""Workspace flows through the real window: first start on the sample workspace, the
keyboard decision flow, vaststellen, a correction, export, merge and the lock."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from stuurploeg.domain.model import DecisionKind
from stuurploeg.gui.paths import sample_files, sample_workspace_path
from stuurploeg.gui.ranking import model as rm
from stuurploeg.gui.settings import Settings
from tests.gui.fixtures import HANG_GUARD_MS

pytestmark = pytest.mark.gui


def _start(qtbot, window):
    with qtbot.waitSignal(window.controller.opened, timeout=HANG_GUARD_MS):
        window.start(None)
    qtbot.waitUntil(lambda: window.controller.proposal is not None, timeout=HANG_GUARD_MS)
    return window


@pytest.fixture(scope="session")
def sample_template(tmp_path_factory):
    """The sample workspace as the first start makes it, made once for these tests."""
    from stuurploeg.app.workspace import create_workspace, import_files

    path = tmp_path_factory.mktemp("sample") / "voorbeeld.stuurploeg"
    with create_workspace(path) as ws:
        import_files(ws, cases_path=sample_files()[0], capacity_path=sample_files()[1])
    return path


@pytest.fixture
def first_start(qtbot, main_window):
    """First start: the sample workspace is made in the (isolated) data folder and shown."""
    return _start(qtbot, main_window)


@pytest.fixture
def opened(qtbot, main_window, sample_template):
    """A later start: the sample workspace made before (a copy of the template) is shown."""
    path = sample_workspace_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(sample_template, path)
    return _start(qtbot, main_window)


@pytest.mark.slow
def test_first_start_makes_and_opens_the_sample_workspace(first_start):
    window = first_start
    path = sample_workspace_path()
    assert Path(window.controller.workspace.path) == path and path.exists()
    assert len(window.controller.cases) == 60
    assert window.ranking_view.model.rowCount() == 60
    assert Settings().last_workspace() == path.resolve()
    assert path.stem in window.windowTitle()
    assert window.files.export.isEnabled()


@pytest.mark.slow
def test_workspace_is_locked_while_open(opened):
    from stuurploeg.app.workspace import WorkspaceLocked, open_workspace

    with pytest.raises(WorkspaceLocked):
        open_workspace(sample_workspace_path())


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


@pytest.mark.slow
def test_decision_recorded_with_the_keyboard_then_undone(qtbot, opened):
    window = opened
    plan = window.controller.proposal.result
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


@pytest.mark.slow
def test_departing_from_the_proposal_needs_a_motivation(qtbot, opened):
    window = opened
    case_id = window.controller.proposal.result.assignments[0].case_id
    table = window.ranking_view.table
    table.select_case(case_id)
    panel = window.decisions_panel
    panel.by.setText("mensenhandelofficier")
    panel.kind.setCurrentIndex(panel.kind.findData(DecisionKind.DECLINE.value))
    assert not panel.record()
    assert panel.problems.text()  # the app layer's Dutch reason
    assert panel.list_model.items == []


@pytest.mark.slow
def test_finalise_correct_and_export(qtbot, opened, tmp_path):
    window = opened
    panel = window.decisions_panel
    first, second = (a.case_id for a in window.controller.proposal.result.assignments[:2])
    _decide_with_keyboard(qtbot, window, first)
    _decide_with_keyboard(qtbot, window, second)
    assert len(panel.list_model.items) == 2
    qtbot.mouseClick(panel.finalise_button, Qt.MouseButton.LeftButton)
    box = panel.confirm_box
    assert box is not None and box.isVisible()
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)
    assert all(d.final for d in panel.list_model.items)
    assert window.undo_stack.count() == 0  # final decisions are not undoable
    window.notices.finalised_box.close()  # its export in one step: test_meeting_context.py
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
    with qtbot.waitSignal(window.controller.exported, timeout=HANG_GUARD_MS):
        window.controller.export(out, None)
    box = window.notices.export_box
    assert box.isVisible() and str(out) in box.text()
    box.close()
    from openpyxl import load_workbook

    wb = load_workbook(out)
    texts = {str(c.value) for row in wb["Besluiten"].iter_rows() for c in row if c.value}
    assert first in texts and second in texts


@pytest.mark.slow
def test_reimport_merges_into_the_open_workspace(qtbot, opened, tmp_path):
    from openpyxl import load_workbook
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
    with qtbot.waitSignal(window.controller.merged, timeout=HANG_GUARD_MS) as blocker:
        window.controller.import_report(report, False)
    merged = blocker.args[0].report
    assert len(merged.gone) == 1 and not merged.new
    assert "1 verdwenen" in window.status_label.text()
    box = window.notices.merge_box
    assert box.isVisible() and "Verdwenen" in box.detailedText()
    box.close()


@pytest.mark.slow
def test_a_second_window_on_the_same_workspace_gets_a_dutch_message(qtbot, opened):
    from stuurploeg.gui.main_window import MainWindow

    other = MainWindow()
    qtbot.addWidget(other)
    with qtbot.waitSignal(other.controller.error, timeout=HANG_GUARD_MS):
        other.controller.open(sample_workspace_path())
    box = other.notices.problem_box
    assert "al geopend" in box.text() and "Traceback" not in box.text()
    assert other.controller.workspace is None
    box.close()
    other.close()


def test_open_a_given_workspace_and_recent_files(qtbot, main_window, tmp_path):
    """`stuurploeg open WORKSPACE` starts the window with that workspace; it joins the
    recent files, and the File menu's recent list opens it again."""
    from stuurploeg.app.workspace import create_workspace, import_files

    path = tmp_path / "eenheid.stuurploeg"
    ws = create_workspace(path)
    import_files(ws, cases_path=sample_files()[0], capacity_path=sample_files()[1])
    ws.close()
    window = main_window
    with qtbot.waitSignal(window.controller.opened, timeout=HANG_GUARD_MS):
        window.start(path)
    assert Path(window.controller.workspace.path) == path
    assert Settings().recent_workspaces()[0] == path.resolve()
    window.controller.close()
    assert window.controller.workspace is None
    window.files.fill_recent()
    recent = window.files.recent_menu.actions()[0]
    assert recent.text() == str(path.resolve())
    with qtbot.waitSignal(window.controller.opened, timeout=HANG_GUARD_MS):
        recent.trigger()
    assert len(window.controller.cases) == 60


@pytest.mark.slow
def test_slider_moves_save_the_weights_without_piling_up_plans(qtbot, opened):
    from stuurploeg.domain.model import Criterion

    window = opened
    ws = window.controller.workspace
    slider = window.weights_panel.sliders[Criterion.SEVERITY]
    before = len(ws.plans())
    for value in (3, 9, 14, 21, 27, 33, 40, 46):
        slider.setValue(value)  # as a drag does, step by step

        def saved(value=value) -> bool:
            plan = ws.plan()
            return plan is not None and plan.profile.weights.get(Criterion.SEVERITY.value) == value

        # each move waits for its plan: the worst case, every change stored on its own
        qtbot.waitUntil(saved, timeout=HANG_GUARD_MS)
    assert len(ws.plans()) <= max(before, 1)
    assert ws.plan().profile.weights[Criterion.SEVERITY.value] == 46


@pytest.mark.slow
def test_weighting_survives_closing_and_reopening_the_workspace(qtbot, opened):
    from stuurploeg.domain.model import Criterion

    window = opened
    ws = window.controller.workspace
    path = Path(ws.path)
    window.weights_panel.sliders[Criterion.URGENCY].setValue(37)
    qtbot.waitUntil(
        lambda: ws.plan().profile.weights.get(Criterion.URGENCY.value) == 37,
        timeout=HANG_GUARD_MS,
    )
    window.controller.close()
    assert window.controller.workspace is None
    with qtbot.waitSignal(window.controller.opened, timeout=HANG_GUARD_MS):
        window.controller.open(path)
    qtbot.waitUntil(lambda: window.controller.proposal is not None, timeout=HANG_GUARD_MS)
    assert window.controller.profile.weights[Criterion.URGENCY] == 37
    assert window.weights_panel.sliders[Criterion.URGENCY].value() == 37
