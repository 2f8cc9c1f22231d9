"""Small table models for the import wizard: the raw sheet preview and the issue report."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont

_INDEX = QModelIndex()
_HEADER_BG = QColor(214, 234, 248)
_ERROR_FG = QColor(169, 50, 38)
_WARNING_FG = QColor(154, 101, 0)


def cell_text(value: Any) -> str:
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


class PreviewModel(QAbstractTableModel):
    """The first rows of a sheet as Excel shows them (row numbers 1.., columns A..)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[list[Any]] = []
        self._columns = 0
        self.header_row: int | None = None  # Excel row number of the header

    def set_rows(self, rows: Sequence[Sequence[Any]], header_row: int | None) -> None:
        self.beginResetModel()
        self._rows = [list(r) for r in rows]
        self._columns = max((len(r) for r in self._rows), default=0)
        self.header_row = header_row
        self.endResetModel()

    def row_values(self, excel_row: int) -> list[Any] | None:
        return self._rows[excel_row - 1] if 0 < excel_row <= len(self._rows) else None

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _INDEX) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = _INDEX) -> int:
        return 0 if parent.isValid() else self._columns

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        return (
            column_letter(section) if orientation == Qt.Orientation.Horizontal else str(section + 1)
        )

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        is_header = self.header_row == index.row() + 1
        if role == Qt.ItemDataRole.DisplayRole:
            return cell_text(row[index.column()]) if index.column() < len(row) else ""
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
ISSUE_ROLE = Qt.ItemDataRole.UserRole + 1


class IssueModel(QAbstractTableModel):
    """Errors first, then warnings, each with sheet, Excel row, column header and value."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._issues: list[Any] = []

    def set_issues(self, errors: Sequence[Any], warnings: Sequence[Any]) -> None:
        self.beginResetModel()
        self._issues = [*errors, *warnings]
        self.endResetModel()

    def issue(self, row: int) -> Any:
        return self._issues[row]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _INDEX) -> int:
        return 0 if parent.isValid() else len(self._issues)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = _INDEX) -> int:
        return 0 if parent.isValid() else len(_ISSUE_HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return QCoreApplication.translate("IssueModel", _ISSUE_HEADERS[section])
        return None

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid():
            return None
        issue = self._issues[index.row()]
        error = issue.severity == "error"
        if role == Qt.ItemDataRole.DisplayRole:
            kind = QCoreApplication.translate("IssueModel", "error" if error else "warning")
            values = (kind, issue.sheet, issue.row, issue.column, issue.value, issue.message)
            value = values[index.column()]
            return "" if value is None else str(value)
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == 0:
            return QBrush(_ERROR_FG if error else _WARNING_FG)
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 5:
            return issue.message
        if role == ISSUE_ROLE:
            return issue
        return None


# lupdate: the issue kinds translated above through a variable
_KINDS = (QT_TRANSLATE_NOOP("IssueModel", "error"), QT_TRANSLATE_NOOP("IssueModel", "warning"))
