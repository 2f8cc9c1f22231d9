"""GUI fixtures: isolated settings and data folder, the translated app, leak checks."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QApplication

from stuurploeg.gui.application import build_application
from stuurploeg.gui.settings import use_settings_folder


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
    assert pool.waitForDone(10_000), "worker threads still running after the test"
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
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    yield window
    window.close()
    QThreadPool.globalInstance().waitForDone(10_000)


@pytest.fixture(scope="session")
def sample_data():
    """The sample workbooks read once through the import layer: (cases, capacity)."""
    pytest.importorskip("stuurploeg.app.importing")
    from stuurploeg.app.importing import check_file
    from stuurploeg.gui.startup import sample_files

    cases_file, capacity_file = sample_files()
    return check_file(cases_file, "cases").cases, check_file(capacity_file, "capacity").capacity
