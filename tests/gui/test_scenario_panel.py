"""The scenario panel through real widgets, on a real workspace in tmp_path: make, edit,
duplicate, delete and compare scenarios, refuse bad input with Dutch messages beside the
field, make a scenario the meeting's proposal, and turn a suggestion into a scenario."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit, QMessageBox

from stuurploeg.app.scenarios import list_scenarios, save_scenario
from stuurploeg.app.workspace import open_workspace
from stuurploeg.domain.planning import CapacityDelta, CaseAction, Scenario
from stuurploeg.domain.weeks import IsoWeek
from stuurploeg.gui.scenarios.models import CapacityChangesModel, CaseChangesModel
from tests.gui.factories import make_capacity, make_cases
from tests.gui.fixtures import HANG_GUARD_MS, make_workspace, open_in

pytestmark = [pytest.mark.gui, pytest.mark.slow]  # a window, a workspace and a plan each
EDIT = Qt.ItemDataRole.EditRole


@pytest.fixture
def window(qtbot, main_window, tmp_path):
    path = make_workspace(tmp_path / "wat-als.stuurploeg", make_cases(40, seed=3),
                          make_capacity())
    open_in(qtbot, main_window.controller, path)
    main_window.path = path
    return main_window


def stored(path):
    """The scenarios as the file holds them (read-only: the window keeps its lock)."""
    with open_workspace(path, readonly=True) as ws:
        return {s.name: s for s in list_scenarios(ws)}


def start_week(window) -> str:
    return str(window.controller.proposal.result.start)


def type_capacity(editor, row, team, first, last, fte, specialism=""):
    model = editor.capacity_model
    for column, value in zip(range(5), (team, first, last, fte, specialism), strict=True):
        model.setData(model.index(row, column), value, EDIT)


def make_scenario(qtbot, window, name="Extra Zuid", fte="4"):
    panel = window.scenario_panel
    qtbot.mouseClick(panel.new_button, Qt.MouseButton.LeftButton)
    editor = panel.editor
    qtbot.keyClicks(editor.name, name)
    qtbot.mouseClick(editor.add_capacity, Qt.MouseButton.LeftButton)
    type_capacity(editor, 0, "Team Zuid", start_week(window), "", fte)
    assert not [p for p in editor.problems if not p.warning]
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert panel.current_name() == name
    return panel


def compare(qtbot, panel):
    with qtbot.waitSignal(panel.scenarios.compared, timeout=HANG_GUARD_MS):
        qtbot.mouseClick(panel.compare_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.job is not None and panel.job.done, timeout=HANG_GUARD_MS)


def test_make_a_scenario_and_it_is_stored_in_the_workspace(qtbot, window):
    panel = make_scenario(qtbot, window)
    assert panel.editor.status.text() == "Opgeslagen."
    (scenario,) = stored(window.path).values()
    assert scenario.name == "Extra Zuid"
    (delta,) = scenario.deltas
    assert (delta.team, str(delta.from_week), delta.to_week, delta.fte) == (
        "Team Zuid", start_week(window), None, 4.0)
    assert panel.model.rowCount() == 1


def test_bad_input_is_refused_with_dutch_messages_beside_the_field(qtbot, window):
    panel = window.scenario_panel
    qtbot.mouseClick(panel.new_button, Qt.MouseButton.LeftButton)
    editor = panel.editor
    assert editor.name_problem.isVisible() and "naam" in editor.name_problem.text()
    qtbot.keyClicks(editor.name, "Fout")
    qtbot.mouseClick(editor.add_capacity, Qt.MouseButton.LeftButton)
    type_capacity(editor, 0, "Team Zud", "2026-45", "", "twee")
    qtbot.mouseClick(editor.add_case, Qt.MouseButton.LeftButton)
    cases = editor.case_model
    cases.setData(cases.index(0, CaseChangesModel.CASE_ID), "MH-99999", EDIT)
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)

    assert stored(window.path) == {}  # nothing stored
    assert "Niet opgeslagen" in editor.status.text()
    text = editor.capacity_problems.text()
    assert "Capaciteitswijziging 1" in text
    assert "'2026-45' is geen week" in text and "fte moet een getal" in text
    model = editor.capacity_model
    for column in (CapacityChangesModel.FROM, CapacityChangesModel.FTE):
        index = model.index(0, column)
        assert index.data(Qt.ItemDataRole.BackgroundRole) is not None
        assert index.data(Qt.ItemDataRole.ToolTipRole)
    assert model.index(0, CapacityChangesModel.TO).data(Qt.ItemDataRole.BackgroundRole) is None

    # once the typing errors are gone, the check against the data names the rest
    type_capacity(editor, 0, "Team Zud", start_week(window), "", "2,5")
    text = editor.capacity_problems.text()
    assert "onbekend team 'Team Zud'" in text and "'Team Zuid'" in text  # a hint
    assert "onbekende zaak 'MH-99999'" in editor.case_problems.text()
    team = model.index(0, CapacityChangesModel.TEAM)
    assert team.data(Qt.ItemDataRole.BackgroundRole) is not None
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert stored(window.path) == {}

    type_capacity(editor, 0, "Team Zuid", start_week(window), "", "2,5")
    editor.remove_case.click()  # no row chosen: nothing happens
    editor.case_table.setCurrentIndex(cases.index(0, 0))
    qtbot.mouseClick(editor.remove_case, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert stored(window.path)["Fout"].deltas[0].fte == 2.5


def test_a_name_in_use_is_refused_for_a_new_scenario(qtbot, window):
    make_scenario(qtbot, window, "Dubbel")
    panel = window.scenario_panel
    qtbot.mouseClick(panel.new_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(panel.editor.name, "Dubbel")
    qtbot.mouseClick(panel.editor.save_button, Qt.MouseButton.LeftButton)
    assert "al een scenario met de naam Dubbel" in panel.editor.name_problem.text()
    assert len(stored(window.path)) == 1


def test_edit_a_scenario_rename_it_and_undo_unsaved_changes(qtbot, window):
    panel = make_scenario(qtbot, window, "Zuid")
    editor = panel.editor
    model = editor.capacity_model
    model.setData(model.index(0, CapacityChangesModel.FTE), "-1,5", EDIT)
    model.setData(model.index(0, CapacityChangesModel.SPECIALISM), "digitaal", EDIT)
    assert model.index(0, CapacityChangesModel.SPECIALISM).data() == "Digitaal"
    editor.name.clear()
    qtbot.keyClicks(editor.name, "Zuid minder")
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    scenarios = stored(window.path)
    assert set(scenarios) == {"Zuid minder"}
    kinds = [(d.kind, d.fte) for d in scenarios["Zuid minder"].deltas]
    assert kinds == [("totaal", -1.5), ("digitaal", -1.5)]  # of one specialism
    assert panel.current_name() == "Zuid minder"

    model.setData(model.index(0, CapacityChangesModel.FTE), "9", EDIT)
    qtbot.mouseClick(editor.revert_button, Qt.MouseButton.LeftButton)
    assert model.index(0, CapacityChangesModel.FTE).data() == "-1,5"
    assert model.index(0, CapacityChangesModel.SPECIALISM).data(EDIT) == "digitaal"


def test_duplicate_and_delete(qtbot, window):
    panel = make_scenario(qtbot, window, "Origineel")
    qtbot.mouseClick(panel.duplicate_button, Qt.MouseButton.LeftButton)
    assert panel.current_name() == "Origineel (kopie)"
    assert set(stored(window.path)) == {"Origineel", "Origineel (kopie)"}
    assert panel.editor.name.text() == "Origineel (kopie)"
    assert stored(window.path)["Origineel (kopie)"].deltas == stored(window.path)[
        "Origineel"].deltas

    box = panel.ask_delete()
    assert isinstance(box, QMessageBox) and "Origineel (kopie)" in box.text()
    box.button(QMessageBox.StandardButton.No).click()
    assert len(stored(window.path)) == 2
    box = panel.ask_delete()
    box.button(QMessageBox.StandardButton.Yes).click()
    assert set(stored(window.path)) == {"Origineel"}
    assert panel.model.rowCount() == 1


def test_compare_side_by_side_and_make_it_the_proposal(qtbot, window):
    controller = window.controller
    base = controller.proposal
    planned = [a.case_id for a in base.result.assignments]
    panel = make_scenario(qtbot, window, "Meer Zuid", fte="6")
    editor = panel.editor
    qtbot.mouseClick(editor.add_case, Qt.MouseButton.LeftButton)
    cases = editor.case_model
    cases.setData(cases.index(0, CaseChangesModel.CASE_ID), planned[0], EDIT)
    cases.setData(cases.index(0, CaseChangesModel.ACTION), "out", EDIT)
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert not panel.proposal_button.isEnabled()  # compare first

    compare(qtbot, panel)
    outcome = panel.scenarios.outcome("Meer Zuid")
    c = outcome.comparison
    assert outcome.plan.planner == base.planner and outcome.plan.start == base.result.start
    view = panel.comparison
    assert panel.tabs.currentWidget() is view and view.body.isVisible()
    # the side-by-side figures, in Dutch number format
    base_total, scen_total, delta = view.figures["priority"]
    assert base_total.text() == QLocale().toString(c.base_total, "f", 1)
    assert scen_total.text() == QLocale().toString(c.scenario_total_base_weights, "f", 1)
    assert "," in base_total.text()  # Dutch
    assert delta.text().startswith("+" if c.delta_priority >= 0 else "-")
    assert [view.in_model.items[i].case_id for i in range(view.in_model.rowCount())] == [
        x.case_id for x in c.newly_in]
    out_ids = [x.case_id for x in view.out_model.items]
    assert planned[0] in out_ids  # forced out, with its reason
    row = out_ids.index(planned[0])
    assert view.out_model.index(row, 2).data() == "Uitgesloten in het scenario."
    assert [t.team for t in view.load_model.items] == ["Team Noord", "Team Zuid"]
    utilisation = view.load_model.index(1, 1).data()  # base → scenario
    assert " % → " in utilisation and utilisation.endswith(" %")
    overloaded = view.figures["overloaded"]
    assert overloaded[1].text() == str(len(c.scenario_overloaded))
    assert panel.model.index(0, 2).data() != "—"  # Δ priority in the list

    # make it the meeting's proposal: stored, shown, and visible as such
    assert "basisplan" in panel.shown.text()
    qtbot.mouseClick(panel.proposal_button, Qt.MouseButton.LeftButton)
    proposal = controller.proposal
    assert proposal.result.scenario.name == "Meer Zuid" and proposal.plan_id is not None
    assert "scenario Meer Zuid" in panel.shown.text()
    assert "Meer Zuid" in window.windowTitle() and "Meer Zuid" in window.shown_label.text()
    assert panel.model.index(0, 0).data() == "Meer Zuid (getoond)"
    with open_workspace(window.path, readonly=True) as ws:
        assert ws.plan(proposal.plan_id).scenario_id is not None
    # a decision taken now records the scenario plan's proposal
    assert controller.proposed_decision(c.newly_in[0].case_id if c.newly_in else planned[1])

    qtbot.mouseClick(panel.base_button, Qt.MouseButton.LeftButton)
    assert controller.proposal is base and "basisplan" in panel.shown.text()
    assert "Meer Zuid" not in window.windowTitle()


def test_compare_refuses_a_scenario_that_no_longer_fits_the_data(qtbot, main_window,
                                                                   tmp_path):
    """A stored scenario about a team that is no longer in the capacity sheet: shown with
    its problem beside the field, and not planned."""
    path = make_workspace(tmp_path / "oud.stuurploeg", make_cases(20, seed=4), make_capacity())
    with open_workspace(path) as ws:
        save_scenario(ws, Scenario("Oud", (CapacityDelta("Team Weg", IsoWeek.current(), None,
                                                         1.0),)))
    open_in(qtbot, main_window.controller, path)
    panel = main_window.scenario_panel
    # listed in a worker on opening
    qtbot.waitUntil(lambda: "Oud" in panel.scenarios.names(), timeout=HANG_GUARD_MS)
    assert panel.current_name() is None and not panel.compare_button.isEnabled()
    panel.select("Oud")
    assert panel.editor.name.text() == "Oud"
    assert "onbekend team 'Team Weg'" in panel.editor.capacity_problems.text()
    assert panel.compare() is None
    assert "Capaciteitswijziging 1: onbekend team" in panel.status.text()
    assert panel.scenarios.outcome("Oud") is None and panel.job is None


def test_a_suggestion_becomes_a_scenario(qtbot, window):
    controller = window.controller
    proposal = controller.proposal
    unplanned = [u.case_id for u in proposal.result.unplanned
                 if u.case_id in controller.scenarios.candidate_ids()]
    box = window.scenario_panel.suggestions
    found = None
    for case_id in unplanned:
        with qtbot.waitSignal(controller.scenarios.suggestions_ready, timeout=HANG_GUARD_MS):
            controller.select_case(case_id)
        if box.model.rowCount():
            found = case_id
            break
    assert found is not None, "no case with a suggestion in this instance"
    assert found in box.message.text()
    first = box.model.items[0]
    assert box.model.index(0, 0).data() == first.team
    assert box.new_button.isEnabled() and not box.add_button.isEnabled()  # no scenario chosen
    qtbot.mouseClick(box.new_button, Qt.MouseButton.LeftButton)
    (scenario,) = stored(window.path).values()
    assert scenario.name == f"{found} bij {first.team} vanaf {first.start_week}"
    actions = {c.action for c in scenario.cases}
    assert CaseAction.IN in actions and all(c.case_id == found for c in scenario.cases)
    panel = window.scenario_panel
    assert panel.current_name() == scenario.name
    assert panel.editor.case_model.rowCount() == len(scenario.cases)

    # again, into the chosen scenario: its changes of this case are replaced, not doubled
    assert box.add_button.isEnabled()
    box.table.selectRow(0)
    qtbot.mouseClick(box.add_button, Qt.MouseButton.LeftButton)
    (again,) = stored(window.path).values()
    assert len(again.cases) == len(scenario.cases)


def test_a_planned_case_gets_no_suggestions(qtbot, window):
    controller = window.controller
    planned = controller.proposal.result.assignments[0]
    controller.select_case(planned.case_id)
    box = window.scenario_panel.suggestions
    assert "in het plan" in box.message.text() and box.model.rowCount() == 0
    assert not box.new_button.isEnabled()


def test_cells_are_edited_with_their_editors_by_keyboard(qtbot, window):
    """Through the views' own editors: typed text, the team combo (also a typed team) and
    the specialism and action combos; Enter commits, as an officer would do it."""
    panel = window.scenario_panel
    editor = panel.editor
    qtbot.mouseClick(panel.new_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(editor.name, "Toetsenbord")
    qtbot.mouseClick(editor.add_capacity, Qt.MouseButton.LeftButton)
    table, model = editor.capacity_table, editor.capacity_model

    def edit(column):
        index = model.index(0, column)
        table.setCurrentIndex(index)
        table.edit(index)
        widget = QApplication.focusWidget()
        assert widget is not None and widget is not table
        return widget

    combo = edit(CapacityChangesModel.TEAM)
    assert isinstance(combo, QComboBox) and combo.isEditable()
    assert [combo.itemText(i) for i in range(combo.count())] == ["Team Noord", "Team Zuid"]
    combo.setCurrentIndex(1)
    qtbot.keyClick(combo, Qt.Key.Key_Return)
    for column, text in ((CapacityChangesModel.FROM, start_week(window)),
                         (CapacityChangesModel.FTE, "1,5")):
        line = edit(column)
        assert isinstance(line, QLineEdit)
        line.selectAll()
        qtbot.keyClicks(line, text)
        qtbot.keyClick(line, Qt.Key.Key_Return)
    combo = edit(CapacityChangesModel.SPECIALISM)
    assert not combo.isEditable() and combo.itemText(0) == "Totaal (alle fte)"
    qtbot.keyClick(combo, Qt.Key.Key_Down)  # the next item, "Digitaal": taken at once
    assert model.rows()[0].team == "Team Zuid" and model.rows()[0].fte == "1,5"
    assert model.rows()[0].specialism == "digitaal"

    qtbot.mouseClick(editor.add_case, Qt.MouseButton.LeftButton)
    table, model = editor.case_table, editor.case_model
    candidate = window.controller.scenarios.candidate_ids()[0]
    combo = edit(CaseChangesModel.CASE_ID)
    combo.setCurrentIndex(combo.findData(candidate))
    qtbot.keyClick(combo, Qt.Key.Key_Return)
    combo = edit(CaseChangesModel.ACTION)
    assert [combo.itemText(i) for i in range(combo.count())] == [
        "Moet erin", "Uitgesloten", "Start niet vóór"]
    combo.setCurrentIndex(1)
    qtbot.keyClick(combo, Qt.Key.Key_Down)  # "Start niet vóór"
    assert any(p.section == "case" and p.field == "start" and not p.warning
               for p in editor.problems)  # a start week is now needed
    line = edit(CaseChangesModel.START)
    qtbot.keyClicks(line, str(window.controller.proposal.result.start + 4))
    qtbot.keyClick(line, Qt.Key.Key_Return)
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    scenario = stored(window.path)["Toetsenbord"]
    assert [(d.team, d.kind, d.fte) for d in scenario.deltas] == [
        ("Team Zuid", "totaal", 1.5), ("Team Zuid", "digitaal", 1.5)]
    (change,) = scenario.cases
    assert (change.case_id, change.action) == (candidate, CaseAction.START)


def test_unsaved_edits_are_never_thrown_away_by_choosing_another_scenario(qtbot, window):
    panel = make_scenario(qtbot, window, "Een")
    make_scenario(qtbot, window, "Twee")
    editor = panel.editor
    model = editor.capacity_model
    model.setData(model.index(0, CapacityChangesModel.FTE), "7", EDIT)
    assert editor.dirty
    panel.list.selectRow(panel.model.row_of("Een"))
    assert panel.current_name() == "Twee" and editor.original == "Twee"
    assert model.index(0, CapacityChangesModel.FTE).data() == "7"
    assert "niet opgeslagen" in panel.status.text()
    qtbot.mouseClick(panel.new_button, Qt.MouseButton.LeftButton)
    assert editor.original == "Twee" and panel.duplicate() is None
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert not editor.dirty and stored(window.path)["Twee"].deltas[0].fte == 7.0
    panel.list.selectRow(panel.model.row_of("Een"))
    assert editor.original == "Een" and editor.name.text() == "Een"

    window.controller.close()  # a draft is not carried into the next workspace
    assert editor.original is None and editor.name.text() == "" and not editor.dirty
