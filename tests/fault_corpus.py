"""A corpus of hostile inputs, built at test time (nothing binary is committed).

Two families:
- ``LINK_FAULTS``: what can sit where the workspace's lock file goes (links to the
  workspace, to another file, hard links, dangling links, a folder, a foreign file);
- ``WORKBOOK_FAULTS``: case lists and capacity sheets with headers that only look like a
  known one (bracketed words, letters from other scripts), Excel error values, formulas
  without a stored result, dates far outside any plan and implausible magnitudes.

Every workbook fault names what the report must say: the severity, the sheet, the row,
the column header and words of the message; the tests in ``tests/io/test_fault_corpus.py``
and ``tests/store/test_link_faults.py`` run them all.
"""

from __future__ import annotations

import os
import re
import shutil
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from openpyxl import Workbook

# -- links ------------------------------------------------------------------------------


@dataclass(frozen=True)
class LinkFault:
    name: str
    make: Callable[[Path, Path], Path | None]  # (workspace, lock path) -> file to keep intact
    words: tuple[str, ...]  # the refusal must contain these


def _symlink_to_workspace(ws: Path, lock: Path) -> Path:
    lock.symlink_to(ws.name)
    return ws


def _symlink_to_other(ws: Path, lock: Path) -> Path:
    other = ws.parent / "notities.txt"
    other.write_text("Aantekeningen van de analist: niet overschrijven.\n", encoding="utf-8")
    lock.symlink_to(other)
    return other


def _hard_link_to_other(ws: Path, lock: Path) -> Path:
    other = ws.parent / "rapport.txt"
    other.write_text("Een ander bestand met dezelfde inhoud op twee plaatsen.\n")
    os.link(other, lock)
    return other


def _hard_link_to_workspace(ws: Path, lock: Path) -> Path:
    os.link(ws, lock)
    return ws


def _dangling_symlink(ws: Path, lock: Path) -> None:
    lock.symlink_to(ws.parent / "bestaat-niet" / "slot")
    return None


def _folder(ws: Path, lock: Path) -> None:
    lock.mkdir()
    return None


def _foreign_file(ws: Path, lock: Path) -> Path:
    lock.write_bytes(b"PK\x03\x04 iets dat geen slotbestand van Stuurploeg is" * 20)
    return lock


LINK_FAULTS: tuple[LinkFault, ...] = (
    LinkFault("symlink-naar-werkruimte", _symlink_to_workspace, ("koppeling", "verwijder")),
    LinkFault("symlink-naar-ander-bestand", _symlink_to_other, ("koppeling", "verwijder")),
    LinkFault("harde-link-naar-ander-bestand", _hard_link_to_other, ("koppeling",)),
    LinkFault("harde-link-naar-werkruimte", _hard_link_to_workspace, ("koppeling",)),
    LinkFault("symlink-naar-niets", _dangling_symlink, ("koppeling", "verwijder")),
    LinkFault("map", _folder, ("is een map",)),
    LinkFault("vreemd-bestand", _foreign_file, ("niet van Stuurploeg",)),
)


# -- workbooks --------------------------------------------------------------------------

CASE_HEADER = ["Zaak-ID", "Onderzoeksnaam", "Status", "Slachtoffers", "Benodigde fte",
               "Doorlooptijd (weken)", "Team", "Startweek"]


def _case_row(i: int, **changes: object) -> list[object]:
    row: dict[str, object] = {"Zaak-ID": f"MH-{i:03d}", "Onderzoeksnaam": f"Onderzoek {i}",
                              "Status": "nieuw", "Slachtoffers": 2, "Benodigde fte": 1.5,
                              "Doorlooptijd (weken)": 12, "Team": None, "Startweek": None}
    row.update(changes)
    return list(row.values())


@dataclass(frozen=True)
class Expect:
    severity: str  # "error" | "warning"
    row: int | None
    column: str | None
    words: tuple[str, ...]
    value: str | None = None  # the value as the report shows it, when it names one


