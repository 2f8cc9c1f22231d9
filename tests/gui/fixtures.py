"""GUI fixtures: isolated settings and data folder, the translated app, leak checks, and
real workspaces in ``tmp_path``."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QApplication

from stuurploeg.gui.application import build_application
from stuurploeg.gui.paths import sample_files
from stuurploeg.gui.settings import use_settings_folder

#: a hang guard for waits on real work (opening, planning): generous, never what is tested
HANG_GUARD_MS = 120_000


@pytest.fixture(scope="session", autouse=True)
def stuurploeg_app(qapp):
    """The test QApplication with our names and the Dutch translation, as the app has."""
    return build_application()


@pytest.fixture(autouse=True)
def isolated_user_folders(tmp_path, monkeypatch):
    """Settings and the log go to tmp_path: tests never touch the user's own folders."""
    use_settings_folder(tmp_path / "settings")
    monkeypatch.setenv("STUURPLOEG_DATA_DIR", str(tmp_path / "data"))
    yield


@pytest.fixture(autouse=True)
def no_leaks(qapp):
    """Fail a test that leaves worker threads running or windows open."""
    yield
    pool = QThreadPool.globalInstance()
    assert pool.waitForDone(HANG_GUARD_MS), "worker threads still running after the test"
    assert pool.activeThreadCount() == 0
    qapp.processEvents()
    leaked = [w for w in QApplication.topLevelWidgets() if w.isVisible()]
    for w in leaked:
        w.close()
    assert not leaked, f"windows left open: {[type(w).__name__ for w in leaked]}"


@pytest.fixture
def main_window(qtbot):
    """A real main window (opt-in: it is the expensive fixture). Opens no data by itself."""
    from stuurploeg.gui.main_window import MainWindow

    window = MainWindow()
    # The workspace first: closing a window with drafts would ask first (a test of that
    # answers the box itself). pytest-qt closes its widgets before this fixture's teardown.
    qtbot.addWidget(window, before_close_func=lambda w: w.controller.close())
    window.show()
    qtbot.waitExposed(window)
    yield window
    window.controller.close()
    window.close()
    QThreadPool.globalInstance().waitForDone(HANG_GUARD_MS)


@pytest.fixture(scope="session")
def sample_data():
    """The sample workbooks read once through the import layer: (cases, capacity)."""
    from stuurploeg.app.importing import check_file

    cases_file, capacity_file = sample_files()
    return check_file(cases_file, "cases").cases, check_file(capacity_file, "capacity").capacity


@pytest.fixture
def sample_workspace(tmp_path, sample_data) -> Path:
    """A real workspace of the sample cases and capacity (closed): its path."""
    cases, capacity = sample_data
    return make_workspace(tmp_path / "regio.stuurploeg", cases, capacity)


def make_workspace(path: Path, cases, capacity=None) -> Path:
    """A real workspace at ``path`` holding ``cases`` (and ``capacity``), closed again."""
    from stuurploeg.app.workspace import create_workspace
    from tests.store.factories import source

    with create_workspace(path) as ws:
        ws.merge(
            cases=list(cases),
            cases_source=source("cases", len(cases)),
            capacity=capacity,
            capacity_source=None if capacity is None else source("capacity", len(capacity.teams)),
        )
    return path


def open_in(qtbot, controller, path: Path, *, planned: bool = True) -> None:
    """Open ``path`` through the controller and wait until it is shown (and planned)."""
    with qtbot.waitSignal(controller.opened, timeout=HANG_GUARD_MS):
        controller.open(path)
    if planned and controller.capacity is not None and controller.capacity.teams:
        qtbot.waitUntil(lambda: controller.proposal is not None, timeout=HANG_GUARD_MS)
