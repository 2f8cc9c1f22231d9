"""A whole meeting in the meeting layout, keyboard only: 20 cases, every kind of decision,
one refused second decision, then vaststellen and the exported besluitenlijst.

Every key goes to the widget that has the focus, as on a real keyboard; the key strokes
per decision are counted (typed text apart) and held to the bounds the meeting needs.
"""

from __future__ import annotations

from collections import Counter
from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from stuurploeg.domain.model import DecisionKind
from stuurploeg.gui.ranking import model as rm
from tests.gui.factories import make_capacity, make_cases
from tests.gui.fixtures import HANG_GUARD_MS, make_workspace, open_in

pytestmark = [pytest.mark.gui, pytest.mark.slow]

CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier
#: recording what the plan proposes; any other decision, plus the text typed
PROPOSED_KEYS, OTHER_KEYS = 2, 6


class Keyboard:
    """Keys to whatever widget has the focus; counts the key strokes, not typed text."""

    def __init__(self, qtbot) -> None:
        self.qtbot = qtbot
        self.strokes = 0

    def focused(self):
        widget = QApplication.focusWidget()
        assert widget is not None, "no widget has the keyboard focus"
        return widget

    def press(self, key: Qt.Key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
        self.qtbot.keyClick(self.focused(), key, modifier)
        self.strokes += 1

    def type(self, text: str) -> None:
        self.qtbot.keyClicks(self.focused(), text)

    def count(self) -> int:
        strokes, self.strokes = self.strokes, 0
        return strokes


@pytest.fixture
def meeting(qtbot, main_window, tmp_path):
    """20 cases (10 ranked candidates, 10 running) on two teams, in the meeting layout."""
    window = main_window
    window.resize(1280, 720)
    path = make_workspace(tmp_path / "vergadering.stuurploeg", make_cases(20), make_capacity())
    open_in(qtbot, window.controller, path)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=HANG_GUARD_MS)
    window.ranking_view.table.setFocus()
    qtbot.keyClick(window.ranking_view.table, Qt.Key.Key_F8)
    assert window.meeting_mode
    return window


