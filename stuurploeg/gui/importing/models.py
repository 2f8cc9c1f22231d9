"""Small table models for the import wizard: the raw sheet preview and the issue report."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from stuurploeg.gui.table_model import DISPLAY, ListTableModel, TableModel

if TYPE_CHECKING:
    from PySide6.QtCore import QObject

    from stuurploeg.gui.controller.state import Issue

_HEADER_BG = QColor(214, 234, 248)
_ERROR_FG = QColor(169, 50, 38)
_WARNING_FG = QColor(154, 101, 0)


def cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return (
            value.strftime("%d-%m-%Y %H:%M")
            if value.time() != datetime.min.time()
            else value.strftime("%d-%m-%Y")
        )
    if isinstance(value, date):
        return value.strftime("%d-%m-%Y")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def column_letter(index: int) -> str:
    letters, index = "", index + 1
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


class PreviewModel(TableModel):
    """The first rows of a sheet as Excel shows them (row numbers 1.., columns A..)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[list[object]] = []
        self._columns = 0
        self.header_row: int | None = None  # Excel row number of the header

    def set_rows(self, rows: Sequence[Sequence[object]], header_row: int | None) -> None:
        self.beginResetModel()
        self._rows = [list(r) for r in rows]
        self._columns = max((len(r) for r in self._rows), default=0)
        self.header_row = header_row
        self.endResetModel()

    def row_count(self) -> int:
        return len(self._rows)

    def column_count(self) -> int:
        return self._columns

    def header(self, section: int, role: int) -> object:
        return column_letter(section) if role == DISPLAY else None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = DISPLAY) -> object:
        if orientation == Qt.Orientation.Vertical and role == DISPLAY:
            return str(section + 1)  # the Excel row number
        return super().headerData(section, orientation, role)

    def cell(self, row_index: int, column: int, role: int) -> object:
        row = self._rows[row_index]
        is_header = self.header_row == row_index + 1
        if role == DISPLAY:
            return cell_text(row[column]) if column < len(row) else ""
        if role == Qt.ItemDataRole.BackgroundRole and is_header:
            return QBrush(_HEADER_BG)
        if role == Qt.ItemDataRole.FontRole and is_header:
            font = QFont()
            font.setBold(True)
            return font
        return None


_ISSUE_HEADERS = (
    QT_TRANSLATE_NOOP("IssueModel", "Kind"),
    QT_TRANSLATE_NOOP("IssueModel", "Sheet"),
    QT_TRANSLATE_NOOP("IssueModel", "Row"),
    QT_TRANSLATE_NOOP("IssueModel", "Column"),
    QT_TRANSLATE_NOOP("IssueModel", "Value"),
    QT_TRANSLATE_NOOP("IssueModel", "Message"),
)


class IssueModel(ListTableModel["Issue"]):
    """Errors first, then warnings, each with sheet, Excel row, column header and value."""

    CONTEXT = "IssueModel"
    HEADERS = _ISSUE_HEADERS

    def set_issues(self, errors: Sequence[Issue], warnings: Sequence[Issue]) -> None:
        self.set_items([*errors, *warnings])

    def issue(self, row: int) -> Issue:
        return self.items[row]

    def cell(self, row: int, column: int, role: int) -> object:
        issue = self.items[row]
        error = issue.severity == "error"
        if role == DISPLAY:
            kind = QCoreApplication.translate("IssueModel", "error" if error else "warning")
            values = (kind, issue.sheet, issue.row, issue.column, issue.value, issue.message)
            value = values[column]
            return "" if value is None else str(value)
        if role == Qt.ItemDataRole.ForegroundRole and column == 0:
            return QBrush(_ERROR_FG if error else _WARNING_FG)
        if role == Qt.ItemDataRole.ToolTipRole and column == 5:
            return issue.message
        return None


# lupdate: the issue kinds translated above through a variable
_KINDS = (QT_TRANSLATE_NOOP("IssueModel", "error"), QT_TRANSLATE_NOOP("IssueModel", "warning"))
