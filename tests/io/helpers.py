"""Workbooks built by test code (no committed blobs)."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook

CASE_HEADER = ["Zaak ID", "Naam", "Status", "Benodigde fte", "Doorlooptijd (weken)"]


def write_xlsx(path: Path, sheets: dict[str, list[list[object]]],
               hidden: tuple[str, ...] = ()) -> Path:
    wb = Workbook()
    wb.remove(wb.active)
    for name, rows in sheets.items():
        ws = wb.create_sheet(name)
        for row in rows:
            ws.append(row)
        if name in hidden:
            ws.sheet_state = "hidden"
    wb.save(path)
    return path


def case_rows(n: int = 3) -> list[list[object]]:
    return [CASE_HEADER] + [[f"Z-{i}", f"Onderzoek {i}", "nieuw", 2, 10] for i in range(1, n + 1)]
