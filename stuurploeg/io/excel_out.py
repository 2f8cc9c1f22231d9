"""Writing styled, safe Excel workbooks.

Every workbook the app writes goes through here, so the safety rules live in one place:
- text is always stored as text: a value that starts with ``=``, ``+``, ``-``, ``@``, tab
  or CR gets Excel's own *quote prefix* (the cell is text and shows exactly the value,
  nothing executes, and the text round-trips unchanged);
- characters Excel cannot store are replaced by U+FFFD and reported;
- text longer than Excel's cell limit is shortened with a visible marker and reported;
- the file is written to a temporary file beside the target and moved into place, with a
  bounded retry when the target is locked (open in Excel, held by a virus scanner);
- nothing is written anywhere else: openpyxl's own temporary sheet files (in the system
  temp folder, holding the sheets' text) are not used, and the leftovers of an export that
  was killed are removed by the next export into the same folder.
"""

from __future__ import annotations

import contextlib
import re
import zipfile
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from enum import Enum, StrEnum
from io import BytesIO
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.drawing.spreadsheet_drawing import SpreadsheetDrawing
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._writer import WorksheetWriter
from openpyxl.writer.excel import ExcelWriter

from stuurploeg.io.atomic import ExportError, partial_name, remove_leftovers, save_atomically

EXCEL_CELL_LIMIT = 32_767
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_HEADER_FILL = PatternFill("solid", fgColor="1F3864")
_HEADER_FONT = Font(bold=True, color="FFFFFF")
_TITLE_FONT = Font(bold=True, size=14)
_LABEL_FONT = Font(bold=True)
_HEADER_BORDER = Border(bottom=Side(style="thin", color="000000"))
_WRAP = Alignment(wrap_text=True, vertical="top")


class Kind(StrEnum):
    TEXT = "text"
    INT = "int"
    NUMBER = "number"
    PERCENT = "percent"
    DATE = "date"
    DATETIME = "datetime"
    WEEK = "week"  # written as the text YYYY-Www, the way users type it
    BOOL = "bool"  # written as ja/nee


_NUMBER_FORMATS = {
    Kind.INT: "0",
    Kind.NUMBER: "0.00",
    Kind.PERCENT: "0%",
    Kind.DATE: "dd-mm-yyyy",
    Kind.DATETIME: "dd-mm-yyyy hh:mm",
}


@dataclass(frozen=True)
class Column:
    header: str
    kind: Kind = Kind.TEXT
    width: float | None = None  # None: fitted to the content
    wrap: bool = False
    number_format: str | None = None  # None: the kind's format


@dataclass
class Sheet:
    title: str
    columns: Sequence[Column]
    rows: Iterable[Sequence[Any]]
    title_block: Sequence[tuple[str, Any]] = ()  # label/value lines above the table
    heading: str | None = None
    # (row index in ``rows``, column index) -> background colour "RRGGBB"
    fills: Mapping[tuple[int, int], str] = field(default_factory=dict)
    freeze_columns: int = 0  # columns kept in view when scrolling sideways


@dataclass
class WriteReport:
    path: Path
    warnings: list[str] = field(default_factory=list)


def safe_text(value: str, where: str, warnings: list[str]) -> str:
    """Text as Excel can store it; every change is reported in ``warnings`` (Dutch)."""
    cleaned, n = ILLEGAL_CHARACTERS_RE.subn("\ufffd", value)
    if n:
        warnings.append(
            f"{where}: {n} teken(s) die Excel niet kan opslaan zijn vervangen door '\ufffd'."
        )
    if len(cleaned) > EXCEL_CELL_LIMIT:
        marker = f" [… ingekort: {len(cleaned)} tekens, volledige tekst in de werkruimte]"
        cleaned = cleaned[: EXCEL_CELL_LIMIT - len(marker)] + marker
        warnings.append(
            f"{where}: tekst langer dan Excel toestaat ({EXCEL_CELL_LIMIT} tekens) is "
            "ingekort en gemarkeerd; de volledige tekst staat in de werkruimte."
        )
    return cleaned


_OOXML_ESCAPE_RE = re.compile(r"_(x[0-9A-Fa-f]{4}_)")


def escape_ooxml(text: str) -> str:
    """Escape what the file format itself would change on reading.

    A raw CR is turned into LF by XML end-of-line handling, and a literal ``_xHHHH_`` is
    read by Excel as the character HHHH; both are written in the format's own escape
    (``_x000D_``, ``_x005F_``) so that Excel and calamine read back exactly the text.
    """
    return _OOXML_ESCAPE_RE.sub(r"_x005F_\1", text).replace("\r", "_x000D_")


def needs_quote_prefix(text: str) -> bool:
    return text.startswith(_FORMULA_STARTS)


