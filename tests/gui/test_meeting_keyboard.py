"""The meeting's keyboard and decision form, through real widgets: nothing carries over
from one case to the next, refusals show next to their field, the keys go where the
keyboard map says, and a draft is replaced only after a confirmation."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QMessageBox

from stuurploeg.domain.model import DecisionKind, HandOverTarget
from stuurploeg.gui.docks.decisions import parse_date
from stuurploeg.gui.meeting.keymap import KeyMapDialog
from stuurploeg.gui.ranking import model as rm
from tests.gui.factories import make_capacity, make_cases
from tests.gui.fixtures import HANG_GUARD_MS, make_workspace, open_in

pytestmark = pytest.mark.gui
CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def room(qtbot, main_window, tmp_path):
    """The meeting layout on 20 fictional cases, the keyboard in the window."""
    window = main_window
    path = make_workspace(tmp_path / "w.stuurploeg", make_cases(20), make_capacity())
    open_in(qtbot, window.controller, path)
    window.set_meeting_mode(True)
    window.resize(1280, 720)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=HANG_GUARD_MS)
    window.meeting_room.meeting_fields.by.setText("mensenhandelofficier")
    window.ranking_view.table.setFocus()
    return window


def _key(qtbot, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(QApplication.focusWidget(), key, modifier)


def test_nothing_carries_over_to_the_next_case(qtbot, room):
    form, table, model = room.meeting_room.form, room.ranking_view.table, room.ranking_view.model
    table.select_case(model.case_id_at(0))
    _key(qtbot, Qt.Key.Key_Return)
    # Everything typed on the first case, not recorded …
    form.kind.setCurrentIndex(form.kind.findData(DecisionKind.EXPAND.value))
    form.extra_weeks.setValue(8)
    form.until_next.setChecked(True)
    form.target.setCurrentIndex(form.target.findData(HandOverTarget.KMAR.value))
    form.target_detail.setText("KMar Schiphol")
    form.motivation.setPlainText("nog niet")
    table.setFocus()
    _key(qtbot, Qt.Key.Key_Down)  # … is gone on the next one: its own pre-fill only
    second = model.case_id_at(1)
    assert room.controller.selected_case_id == second
    proposed = room.controller.proposed_decision(second)
    assert form.current_kind() is proposed.kind
    assert form.extra_weeks.value() == 0 and not form.until_next.isChecked()
    assert form.target.currentData() == HandOverTarget.OTHER_UNIT.value
    assert form.target_detail.text() == "" and form.motivation.toPlainText() == ""
    assert form.until.text() == (room.controller.meeting.day + timedelta(days=28)).strftime(
        "%d-%m-%Y"
    )


def test_esc_cancels_back_to_the_proposal_and_the_ranking(qtbot, room):
    form, table = room.meeting_room.form, room.ranking_view.table
    table.select_case(room.ranking_view.model.case_id_at(0))
    _key(qtbot, Qt.Key.Key_Return)
    _key(qtbot, Qt.Key.Key_4)  # niet oppakken, cursor in the motivation
    assert form.motivation.hasFocus()
    qtbot.keyClicks(form.motivation, "toch niet")
    _key(qtbot, Qt.Key.Key_Escape)
    assert table.hasFocus()
    assert form.current_kind() is DecisionKind.TAKE_UP and form.motivation.toPlainText() == ""
    assert room.controller.meeting.decisions == ()


def test_a_date_that_cannot_be_read_is_refused_at_the_date(qtbot, room):
    form, table = room.meeting_room.form, room.ranking_view.table
    table.select_case(room.ranking_view.model.case_id_at(0))
    _key(qtbot, Qt.Key.Key_Return)
    _key(qtbot, Qt.Key.Key_3)  # parkeren: the date field, its text selected
    assert form.until.hasFocus() and form.until.selectedText() == form.until.text()
    qtbot.keyClicks(form.until, "31-02-2027")
    qtbot.keyClicks(form.until, "")
    _key(qtbot, Qt.Key.Key_Return, CTRL)
    assert "15-01-2027" in form.problems.text()  # how to write it
    assert form.until.hasFocus()
    row = form.form.getWidgetPosition(form.problems)[0]
    assert row == form.form.getWidgetPosition(form.until_next)[0] + 1  # right under it
    assert room.controller.meeting.decisions == ()
    assert parse_date("15-1-2027") == parse_date("15/01/2027") == date(2027, 1, 15)
    assert parse_date("15-1-27") == date(2027, 1, 15) and parse_date("31-02-2027") is None


def test_a_missing_motivation_is_shown_at_the_motivation(qtbot, room):
    form, table = room.meeting_room.form, room.ranking_view.table
    table.select_case(room.ranking_view.model.case_id_at(0))
    _key(qtbot, Qt.Key.Key_Return)
    _key(qtbot, Qt.Key.Key_6)  # afsluiten needs a motivation
    _key(qtbot, Qt.Key.Key_Return, CTRL)
    assert "motivering" in form.problems.text()
    assert form.motivation.hasFocus()
    assert form.form.getWidgetPosition(form.problems)[0] == (
        form.form.getWidgetPosition(form.motivation)[0] + 1
    )


def test_home_end_go_to_first_and_last_row_not_sideways(qtbot, room):
    table, model = room.ranking_view.table, room.ranking_view.model
    table.select_case(model.case_id_at(5))
    for key, modifier, row in (
        (Qt.Key.Key_End, Qt.KeyboardModifier.NoModifier, model.rowCount() - 1),
        (Qt.Key.Key_Home, Qt.KeyboardModifier.NoModifier, 0),
        (Qt.Key.Key_End, CTRL, model.rowCount() - 1),
        (Qt.Key.Key_Home, CTRL, 0),
    ):
        _key(qtbot, key, modifier)
        assert table.current_case_id() == model.case_id_at(row)
        assert table.horizontalScrollBar().value() == 0
        assert table.currentIndex().column() in (rm.NAME, rm.CASE_ID, rm.RANK)


def test_typing_a_rank_or_case_number_jumps_to_it(qtbot, room):
    table, model = room.ranking_view.table, room.ranking_view.model
    qtbot.keyClicks(table, "3")
    assert table.current_case_id() == model.case_id_at(2)
    qtbot.wait(QApplication.keyboardInputInterval() + 50)
    target = model.case_id_at(7)
    qtbot.keyClicks(table, target[-3:])  # the end of its number (no rank that high)
    assert table.current_case_id() == target or target[-3:].isdigit()
    qtbot.wait(QApplication.keyboardInputInterval() + 50)
    qtbot.keyClicks(table, target.lower())
    assert table.current_case_id() == target


def test_search_and_enter_select_the_first_match_and_focus_the_ranking(qtbot, room):
    view = room.ranking_view
    target = view.model.case_id_at(4)
    view.search.setFocus()
    qtbot.keyClicks(view.search, target)
    _key(qtbot, Qt.Key.Key_Return)
    assert view.table.hasFocus() and view.table.current_case_id() == target
    assert room.controller.selected_case_id == target
    assert room.meeting_room.summary.title.text().startswith(target)
    view.search.setFocus()
    _key(qtbot, Qt.Key.Key_Escape)  # everything back, the same case still selected
    assert view.table.hasFocus() and view.model.rowCount() == 20
    assert view.table.current_case_id() == target


def test_tab_goes_ranking_form_save_and_back(qtbot, room):
    form, view = room.meeting_room.form, room.ranking_view
    view.search.setFocus()
    _key(qtbot, Qt.Key.Key_Tab)
    assert view.table.hasFocus()  # not into filters or docks
    view.table.select_case(view.model.case_id_at(0))  # a take-up: kind, team, week, fte
    seen = []
    for _ in range(8):
        _key(qtbot, Qt.Key.Key_Tab)
        seen.append(QApplication.focusWidget())
        if seen[-1] is form.record_button:
            break
    assert seen == [form.kind, form.team, form.start, form.fte, form.motivation, form.inform,
                    form.record_button]  # fmt: skip
    _key(qtbot, Qt.Key.Key_Tab)
    assert view.search.hasFocus()  # round again


def test_a_draft_is_replaced_only_after_confirmation_and_undo_restores_it(qtbot, room):
    form, table, controller = room.meeting_room.form, room.ranking_view.table, room.controller
    case_id = room.ranking_view.model.case_id_at(0)
    table.select_case(case_id)
    assert form.record()
    table.select_case(case_id)
    form.kind.setCurrentIndex(form.kind.findData(DecisionKind.DECLINE.value))
    form.motivation.setPlainText("Geen capaciteit in het voorjaar")
    assert not form.record()
    assert case_id in form.problems.text()
    box = form.confirm_box
    assert box is not None and box.isVisible()
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)
    assert [d.kind for d in controller.meeting.decisions] == [DecisionKind.DECLINE]
    room.undo_action.trigger()  # the first draft comes back
    assert [d.kind for d in controller.meeting.decisions] == [DecisionKind.TAKE_UP]


def test_f1_shows_the_keyboard_map_in_dutch(qtbot, room):
    _key(qtbot, Qt.Key.Key_F1)
    dialog = room.findChild(KeyMapDialog)
    assert dialog is not None and dialog.isVisible()
    assert dialog.windowTitle() == "Toetsenoverzicht"
    dialog.close()


def test_the_keyboard_map_names_the_meeting_shortcuts_of_the_menus(qtbot, room):
    # The officer learns the keys from F1: a shortcut missing there is one nobody uses.
    _key(qtbot, Qt.Key.Key_F1)
    dialog = room.findChild(KeyMapDialog)
    shown = {label.text() for label in dialog.findChildren(QLabel)}
    for action in (room.replan_action, room.meeting_action, room.undo_action):
        assert f"<b>{action.shortcut().toString()}</b>" in shown
    assert any(text.startswith("Opnieuw plannen") for text in shown)
    dialog.close()


def test_drafts_of_another_meeting_are_named_in_the_meeting_layout(qtbot, room):
    meeting_room, table = room.meeting_room, room.ranking_view.table
    assert meeting_room.meetings.isHidden()
    table.select_case(room.ranking_view.model.case_id_at(0))
    assert meeting_room.form.record()
    assert meeting_room.meetings.isHidden()  # this meeting's drafts are in the ranking
    fields = meeting_room.meeting_fields
    fields.day.setDate(fields.day.date().addDays(7))
    assert not meeting_room.meetings.isHidden()
    assert "(1)" in meeting_room.meetings.elsewhere.text()
    assert meeting_room.progress.text().startswith("0 van")


def test_every_check_box_and_button_of_the_form_has_a_tip(room):
    form = room.meeting_room.form
    for widget in form.findChildren(QAbstractButton):
        if widget.text():
            assert widget.toolTip(), widget.text()
    assert form.inform.toolTip().startswith("Of de slachtoffers")
