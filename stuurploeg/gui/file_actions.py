"""The File menu: new, open, recent, import, export, quit — and what they start."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

from stuurploeg.gui.session import layer_available
from stuurploeg.gui.settings import Settings

WORKBOOK_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".ods")
WORKSPACE_SUFFIX = ".stuurploeg"


class FileActions(QObject):
    """Owns the File menu's actions; the window connects the requests to its handlers."""

    new_requested = Signal()
    open_requested = Signal(object)  # Path or None (ask)
    import_requested = Signal(object)  # Path or None (ask)
    export_requested = Signal()

    def __init__(self, window: QMainWindow, settings: Settings) -> None:
        super().__init__(window)
        self.settings = settings
        self.menu = QMenu(self.tr("&File"), window)

        def action(text: str, shortcut: QKeySequence | None, slot: Callable[[], None]) -> QAction:
            a = QAction(text, window)
            if shortcut is not None:
                a.setShortcut(shortcut)
            a.triggered.connect(slot)
            return a

        self.new = action(
            self.tr("&New workspace…"), QKeySequence.StandardKey.New, self.new_requested.emit
        )
        self.open = action(
            self.tr("&Open workspace…"),
            QKeySequence.StandardKey.Open,
            lambda: self.open_requested.emit(None),
        )
        self.recent_menu = QMenu(self.tr("Recent &workspaces"), self.menu)
        self.import_ = action(
            self.tr("&Import workbook…"),
            QKeySequence("Ctrl+I"),
            lambda: self.import_requested.emit(None),
        )
        self.export = action(
            self.tr("&Export decision list…"), QKeySequence("Ctrl+E"), self.export_requested.emit
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
        self.update_enabled(has_workspace=False)
        self.fill_recent()

    def update_enabled(self, *, has_workspace: bool) -> None:
        """Enable what the landed app layers support (see session.layer_available)."""
        workspace_layer = layer_available("stuurploeg.app.workspace")
        self.new.setEnabled(workspace_layer)
        self.open.setEnabled(workspace_layer)
        self.import_.setEnabled(layer_available("stuurploeg.app.importing"))
        self.export.setEnabled(workspace_layer and has_workspace)

    def fill_recent(self) -> None:
        self.recent_menu.clear()
        recent = self.settings.recent_workspaces()
        for path in recent:
            a = self.recent_menu.addAction(str(path))
            a.triggered.connect(lambda _checked=False, p=path: self.open_requested.emit(p))
        if not recent:
            empty = self.recent_menu.addAction(self.tr("(none)"))
            empty.setEnabled(False)


def is_workbook(path: Path) -> bool:
    return path.suffix.lower() in WORKBOOK_SUFFIXES
