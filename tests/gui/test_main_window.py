"""The main window: docks, menus, shortcuts, vergadermodus, settings round trip, drops."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QDropEvent, QKeySequence

from stuurploeg.gui.about import AboutDialog
from stuurploeg.gui.importing.wizard import ImportWizard
from stuurploeg.gui.main_window import MainWindow
from stuurploeg.gui.ranking import model as rm
from stuurploeg.gui.settings import Settings
from tests.gui.factories import make_capacity, make_cases
from tests.gui.fixtures import make_workspace, open_in

pytestmark = pytest.mark.gui


def test_window_has_ranking_and_docks(main_window):
    assert main_window.centralWidget() is main_window.layouts
    assert main_window.layouts.currentWidget() is main_window.preparation
    assert main_window.ranking_view.parent() is main_window.preparation
    assert set(main_window.docks) >= {"weights", "detail", "capacity", "decisions", "planboard",
                                      "scenarios"}
    assert main_window.windowTitle() == "Stuurploeg"
    titles = [a.text() for a in main_window.menuBar().actions()]
    assert titles == ["&Bestand", "Be&werken", "&Planning", "Beel&d", "&Help"]  # Dutch


def test_help_menu_opens_the_about_dialog(qtbot, main_window):
    main_window.about_action.trigger()
    dialog = main_window.findChild(AboutDialog)
    assert dialog is not None and dialog.isVisible()
    assert dialog.windowTitle() == "Over Stuurploeg"
    dialog.close()


def test_file_menu_has_standard_shortcuts(main_window):
    files = main_window.files
    assert files.open.shortcut() == QKeySequence(QKeySequence.StandardKey.Open)
    assert files.new.shortcut() == QKeySequence(QKeySequence.StandardKey.New)
    assert files.quit.shortcut() == QKeySequence(QKeySequence.StandardKey.Quit)


@pytest.mark.slow
def test_selection_drives_case_detail(qtbot, main_window, tmp_path):
    path = make_workspace(tmp_path / "w.stuurploeg", make_cases(40), make_capacity())
    open_in(qtbot, main_window.controller, path)  # ranked and planned
    view = main_window.ranking_view
    assert view.model.rowCount() == 40
    index = view.model.index(2, rm.NAME)
    rect = view.table.visualRect(index)
    qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    case_id = index.data(rm.CASE_ID_ROLE)
    assert main_window.controller.selected_case_id == case_id
    assert case_id in main_window.detail_panel.title.text()
    # re-sorting keeps the same case selected
    view.table.sortByColumn(rm.NAME, Qt.SortOrder.DescendingOrder)
    assert view.table.current_case_id() == case_id


def test_search_box_filters(qtbot, main_window, tmp_path):
    path = make_workspace(tmp_path / "w.stuurploeg", make_cases(120))
    open_in(qtbot, main_window.controller, path)
    view = main_window.ranking_view
    qtbot.keyClicks(view.search, "MH-0011")
    qtbot.waitUntil(lambda: view.model.rowCount() == 10, timeout=2000)
    assert "10 van 120" in view.count_label.text()


def test_window_state_round_trip(qtbot):
    first = MainWindow()
    qtbot.addWidget(first)
    first.resize(700, 500)
    first.show()
    kept = first.size()
    first.close()
    second = MainWindow()
    qtbot.addWidget(second)
    # offscreen clamps the width to its 800-pixel screen; the height shows the round trip
    assert kept.height() == 500 and second.height() == 500
    assert Settings().geometry()


def test_dropping_a_non_workbook_is_ignored(qtbot, main_window, tmp_path):
    text = tmp_path / "notes.txt"
    text.write_text("x")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(text))])
    event = QDropEvent(
        QPoint(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    main_window.dropEvent(event)
    assert main_window.findChildren(ImportWizard) == []