def test_a_twenty_case_meeting_by_keyboard(qtbot, meeting, tmp_path):
    window, controller = meeting, meeting.controller
    room, view = window.meeting_room, window.ranking_view
    form, table = room.form, view.table
    keys = Keyboard(qtbot)
    qtbot.keyClicks(room.meeting_fields.by, "mensenhandelofficier")
    table.setFocus()
    assert view.model.rowCount() == 20 and table.current_case_id() == ""
    keys.press(Qt.Key.Key_Down)  # the first Down lands on rank 1, it does not skip it
    keys.count()
    assert table.current_case_id() == view.model.case_id_at(0)
    park_until = (controller.meeting.day + timedelta(days=60)).strftime("%d-%m-%Y")

    def proposed() -> None:
        keys.press(Qt.Key.Key_Return)  # to the form, pre-filled from the proposal
        keys.press(Qt.Key.Key_Return, CTRL)

    def other_team_and_week() -> None:
        keys.press(Qt.Key.Key_Return)
        keys.press(Qt.Key.Key_Tab)  # team
        team = form.team.currentIndex()
        keys.press(Qt.Key.Key_Down if team < form.team.count() - 1 else Qt.Key.Key_Up)
        keys.press(Qt.Key.Key_Tab)  # start week, its text selected
        keys.type("2027-W10")
        keys.press(Qt.Key.Key_M, ALT)
        keys.type("Team Zuid heeft eerder ruimte; start na de zomerpiek")
        keys.press(Qt.Key.Key_Return, CTRL)

    def park() -> None:
        keys.press(Qt.Key.Key_Return)
        keys.press(Qt.Key.Key_3)  # parkeren, on to the date (selected: typed in one go)
        keys.type(park_until)
        keys.press(Qt.Key.Key_M, ALT)
        keys.type("Wachten op het rapport van de arbeidsinspectie")
        keys.press(Qt.Key.Key_Return, CTRL)

    def decline() -> None:
        keys.press(Qt.Key.Key_Return)
        keys.press(Qt.Key.Key_4)  # niet oppakken, on to the motivation
        keys.type("Onvoldoende opsporingsindicatie")
        keys.press(Qt.Key.Key_Return, CTRL)

    def hand_over() -> None:
        keys.press(Qt.Key.Key_Return)
        keys.press(Qt.Key.Key_5)  # overdragen, on to the target
        keys.press(Qt.Key.Key_Down)  # the next target: Landelijke Eenheid
        keys.press(Qt.Key.Key_Tab)
        keys.type("LE, team mensenhandel")
        keys.press(Qt.Key.Key_Tab)  # the motivation
        keys.type("Landelijke vertakkingen")
        keys.press(Qt.Key.Key_Return, CTRL)

    def close() -> None:
        keys.press(Qt.Key.Key_Return)
        keys.press(Qt.Key.Key_6)  # afsluiten, on to the motivation
        keys.type("Verdachten veroordeeld")
        keys.press(Qt.Key.Key_Return, CTRL)

    def expand_weeks() -> None:
        keys.press(Qt.Key.Key_Return)  # a running case: doorrechercheren is proposed
        keys.press(Qt.Key.Key_Tab)  # fte
        keys.press(Qt.Key.Key_Tab)  # extra weeks
        keys.type("8")
        keys.press(Qt.Key.Key_Return, CTRL)

    # What is decided on the first ranked cases; the rest follows the proposal, except
    # the first running case, which gets extra weeks.
    script = [
        (proposed, DecisionKind.TAKE_UP, PROPOSED_KEYS),
        (other_team_and_week, DecisionKind.TAKE_UP, OTHER_KEYS),
        (park, DecisionKind.PARK, OTHER_KEYS),
        (decline, DecisionKind.DECLINE, OTHER_KEYS),
        (hand_over, DecisionKind.HAND_OVER, OTHER_KEYS),
        (close, DecisionKind.CLOSE, OTHER_KEYS),
    ]
    expanded = False
    strokes: dict[str, int] = {}
    for n in range(20):
        case_id = table.current_case_id()
        assert case_id and case_id not in strokes, f"decision {n + 1}: no new case selected"
        suggestion = controller.proposed_decision(case_id)
        if script:
            step, kind, bound = script.pop(0)
            if n < 2:
                assert suggestion.kind is DecisionKind.TAKE_UP, "the top cases are planned"
        elif suggestion.kind is DecisionKind.EXPAND and not expanded:
            step, kind, bound, expanded = expand_weeks, DecisionKind.EXPAND, OTHER_KEYS, True
        else:
            step, kind, bound = proposed, suggestion.kind, PROPOSED_KEYS
        step()
        strokes[case_id] = keys.count()
        assert form.problems.text() == "", f"{case_id}: {form.problems.text()}"
        assert strokes[case_id] <= bound, (case_id, kind, strokes[case_id])
        stored = [d for d in controller.meeting.decisions if d.case_id == case_id]
        assert [d.kind for d in stored] == [kind]
        # the save is seen where the eye is: the row, the status bar, the next case
        row = view.model.row_of(case_id)
        assert view.model.index(row, rm.DECISION).data().endswith("✎")
        assert case_id in window.status_label.text()
        assert table.hasFocus()
    assert expanded and not script
    by_kind = Counter()
    for d in controller.meeting.decisions:
        by_kind[d.kind.value] = max(by_kind[d.kind.value], strokes[d.case_id])
    print("most key strokes per kind of decision:", dict(by_kind))
    assert strokes[view.model.case_id_at(0)] == PROPOSED_KEYS
    decided = {d.case_id: d for d in controller.meeting.decisions}
    assert len(decided) == 20
    first_other = decided[view.model.case_id_at(1)]
    assert first_other.start_week is not None and str(first_other.start_week) == "2027-W10"
    assert first_other.team != controller.proposal.assignment(first_other.case_id).team
    hand = decided[view.model.case_id_at(4)]
    assert hand.hand_over_to is not None and hand.hand_over_detail == "LE, team mensenhandel"
    assert any(d.kind is DecisionKind.EXPAND and d.extra_weeks == 8 for d in decided.values())
    assert decided[view.model.case_id_at(2)].until_date.strftime("%d-%m-%Y") == park_until

    # A second decision about rank 1 (typed in the ranking): refused, naming the first.
    keys.type("1")
    first = view.model.case_id_at(0)
    assert table.current_case_id() == first
    keys.press(Qt.Key.Key_Return)
    keys.press(Qt.Key.Key_4)
    keys.type("Toch niet")
    keys.press(Qt.Key.Key_Return, CTRL)
    assert first in form.problems.text() and "al besloten" in form.problems.text()
    assert form.problems.isVisible()
    box = form.confirm_box
    assert box is not None and box.isVisible()  # replacing the draft only when confirmed
    box.activateWindow()  # as the window system gives a new dialog the keyboard
    qtbot.waitUntil(lambda: QApplication.activeWindow() is box, timeout=HANG_GUARD_MS)
    keys.press(Qt.Key.Key_Escape)  # keep the first
    qtbot.waitUntil(lambda: form.confirm_box is None, timeout=HANG_GUARD_MS)
    assert window.focusWidget() is form.kind  # back at the form (offscreen: once active)
    window.activateWindow()
    qtbot.waitUntil(form.kind.hasFocus, timeout=HANG_GUARD_MS)
    assert len(controller.meeting.decisions) == 20
    assert decided[first] in controller.meeting.decisions  # unchanged

    # Vaststellen, then the besluitenlijst of this meeting.
    qtbot.mouseClick(room.finalise_button, Qt.MouseButton.LeftButton)
    box = window.decisions_panel.confirm_box
    assert box is not None
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)
    assert controller.meeting.finalised and not controller.meeting.drafts
    # The export offered right after vaststellen, under the suggested name beside the
    # workspace (tmp_path), as the officer would take it.
    offer = window.notices.finalised_box
    assert offer is not None and offer.isVisible()
    offer.defaultButton().click()
    dialog = window.files.export_dialog
    assert dialog is not None and dialog.isVisible()
    with qtbot.waitSignal(controller.exported, timeout=HANG_GUARD_MS) as written:
        dialog.accept()
    out = written.args[0]
    assert out.parent == tmp_path and out.name.startswith("besluitenlijst-")
    window.notices.export_box.close()
    from openpyxl import load_workbook

    sheet = load_workbook(out, read_only=True)["Besluiten"]
    rows = [tuple(r) for r in sheet.iter_rows(values_only=True)]
    header = next(i for i, r in enumerate(rows) if r and r[0] == "Nr.")
    zaak = rows[header].index("Zaak")
    listed = [r[zaak] for r in rows[header + 1 :] if r and r[0] is not None]
    assert len(listed) == 20
    assert Counter(listed) == Counter(set(decided))  # one decision per case, every case
