"""Start-up guards: what the first window and the first ranking do *not* load, and the
parts built on first use (meeting room, Scenarios panel) showing what they would have
shown had they been built with the window. No time bounds: `python -m benchmarks scale`
measures the time (docs/performance.md)."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest

from tests.gui.factories import make_capacity, make_cases
from tests.gui.fixtures import make_workspace, open_in

pytestmark = pytest.mark.gui

# Not needed to show the window; each is imported where first used.
NOT_BEFORE_THE_WINDOW = (
    "numpy",
    "pandas",
    "pyqtgraph",
    "openpyxl",
    "ortools",
    "stuurploeg.app",
    "stuurploeg.store",
    "stuurploeg.domain.decisions",  # read by the workspace's worker; the window names its types
    "stuurploeg.domain.planning",
    "stuurploeg.domain.scoring",
    "stuurploeg.gui.about",
    "stuurploeg.gui.controller.meeting",
    "stuurploeg.gui.controller.scenario_drafts",  # the scenario editor's drafts
    "stuurploeg.gui.docks.decisions",  # the Besluiten panel, behind the case detail tab
    "stuurploeg.gui.docks.decision_list",
    "stuurploeg.gui.importing.wizard",
    "stuurploeg.gui.meeting.keymap",
    "stuurploeg.gui.meeting.room",
    "stuurploeg.gui.planboard.panel",  # the Planbord, behind the Capacity tab
    "stuurploeg.gui.planning.dialog",
    "stuurploeg.gui.ranking.position",
    "stuurploeg.gui.scenarios.panel",
    "logging.handlers",  # the log file rotates without it (socket, pickle, queue)
    "hashlib",  # decisions are hashed where recorded, not shown
    "json",
)

_WINDOW = """
import sys, pathlib
from stuurploeg.gui.settings import use_settings_folder
use_settings_folder(pathlib.Path(sys.argv[1]))
from stuurploeg.gui.application import ExceptionHandler, build_application, setup_logging
from stuurploeg.gui.main_window import MainWindow
app = build_application()
ExceptionHandler(setup_logging(pathlib.Path(sys.argv[1])), app).install()
w = MainWindow(); w.show(); app.processEvents()
from PySide6 import QtCore, QtGui, QtWidgets
print("built elsewhere:" + ",".join([*QtCore.__dict__, *QtGui.__dict__]))
print("built:" + ",".join(QtWidgets.__dict__))
print("loaded:" + ",".join(m for m in sys.argv[2].split(",") if m in sys.modules))
"""

# The first ranking of a workspace: what is loaded when it is shown (before the scenario
# listing and the plan, which come after it and need the planning engine).
_FIRST_RANKING = """
import sys, pathlib, time
from stuurploeg.gui.settings import use_settings_folder
use_settings_folder(pathlib.Path(sys.argv[1]))
from stuurploeg.gui.application import build_application
from stuurploeg.gui.main_window import MainWindow
app = build_application()
w = MainWindow(); w.show(); app.processEvents()
seen = []
w.controller.ranking_changed.connect(
    lambda: seen or seen.append([m for m in sys.argv[3].split(",") if m in sys.modules]))
w.start(pathlib.Path(sys.argv[2]))
deadline = time.monotonic() + 60
while not seen and time.monotonic() < deadline:
    app.processEvents(); time.sleep(0.005)
