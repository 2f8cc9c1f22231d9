"""The controller's feedback as message boxes over the window: errors and warnings, the
merge report of an import, the finished export, the finalised meeting (with its export in
one step) and the reminder of drafts when closing. Non-blocking (``open()``, never
``exec()``): the meeting, the event loop and the tests keep going."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from stuurploeg.gui.controller import MergeSummary, WorkspaceController

_DELETE_ON_CLOSE = Qt.WidgetAttribute.WA_DeleteOnClose


class Notices(QObject):
    """Listens to the controller; keeps the box it showed last of each kind."""

    export_requested = Signal()  # "Exporteren…" after vaststellen: the window asks where

    def __init__(self, controller: WorkspaceController, window: QWidget) -> None:
        super().__init__(window)
        self.window = window
        self.controller = controller
        self.problem_box: QMessageBox | None = None
        self.merge_box: QMessageBox | None = None
        self.export_box: QMessageBox | None = None
        self.finalised_box: QMessageBox | None = None
        self.drafts_box: QMessageBox | None = None
        self._closing_with_drafts = False
        controller.error.connect(self.show_problem)
        controller.warning.connect(self.show_problem)
        controller.merged.connect(self.show_merge)
        controller.exported.connect(self.show_export)
        controller.finalised.connect(self.show_finalised)

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
        folder.clicked.connect(lambda: _open_folder(path.parent))
        self.export_box = box
        box.open()
        return box

    def show_finalised(self, day: date) -> QMessageBox:
        """Vastgesteld: say so, and offer the export of the meeting's besluitenlijst."""
        count = sum(1 for d in self.controller.meeting.decisions if d.final)
        box = self._box(
            QMessageBox.Icon.Information,
            self.tr("Decision list finalised"),
            self.tr("The decision list of %1 has been finalised: %n decision(s). Export it "
                    "now for the minutes?", "", count)
            .replace("%1", day.strftime("%d-%m-%Y")),
        )  # fmt: skip
        export = box.addButton(self.tr("Export…"), QMessageBox.ButtonRole.AcceptRole)
        export.setToolTip(
            self.tr("Write the besluitenlijst of this meeting to an Excel workbook.")
        )
        box.setDefaultButton(export)
        export.clicked.connect(self.export_requested.emit)
        self.finalised_box = box
        box.open()
        return box

    def hold_close_for_drafts(self, go_on: Callable[[], object]) -> bool:
        """Closing with drafts not yet vastgesteld: remind (they stay saved either way).

        True: the close waits for the answer; "Close anyway" then calls ``go_on`` (which
        closes again, and this time passes). False: nothing to remind of, close now.
        """
        meetings = self.controller.open_meetings
        if not meetings or self._closing_with_drafts:
            return False
        if self.drafts_box is not None and self.drafts_box.isVisible():
            return True  # already asking
        lines = [
            self.tr("%1: %n draft(s)", "", m.drafts).replace("%1", m.day.strftime("%d-%m-%Y"))
            for m in meetings
        ]
        box = self._box(
            QMessageBox.Icon.Question,
            self.tr("Drafts not yet finalised"),
            self.tr("Some decisions are drafts, not yet vastgesteld:") + "\n" + "\n".join(lines)
            + "\n\n" + self.tr("They are saved in the workspace and stay drafts until the "
                               "list of their meeting is finalised."),
        )  # fmt: skip
        box.setStandardButtons(QMessageBox.StandardButton.Cancel)
        close = box.addButton(self.tr("Close anyway"), QMessageBox.ButtonRole.AcceptRole)
        close.setToolTip(self.tr("Close; the drafts stay saved in the workspace."))
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)

        def answered(_result: int) -> None:
            if box.clickedButton() is close:
                self._closing_with_drafts = True
                try:
                    go_on()
                finally:
                    self._closing_with_drafts = False

        box.finished.connect(answered)
        self.drafts_box = box
        box.open()
        return True


def _open_folder(folder: Path) -> None:
    # imported here: PySide6 builds QUrl's enums at its import (start-up time)
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QDesktopServices

    QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))
