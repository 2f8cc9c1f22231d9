"""The import wizard's pages: file, sheet and header row, columns, check.

Each page has the controller read the workbook in a worker and shows what comes back;
the choices collect in the wizard's :class:`ImportDraft`, which every page is given.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from stuurploeg.gui.controller import LayoutPreview, WorkspaceController
from stuurploeg.gui.errors import user_message
from stuurploeg.gui.importing.models import IssueModel, PreviewModel, cell_text
from stuurploeg.gui.settings import Settings
from stuurploeg.gui.widgets import list_table
from stuurploeg.gui.workers import Job

if TYPE_CHECKING:
    from stuurploeg.gui.controller.state import CheckReport

NOT_IMPORTED = ""  # combo data for "this field is not imported"
PREVIEW_ROWS = 40
_GREY = QColor(140, 140, 140)


def layout_key(kind: str, headers: list[str]) -> str:
    """Identifies a file layout: the kind plus its header texts, in order."""
    text = kind + "\x1f" + "\x1f".join(h.strip().casefold() for h in headers)
    return hashlib.sha256(text.encode()).hexdigest()[:24]


@dataclass
class ImportDraft:
    """What the wizard has learnt and what the user chose so far."""

    path: Path | None = None
    kind: str | None = None
    sheet: str | None = None
    sheets: list[str] = field(default_factory=list)
    header_row: int | None = None
    headers: list[str] = field(default_factory=list)
    auto_mapping: dict[str, str] = field(default_factory=dict)
    mapping: dict[str, str] = field(default_factory=dict)
    preview: list[list[object]] = field(default_factory=list)
    report: CheckReport | None = None
    first_error: str = ""


class _WorkingPage(QWizardPage):
    """A page that has the controller read something in a worker before it is complete."""

    def __init__(
        self, controller: WorkspaceController, draft: ImportDraft, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.controller = controller
        self.draft = draft
        self.job: Job | None = None
        self.loaded = False
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 0)
        self.progress.setVisible(False)
        self.status = QLabel(self)
        self.status.setWordWrap(True)

    def run(self, start: Callable[[], Job], on_result: Callable[..., None]) -> None:
        """``start()`` starts the controller's job; ``on_result`` gets what it returns."""
        if self.job is not None and self.job.running:
            self.job.cancel()
        self.loaded = False
        self.completeChanged.emit()
        self.progress.setVisible(True)
        # not self.tr(): in a base class that would look up the subclass's context
        self.status.setText(QCoreApplication.translate("ImportWizard", "Reading the workbook…"))

        def done(result: object) -> None:
            self.progress.setVisible(False)
            self.status.setText("")
            on_result(result)
            self.loaded = True
            self.completeChanged.emit()

        def failed(exc: BaseException) -> None:
            self.progress.setVisible(False)
            self.status.setText(user_message(exc))
            self.completeChanged.emit()

        self.job = job = start()
        job.succeeded.connect(done)
        job.failed.connect(failed)

        def progress(fraction: float, message: str) -> None:
            self.progress.setRange(0, 100)
            self.progress.setValue(int(fraction * 100))
            if message:
                self.status.setText(message)

        job.progress.connect(progress)

    def cleanupPage(self) -> None:
        if self.job is not None and self.job.running:
            self.job.cancel()

    def isComplete(self) -> bool:
        return self.loaded