print("rows", w.ranking_view.model.rowCount())
print("loaded:" + ",".join(seen[0] if seen else ["(no ranking)"]))
"""


def _run(code: str, *args: str) -> list[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    out = subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, env=env, timeout=120
    )
    assert out.returncode == 0, out.stderr
    return out.stdout.strip().splitlines()


def _loaded(lines: list[str], names: tuple[str, ...]) -> list[str]:
    """Which of ``names`` (a module or a package) the child reported as loaded."""
    return [n for n in names if n in lines[-1].removeprefix("loaded:").split(",")]


@pytest.mark.slow
def test_the_window_shows_without_the_parts_it_does_not_show(tmp_path):
    """As run_app starts: log file, exception handler, window. Packages are checked by
    their top module (``stuurploeg.app`` is loaded with any app module)."""
    lines = _run(_WINDOW, str(tmp_path), ",".join(NOT_BEFORE_THE_WINDOW))
    assert _loaded(lines, NOT_BEFORE_THE_WINDOW) == [], lines


@pytest.mark.slow
def test_the_window_does_not_make_pyside_build_every_widget_class(tmp_path):
    """PySide6 builds a class (and its enums) when first used. Handing Python a widget
    C++ made (a table's own viewport) makes it build every QWidget class it has not yet
    built (17-55 ms here): dialogs the window never shows must not be among them."""
    lines = _run(_WINDOW, str(tmp_path), "")
    built = set(lines[-2].removeprefix("built:").split(","))
    assert "QTableView" in built, lines  # the check sees what was built
    assert built.isdisjoint({"QWizard", "QFontDialog", "QColorDialog", "QMdiArea"}), built


@pytest.mark.slow
def test_the_window_does_not_build_the_classes_only_an_action_uses(tmp_path):
    """The file dialog (File menu), the input dialog (Save weighting as…), the URL of
    "Open folder", the brush of a plan cell out of the plan (none in an empty window) and
    the image of a badge are imported where first used: PySide6 builds a class's enums
    when it is imported (QFileDialog's, QUrl's, QImage's), or at its first construction
    (QBrush: QGradient's and QImage's)."""
    lines = _run(_WINDOW, str(tmp_path), "")
    built = set(lines[-2].removeprefix("built:").split(","))
    built |= set(lines[-3].removeprefix("built elsewhere:").split(","))
    assert {"QTableView", "QColor"} <= built, lines  # the check sees what was built
    late = {"QFileDialog", "QInputDialog", "QUrl", "QDesktopServices", "QImage", "QGradient"}
    assert built.isdisjoint(late), built & late


def test_the_ranglijst_has_a_viewport_made_by_python_set_up_as_qts_own(main_window):
    from PySide6.QtGui import QPalette
    from shiboken6 import Shiboken

    viewport = main_window.ranking_view.table.viewport()
    assert Shiboken.createdByPython(viewport)
    assert viewport.backgroundRole() == QPalette.ColorRole.Base
    assert viewport.autoFillBackground()


@pytest.mark.slow
def test_the_first_ranking_shows_before_the_planning_engine_is_loaded(tmp_path):
    path = make_workspace(tmp_path / "werk.stuurploeg", make_cases(30, seed=3))
    heavy = ("stuurploeg.domain.planning", "pandas", "openpyxl", "ortools", "pyqtgraph",
             "stuurploeg.gui.controller.scenario_drafts")
    lines = _run(_FIRST_RANKING, str(tmp_path / "settings"), str(path), ",".join(heavy))
    assert lines[0] == "rows 30", lines
    assert _loaded(lines, heavy) == [], lines


def test_the_meeting_room_is_built_when_first_shown_and_keeps_the_meeting(
    qtbot, main_window, tmp_path, sample_data
):
    window = main_window
    cases, capacity = sample_data
    open_in(qtbot, window.controller, make_workspace(tmp_path / "v.stuurploeg", cases, capacity))
    assert window._meeting_room is None  # not built with the window
    # The meeting's day chosen in the Decisions dock, and a case selected, before the room
    # exists: the room built afterwards shows both, as one built with the window would.
    fields = window.decisions_panel.meeting_fields
    day = fields.meeting_day() + timedelta(days=3)
    fields.day.setDate(day)
    case_id = window.ranking_view.model.case_id_at(0)
    window.ranking_view.table.select_case(case_id)
    qtbot.waitUntil(lambda: window.controller.selected_case_id == case_id)

    window.set_meeting_mode(True)
    room = window.meeting_room
    assert window.layouts.currentWidget() is room
    assert window.controller.meeting.day == day
    assert room.meeting_fields.meeting_day() == day
    assert fields.meeting_day() == day
    assert room.summary.title.text().startswith(case_id)
    assert case_id in room.form.case_label.text()
    # and it is wired like before: Esc in its form goes back to the ranking
    room.form.cancelled.emit()
    assert window.ranking_view.table.hasFocus() or not window.isActiveWindow()


@pytest.fixture
def opened(qtbot, main_window, tmp_path):
    """The window on 20 fictional cases, in the preparation layout, the keyboard in it."""
    from PySide6.QtWidgets import QApplication

    from tests.gui.factories import make_capacity
    from tests.gui.fixtures import HANG_GUARD_MS

    window = main_window
    path = make_workspace(tmp_path / "w.stuurploeg", make_cases(20), make_capacity())
    open_in(qtbot, window.controller, path)
    assert not window.meeting_mode
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=HANG_GUARD_MS)
    return window


def test_the_decisions_panel_is_built_when_its_tab_is_chosen(qtbot, opened):
    """Behind the case detail tab it is not built; chosen, it is built once, in its dock,
    showing the case selected before and the meeting's list; Tab runs search → ranking
    → its form → save → round again, as with a panel built with the window."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication, QWidget

    window = opened
    assert window._decisions_panel is None
    view = window.ranking_view
    case_id = view.model.case_id_at(0)  # a take-up: kind, team, week, fte
    view.table.select_case(case_id)
    qtbot.waitUntil(lambda: window.controller.selected_case_id == case_id)
    assert window._decisions_panel is None  # selecting a case does not build it

    dock = window.docks["decisions"]
    dock.raise_()
    qtbot.waitUntil(lambda: window._decisions_panel is not None)
    panel = window.decisions_panel
    assert window.decisions_panel is panel  # built once
    assert dock.widget().widget() is panel
    qtbot.waitUntil(panel.isVisible)
    assert case_id in panel.case_label.text()
    assert panel.record_button.isEnabled()  # it reads the open workspace when built
    assert window.decision_form is panel.decision_form

    def tab() -> QWidget:
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        return QApplication.focusWidget()

    view.search.setFocus()
    assert tab() is view.table
    form = panel.decision_form
    seen = [tab() for _ in range(7)]
    assert seen == [form.kind, form.team, form.start, form.fte, form.motivation, form.inform,
                    form.record_button]  # fmt: skip
    assert tab() is view.search  # round again


def test_enter_on_a_case_builds_the_decisions_panel_and_goes_to_its_form(qtbot, opened):
    from PySide6.QtCore import Qt

    window = opened
    view = window.ranking_view
    case_id = view.model.case_id_at(1)
    view.table.select_case(case_id)
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window._decisions_panel is not None)
    form = window.decisions_panel.decision_form
    qtbot.waitUntil(form.kind.hasFocus)
    assert case_id in form.case_label.text()
    # wired as before: a recorded draft is said in the status bar, Esc goes back
    window.decisions_panel.by.setText("mensenhandelofficier")
    assert form.record()
    assert window.status_label.text()
    form.cancelled.emit()
    assert view.table.hasFocus()


def test_a_window_restored_with_the_decisions_tab_in_front_builds_it_when_shown(qtbot):
    from stuurploeg.gui.main_window import MainWindow

    first = MainWindow()
    qtbot.addWidget(first)
    first.show()
    first.docks["decisions"].raise_()
    qtbot.waitUntil(lambda: first._decisions_panel is not None)
    first.close()  # saves the dock layout with the Decisions tab in front
    second = MainWindow()
    qtbot.addWidget(second)
    assert second._decisions_panel is None  # not before it is shown
    second.show()
    qtbot.waitUntil(lambda: second._decisions_panel is not None)
    assert second.docks["decisions"].widget().widget() is second.decisions_panel
    second.close()


def test_panels_built_late_show_the_meeting_day_chosen_and_do_not_change_it(
    qtbot, main_window
):
    """The meeting fields start at the controller's meeting: building the Decisions
    panel or the meeting room after a day was chosen neither shows nor sets today."""
    window = main_window
    day = window.controller.meeting.day - timedelta(days=9)
    window.controller.set_meeting_day(day)
    changes: list[object] = []
    window.controller.meeting_changed.connect(lambda: changes.append(window.controller.meeting.day))
    panel = window.decisions_panel
    assert panel.meeting_day() == day and window.controller.meeting.day == day
    room = window.meeting_room
    assert room.meeting_fields.meeting_day() == day and window.controller.meeting.day == day
    assert changes == []  # nothing was pushed into the controller


def test_the_scenario_panel_is_built_when_its_dock_shows(qtbot, main_window, tmp_path):
    window = main_window
    open_in(qtbot, window.controller, make_workspace(tmp_path / "w.stuurploeg", make_cases(5)))
    assert window._scenario_panel is None  # behind the Capacity tab
    dock = window.docks["scenarios"]
    dock.raise_()
    qtbot.waitUntil(lambda: window._scenario_panel is not None)
    panel = window.scenario_panel
    assert dock.widget().widget() is panel and panel.isVisible()
    assert panel.new_button.isEnabled()  # it reads the open workspace when built


def test_the_planboard_is_built_when_its_dock_shows_and_draws_the_plan_then(
    qtbot, main_window, tmp_path
):
    """Behind the Capacity tab at start: the first plan no longer builds its Gantt and
    load map (pyqtgraph) while nobody sees them; shown, it draws the plan on screen."""
    window = main_window
    path = make_workspace(tmp_path / "w.stuurploeg", make_cases(8), make_capacity())
    open_in(qtbot, window.controller, path)
    qtbot.waitUntil(lambda: window.controller.proposal is not None
                    and not window.controller.planning)  # fmt: skip
    assert window._planboard_panel is None
    dock = window.docks["planboard"]
    dock.raise_()
    qtbot.waitUntil(lambda: window._planboard_panel is not None)
    panel = window.planboard_panel
    assert dock.widget().widget() is panel and panel.isVisible()
    assert panel.gantt is not None and panel.load_map is not None  # the plan, drawn
    assert window.planboard_panel is panel  # built once


def test_the_scenario_panel_can_be_asked_for_before_its_dock_shows(main_window):
    panel = main_window.scenario_panel
    assert main_window.docks["scenarios"].widget().widget() is panel
    assert main_window.scenario_panel is panel  # built once


def test_log_setup_still_rotates(tmp_path):
    """The log file rotates without logging.handlers (not imported before the window)."""
    import logging

    from stuurploeg.gui.application import RotatingLog, log, setup_logging

    path = setup_logging(Path(tmp_path))
    try:
        handlers = [h for h in log.handlers if isinstance(h, RotatingLog)]
        assert [Path(h.baseFilename) for h in handlers] == [path]
        small = RotatingLog(tmp_path / "klein.log", max_bytes=200, backup_count=2)
        small.setFormatter(logging.Formatter("%(message)s"))
        for n in range(20):
            small.handle(logging.LogRecord("t", logging.INFO, "", 0, f"regel {n:02d} " + "x" * 40,
                                           None, None))
        small.close()
        kept = sorted(p.name for p in tmp_path.glob("klein.log*"))
        assert kept == ["klein.log", "klein.log.1", "klein.log.2"]
        assert all(p.stat().st_size < 200 for p in tmp_path.glob("klein.log*"))
        newest = (tmp_path / "klein.log").read_text(encoding="utf-8")
        assert "regel 19" in newest and "regel 18" in (tmp_path / "klein.log.1").read_text(
            encoding="utf-8") + newest
    finally:
        for h in list(log.handlers):
            if isinstance(h, RotatingLog):
                log.removeHandler(h)
                h.close()


def test_the_safety_checks_run_in_a_worker_after_the_first_workspace(
    qtbot, main_window, tmp_path, monkeypatch
):
    """They import openpyxl (and numpy): off the GUI thread, once the first workspace is
    shown; a failure is still said and the app quits when it has been read."""
    import threading

    from PySide6.QtWidgets import QApplication

    from stuurploeg.gui import application

    window = main_window
    ran: list[tuple[bool, bool]] = []

    def problem() -> str:
        ran.append((threading.current_thread() is threading.main_thread(),
                    window.controller.has_workspace))  # fmt: skip
        return "defusedxml ontbreekt"

    monkeypatch.setattr(window.controller, "installation_problem", problem)
    # the latest start far off: a slow open on a loaded machine must not reach it
    monkeypatch.setattr(application, "SAFETY_CHECK_LATEST_MS", 600_000)
    quits: list[bool] = []
    monkeypatch.setattr(QApplication, "quit", lambda: quits.append(True))
    application._refuse_unsafe_install(window)
    qtbot.wait(50)
    assert ran == []  # not before the workspace
    open_in(qtbot, window.controller, make_workspace(tmp_path / "w.stuurploeg", make_cases(5)))
    qtbot.waitUntil(lambda: bool(ran), timeout=5000)
    assert ran == [(False, True)]  # in a worker, with the workspace shown
    qtbot.waitUntil(lambda: getattr(window.notices, "problem_box", None) is not None)
    box = window.notices.problem_box
    assert "defusedxml ontbreekt" in box.text() and box.isVisible()
    box.accept()
    qtbot.waitUntil(lambda: quits == [True])


def test_the_safety_checks_run_at_the_latest_without_a_workspace(
    qtbot, main_window, monkeypatch
):
    """No workspace shown (none opens, or its opening hangs): the checks still run, in a
    worker, once the latest start has passed; a pass says nothing."""
    import threading

    from PySide6.QtWidgets import QApplication

    from stuurploeg.gui import application

    window = main_window
    ran: list[tuple[bool, bool]] = []

    def problem() -> str | None:
        ran.append((threading.current_thread() is threading.main_thread(),
                    window.controller.has_workspace))  # fmt: skip
        return None

    monkeypatch.setattr(window.controller, "installation_problem", problem)
    monkeypatch.setattr(application, "SAFETY_CHECK_LATEST_MS", 50)
    quits: list[bool] = []
    monkeypatch.setattr(QApplication, "quit", lambda: quits.append(True))
    application._refuse_unsafe_install(window)
    qtbot.waitUntil(lambda: bool(ran), timeout=5000)
    assert ran == [(False, False)]  # in a worker, with no workspace
    qtbot.wait(100)
    assert ran == [(False, False)]  # once
    assert getattr(window.notices, "problem_box", None) is None and quits == []


def test_openblas_runs_one_thread_unless_the_user_chose(qapp, monkeypatch):
    """build_application sets it before numpy is imported (after the window): OpenBLAS
    would start a thread pool for the app's small mat-vecs. A value set is kept."""
    from stuurploeg.gui.application import build_application

    monkeypatch.delenv("OPENBLAS_NUM_THREADS", raising=False)
    assert build_application() is qapp
    assert os.environ["OPENBLAS_NUM_THREADS"] == "1"
    monkeypatch.setenv("OPENBLAS_NUM_THREADS", "4")
    build_application()
    assert os.environ["OPENBLAS_NUM_THREADS"] == "4"


def test_the_cheaper_import_check_answers_as_pysides_own():
    """gui/import_check.py replaces PySide6's check of each imported module (does it use
    PySide6?) with one that reads the file's bytes: the same answer for every module."""
    import inspect

    from stuurploeg.gui import import_check

    def pysides(module) -> bool:  # the check as PySide6 6.x makes it
        try:
            source = inspect.getsource(module)
        except (TypeError, OSError, SyntaxError):
            return False
        return "PySide6" in source

    feature = sys.modules["shibokensupport.feature"]
    assert feature._mod_uses_pyside is import_check._uses_pyside
    modules = [m for m in list(sys.modules.values()) if isinstance(m, type(sys))]
    assert len(modules) > 100
    differ = [m.__name__ for m in modules if import_check._uses_pyside(m) != pysides(m)]
    assert differ == []
    assert import_check._uses_pyside(sys.modules["stuurploeg.gui.main_window"])
    assert not import_check._uses_pyside(sys.modules["stuurploeg.domain.model"])


def test_the_backup_of_an_opening_follows_the_first_ranking(qtbot, tmp_path, sample_data):
    """Opened in the app, the workspace is shown before its backup is made; the backup
    follows in a worker, and it is the workspace as opened."""
    import sqlite3

    from stuurploeg.gui.controller import WorkspaceController
    from stuurploeg.gui.settings import Settings
    from stuurploeg.store.backups import list_backups

    cases, capacity = sample_data
    path = make_workspace(tmp_path / "regio.stuurploeg", cases, capacity)
    before = list_backups(path)
    controller = WorkspaceController(Settings())
    at_ranking: list[int] = []
    controller.ranking_changed.connect(
        lambda: at_ranking or at_ranking.append(len(list_backups(path))))
    try:
        open_in(qtbot, controller, path, planned=False)
        ws = controller.workspace
        assert at_ranking == [len(before)]  # shown first
        qtbot.waitUntil(lambda: not ws.backup_due, timeout=10_000)
        made = ws.last_backup
        assert made is not None and list_backups(path) == [*before, made]
        copy = sqlite3.connect(made)
        try:
            assert copy.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            assert copy.execute("SELECT COUNT(*) FROM cases").fetchone()[0] == len(cases)
        finally:
            copy.close()
    finally:
        controller.close()


def test_a_change_right_after_opening_is_backed_up_first(qtbot, tmp_path, sample_data):
    from stuurploeg.gui.controller import WorkspaceController
    from stuurploeg.gui.settings import Settings
    from stuurploeg.store.backups import list_backups

    cases, capacity = sample_data
    path = make_workspace(tmp_path / "regio.stuurploeg", cases, capacity)
    count = len(list_backups(path))
    controller = WorkspaceController(Settings())
    try:
        open_in(qtbot, controller, path, planned=False)
        ws = controller.workspace
        assert ws.backup_due  # the worker has not begun yet
        ws.save_profile("eigen", {"urgency": 1.0})  # as a weight change stored at once
        assert not ws.backup_due and len(list_backups(path)) == count + 1
        qtbot.wait(400)  # the worker's turn comes and finds nothing to do
        assert len(list_backups(path)) == count + 1
    finally:
        controller.close()
