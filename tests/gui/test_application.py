"""Start-up pieces: log file in the data folder, excepthook shows one Dutch message."""

from __future__ import annotations

import logging
import sys

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

from stuurploeg.gui.application import ExceptionHandler, setup_logging
from stuurploeg.gui.paths import data_folder

pytestmark = pytest.mark.gui


def test_log_goes_to_the_isolated_data_folder(tmp_path):
    assert data_folder() == tmp_path / "data"
    path = setup_logging()
    logging.getLogger("stuurploeg").info("hallo")
    assert path.parent == tmp_path / "data"
    assert "hallo" in path.read_text(encoding="utf-8")


def test_unexpected_exception_is_logged_and_shown_once(qtbot, tmp_path):
    path = setup_logging()
    handler = ExceptionHandler(path)
    handler.install()
    try:
        for _ in range(2):
            try:
                raise RuntimeError("onverwacht")
            except RuntimeError:
                sys.excepthook(*sys.exc_info())
        qtbot.waitUntil(lambda: handler.shown, timeout=2000)
        boxes = [
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, QMessageBox) and w.isVisible()
        ]
        assert len(boxes) == 1
        assert boxes[0].windowTitle() == "Onverwachte fout"
        assert str(path) in boxes[0].text()
        assert "Traceback" not in boxes[0].text()
        boxes[0].close()
    finally:
        handler.uninstall()
    assert handler.count == 2
    assert path.read_text(encoding="utf-8").count("RuntimeError: onverwacht") == 2


@pytest.mark.slow
def test_first_window_imports_nothing_heavy(tmp_path):
    """Start-up speed guard: pandas, numpy, pyqtgraph, openpyxl, ortools come later."""
    import os
    import subprocess

    code = (
        "import sys, pathlib\n"
        "from stuurploeg.gui.settings import use_settings_folder\n"
        f"use_settings_folder(pathlib.Path({str(tmp_path)!r}))\n"
        "from stuurploeg.gui.application import build_application\n"
        "from stuurploeg.gui.main_window import MainWindow\n"
        "app = build_application(); w = MainWindow(); w.show(); app.processEvents()\n"
        "heavy = ('numpy', 'pandas', 'pyqtgraph', 'openpyxl', 'ortools')\n"
        "print(','.join(m for m in heavy if m in sys.modules))\n"
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=60
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == ""


def test_unexpected_worker_errors_reach_the_user_without_internals():
    from stuurploeg.gui.errors import user_message

    text = user_message(KeyError("case_id"))
    assert "KeyError" in text and "case_id" not in text and "logbestand" in text
    from stuurploeg.domain.progress import Cancelled

    assert user_message(Cancelled("Gestopt")) == "Gestopt"  # our own: shown as it is