class FilePage(QWizardPage):
    def __init__(self, draft: ImportDraft, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.draft = draft
        self.setTitle(self.tr("Choose a workbook"))
        self.setSubTitle(
            self.tr("A case list (zakenlijst) or a capacity sheet, as .xlsx, .xlsm, .xls or .ods.")
        )
        self.path_edit = QLineEdit(self)
        browse = QPushButton(self.tr("Browse…"), self)
        browse.setToolTip(self.tr("Choose the workbook to import."))
        browse.clicked.connect(self._browse)
        self.kind = QComboBox(self)
        self.kind.addItem(self.tr("Recognise automatically"), None)
        self.kind.addItem(self.tr("Case list"), "cases")
        self.kind.addItem(self.tr("Capacity sheet"), "capacity")
        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(browse)
        form = QFormLayout(self)
        form.addRow(self.tr("Workbook:"), row)
        form.addRow(self.tr("Kind:"), self.kind)
        self.path_edit.textChanged.connect(self.completeChanged)

    def _browse(self) -> None:
        dialog = QFileDialog(self, self.tr("Choose a workbook"))
        dialog.setNameFilter(self.tr("Workbooks (*.xlsx *.xlsm *.xls *.ods)"))
        dialog.fileSelected.connect(self.path_edit.setText)
        dialog.open()

    def isComplete(self) -> bool:
        return Path(self.path_edit.text().strip()).is_file()

    def validatePage(self) -> bool:
        draft = self.draft
        path = Path(self.path_edit.text().strip())
        if draft.path != path or draft.kind != self.kind.currentData():
            draft.path, draft.kind, draft.sheet = path, self.kind.currentData(), None
            draft.mapping = {}
        return True


class SheetPage(_WorkingPage):
    """The sheet (auto-chosen, changeable) and the raw rows with the header row marked."""

    def __init__(
        self, controller: WorkspaceController, draft: ImportDraft, parent: QWidget | None = None
    ) -> None:
        super().__init__(controller, draft, parent)
        self.setTitle(self.tr("Sheet and header row"))
        self.sheet = QComboBox(self)
        self.header_label = QLabel(self)
        self.model = PreviewModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        form = QFormLayout()
        form.addRow(self.tr("Sheet:"), self.sheet)
        form.addRow(self.tr("Header row:"), self.header_label)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        self.sheet.activated.connect(self._sheet_chosen)

    def initializePage(self) -> None:
        self._detect()

    def _sheet_chosen(self) -> None:
        self.draft.sheet = self.sheet.currentText()
        self.draft.mapping = {}
        self._detect()

    def _detect(self) -> None:
        d = self.draft
        assert d.path is not None, "the file page comes first"
        path, kind, sheet = d.path, d.kind, d.sheet
        self.run(
            lambda: self.controller.detect_layout(path, kind, sheet, PREVIEW_ROWS),
            self._detected,
        )

    def _detected(self, result: LayoutPreview) -> None:
        report, rows, shown = result.report, result.rows, result.sheet
        d = self.draft
        d.report = None
        d.kind = report.kind or d.kind
        d.sheets = list(report.sheets)
        d.sheet = shown
        d.header_row = report.header_row
        d.headers = list(report.headers)
        d.auto_mapping = dict(report.mapping)
        d.preview = rows
        d.first_error = report.errors[0].message if report.errors else ""
        self.sheet.blockSignals(True)
        self.sheet.clear()
        self.sheet.addItems(d.sheets)
        if d.sheet:
            self.sheet.setCurrentText(d.sheet)
        self.sheet.blockSignals(False)
        self.model.set_rows(rows, d.header_row)
        if d.header_row:
            self.header_label.setText(self.tr("row %1 (marked)").replace("%1", str(d.header_row)))
            self.table.scrollTo(
                self.model.index(d.header_row - 1, 0), QAbstractItemView.ScrollHint.PositionAtTop
            )
        else:
            self.header_label.setText(
                self.tr("not found: map the columns by hand on the next page")
            )
        if not d.headers and d.first_error:
            self.status.setText(d.first_error)

    def isComplete(self) -> bool:
        d = self.draft
        return self.loaded and bool(d.kind) and bool(d.headers or d.preview)

    def validatePage(self) -> bool:
        d = self.draft
        if not d.headers and d.preview:
            # No header recognised: offer the first non-blank row as headers to map by hand.
            first = next((r for r in d.preview if any(cell_text(c) for c in r)), [])
            d.headers = [cell_text(c) for c in first]
            d.header_row = d.preview.index(first) + 1 if first else None
        return True


class MappingPage(QWizardPage):
    """One combo per field, pre-filled; columns no field uses are shown greyed."""

    mapping_changed = Signal()

    def __init__(
        self,
        controller: WorkspaceController,
        draft: ImportDraft,
        settings: Settings,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.controller = controller
        self.draft = draft
        self.settings = settings
        self.setTitle(self.tr("Columns"))
        self.setSubTitle(
            self.tr(
                "Choose which column holds each field. Columns that no field uses are not imported."
            )
        )
        self.combos: dict[str, QComboBox] = {}
        self.form_host = QWidget(self)
        self.form = QFormLayout(self.form_host)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.form_host)
        self.columns_model = QStandardItemModel(self)
        self.columns_view = QListView(self)
        self.columns_view.setModel(self.columns_model)
        self.columns_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.remembered = QLabel(self)
        split = QSplitter(self)
        split.addWidget(scroll)
        split.addWidget(self.columns_view)
        split.setSizes([520, 330])
        split.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.remembered)
        layout.addWidget(split, 1)

    def initializePage(self) -> None:
        d = self.draft
        if not d.auto_mapping and d.headers:
            # No header row recognised: still pre-fill what the synonyms know.
            d.auto_mapping = self.controller.guess_mapping(d.headers, d.kind or "cases")
        while self.form.rowCount():
            self.form.removeRow(0)
        self.combos.clear()
        remembered = self.settings.mapping_for(layout_key(d.kind or "", d.headers))
        chosen = d.mapping or remembered or d.auto_mapping
        self.remembered.setText(
            self.tr("The mapping you chose last time for this layout has been restored.")
            if remembered and not d.mapping
            else ""
        )
        for key, label in self.controller.field_labels(d.kind or "cases"):
            combo = QComboBox(self.form_host)
            combo.addItem(self.tr("(not imported)"), NOT_IMPORTED)
            for header in d.headers:
                if header:
                    combo.addItem(header, header)
            index = combo.findData(chosen.get(key, NOT_IMPORTED))
            combo.setCurrentIndex(max(index, 0))
            combo.currentIndexChanged.connect(self._changed)
            self.combos[key] = combo
            self.form.addRow(label, combo)
        self._changed()

    def mapping(self) -> dict[str, str]:
        return {
            k: c.currentData() for k, c in self.combos.items() if c.currentData() != NOT_IMPORTED
        }

    def _changed(self) -> None:
        used = {v: k for k, v in self.mapping().items()}
        labels = {
            k: self.form.labelForField(c).text()
            for k, c in self.combos.items()
            if self.form.labelForField(c)
        }
        self.columns_model.clear()
        for header in self.draft.headers:
            if not header:
                continue
            if header in used:
                item = QStandardItem(f"{header}  →  {labels.get(used[header], used[header])}")
            else:
                item = QStandardItem(self.tr("%1  (not imported)").replace("%1", header))
                item.setForeground(QBrush(_GREY))
            item.setData(header, Qt.ItemDataRole.UserRole)
            self.columns_model.appendRow(item)
        self.mapping_changed.emit()

    def validatePage(self) -> bool:
        d = self.draft
        d.mapping = self.mapping()
        if d.mapping != d.auto_mapping:
            self.settings.remember_mapping(layout_key(d.kind or "", d.headers), d.mapping)
        return True


