"""Application bootstrap: QApplication, Dutch translator, settings, log file, excepthook.

Only Qt and the window's own modules are imported here; numpy, pandas, pyqtgraph,
openpyxl and ortools are imported where first needed, so the first window shows quickly.
"""

from __future__ import annotations

import logging
import os
import sys
import threading
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import (
    QCoreApplication,
    QLibraryInfo,
    QLocale,
    QObject,
    Qt,
    QTimer,
    QTranslator,
    Signal,
)
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from stuurploeg.gui.errors import user_message
from stuurploeg.gui.main_window import MainWindow
from stuurploeg.gui.paths import (
    LOG_FILE_NAME,
    QT_TRANSLATION_NAME,
    data_folder,
    qt_translation_file,
    translation_file,
)
from stuurploeg.gui.settings import configure_application_names
from stuurploeg.gui.workers import shut_down, start_job

log = logging.getLogger("stuurploeg")


def install_qt_translation(app: QCoreApplication) -> Path | None:
    """Qt's own Dutch (standard buttons, file dialogs: "Annuleren", "Zoeken in:"): from Qt
    when it has it, else the copy we ship (the PySide6 wheels lack ``qtbase_nl.qm``).
    Returns the file loaded, None when neither is there (then Qt's dialogs stay English)."""
    qt_dir = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    for candidate in (qt_dir / QT_TRANSLATION_NAME, qt_translation_file()):
        translator = QTranslator(app)
        if candidate.is_file() and translator.load(str(candidate)):
            app.installTranslator(translator)
            return candidate
    log.warning("Qt-vertaling niet gevonden in %s of %s", qt_dir, qt_translation_file())
    return None


def install_translators(app: QCoreApplication) -> bool:
    """Load our Dutch translation (and Qt's own for standard buttons); True when ours loaded."""
    install_qt_translation(app)
    ours = QTranslator(app)
    if not ours.load(str(translation_file())):
        log.warning("Vertaling niet gevonden: %s", translation_file())
        return False
    app.installTranslator(ours)
    QLocale.setDefault(QLocale(QLocale.Language.Dutch, QLocale.Country.Netherlands))
    return True


class RotatingLog(logging.FileHandler):
    """A log file kept under ``max_bytes``, with ``backup_count`` older ones beside it
    (``.1`` the newest): the scheme of :class:`logging.handlers.RotatingFileHandler`,
    without importing :mod:`logging.handlers` (it brings socket, pickle and queue, about
    15 ms of every start before the window)."""

    def __init__(self, path: Path, max_bytes: int, backup_count: int) -> None:
        super().__init__(path, mode="a", encoding="utf-8")
        self.max_bytes = max_bytes
        self.backup_count = backup_count

    def emit(self, record: logging.LogRecord) -> None:
        # Handler.handle holds the handler's lock around this, as around the stdlib's
        try:
            if self._full(record):
                self._rotate()
        except Exception:
            self.handleError(record)
            return
        super().emit(record)

    def _full(self, record: logging.LogRecord) -> bool:
        if self.max_bytes <= 0:
            return False
        if self.stream is None:
            self.stream = self._open()
        self.stream.seek(0, 2)
        return self.stream.tell() + len(self.format(record)) + 1 >= self.max_bytes

    def _rotate(self) -> None:
        if self.stream is not None:
            self.stream.close()
            self.stream = None  # type: ignore[assignment]
        base = self.baseFilename
        for n in range(self.backup_count - 1, 0, -1):
            if os.path.exists(f"{base}.{n}"):
                os.replace(f"{base}.{n}", f"{base}.{n + 1}")
        if self.backup_count > 0 and os.path.exists(base):
            os.replace(base, f"{base}.1")
        self.stream = self._open()


def setup_logging(folder: Path | None = None) -> Path:
    """Log to a rotating file in the user's data folder; return the file's path."""
    folder = folder or data_folder()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / LOG_FILE_NAME
    for handler in list(log.handlers):
        if isinstance(handler, RotatingLog):
            log.removeHandler(handler)
            handler.close()
    handler = RotatingLog(path, max_bytes=1_000_000, backup_count=3)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    log.addHandler(handler)
    log.setLevel(logging.INFO)
    return path


