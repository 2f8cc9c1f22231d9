"""Opening a vetted workbook with calamine: visible sheets and their cell rows.

calamine reads xlsx/xlsm/xlsb, xls and ods, never runs macros and returns formulas as
their cached values. Only called after :func:`stuurploeg.io.sniff.sniff` has passed, and
only inside the sandboxed reader process.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import python_calamine as pc

from stuurploeg.io.cell_faults import Faults, sheet_faults
from stuurploeg.io.fields import NOTES_SHEET_WORDS, normalise_sheet_name
from stuurploeg.io.report import ReadRefused
from stuurploeg.io.sniff import check_size

Cell = Any  # str | int | float | bool | date | datetime | time | timedelta | CellFault
PREVIEW_TEXT_LIMIT = 500


class Workbook:
    def __init__(self, path: Path) -> None:
        self.path = path
        self._faults: dict[str, Faults] | None = None
        # Opened from a file object, calamine picks the reader from the content, so an
        # .xls that is really an xlsx (a common rename) still reads.
        self._fh = path.open("rb")
        try:
            self._wb = pc.CalamineWorkbook.from_filelike(self._fh)
        except pc.PasswordError:
            self._fh.close()
            raise ReadRefused(
                f"'{path.name}' is versleuteld (beveiligd met een wachtwoord). Stuurploeg opent "
                "geen versleutelde bestanden: sla een kopie zonder wachtwoord op."
            ) from None
        except (pc.CalamineError, OSError, ValueError) as exc:
            self._fh.close()
            raise ReadRefused(_unreadable(path.name, exc)) from None
        self.visible: list[str] = []
        self.hidden: list[str] = []
        for meta in self._wb.sheets_metadata:
            if meta.visible == pc.SheetVisibleEnum.Visible and meta.typ in (
                pc.SheetTypeEnum.WorkSheet, pc.SheetTypeEnum.DialogSheet
            ):
                self.visible.append(meta.name)
            else:
                self.hidden.append(meta.name)

    def close(self) -> None:
        self._wb.close()
        self._fh.close()

    def __enter__(self) -> Workbook:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def data_sheets(self) -> list[str]:
        """Visible sheets that are not notes/instructions, in workbook order."""
        return [s for s in self.visible if not is_notes_sheet(s)]

    def rows(self, sheet: str) -> list[list[Cell]]:
        """All rows of ``sheet`` from A1 (so list index + 1 is the Excel row number)."""
        try:
            ws = self._wb.get_sheet_by_name(sheet)
        except pc.WorksheetNotFound:
            raise ReadRefused(f"Blad '{sheet}' bestaat niet in '{self.path.name}'. "
                              f"Bladen: {', '.join(self.visible) or '(geen)'}.") from None
        except (pc.CalamineError, OSError, ValueError) as exc:
            raise ReadRefused(_unreadable(self.path.name, exc, sheet)) from None
        end = ws.end  # (last row, last column), 0-based, from A1
        if end is not None:
            check_size(end[0] + 1, end[1] + 1, self.path.name, sheet)
        try:
            rows = ws.to_python(skip_empty_area=False)
        except (pc.CalamineError, OSError, ValueError) as exc:
            raise ReadRefused(_unreadable(self.path.name, exc, sheet)) from None
        for (r, c), fault in self.faults().get(sheet, {}).items():
            if r < len(rows):
                row = rows[r]
                if c >= len(row):
                    row.extend([""] * (c + 1 - len(row)))
                if row[c] == "":  # calamine read nothing there: say what it really is
                    row[c] = fault
        return rows

    def faults(self) -> dict[str, Faults]:
        """Error values and formulas without a result, per sheet (xlsx only)."""
        if self._faults is None:
            self._faults = sheet_faults(self.path)
        return self._faults

    def preview(self, sheet: str, nrows: int) -> list[list[Cell]]:
        """The first ``nrows`` rows as plain values, long text shortened, for the wizard."""
        out = []
        for row in self.rows(sheet)[:nrows]:
            out.append([
                v[:PREVIEW_TEXT_LIMIT] + "…" if isinstance(v, str) and len(v) > PREVIEW_TEXT_LIMIT
                else v
                for v in row
            ])
        return out


def is_notes_sheet(name: str) -> bool:
    norm = normalise_sheet_name(name)
    return any(norm.startswith(word) for word in NOTES_SHEET_WORDS)


def _unreadable(name: str, exc: Exception, sheet: str | None = None) -> str:
    where = f"blad '{sheet}' van '{name}'" if sheet else f"'{name}'"
    detail = str(exc).splitlines()[0][:200] if str(exc) else type(exc).__name__
    return (f"De werkmap {where} kan niet worden gelezen; het bestand is beschadigd of "
            f"onvolledig ({detail}). Open het in Excel, sla het opnieuw op en probeer het nog "
            "eens.")
