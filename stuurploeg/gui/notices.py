"""The controller's feedback as message boxes over the window: errors and warnings, the
merge report of an import, the finished export. Non-blocking (``open()``, never
``exec()``): the meeting, the event loop and the tests keep going."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox, QWidget

from stuurploeg.gui.controller import MergeSummary, WorkspaceController

_DELETE_ON_CLOSE = Qt.WidgetAttribute.WA_DeleteOnClose


class Notices(QObject):
    """Listens to the controller; keeps the box it showed last of each kind."""

    def __init__(self, controller: WorkspaceController, window: QWidget) -> None:
        super().__init__(window)
        self.window = window
        self.problem_box: QMessageBox | None = None
        self.merge_box: QMessageBox | None = None
        self.export_box: QMessageBox | None = None
        controller.error.connect(self.show_problem)
        controller.warning.connect(self.show_problem)
        controller.merged.connect(self.show_merge)
        controller.exported.connect(self.show_export)

    def _box(self, icon: QMessageBox.Icon, title: str, text: str) -> QMessageBox:
        box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Close, self.window)
        box.setAttribute(_DELETE_ON_CLOSE, True)
        return box

    def show_problem(self, text: str) -> QMessageBox:
        """A Dutch message saying what went wrong and what to do."""
        box = self._box(QMessageBox.Icon.Warning, self.tr("Stuurploeg"), text)
        box.setStandardButtons(QMessageBox.StandardButton.Ok)
        self.problem_box = box
        box.open()
        return box

    def show_merge(self, summary: MergeSummary) -> QMessageBox:
        box = self._box(QMessageBox.Icon.Information, self.tr("Import merged"), summary.text)
        box.setDetailedText(summary.details)
        self.merge_box = box
        box.open()
        return box

    def show_export(self, path: Path) -> QMessageBox:
        box = self._box(
            QMessageBox.Icon.Information,
            self.tr("Export ready"),
            self.tr("The decision list has been written to %1.").replace("%1", str(path)),
        )
        folder = box.addButton(self.tr("Open folder"), QMessageBox.ButtonRole.ActionRole)
        folder.clicked.connect(
            lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(path.parent)))
        )
        self.export_box = box
        box.open()
        return box