class ReportPage(_WorkingPage):
    """Errors and warnings; double-click one to see its row. Import when usable."""

    def __init__(
        self, controller: WorkspaceController, draft: ImportDraft, parent: QWidget | None = None
    ) -> None:
        super().__init__(controller, draft, parent)
        self.setTitle(self.tr("Check"))
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.issues = IssueModel(self)
        self.table = list_table(self.issues, self)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.doubleClicked.connect(self.show_row)
        self.skip_bad = QCheckBox(self.tr("Import without the rows that have errors"), self)
        self.skip_bad.setVisible(False)
        self.skip_bad.toggled.connect(self.completeChanged)
        self.row_box: QMessageBox | None = None
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.skip_bad)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)

    def initializePage(self) -> None:
        d = self.draft
        d.report = None
        assert d.path is not None and d.kind is not None, "the file and sheet pages come first"
        path, kind, sheet, mapping = d.path, d.kind, d.sheet, dict(d.mapping)
        self.run(
            lambda: self.controller.check_workbook(path, kind, sheet, mapping), self._checked
        )

    def _checked(self, report: CheckReport) -> None:
        d = self.draft
        d.report = report
        self.issues.set_issues(report.errors, report.warnings)
        summary = " ".join((
            self.tr("%n usable row(s),", "", report.rows),
            self.tr("%n error(s),", "", len(report.errors)),
            self.tr("%n warning(s).", "", len(report.warnings)),
        ))
        if report.unused_columns:
            unused = ", ".join(report.unused_columns)
            summary += " " + self.tr("Columns not imported: %1.").replace("%1", unused)
        self.summary.setText(summary)
        has_data = bool(report.cases) or report.capacity is not None
        self.skip_bad.setVisible(bool(report.errors) and has_data)
        self.skip_bad.setChecked(False)

    def show_row(self, index: QModelIndex) -> None:
        """The whole Excel row of an issue, header by header (from the preview when in it)."""
        issue = self.issues.issue(index.row())
        d = self.draft
        values: list[object] | None = None
        if issue.row and issue.sheet == d.sheet:
            values = self._row(issue.row)
        text = (
            self.tr("Sheet %1, row %2")
            .replace("%1", str(issue.sheet or ""))
            .replace("%2", str(issue.row or ""))
        )
        if values is not None:
            lines = [f"{h or '?'}: {cell_text(v)}" for h, v in zip(d.headers, values, strict=False)]
            detail = "\n".join(lines)
        else:
            detail = self.tr("This row is not in the preview; open the workbook at this row.")
        box = QMessageBox(
            QMessageBox.Icon.Information,
            text,
            issue.message,
            QMessageBox.StandardButton.Close,
            self,
        )
        box.setInformativeText(detail)
        box.setWindowModality(Qt.WindowModality.NonModal)
        self.row_box = box
        box.show()

    def isComplete(self) -> bool:
        report = self.draft.report
        if not self.loaded or report is None:
            return False
        return report.usable or (self.skip_bad.isChecked() and report.rows > 0)

    def _row(self, excel_row: int) -> list[object] | None:
        d = self.draft
        if 0 < excel_row <= len(d.preview):
            return d.preview[excel_row - 1]
        if d.path is None or d.sheet is None or excel_row > 5000:
            return None
        rows = self.controller.preview_rows(d.path, d.sheet, excel_row)  # small and rare
        return list(rows[excel_row - 1]) if len(rows) >= excel_row else None