class WorkbookWriter:
    """Collects sheets, then writes them atomically with :meth:`save`."""

    def __init__(self) -> None:
        self._wb = Workbook()
        self._wb.remove(self._wb.active)
        self.warnings: list[str] = []

    def add_sheet(self, sheet: Sheet) -> None:
        ws = self._wb.create_sheet(sheet.title[:31])
        widths = [len(c.header) + 2 for c in sheet.columns]
        r = 1
        if sheet.heading:
            ws.cell(row=r, column=1, value=self._text(sheet.heading, sheet.title, r, 1))
            ws.cell(row=r, column=1).font = _TITLE_FONT
            r += 1
        for label, value in sheet.title_block:
            ws.cell(row=r, column=1, value=label).font = _LABEL_FONT
            self._put(ws, r, 2, value, _kind_of(value), sheet.title, widths=None)
            r += 1
        if sheet.heading or sheet.title_block:
            r += 1
        header_row = r
        for ci, col in enumerate(sheet.columns, start=1):
            cell = ws.cell(row=r, column=ci, value=self._text(col.header, sheet.title, r, ci))
            cell.fill, cell.font, cell.border = _HEADER_FILL, _HEADER_FONT, _HEADER_BORDER
            cell.alignment = Alignment(wrap_text=True, vertical="center")
        last_row = r
        fills = {key: PatternFill("solid", fgColor=c) for key, c in sheet.fills.items()}
        for ri, values in enumerate(sheet.rows):
            r += 1
            last_row = r
            for ci, col in enumerate(sheet.columns, start=1):
                value = values[ci - 1] if ci - 1 < len(values) else None
                cell = self._put(ws, r, ci, value, col.kind, sheet.title, widths)
                if col.wrap and cell is not None:
                    cell.alignment = _WRAP
                if cell is not None and col.number_format and col.kind in _NUMBER_FORMATS:
                    cell.number_format = col.number_format
                fill = fills.get((ri, ci - 1))
                if fill is not None:
                    ws.cell(row=r, column=ci).fill = fill
        ncols = len(sheet.columns)
        if ncols:
            ws.freeze_panes = ws.cell(row=header_row + 1, column=1 + sheet.freeze_columns)
            ws.auto_filter.ref = f"A{header_row}:{get_column_letter(ncols)}{last_row}"
        for ci, col in enumerate(sheet.columns, start=1):
            width = col.width or min(max(widths[ci - 1], 8), 60)
            ws.column_dimensions[get_column_letter(ci)].width = width
        if sheet.title_block or sheet.heading:
            first = ws.column_dimensions["A"]
            first.width = max(first.width or 0, *(len(lbl) + 2 for lbl, _ in sheet.title_block), 12)

    def _text(self, value: str, sheet: str, row: int, col: int) -> str:
        return safe_text(value, f"blad {sheet}, cel {get_column_letter(col)}{row}", self.warnings)

    def _put(self, ws, row: int, col: int, value: Any, kind: Kind, sheet: str, widths):
        if value is None or value == "":
            return None
        cell = ws.cell(row=row, column=col)
        if isinstance(value, Enum):
            value = value.value
        shown: str
        if kind is Kind.BOOL or isinstance(value, bool):
            text = "ja" if value else "nee"
            cell.value, shown = text, text
        elif kind in (Kind.INT, Kind.NUMBER, Kind.PERCENT) and isinstance(value, int | float):
            cell.value = value
            cell.number_format = _NUMBER_FORMATS[kind]
            shown = f"{value:.2f}" if isinstance(value, float) else str(value)
        elif kind in (Kind.DATE, Kind.DATETIME) and isinstance(value, date | datetime):
            cell.value = value
            cell.number_format = _NUMBER_FORMATS[
                Kind.DATETIME if isinstance(value, datetime) else Kind.DATE
            ]
            shown = "00-00-0000 00:00" if isinstance(value, datetime) else "00-00-0000"
        else:
            text = self._text(str(value), sheet, row, col)
            cell.value = escape_ooxml(text)
            # openpyxl would store a leading "=" as a formula: force a string cell and
            # mark it the way Excel marks typed text ('=...), which shows no apostrophe.
            cell.data_type = "s"
            if needs_quote_prefix(text):
                cell.quotePrefix = True
            shown = max(text.split("\n"), key=len) if text else ""
        if widths is not None:
            widths[col - 1] = max(widths[col - 1], min(len(shown) + 2, 60))
        return cell

    def save(self, target: Path | str, *, retries: int = 5, delay: float = 0.2) -> WriteReport:
        target = Path(target)
        save_atomically(target, lambda path: write_workbook(self._wb, path), retries=retries,
                        delay=delay)
        return WriteReport(target, list(self.warnings))


def write_workbook(wb: Workbook, path: str) -> None:
    """Write ``wb`` to ``path`` with every sheet built in memory.

    openpyxl's own save writes each sheet to a temporary file in the system temp folder
    first; a killed process leaves those behind, full of names and motivations. Here the
    sheets go straight into the zip, and every file is closed before an error is raised
    (a half-closed zip would print its own traceback when collected).
    """
    wb.properties.modified = datetime.now(tz=UTC).replace(tzinfo=None)
    with open(path, "wb") as fh:
        archive = zipfile.ZipFile(fh, "w", zipfile.ZIP_DEFLATED, allowZip64=True)
        try:
            _InMemoryExcelWriter(wb, archive).save()
        finally:
            with contextlib.suppress(OSError, ValueError):
                archive.close()


class _InMemoryExcelWriter(ExcelWriter):
    """openpyxl's writer, with each sheet serialised into memory instead of a temp file
    (tests/io/test_export_faults.py checks that nothing reaches the system temp folder)."""

    def write_worksheet(self, ws):  # type: ignore[no-untyped-def]
        ws._drawing = SpreadsheetDrawing()
        ws._drawing.charts = ws._charts
        ws._drawing.images = ws._images
        writer = WorksheetWriter(ws, out=BytesIO())
        writer.write()
        ws._rels = writer._rels
        self._archive.writestr(ws.path[1:], writer.read())
        self.manifest.append(ws)


def _kind_of(value: Any) -> Kind:
    if isinstance(value, bool):
        return Kind.BOOL
    if isinstance(value, int):
        return Kind.INT
    if isinstance(value, float):
        return Kind.NUMBER
    if isinstance(value, datetime):
        return Kind.DATETIME
    if isinstance(value, date):
        return Kind.DATE
    return Kind.TEXT




__all__ = [
    "Column", "ExportError", "Kind", "Sheet", "WorkbookWriter", "WriteReport", "escape_ooxml",
    "needs_quote_prefix", "partial_name", "remove_leftovers", "safe_text", "save_atomically",
    "write_workbook",
]
