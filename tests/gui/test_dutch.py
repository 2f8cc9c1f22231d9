"""Dutch everywhere: Qt's own dialogs, chart axes, the merge report, and the tooltips that
explain badges, proposal cells, decision marks and buttons."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from PySide6.QtCore import QLibraryInfo, QLocale, Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel, QMessageBox, QPushButton

from stuurploeg.domain.model import CRITERIA
from stuurploeg.domain.scoring import Ranking
from stuurploeg.gui.application import install_qt_translation
from stuurploeg.gui.controller import WorkspaceController
from stuurploeg.gui.controller.texts import merge_details
from stuurploeg.gui.labels import criterion_label
from stuurploeg.gui.paths import qt_translation_file
from stuurploeg.gui.ranking import model as rm
from stuurploeg.gui.ranking.rows import build_rows
from stuurploeg.gui.settings import Settings
from tests.gui.factories import make_cases, real_plan

pytestmark = pytest.mark.gui


# -- Qt's own dialogs -----------------------------------------------------------------------


def test_qt_translation_is_found_and_loaded(qapp):
    qt_dir = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    loaded = install_qt_translation(QApplication.instance())
    assert loaded is not None and loaded.is_file()
    if not (qt_dir / "qtbase_nl.qm").is_file():  # the PySide6 wheels: our copy is taken
        assert loaded == qt_translation_file()


def test_message_box_buttons_are_dutch(qtbot):
    box = QMessageBox()
    qtbot.addWidget(box)
    box.setStandardButtons(
        QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel
        | QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
        | QMessageBox.StandardButton.Close
    )  # fmt: skip
    texts = {box.button(b).text() for b in (QMessageBox.StandardButton.Cancel,
                                            QMessageBox.StandardButton.Yes,
                                            QMessageBox.StandardButton.No,
                                            QMessageBox.StandardButton.Close)}  # fmt: skip
    assert texts == {"Annuleren", "&Ja", "&Nee", "Sluiten"}


def test_file_dialog_is_dutch(qtbot):
    dialog = QFileDialog(None, "x")
    qtbot.addWidget(dialog)
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    labels = {label.text() for label in dialog.findChildren(QLabel) if label.text()}
    assert labels == {"&Zoeken in:", "Bestands&naam:", "Bestands&type:"}
    buttons = {b.text() for b in dialog.findChildren(QPushButton) if b.text()}
    assert {"Op&slaan", "Annuleren"} <= buttons


def test_wizard_buttons_and_edit_menus_are_dutch(qtbot):
    from PySide6.QtWidgets import QLineEdit, QWizard

    wizard = QWizard()
    qtbot.addWidget(wizard)
    buttons = (QWizard.WizardButton.BackButton, QWizard.WizardButton.NextButton,
               QWizard.WizardButton.FinishButton, QWizard.WizardButton.CancelButton)  # fmt: skip
    assert [wizard.buttonText(b) for b in buttons] == [
        "< &Terug", "&Volgende >", "Vol&tooien", "Annuleren"
    ]
    edit = QLineEdit()
    qtbot.addWidget(edit)
    menu = edit.createStandardContextMenu()
    assert [a.text().split("\t")[0] for a in menu.actions() if a.text()][:2] == [
        "&Ongedaan maken", "Opnie&uw"
    ]


# -- chart axes -------------------------------------------------------------------------------


def test_tick_strings_use_the_decimal_comma(qapp):
    from stuurploeg.gui.charts import CapacityChart, ContributionChart, DutchAxis, dutch_ticks

    assert QLocale().decimalPoint() == ","
    assert dutch_ticks([0.0, 0.5, 1.0, 1.5], 0.5) == ["0,0", "0,5", "1,0", "1,5"]
    assert dutch_ticks([0.0, 10.0, 20.0], 10.0) == ["0", "10", "20"]
    assert dutch_ticks([1000.0, 2000.0], 1000.0) == ["1.000", "2.000"]
    assert dutch_ticks([0.02, 0.04], 0.02) == ["0,02", "0,04"]
    capacity, contribution = CapacityChart(), ContributionChart()
    try:
        for axis in (capacity.getAxis("left"), contribution.getAxis("bottom")):
            assert isinstance(axis, DutchAxis)
            assert axis.tickStrings([2.0, 2.5], 1.0, 0.5) == ["2,0", "2,5"]
    finally:
        capacity.deleteLater()
        contribution.deleteLater()


def test_score_chart_has_its_criterion_labels_before_the_first_show(qtbot):
    from PySide6.QtGui import QFontMetrics

    from stuurploeg.gui.charts import ContributionChart

    chart = ContributionChart()
    qtbot.addWidget(chart)
    axis = chart.getAxis("left")
    labels = [criterion_label(c) for c in CRITERIA]
    assert [t for _, t in chart.criterion_ticks] == labels
    assert labels[0] == "Ernst"  # Dutch
    assert axis._tickLevels == [chart.criterion_ticks]  # set before anything is shown
    widest = max(QFontMetrics(chart.font()).horizontalAdvance(t) for t in labels)
    assert axis.minimumWidth() >= widest  # room for the longest from the start


# -- the merge report -------------------------------------------------------------------------


def test_merge_details_name_fields_in_dutch_with_decimal_commas():
    from stuurploeg.store.cases_repo import FieldChange, MergeReport

    cases = MergeReport("cases", changed=[FieldChange("MH-001", "victims", 1, 6)])
    capacity = MergeReport(
        "capacity", changed=[FieldChange("Team Noord", "staffed_fte", 14.0, 5.5)]
    )
    assert merge_details(cases) == "Gewijzigd MH-001, slachtoffers: 1 → 6"
    assert merge_details(capacity) == "Gewijzigd Team Noord, bezetting (fte): 14 → 5,5"


# -- tooltips ---------------------------------------------------------------------------------


def test_badges_proposal_cells_and_decision_marks_have_tooltips(qapp):
    cases = make_cases(30)
    plan = real_plan(cases)
    entries = list(plan.ranking.entries)
    entries[0] = dataclasses.replace(entries[0], priority_rule=True, incomplete=True, fragile=True)
    ranking = Ranking(plan.ranking.profile, tuple(entries))
    decided = entries[1].case_id
    m = rm.RankingModel()
    m.set_rows(build_rows(cases, ranking, plan.assignments, plan.unplanned,
                          decisions={decided: "Oppakken ✓"}))  # fmt: skip

    def tip(case_id: str, column: int) -> str | None:
        return m.data(m.index(m.row_of(case_id), column), Qt.ItemDataRole.ToolTipRole)

    badges = tip(entries[0].case_id, rm.BADGES)
    assert badges.splitlines()[0].startswith("Voorrang: actuele uitbuiting met minderjarigen")
    assert "Onvolledig:" in badges and "Wankel:" in badges
    planned = plan.assignments[0].case_id
    assert tip(planned, rm.PLAN).startswith("Voorgesteld: " + plan.assignments[0].team)
    assert tip(decided, rm.DECISION).startswith("Laatste besluit: ✓ vastgesteld")


def test_buttons_have_tooltips(qtbot):
    from stuurploeg.gui.main_window import MainWindow

    window = MainWindow()
    qtbot.addWidget(window)
    # The panels built on first show (start-up time) are built here, so that their
    # buttons are checked too.
    window.decisions_panel  # noqa: B018
    window.scenario_panel  # noqa: B018
    buttons = [b for b in window.findChildren(QPushButton) if b.text()]
    assert len(buttons) >= 8
    assert [b.text() for b in buttons if not b.toolTip()] == []


def test_the_proposal_banner_explains_itself(qtbot):
    from stuurploeg.gui.docks.capacity import ProposalBanner

    controller = WorkspaceController(Settings())
    banner = ProposalBanner(controller)
    qtbot.addWidget(banner)
    assert banner.text.toolTip() and banner.replan_button.toolTip()
    assert banner.text.text() == "Nog geen voorstel."


def test_score_chart_draws_its_labels_the_first_time_it_is_shown(qtbot):
    from stuurploeg.gui.charts import ContributionChart

    chart = ContributionChart()
    qtbot.addWidget(chart)
    chart.resize(420, 220)
    chart.show_contributions({c: 5.0 + 3 * i for i, c in enumerate(CRITERIA)})
    chart.show()
    qtbot.waitExposed(chart)
    image = chart.grab().toImage()
    left = int(chart.getAxis("left").minimumWidth()) - 12  # the label strip, not the line
    dark = sum(
        1
        for x in range(0, left, 2)
        for y in range(0, image.height(), 2)
        if image.pixelColor(x, y).lightness() < 128
    )
    assert dark > 50, "the criterion labels are drawn"