@dataclass
class WorkbookFault:
    name: str
    kind: str  # "cases" | "capacity"
    build: Callable[[Path], None]
    expect: tuple[Expect, ...]
    # Fields whose column must not have been read from the suspicious header.
    not_mapped: dict[str, str] = field(default_factory=dict)


def _save(rows: list[list[object]], path: Path, title: str = "Zaken",
          extra: Callable[[object], None] | None = None) -> None:
    wb = Workbook()
    ws = wb.active
    ws.title = title
    for r in rows:
        ws.append(r)
    if extra is not None:
        extra(ws)
    wb.save(path)


def _cases(header: list[str], *rows: list[object]) -> Callable[[Path], None]:
    return lambda path: _save([header, *rows], path)


def _with_cells(cells: dict[str, tuple[object, str | None]]) -> Callable[[Path], None]:
    """A case list with some cells replaced: value and openpyxl data type ('e' error, 'f'
    formula — openpyxl stores no result for formulas, exactly the fault in question)."""
    def build(path: Path) -> None:
        def extra(ws: object) -> None:
            for ref, (value, data_type) in cells.items():
                cell = ws[ref]  # type: ignore[index]
                cell.value = value
                if data_type is not None:
                    cell.data_type = data_type
        _save([CASE_HEADER, _case_row(1), _case_row(2), _case_row(3)], path, extra=extra)
    return build


def _excel_formula_without_value(path: Path) -> None:
    """As Excel itself leaves a formula it never calculated: ``<f>`` and no ``<v>``."""
    _save([CASE_HEADER, _case_row(1), _case_row(2, **{"Benodigde fte": "=B1*2"})], path)
    tmp = path.with_suffix(".tmp.xlsx")
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            data = src.read(item)
            if item.filename.startswith("xl/worksheets/"):
                data = re.sub(rb"<v\s*/>|<v></v>", b"", data)
            dst.writestr(item, data)
    shutil.move(tmp, path)


def _capacity_with_availability(week_header: object) -> Callable[[Path], None]:
    def build(path: Path) -> None:
        wb = Workbook()
        teams = wb.active
        teams.title = "Teams"
        for r in (["Team", "Bezetting", "Inzetbaarheid"], ["Team Noord", 10, 0.7]):
            teams.append(r)
        wide = wb.create_sheet("Beschikbaarheid")
        for r in (["Team", "2026-W48", week_header], ["Team Noord", 6, 5]):
            wide.append(r)
        wb.save(path)
    return build


CYRILLIC_S, CYRILLIC_E, GREEK_O = "\u0405", "\u0435", "\u03bf"

