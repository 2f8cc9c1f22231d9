"""The File menu: new, open, recent, import, export, quit — and the file dialogs they ask
with. What they start is the controller's."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

from stuurploeg.gui.controller import WorkspaceController
from stuurploeg.gui.settings import Settings

if TYPE_CHECKING:
    # imported where a file is asked for: PySide6 builds QFileDialog's enums at its
    # import, which the first window does not need (start-up time)
    from PySide6.QtWidgets import QFileDialog

WORKBOOK_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".ods")


class FileActions(QObject):
    """Owns the File menu's actions and asks for files; the controller does the rest."""

    import_requested = Signal(object)  # Path or None (ask): the window opens the wizard

    def __init__(
        self, window: QMainWindow, controller: WorkspaceController, settings: Settings
    ) -> None:
        super().__init__(window)
        self.window = window
        self.controller = controller
        self.settings = settings
        self.menu = QMenu(self.tr("&File"), window)
        self.export_dialog: QFileDialog | None = None  # the one asked last
        # Asked before another workspace replaces the open one (the window sets it to the
        # reminder of drafts): True holds the switch, which it then makes itself or not.
        self.hold_close: Callable[[Callable[[], object]], bool] = lambda _go_on: False

        def action(
            text: str, shortcut: QKeySequence | QKeySequence.StandardKey, slot: Callable[[], object]
        ) -> QAction:
            a = QAction(text, window)
            a.setShortcut(shortcut)
            a.triggered.connect(slot)
            return a

        self.new = action(self.tr("&New workspace…"), QKeySequence.StandardKey.New, self.ask_new)
        self.open = action(
            self.tr("&Open workspace…"), QKeySequence.StandardKey.Open, self.ask_open
        )
        self.recent_menu = QMenu(self.tr("Recent &workspaces"), self.menu)
        self.import_ = action(
            self.tr("&Import workbook…"),
            QKeySequence("Ctrl+I"),
            lambda: self.import_requested.emit(None),
        )
        self.export = action(
            self.tr("&Export decision list…"), QKeySequence("Ctrl+E"), self.ask_export
        )
        self.quit = action(self.tr("&Quit"), QKeySequence.StandardKey.Quit, window.close)
        self.quit.setMenuRole(QAction.MenuRole.QuitRole)

        for a in (self.new, self.open):
            self.menu.addAction(a)
        self.menu.addMenu(self.recent_menu)
        self.menu.addSeparator()
        self.menu.addAction(self.import_)
        self.menu.addAction(self.export)
        self.menu.addSeparator()
        self.menu.addAction(self.quit)
        self.recent_menu.aboutToShow.connect(self.fill_recent)
        controller.opened.connect(lambda _path: self.export.setEnabled(True))
        controller.closed.connect(lambda: self.export.setEnabled(False))
        self.export.setEnabled(controller.has_workspace)
        self.fill_recent()

    def fill_recent(self) -> None:
        self.recent_menu.clear()
        recent = self.settings.recent_workspaces()
        for path in recent:
            a = self.recent_menu.addAction(str(path))
            a.triggered.connect(lambda _checked=False, p=path: self.switch_to(p))
        if not recent:
            empty = self.recent_menu.addAction(self.tr("(none)"))
            empty.setEnabled(False)

    def switch_to(self, path: Path, *, new: bool = False) -> None:
        """Open (or create) ``path`` in place of the open workspace, after the reminder of
        drafts not yet vastgesteld when there are any."""

        def go_on() -> None:
            (self.controller.create if new else self.controller.open)(path)

        if not self.hold_close(go_on):
            go_on()

    # -- asking for files (window-modal, never exec(): the event loop keeps running) -----
    def _ask(self, title: str, name_filter: str, chosen: Callable[[Path], object]) -> QFileDialog:
        from PySide6.QtWidgets import QFileDialog

        dialog = QFileDialog(self.window, title)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.setNameFilter(name_filter)
        dialog.fileSelected.connect(lambda p: chosen(Path(p)))
        return dialog

    def ask_open(self) -> QFileDialog:
        dialog = self._ask(
            self.tr("Open workspace"), self.tr("Workspaces (*.stuurploeg)"), self.switch_to
        )
        dialog.setFileMode(dialog.FileMode.ExistingFile)
        dialog.open()
        return dialog

    def ask_new(self) -> QFileDialog:
        dialog = self._ask(
            self.tr("New workspace"),
            self.tr("Workspaces (*.stuurploeg)"),
            lambda p: self.switch_to(p, new=True),
        )
        dialog.setAcceptMode(dialog.AcceptMode.AcceptSave)
        dialog.setDefaultSuffix("stuurploeg")
        dialog.open()
        return dialog

    def ask_export(self) -> QFileDialog:
        """Where to write the besluitenlijst of the current meeting."""
        day = self.controller.meeting.day
        dialog = self._ask(
            self.tr("Export decision list"),
            self.tr("Excel workbooks (*.xlsx)"),
            lambda out: self.controller.export(out, day),
        )
        dialog.setAcceptMode(dialog.AcceptMode.AcceptSave)
        dialog.setDefaultSuffix("xlsx")
        workspace = self.controller.path
        if workspace is not None:  # beside the workspace, unless the user goes elsewhere
            dialog.setDirectory(str(workspace.parent))
        dialog.selectFile(suggested_export_name(day))
        self.export_dialog = dialog
        dialog.open()
        return dialog


def suggested_export_name(day: date) -> str:
    """``besluitenlijst-JJJJ-MM-DD.xlsx`` for the meeting of ``day``."""
    return f"besluitenlijst-{day.isoformat()}.xlsx"


def is_workbook(path: Path) -> bool:
    return path.suffix.lower() in WORKBOOK_SUFFIXES
