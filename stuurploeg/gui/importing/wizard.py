"""Import wizard: file → sheet and header preview → column mapping → validation → import.

All reading goes through ``stuurploeg.app.importing`` in workers; the wizard only shows
what comes back and collects the user's choices. A mapping the user fixed by hand is
remembered per layout (kind + header texts) in the settings.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QWidget,
    QWizard,
)

from stuurploeg.gui.import_pages import (
    FilePage,
    ImportDraft,
    MappingPage,
    ReportPage,
    SheetPage,
    layout_key,
)
from stuurploeg.gui.session import Session
from stuurploeg.gui.settings import Settings

__all__ = ["ImportDraft", "ImportWizard", "layout_key"]


class ImportWizard(QWizard):
    """The whole flow; ``imported`` carries the accepted CheckReport and skip choice."""

    imported = Signal(object, bool)  # report, skip_bad_rows

    def __init__(
        self,
        session: Session,
        settings: Settings,
        parent: QWidget | None = None,
        *,
        path: Path | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.draft = ImportDraft()
        self.setWindowTitle(self.tr("Import workbook"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("Import"))
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("Next >"))
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("< Back"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("Cancel"))
        self.file_page = FilePage(self)
        self.sheet_page = SheetPage(self)
        self.mapping_page = MappingPage(settings, self)
        self.report_page = ReportPage(self)
        for page in (self.file_page, self.sheet_page, self.mapping_page, self.report_page):
            self.addPage(page)
        self.resize(900, 640)
        if path is not None:
            self.file_page.path_edit.setText(str(path))

    def accept(self) -> None:
        report = self.draft.report
        if report is not None:
            self.imported.emit(report, self.report_page.skip_bad.isChecked())
        super().accept()

    def done(self, result: int) -> None:
        for page in (self.sheet_page, self.report_page):
            page.cleanupPage()
        super().done(result)