class ExceptionHandler(QObject):
    """Logs unexpected exceptions and tells the user once, in Dutch, where the log is.

    Exceptions from worker threads are handed to the GUI thread through a queued signal.
    """

    caught = Signal(str)

    def __init__(self, log_path: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.log_path = log_path
        self.shown = False
        self.count = 0
        self._box: QMessageBox | None = None
        self.caught.connect(self._show, Qt.ConnectionType.QueuedConnection)

    def install(self) -> None:
        sys.excepthook = self.handle
        threading.excepthook = lambda a: self.handle(a.exc_type, a.exc_value, a.exc_traceback)

    def uninstall(self) -> None:
        sys.excepthook = sys.__excepthook__
        threading.excepthook = threading.__excepthook__

    def handle(
        self,
        exc_type: type[BaseException],
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            QCoreApplication.quit()
            return
        text = "".join(traceback.format_exception(exc_type, exc, tb))
        log.error("Onverwachte fout:\n%s", text)
        self.count += 1
        self.caught.emit(text)

    def _show(self, _text: str) -> None:
        if self.shown:
            return  # one message per session; the rest is in the log
        self.shown = True
        parent = QApplication.activeWindow()
        box = QMessageBox(parent)
        box.setIcon(QMessageBox.Icon.Critical)
        box.setWindowTitle(self.tr("Unexpected error"))
        box.setText(
            self.tr(
                "Something went wrong that Stuurploeg did not expect. Your data has been "
                "saved. Save your work, restart the app and, if it happens again, send "
                "the log file to your administrator:\n%1"
            ).replace("%1", str(self.log_path))
        )
        box.setStandardButtons(QMessageBox.StandardButton.Ok)
        box.setWindowModality(Qt.WindowModality.NonModal)
        self._box = box
        box.show()  # not exec(): never block, never hang a test


def build_application(argv: list[str] | None = None) -> QApplication:
    """Create (or reuse) the QApplication with names, high-DPI policy and translations."""
    # One OpenBLAS thread, unless the user chose otherwise. OpenBLAS reads this when
    # numpy is first imported, after the window shows (nothing before this imports it:
    # tests/gui/test_startup.py). The thread pool it starts there competed with the
    # opening worker and the GUI thread on 2 cores (about 50 ms of CPU before the first
    # ranking, docs/performance.md), for nothing: the app's only BLAS work is a mat-vec
    # of 6 criteria by the cases per re-rank. Child processes (import reader, solver)
    # inherit it; neither does BLAS work.
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    existing = QApplication.instance()
    if existing is None:
        QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
            Qt.HighDpiScaleFactorRoundingPolicy.PassThrough
        )
        configure_application_names()
        app = QApplication(argv if argv is not None else sys.argv[:1])
    else:
        app = existing  # type: ignore[assignment]
        configure_application_names()
    app.setApplicationDisplayName("Stuurploeg")
    if not app.property("stuurploeg_translated"):
        install_translators(app)
        app.setProperty("stuurploeg_translated", True)
    return app  # type: ignore[return-value]


def show_main_window(workspace: Path | None) -> MainWindow:
    """Create and show the main window; the workspace opens right after the first paint."""
    window = MainWindow()
    window.show()
    QTimer.singleShot(0, lambda: window.start(workspace))
    return window


#: the start-up safety checks begin this long after the first workspace is shown (or
#: failed to open), and at the latest this long after the window
SAFETY_CHECK_AFTER_OPEN_MS = 300
SAFETY_CHECK_LATEST_MS = 2000


def _refuse_unsafe_install(window: MainWindow) -> None:
    """Run the start-up safety checks once the window is up and its first workspace shown,
    in a worker: they import openpyxl, and with it numpy (about a second of CPU here),
    which on the GUI thread froze the new window and held up the first ranking. Nothing
    reads a workbook before then (the sample's are our own). When they fail, say why and
    quit once the user has read it."""
    controller = window.controller
    started = False

    def check() -> None:
        nonlocal started
        if started:
            return
        started = True
        start_job(
            lambda _state: controller.installation_problem(),
            on_result=lambda problem: _refuse(window, problem),
            # a check that could not run is no pass (it was logged by the worker)
            on_error=lambda exc: _refuse(window, user_message(exc)),
            parent=window,
        )

    def soon(*_args: object) -> None:
        QTimer.singleShot(SAFETY_CHECK_AFTER_OPEN_MS, window, check)

    controller.opened.connect(soon)
    controller.error.connect(soon)
    QTimer.singleShot(SAFETY_CHECK_LATEST_MS, window, check)  # not once the window is gone


def _refuse(window: MainWindow, problem: str | None) -> None:
    if problem is None:
        return
    log.error("Start-up check failed: %s", problem)
    box = window.notices.show_problem(problem)
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(QCoreApplication.translate("Application", "Stuurploeg cannot start safely"))
    box.finished.connect(lambda _result: QApplication.quit())


def run_app(workspace: Path | None) -> int:
    """The desktop app; returns the process exit code."""
    app = build_application(sys.argv[:1])
    log_path = setup_logging()
    handler = ExceptionHandler(log_path, app)
    handler.install()
    log.info("Stuurploeg gestart (werkruimte: %s)", workspace)
    window = show_main_window(workspace)
    _refuse_unsafe_install(window)
    try:
        return int(app.exec())
    finally:
        if not shut_down():
            log.warning("Bij het afsluiten stopte een lopende taak niet op tijd.")
        handler.uninstall()
        del window
