"""``stuurploeg open --smoke-report S``: what a started app shows, as one JSON line.

A check from outside (``make package-test`` on the built bundle) cannot look at the
screen, so the app, started as a user starts it, says what it shows: after the sample (or
given) workspace has loaded and at least ``S`` seconds have passed, it prints
``STUURPLOEG-SMOKE {json}`` on stdout, or writes the JSON to ``--smoke-out FILE`` (the
windowed Windows program has no stdout), and quits. The report holds the window title and
menu titles as shown (so the checker can see that they are Dutch), what was loaded, where
the translation and the sample data were found, and any message box on screen. It reads
the window only. A smoke run keeps its settings in the data folder
(``STUURPLOEG_DATA_DIR``), never in the user's own.
"""

from __future__ import annotations

import json
import sys
import time
import traceback
from pathlib import Path
from typing import Any

PREFIX = "STUURPLOEG-SMOKE "
LOAD_TIMEOUT_SECONDS = 90.0
POLL_MS = 100


def prepare() -> None:
    """Settings as INI files in the data folder: a smoke run never touches the user's."""
    from stuurploeg.gui.paths import data_folder
    from stuurploeg.gui.settings import use_settings_folder

    use_settings_folder(data_folder() / "smoke-settings")


def install(seconds: float, out: Path | None = None) -> None:
    """Arm the report on the running QApplication (call before its event loop starts)."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    started = time.monotonic()
    timer = QTimer(app)
    timer.setInterval(POLL_MS)

    def poll() -> None:
        window = _main_window()
        waited = time.monotonic() - started
        loaded = window is not None and _loaded(window)
        if waited < seconds or (not loaded and waited < seconds + LOAD_TIMEOUT_SECONDS):
            return
        timer.stop()
        try:
            report = collect(window, waited)
            code = 0
        except Exception:  # the report must come out, and say what went wrong
            report = {"error": traceback.format_exc()}
            code = 3
        text = json.dumps(report, ensure_ascii=False)
        if out is not None:
            out.write_text(text + "\n", encoding="utf-8")
        else:
            print(PREFIX + text, flush=True)
        if window is not None:
            window.close()
        app.exit(code)

    timer.timeout.connect(poll)
    timer.start()


def _main_window() -> Any | None:
    from PySide6.QtWidgets import QApplication, QMainWindow

    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QMainWindow) and widget.objectName() == "MainWindow":
            return widget
    return None


def _loaded(window: Any) -> bool:
    controller = window.controller
    return bool(controller.cases) and controller.ranking is not None and not controller.is_busy


def collect(window: Any | None, waited: float) -> dict[str, Any]:
    from PySide6.QtCore import QLibraryInfo, QSettings
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QApplication, QMessageBox

    from stuurploeg import version
    from stuurploeg.gui.paths import (
        data_folder,
        qt_translation_file,
        resources_dir,
        sample_data_dir,
        sample_files,
        translation_file,
    )

    qt_translations = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    report: dict[str, Any] = {
        "version": version(),
        "frozen": bool(getattr(sys, "frozen", False)),
        "executable": sys.executable,
        "bundle_dir": getattr(sys, "_MEIPASS", None),
        "platform": QGuiApplication.platformName(),
        "seconds_up": round(waited, 1),
        "resources_dir": str(resources_dir()),
        "translation_file": str(translation_file()),
        "translation_found": translation_file().is_file(),
        "qt_translations_dir": str(qt_translations),
        # Qt's Dutch: Qt's own when it has it, else the copy we ship (the app loads either).
        "qtbase_nl_file": str(
            qt_translations / "qtbase_nl.qm"
            if (qt_translations / "qtbase_nl.qm").is_file()
            else qt_translation_file()
        ),
        "qtbase_nl_found": (qt_translations / "qtbase_nl.qm").is_file()
        or qt_translation_file().is_file(),
        "sample_data_dir": str(sample_data_dir()),
        "sample_files_found": all(p.is_file() for p in sample_files()),
        "data_folder": str(data_folder()),
        "settings_file": QSettings().fileName(),
        "message_boxes": [
            {"title": w.windowTitle(), "text": w.text()}
            for w in QApplication.topLevelWidgets()
            if isinstance(w, QMessageBox) and w.isVisible()
        ],
        "charts_loaded": "pyqtgraph" in sys.modules,
        "window": None,
    }
    if window is None:
        return report
    controller = window.controller
    report["window"] = {
        "title": window.windowTitle(),
        "menus": [a.text() for a in window.menuBar().actions() if a.text()],
        "docks": [d.windowTitle() for d in window.docks.values()],
        "status": window.status_label.text(),
        "workspace": str(controller.path) if controller.path else None,
        "cases": len(controller.cases),
        "ranked": len(controller.ranking.entries) if controller.ranking is not None else 0,
        "planned": controller.proposal is not None,
    }
    report["about"] = _about()
    return report


def _about() -> dict[str, Any]:
    """The Over-dialog built in this process: its Dutch text and that its icon was found."""
    from stuurploeg.gui.about import AboutDialog

    dialog = AboutDialog()
    try:
        return {
            "title": dialog.windowTitle(),
            "heading": dialog.title_label.text(),
            "icon_found": not dialog.icon_label.pixmap().isNull(),
        }
    finally:
        dialog.deleteLater()
