"""Reading a case list or capacity workbook into a :class:`CheckReport`.

The ``*_job`` functions here run inside the sandboxed reader process (see
:mod:`stuurploeg.io.sandbox`); :mod:`stuurploeg.app.importing` is the public entry.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from stuurploeg.domain.model import CapacityData
from stuurploeg.domain.weeks import IsoWeek
from stuurploeg.io.capacity import read_availability, read_teams
from stuurploeg.io.cases import read_cases
from stuurploeg.io.fields import (
    AVAILABILITY_SHEET_NAMES,
    CAPACITY,
    CASES,
    KINDS,
    label,
    normalise_sheet_name,
    required_fields,
)
from stuurploeg.io.layout import Layout, explain_no_header, find_layout, sheet_order
from stuurploeg.io.report import CheckReport, Issue, ReadRefused
from stuurploeg.io.sniff import sniff
from stuurploeg.io.workbook import Cell, Workbook

Progress = Callable[[float, str], None]


def _silent(fraction: float, message: str) -> None:
    return None


def check_job(path: str, kind: str | None, sheet: str | None, mapping: dict[str, str] | None,
              reference: IsoWeek | None, progress: Progress = _silent) -> CheckReport:
    """Read and validate ``path``; every problem ends up in the report, nothing raises."""
    file = Path(path)
    report = CheckReport(file=str(path), kind=kind)
    reference = reference or IsoWeek.current()
    try:
        progress(0.02, "Bestand controleren")
        sniff(file)
        progress(0.1, "Werkmap openen")
        with Workbook(file) as wb:
            report.sheets = list(wb.visible)
            _check(wb, report, kind, sheet, mapping, reference, progress)
    except ReadRefused as exc:
        report.add(Issue(None, None, None, None, str(exc), "error"))
        report.rows = 0
        report.cases = None
        report.capacity = None
    progress(1.0, "Klaar")
    return report


def _check(wb: Workbook, report: CheckReport, kind: str | None, sheet: str | None,
           mapping: dict[str, str] | None, reference: IsoWeek, progress: Progress) -> None:
    kinds = (kind,) if kind else KINDS
    if kind is not None and kind not in KINDS:
        raise ReadRefused(f"Onbekende soort '{kind}'; kies cases of capacity.")
    if mapping:
        missing = [label(k, f) for k in kinds for f in required_fields(k) if not mapping.get(f)]
        if kind and missing:
            raise ReadRefused("In de koppeling ontbreekt: " + ", ".join(missing) + ".")
    rows_by_sheet: dict[str, list[list[Cell]]] = {}
    if sheet is not None:
        if sheet not in wb.visible:
            hidden = " (dat blad is verborgen)" if sheet in wb.hidden else ""
            raise ReadRefused(f"Blad '{sheet}' bestaat niet in '{wb.path.name}'{hidden}. "
                              f"Zichtbare bladen: {', '.join(wb.visible) or '(geen)'}.")
        order = [(sheet, kinds)]
    else:
        order = sheet_order(wb.data_sheets, kinds)
    layout: Layout | None = None
    for name, sheet_kinds in order:
        progress(0.15, f"Blad {name} lezen")
        rows_by_sheet[name] = rows = wb.rows(name)
        for k in sheet_kinds:
            layout = find_layout(rows, k, name, mapping)
            if layout is not None:
                break
        if layout is not None:
            break
    if layout is None:
        message = explain_no_header(rows_by_sheet, kinds, wb.path.name)
        empty = [name for name, rows in rows_by_sheet.items()
                 if all(row.count("") == len(row) for row in rows)]
        if empty:
            message += f" Leeg: {', '.join(empty)}."
        hidden = list(wb.hidden)
        if hidden:
            message += (f" Verborgen bladen worden niet gelezen ({', '.join(hidden)}); maak het "
                        "juiste blad zichtbaar in Excel als de gegevens daar staan.")
        raise ReadRefused(message)
    rows = rows_by_sheet[layout.sheet]
    report.kind, report.sheet, report.header_row = layout.kind, layout.sheet, layout.header_row
    report.headers = list(layout.headers)
    report.mapping = layout.mapping
    report.unused_columns = list(layout.unused)
    for issue in layout.issues:
        report.add(issue)
    progress(0.3, "Rijen controleren")

    def scaled(fraction: float, message: str) -> None:
        progress(0.3 + 0.65 * fraction, message)

    if layout.kind == CASES:
        report.cases = read_cases(rows, layout, report, reference, scaled)
        report.rows = len(report.cases)
    else:
        refused: set[str] = set()
        teams = read_teams(rows, layout, report, refused)
        availability = {}
        avail_sheet = next((s for s in wb.data_sheets
                            if normalise_sheet_name(s) in AVAILABILITY_SHEET_NAMES
                            and s != layout.sheet), None)
        if avail_sheet is not None:
            progress(0.8, f"Blad {avail_sheet} lezen")
            availability = read_availability(wb.rows(avail_sheet), avail_sheet, teams, report,
                                             reference, refused)
        report.capacity = CapacityData(tuple(teams), availability)
        report.rows = len(teams)
    if report.rows == 0 and not report.errors:
        report.add(Issue(layout.sheet, layout.header_row, None, None,
                         f"Blad {layout.sheet} heeft onder de kopregel (rij {layout.header_row}) "
                         "geen bruikbare rijen. Vul de gegevens onder de kopregel in.", "error"))


def list_sheets_job(path: str) -> list[str]:
    file = Path(path)
    sniff(file)
    with Workbook(file) as wb:
        return list(wb.visible)


def preview_job(path: str, sheet: str, nrows: int) -> list[list[Cell]]:
    file = Path(path)
    sniff(file)
    with Workbook(file) as wb:
        if sheet not in wb.visible:
            raise ReadRefused(f"Blad '{sheet}' bestaat niet in '{file.name}'.")
        return wb.preview(sheet, nrows)


__all__ = ["CAPACITY", "CASES", "check_job", "list_sheets_job", "preview_job"]
