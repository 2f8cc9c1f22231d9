"""Import wizard: file → sheet and header preview → column mapping → validation → import.

All reading goes through the controller, in workers; the wizard only shows what comes
back and collects the user's choices. A mapping the user fixed by hand is
remembered per layout (kind + header texts) in the settings.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget, QWizard

from stuurploeg.gui.controller import WorkspaceController
from stuurploeg.gui.importing.pages import (
    FilePage,
    ImportDraft,
    MappingPage,
    ReportPage,
    SheetPage,
    layout_key,
)
from stuurploeg.gui.settings import Settings

__all__ = ["ImportDraft", "ImportWizard", "layout_key"]


class ImportWizard(QWizard):
    """The whole flow; an accepted import goes to the controller (merged into the open
    workspace, or shown without one)."""

    def __init__(
        self,
        controller: WorkspaceController,
        settings: Settings,
        parent: QWidget | None = None,
        *,
        path: Path | None = None,
    ) -> None:
        super().__init__(parent)
        self.controller = controller
        self.draft = ImportDraft()
        self.setWindowTitle(self.tr("Import workbook"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("Import"))
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("Next >"))
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("< Back"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("Cancel"))
        self.file_page = FilePage(self.draft, self)
        self.sheet_page = SheetPage(controller, self.draft, self)
        self.mapping_page = MappingPage(controller, self.draft, settings, self)
        self.report_page = ReportPage(controller, self.draft, self)
        for page in (self.file_page, self.sheet_page, self.mapping_page, self.report_page):
            self.addPage(page)
        self.resize(900, 640)
        if path is not None:
            self.file_page.path_edit.setText(str(path))

    def accept(self) -> None:
        report = self.draft.report
        if report is not None:
            self.controller.import_report(report, self.report_page.skip_bad.isChecked())
        super().accept()

    def done(self, result: int) -> None:
        for page in (self.sheet_page, self.report_page):
            page.cleanupPage()
        super().done(result)
