"""The import wizard driven through its pages, on the sample workbook and on a layout the
synonyms do not know (hand-fixed mapping, remembered for next time)."""

from __future__ import annotations

import contextlib
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard

from stuurploeg.gui.importing.wizard import ImportWizard
from stuurploeg.gui.paths import sample_files
from tests.gui.fixtures import HANG_GUARD_MS

pytestmark = pytest.mark.gui

SAMPLE = sample_files()[0]


def _next(qtbot, wizard: QWizard) -> None:
    page = wizard.currentPage()
    qtbot.waitUntil(page.isComplete, timeout=HANG_GUARD_MS)
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)


def _finish(qtbot, wizard: QWizard) -> None:
    qtbot.waitUntil(wizard.currentPage().isComplete, timeout=HANG_GUARD_MS)
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)


@pytest.fixture
def wizard_for(qtbot, main_window):
    made = []

    def make(path: Path) -> ImportWizard:
        wizard = main_window.import_workbook(path)
        qtbot.waitExposed(wizard)
        made.append(wizard)
        return wizard

    yield make
    for w in made:
        with contextlib.suppress(RuntimeError):  # already deleted after finishing
            w.close()


def test_sample_case_list_through_all_pages(qtbot, main_window, wizard_for):
    wizard = wizard_for(SAMPLE)
    _next(qtbot, wizard)  # file
    qtbot.waitUntil(wizard.sheet_page.isComplete, timeout=HANG_GUARD_MS)
    assert wizard.sheet_page.sheet.currentText() == "Zaken"  # chosen automatically
    assert wizard.draft.header_row == 4
    assert wizard.sheet_page.model.rowCount() > 4
    _next(qtbot, wizard)  # sheet
    combos = wizard.mapping_page.combos
    assert combos["case_id"].currentText() == "Zaaknummer"  # pre-filled from the synonyms
    _next(qtbot, wizard)  # mapping
    qtbot.waitUntil(wizard.report_page.isComplete, timeout=HANG_GUARD_MS)
    assert "60 bruikbare rijen" in wizard.report_page.summary.text()
    with qtbot.waitSignal(main_window.controller.cases_changed, timeout=HANG_GUARD_MS):
        _finish(qtbot, wizard)
    assert len(main_window.controller.cases) == 60
    assert main_window.ranking_view.model.rowCount() == 60


def _odd_workbook(path: Path) -> Path:
    """Headers no synonym knows ('Kenmerk', 'Omschrijving'), plus a bad row."""
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "Blad1"
    ws.append(["Kenmerk", "Omschrijving", "Status", "Benodigde fte", "Weken", "Vrij veld"])
    ws.append(["Z-1", "Onderzoek Een", "nieuw", 2, 10, "x"])
    ws.append(["Z-2", "Onderzoek Twee", "nieuw", "veel", 10, "y"])
    ws.append(["Z-3", "Onderzoek Drie", "nieuw", 1.5, 8, "z"])
    wb.save(path)
    return path


def test_hand_fixed_mapping_imports_and_is_remembered(qtbot, main_window, wizard_for, tmp_path):
    path = _odd_workbook(tmp_path / "odd.xlsx")
    wizard = wizard_for(path)
    wizard.file_page.kind.setCurrentIndex(wizard.file_page.kind.findData("cases"))
    _next(qtbot, wizard)
    _next(qtbot, wizard)  # no header recognised: the first row is offered
    page = wizard.mapping_page
    assert page.combos["name"].currentData() == ""  # 'Omschrijving' is no synonym
    assert page.combos["fte"].currentData() == "Benodigde fte"  # but this one is
    page.combos["case_id"].setCurrentIndex(page.combos["case_id"].findData("Kenmerk"))
    page.combos["name"].setCurrentIndex(page.combos["name"].findData("Omschrijving"))
    greyed = [page.columns_model.item(i).text() for i in range(page.columns_model.rowCount())]
    assert any("Vrij veld" in t and "niet geïmporteerd" in t for t in greyed)
    _next(qtbot, wizard)
    report_page = wizard.report_page
    qtbot.waitUntil(lambda: report_page.loaded, timeout=HANG_GUARD_MS)
    report = wizard.draft.report
    assert report.errors, "the row with fte 'veel' is an error"
    assert not report_page.isComplete()  # errors: not without consent
    # double-click the error: its row is shown
    index = report_page.issues.index(0, 0)
    rect = report_page.table.visualRect(index)
    viewport = report_page.table.viewport()
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=rect.center())  # as a real
    qtbot.mouseDClick(viewport, Qt.MouseButton.LeftButton, pos=rect.center())  # double-click
    assert report_page.row_box is not None and "veel" in report_page.row_box.informativeText()
    report_page.row_box.close()
    report_page.skip_bad.setChecked(True)
    with qtbot.waitSignal(main_window.controller.cases_changed, timeout=HANG_GUARD_MS):
        _finish(qtbot, wizard)
    assert sorted(c.case_id for c in main_window.controller.cases) == ["Z-1", "Z-3"]

    again = wizard_for(path)
    again.file_page.kind.setCurrentIndex(again.file_page.kind.findData("cases"))
    _next(qtbot, again)
    _next(qtbot, again)
    assert again.mapping_page.combos["case_id"].currentData() == "Kenmerk"
    assert "teruggezet" in again.mapping_page.remembered.text()


def test_a_bracketed_lookalike_of_a_known_header_is_offered_but_not_chosen(
        qtbot, main_window, wizard_for, tmp_path):
    """'Naam (verdachte)' holds suspects' names: the case name comes from 'Onderzoeksnaam',
    and the other column is shown as not imported, yet still offered for a manual choice."""
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "Zaken"
    ws.append(["Zaak-ID", "Naam (verdachte)", "Onderzoeksnaam", "Status", "Benodigde fte",
               "Doorlooptijd (weken)"])
    ws.append(["MH-1", "J. Jansen", "Onderzoek Een", "nieuw", 1, 10])
    wb.save(tmp_path / "z.xlsx")
    wizard = wizard_for(tmp_path / "z.xlsx")
    _next(qtbot, wizard)
    _next(qtbot, wizard)
    page = wizard.mapping_page
    assert page.combos["name"].currentData() == "Onderzoeksnaam"
    assert page.combos["name"].findData("Naam (verdachte)") > 0  # a manual choice remains
    assert not [k for k, c in page.combos.items() if c.currentData() == "Naam (verdachte)"]
    greyed = [page.columns_model.item(i).text() for i in range(page.columns_model.rowCount())]
    assert any("Naam (verdachte)" in t and "niet geïmporteerd" in t for t in greyed), greyed