WORKBOOK_FAULTS: tuple[WorkbookFault, ...] = (
    WorkbookFault(
        "naam-met-kwalificatie", "cases",
        _cases(["Zaak-ID", "Naam (verdachte)", "Onderzoeksnaam", "Status", "Benodigde fte",
                "Doorlooptijd (weken)"],
               ["MH-1", "J. Jansen", "Onderzoek Een", "nieuw", 1, 10]),
        (), not_mapped={"name": "Naam (verdachte)"},
    ),
    WorkbookFault(
        "status-met-cyrillische-letter", "cases",
        _cases(["Zaak-ID", "Naam", CYRILLIC_S + "tatus", "Benodigde fte", "Doorlooptijd",
                "Team", "Startweek"],
               ["MH-1", "Een", "lopend", 2, 10, "Team Noord", "2026-W05"]),
        (Expect("error", 1, CYRILLIC_S + "tatus", ("cel C1", "Status", "ander schrift")),),
    ),
    WorkbookFault(
        "ernst-met-cyrillische-e", "cases",
        _cases(["Zaak-ID", "Naam", "Benodigde fte", "Doorlooptijd", CYRILLIC_E.upper() + "rnst"],
               ["MH-1", "Een", 2, 10, 4]),
        (Expect("error", 1, CYRILLIC_E.upper() + "rnst", ("cel E1", "Ernst", "ander schrift")),),
    ),
    WorkbookFault(
        "team-met-griekse-o", "capacity",
        lambda path: _save([["Team", "Bezetting", "Inzetbaarheid", "F" + GREEK_O + "rmatie"],
                            ["Team Noord", 10, 0.7, 12]], path, title="Teams"),
        (Expect("error", 1, "F" + GREEK_O + "rmatie", ("cel D1", "Formatie", "ander schrift")),),
    ),
    WorkbookFault(
        "fout-waarde-in-fte", "cases",
        _with_cells({"E3": ("#DIV/0!", "e")}),
        (Expect("error", 3, "Benodigde fte", ("#DIV/0!",), "#DIV/0!"),),
    ),
    WorkbookFault(
        "fout-waarde-in-naam", "cases",
        _with_cells({"B4": ("#N/A", "e")}),
        (Expect("error", 4, "Onderzoeksnaam", ("#N/A",), "#N/A"),),
    ),
    WorkbookFault(
        "formule-zonder-uitkomst-openpyxl", "cases",
        _with_cells({"F2": ("=10*2", None)}),
        (Expect("error", 2, "Doorlooptijd (weken)", ("formule", "opslaan")),),
    ),
    WorkbookFault(
        "formule-zonder-uitkomst-excel", "cases",
        _excel_formula_without_value,
        (Expect("error", 3, "Benodigde fte", ("formule", "opslaan")),),
    ),
    WorkbookFault(
        "startweek-in-1900", "cases",
        _cases(CASE_HEADER, _case_row(1, Status="lopend", Team="Team Noord",
                                      Startweek=datetime(1900, 1, 1))),
        (Expect("error", 2, "Startweek", ("1900",)),),
    ),
    WorkbookFault(
        "startweek-ver-in-de-toekomst", "cases",
        _cases(CASE_HEADER, _case_row(1, Status="lopend", Team="Team Noord",
                                      Startweek="2190-W01")),
        (Expect("error", 2, "Startweek", ("2190",)),),
    ),
    WorkbookFault(
        "vroegste-start-als-oude-datum", "cases",
        _cases([*CASE_HEADER, "Vroegste start"], [*_case_row(1), date(1950, 6, 1)]),
        (Expect("error", 2, "Vroegste start", ("1950",)),),
    ),
    WorkbookFault(
        "beschikbaarheid-week-1900", "capacity",
        _capacity_with_availability("1900-W02"),
        (Expect("warning", 1, "1900-W02", ("1900", "niet gebruikt")),),
    ),
    WorkbookFault(
        "fte-1e12", "cases",
        _cases(CASE_HEADER, _case_row(1, **{"Benodigde fte": 1e12})),
        (Expect("error", 2, "Benodigde fte", ("onwaarschijnlijk",), "1000000000000"),),
    ),
    WorkbookFault(
        "miljoen-weken", "cases",
        _cases(CASE_HEADER, _case_row(1, **{"Doorlooptijd (weken)": 1_000_000})),
        (Expect("error", 2, "Doorlooptijd (weken)", ("onwaarschijnlijk",), "1000000"),),
    ),
    WorkbookFault(
        "10-tot-de-15e-slachtoffers", "cases",
        _cases(CASE_HEADER, _case_row(1, Slachtoffers=10**15)),
        (Expect("warning", 2, "Slachtoffers", ("onwaarschijnlijk",)),),
    ),
    WorkbookFault(
        "bezetting-1e12", "capacity",
        lambda path: _save([["Team", "Bezetting", "Inzetbaarheid"], ["Team Noord", 1e12, 0.7]],
                           path, title="Teams"),
        (Expect("error", 2, "Bezetting", ("onwaarschijnlijk",)),),
    ),
)
