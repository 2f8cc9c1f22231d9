"""Besluiten: a keyboard-only decision flow for the live meeting, the meeting's list,
Vaststellen, corrections and export. Every change goes through the controller.

Three parts, so the meeting layout can compose the same form: :class:`MeetingFields` (day
and who decides), :class:`DecisionForm` (one decision about the selected case) and
:class:`DecisionsPanel` (both, with the meeting's list, for the Besluiten dock).
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate, QSignalBlocker, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut, QUndoStack
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from stuurploeg.domain.decisions import Decision
from stuurploeg.domain.model import DecisionKind, HandOverTarget
from stuurploeg.domain.weeks import IsoWeek
from stuurploeg.gui.commands import RecordDecisionCommand
from stuurploeg.gui.controller import ActionRefused, WorkspaceController
from stuurploeg.gui.docks.decision_list import DecisionListModel, MeetingChooser
from stuurploeg.gui.labels import decision_label
from stuurploeg.gui.widgets import list_table

# A parked case comes back after this many days unless the meeting says otherwise
PARK_DAYS = 28
# The date formats the Parkeren field accepts (typed in one go, Dutch order)
DATE_FORMATS = ("d-M-yyyy", "d-M-yy", "d/M/yyyy", "d.M.yyyy", "yyyy-MM-dd")
KINDS = tuple(DecisionKind)


def parse_date(text: str) -> date | None:
    """A date as typed (``15-1-2027``, ``15/01/2027``, ``2027-01-15``); None otherwise."""
    text = text.strip()
    for fmt in DATE_FORMATS:
        d = QDate.fromString(text, fmt)
        if d.isValid():
            if fmt == "d-M-yy":
                d = d.addYears(100) if d.year() < 2000 else d  # "27" is 2027, not 1927
            return d.toPython()
    return None


class KindCombo(QComboBox):
    """The kind of decision; a digit 1–6 chooses one and goes on to its first field, in a
    single key stroke."""

    chosen = Signal()  # a digit chose the kind: on to the next field

    def keyPressEvent(self, event: QKeyEvent) -> None:
        number = event.key() - Qt.Key.Key_1
        plain = not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if 0 <= number < self.count() and plain:
            self.setCurrentIndex(number)
            self.chosen.emit()
            return
        super().keyPressEvent(event)


class MeetingFields(QWidget):
    """The meeting's day and who decides: shown by the dock and by the meeting layout,
    both kept in step through the controller."""

    def __init__(
        self,
        controller: WorkspaceController,
        parent: QWidget | None = None,
        *,
        inline: bool = False,
    ) -> None:
        super().__init__(parent)
        self.controller = controller
        # At the controller's meeting (today until one is chosen): these fields are built
        # when first shown, and must show the day chosen before that, not change it.
        self.day = QDateEdit(QDate(controller.meeting.day), self)
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("dd-MM-yyyy")
        self.by = QLineEdit(self)
        self.by.setPlaceholderText(self.tr("e.g. mensenhandelofficier"))
        name_width = self.by.fontMetrics().horizontalAdvance("mensenhandelofficier")
        self.by.setMinimumWidth(name_width + 16)
        if inline:
            layout = QHBoxLayout(self)
            layout.setContentsMargins(0, 0, 0, 0)
            layout.addWidget(QLabel(self.tr("Meeting:"), self))
            layout.addWidget(self.day)
            layout.addWidget(QLabel(self.tr("Decided by:"), self))
            layout.addWidget(self.by, 1)
        else:
            form = QFormLayout(self)
            form.setContentsMargins(0, 0, 0, 0)
            form.addRow(self.tr("Meeting:"), self.day)
            form.addRow(self.tr("Decided by:"), self.by)
        self.day.dateChanged.connect(lambda d: controller.set_meeting_day(d.toPython()))
        self.by.textChanged.connect(controller.set_decided_by)
        controller.meeting_changed.connect(self._follow)
        self._follow()

    def meeting_day(self) -> date:
        return self.day.date().toPython()

    def _follow(self) -> None:
        meeting = self.controller.meeting
        if self.meeting_day() != meeting.day:
            with QSignalBlocker(self.day):
                self.day.setDate(QDate(meeting.day))
        if self.by.text() != meeting.decided_by:
            with QSignalBlocker(self.by):
                self.by.setText(meeting.decided_by)


class DecisionForm(QWidget):
    """One decision about the selected case. It starts from that case's own pre-fill
    every time (nothing carries over from the case before); a refusal is shown next to
    the field at fault, which gets the cursor."""

    recorded = Signal(str, str)  # case id, what was recorded (for the status bar)
    cancelled = Signal()  # Esc: the form went back to the pre-fill

    def __init__(
        self,
        controller: WorkspaceController,
        undo_stack: QUndoStack,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.controller = controller
        self.undo_stack = undo_stack
        self.correcting: int | None = None
        self.confirm_box: QMessageBox | None = None
        self.by_field: QLineEdit | None = None  # where "who decides" is typed (not ours)

        self.case_label = QLabel(self)
        self.case_label.setWordWrap(True)
        # Created in tab order: kind, its fields, motivation, inform, save.
        self.kind = KindCombo(self)
        for number, kind in enumerate(KINDS, start=1):
            # Qt stores str subclasses as plain str: keep the value
            self.kind.addItem(f"{number}  {decision_label(kind)}", kind.value)
        self.kind.setToolTip(self.tr("Type 1–6 to choose the kind of decision"))
        self.team = QComboBox(self)
        self.start = QLineEdit(self)
        self.start.setPlaceholderText("2026-W50")
        self.fte = QDoubleSpinBox(self)
        self.fte.setRange(0, 100)
        self.fte.setDecimals(1)
        self.fte.setSingleStep(0.5)
        self.extra_weeks = QSpinBox(self)
        self.extra_weeks.setRange(0, 104)
        self.until = QLineEdit(self)
        self.until.setPlaceholderText(self.tr("dd-mm-yyyy"))
        self.until_next = QCheckBox(self.tr("until the next meeting"), self)
        self.until_next.setToolTip(
            self.tr("Parked until the steering group's next meeting instead of a date"))
        self.target = QComboBox(self)
        self.target.addItem("", None)
        for target in HandOverTarget:
            self.target.addItem(str(target), target.value)
        self.target_detail = QLineEdit(self)
        self.motivation = QPlainTextEdit(self)
        self.motivation.setTabChangesFocus(True)
        self.motivation.setPlaceholderText(
            self.tr("Alt+M; required when departing from the proposal")
        )
        self.motivation.setMaximumHeight(90)
        # Never a single squeezed line: room for two lines of text at least.
        self.motivation.setMinimumHeight(self.motivation.fontMetrics().lineSpacing() * 2 + 12)
        self.inform = QCheckBox(self.tr("Inform the victims"), self)
        self.inform.setToolTip(
            self.tr("Whether the victims are told of this decision; it is in the decision list"))
        self.problems = QLabel(self)
        self.problems.setWordWrap(True)
        self.problems.setStyleSheet("color: #a93226")
        self.problems.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.record_button = QPushButton(self.tr("Record (Ctrl+Enter)"), self)
        self.record_button.setAutoDefault(True)  # Enter on the focused button saves too
        self.record_button.setToolTip(
            self.tr("Record the form as a draft decision on the selected case (Ctrl+Enter); "
                    "undo with Ctrl+Z.")
        )  # fmt: skip

        for combo in (self.kind, self.team, self.target):
            # As narrow as the side of a projected meeting needs, not as the longest item.
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(10)
        self.form = QFormLayout()
        self.form.addRow(self.tr("Decision:"), self.kind)
        self.form.addRow(self.tr("Team:"), self.team)
        self.form.addRow(self.tr("Start week:"), self.start)
        self.form.addRow(self.tr("fte:"), self.fte)
        self.form.addRow(self.tr("Extra weeks:"), self.extra_weeks)
        self.form.addRow(self.tr("Parked until:"), self.until)
        self.form.addRow(self.until_next)  # the whole row: narrow enough for the meeting
        self.form.addRow(self.tr("Hand over to:"), self.target)
        self.form.addRow(self.tr("To whom exactly:"), self.target_detail)
        self.form.addRow(self.tr("Motivation:"), self.motivation)
        self.form.addRow("", self.inform)
        self.form.addRow(self.problems)
        # Each field of a Decision and the widget where it is typed.
        self._widgets: dict[str, QWidget] = {
            "kind": self.kind, "team": self.team, "start_week": self.start, "fte": self.fte,
            "extra_weeks": self.extra_weeks, "until_date": self.until,
            "until_next_meeting": self.until_next, "hand_over_to": self.target,
            "hand_over_detail": self.target_detail, "motivation": self.motivation,
            "inform_victims": self.inform,
        }  # fmt: skip
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.case_label)
        layout.addLayout(self.form)
        layout.addWidget(self.record_button)

        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            self._shortcut(keys, self.record)
        self._shortcut(
            "Alt+M", lambda: self.motivation.setFocus(Qt.FocusReason.ShortcutFocusReason)
        )
        self._shortcut("Escape", self.cancel)
        self.record_button.clicked.connect(self.record)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.kind.chosen.connect(self.focus_first_field)
        self.until_next.toggled.connect(lambda on: self.until.setEnabled(not on))
        controller.selection_changed.connect(self.prefill)
        controller.proposal_changed.connect(lambda: self.prefill(controller.selected_case_id))
        controller.cases_changed.connect(self._fill_teams)
        self._fill_teams()
        self.prefill("")

    def _shortcut(self, keys: str, slot: object) -> None:
        shortcut = QShortcut(QKeySequence(keys), self)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(slot)

    # -- state ---------------------------------------------------------------------------
    def _fill_teams(self) -> None:
        self.team.clear()
        self.team.addItem("", None)
        capacity = self.controller.capacity
        if capacity is not None:
            for team in capacity.teams:
                self.team.addItem(team.team, team.team)

    def current_kind(self) -> DecisionKind:
        return DecisionKind(self.kind.currentData())

    def _kind_changed(self) -> None:
        kind = self.current_kind()
        # Only the fields of this kind are shown: a short form that fits without
        # scrolling, and Tab never stops at a field the decision does not use.
        visible = {
            self.team: kind is DecisionKind.TAKE_UP,
            self.start: kind is DecisionKind.TAKE_UP,
            self.fte: kind in (DecisionKind.TAKE_UP, DecisionKind.EXPAND),
            self.extra_weeks: kind is DecisionKind.EXPAND,
            self.until: kind is DecisionKind.PARK,
            self.until_next: kind is DecisionKind.PARK,
            self.target: kind is DecisionKind.HAND_OVER,
            self.target_detail: kind is DecisionKind.HAND_OVER,
        }
        for widget, on in visible.items():
            self.form.setRowVisible(widget, on)
        self.inform.setChecked(
            kind in (DecisionKind.TAKE_UP, DecisionKind.CLOSE, DecisionKind.HAND_OVER)
        )

    def prefill(self, case_id: str) -> None:
        """Start from what the proposal on screen says for ``case_id`` (the rule is the app
        layer's), with every field reset; the officer changes what the meeting decides."""
        case = self.controller.case(case_id) if case_id else None
        self.correcting = None
        self._show_problems([])
        # Nothing of the case before stays: every field back to its empty state first.
        self.team.setCurrentIndex(0)
        self.start.clear()
        self.fte.setValue(0)
        self.extra_weeks.setValue(0)
        park_until = self.controller.meeting.day + timedelta(days=PARK_DAYS)
        self.until.setText(park_until.strftime("%d-%m-%Y"))
        self.until_next.setChecked(False)
        self.target.setCurrentIndex(1)  # the first target, as on every case
        self.target_detail.clear()
        self.motivation.clear()
        if case is None:
            self.case_label.setText(self.tr("Select a case in the Ranglijst, then press Enter."))
            self.kind.setCurrentIndex(KINDS.index(DecisionKind.PARK))
            self._kind_changed()
            return
        self.case_label.setText(f"<b>{case.case_id}</b> — {case.name}")
        proposed = self.controller.proposed_decision(case_id)
        kind = proposed.kind if proposed is not None else DecisionKind.PARK
        # Fields the proposed kind leaves empty keep the case's own values, so that
        # choosing another kind starts from them.
        team = (proposed.team if proposed is not None else None) or case.team
        self.team.setCurrentIndex(max(self.team.findData(team), 0))
        if proposed is not None and proposed.start_week is not None:
            self.start.setText(str(proposed.start_week))
        fte = proposed.fte if proposed is not None and proposed.fte is not None else case.fte
        self.fte.setValue(float(fte or 0))
        self.kind.setCurrentIndex(KINDS.index(kind))
        self._kind_changed()

    def focus_form(self) -> None:
        self.kind.setFocus(Qt.FocusReason.TabFocusReason)

    def focus_first_field(self) -> None:
        """The first field the chosen kind asks for (the motivation when it has none)."""
        first = {
            DecisionKind.TAKE_UP: self.team,
            DecisionKind.EXPAND: self.fte,
            DecisionKind.PARK: self.until,
            DecisionKind.HAND_OVER: self.target,
        }.get(self.current_kind(), self.motivation)
        first.setFocus(Qt.FocusReason.TabFocusReason)  # a line edit selects its text

    def cancel(self) -> None:
        """Esc: forget what was typed, back to the selected case's pre-fill."""
        self.prefill(self.controller.selected_case_id)
        self.cancelled.emit()

    # -- actions -------------------------------------------------------------------------
    def build_decision(self) -> Decision | None:
        """The decision as the form says, on the selected case (None: none selected).
        Raises :class:`ActionRefused` (with the field) for a week or date it cannot read."""
        kind = self.current_kind()
        case = self.controller.selected_case
        if case is None:
            return None
        start = None
        if kind is DecisionKind.TAKE_UP and self.start.text().strip():
            try:
                start = IsoWeek.parse(self.start.text())
            except ValueError:
                raise ActionRefused(
                    [self.tr("Start week: write it as 2026-W50.")], "start_week"
                ) from None
        until = None
        if kind is DecisionKind.PARK and not self.until_next.isChecked():
            until = parse_date(self.until.text())
            if until is None:
                raise ActionRefused(
                    [self.tr("Parked until: write the date as 15-01-2027, or tick "
                             "“until the next meeting”.")],
                    "until_date",
                )
        by = self.controller.meeting.decided_by
        if self.by_field is not None:
            by = self.by_field.text()
        return Decision(
            case_id=case.case_id,
            kind=kind,
            decided_by=by,
            case_name=case.name,
            team=self.team.currentData() if kind is DecisionKind.TAKE_UP else None,
            start_week=start,
            fte=self.fte.value() if kind in (DecisionKind.TAKE_UP, DecisionKind.EXPAND) else None,
            extra_weeks=self.extra_weeks.value() or None if kind is DecisionKind.EXPAND else None,
            until_date=until,
            until_next_meeting=kind is DecisionKind.PARK and self.until_next.isChecked(),
            hand_over_to=(
                HandOverTarget(self.target.currentData())
                if kind is DecisionKind.HAND_OVER and self.target.currentData()
                else None
            ),
            hand_over_detail=self.target_detail.text() or None
            if kind is DecisionKind.HAND_OVER
            else None,
            motivation=self.motivation.toPlainText(),
            inform_victims=self.inform.isChecked(),
        )

    def record(self, *, replace_draft: bool = False) -> bool:
        """Ctrl+Enter: record the form as a draft (undoable); False when refused. A second
        decision about the case in this meeting is refused naming the first; a draft is
        replaced only after the user confirmed it."""
        try:
            decision = self.build_decision()
        except ActionRefused as exc:
            self._show_problems(exc.problems, exc.field)
            return False
        if decision is None:
            self._show_problems([self.tr("Select a case in the Ranglijst, then press Enter.")])
            return False
        text = self.tr("Decision on %1").replace("%1", decision.case_id)
        command = RecordDecisionCommand(
            self.controller, decision, self.correcting, text, replace_draft=replace_draft
        )
        self.undo_stack.push(command)
        error = command.error
        if error is not None:
            self._show_problems(error.problems, error.field)
            existing = error.existing
            if existing is not None and not existing.final and not replace_draft:
                self._ask_replace(existing)
            return False
        self._show_problems([])
        self.correcting = None
        self.recorded.emit(decision.case_id, self.describe(command.stored or decision))
        return True

    def describe(self, d: Decision) -> str:
        """``Besluit over MH-2025-101 vastgelegd: oppakken (Team Haven, 2026-W41)``."""
        detail = [str(p) for p in (d.team, d.start_week, d.hand_over_to) if p]
        what = decision_label(d.kind) + (f" ({', '.join(detail)})" if detail else "")
        return (
            self.tr("Decision on %1 recorded: %2 (draft).")
            .replace("%1", d.case_id)
            .replace("%2", what)
        )

    def _ask_replace(self, existing: Decision) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Replace draft decision"),
            self.tr(
                "This meeting already holds a draft decision about %1: %2. Replace it with "
                "the decision in the form? The old draft is removed."
            )
            .replace("%1", existing.case_id)
            .replace("%2", decision_label(existing.kind)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        yes = box.button(QMessageBox.StandardButton.Yes)
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("Replace"))
        box.button(QMessageBox.StandardButton.No).setText(self.tr("Keep the first"))

        def finished(_result: int) -> None:
            self.confirm_box = None
            if box.clickedButton() is yes:
                self.record(replace_draft=True)
            else:
                self.kind.setFocus()

        box.finished.connect(finished)
        self.confirm_box = box
        box.open()

    def _show_problems(self, problems: list[str], field: str | None = None) -> None:
        """The refusal right under the field at fault (at the top when it is about the
        case or who decides), and the cursor in that field."""
        self.problems.setText("\n".join(problems))
        self.form.setRowVisible(self.problems, bool(problems))
        if not problems:
            return
        widget = self._widgets.get(field or "")
        if field == "until_date":
            anchor: QWidget | None = self.until_next  # under the date and its tick box
        elif field in (None, "case_id", "decided_by") or widget is None:
            anchor = None
        else:
            anchor = widget
        self._move_problems_after(anchor)
        if field == "decided_by" and self.by_field is not None:
            self.by_field.setFocus()
        elif widget is not None and widget.isVisibleTo(self):
            widget.setFocus()
        else:
            self.kind.setFocus()

    def _move_problems_after(self, anchor: QWidget | None) -> None:
        self.form.takeRow(self.problems)
        # About the case or who decides: at the top, above the fields.
        row = 0 if anchor is None else self.form.getWidgetPosition(anchor)[0] + 1
        self.form.insertRow(row, self.problems)
        self.problems.show()


class DecisionsPanel(QWidget):
    """The Besluiten dock: the meeting, the decision form and the meeting's list."""

    recorded = Signal(str, str)  # case id, what was recorded
    notice = Signal(str)  # the outcome of Vaststellen, for the status bar

    def __init__(
        self,
        controller: WorkspaceController,
        undo_stack: QUndoStack,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.controller = controller
        self.undo_stack = undo_stack
        self.confirm_box: QMessageBox | None = None

        self.meeting_fields = MeetingFields(controller, self)
        self.day, self.by = self.meeting_fields.day, self.meeting_fields.by
        self.decision_form = DecisionForm(controller, undo_stack, self)
        self.decision_form.by_field = self.by
        f = self.decision_form
        # The form's widgets, under the names tests and the window use.
        self.case_label, self.kind, self.team, self.start = f.case_label, f.kind, f.team, f.start
        self.fte, self.extra_weeks, self.until, self.until_next = (
            f.fte, f.extra_weeks, f.until, f.until_next,
        )  # fmt: skip
        self.target, self.target_detail, self.motivation = f.target, f.target_detail, f.motivation
        self.inform, self.problems, self.record_button = f.inform, f.problems, f.record_button
        self.correct_button = QPushButton(self.tr("Correct selected"), self)
        self.delete_button = QPushButton(self.tr("Delete draft"), self)
        self.finalise_button = QPushButton(self.tr("Finalise list…"), self)
        self.export_button = QPushButton(self.tr("Export…"), self)
        for button, tip in (
            (self.correct_button, self.tr("Correct the final decision selected in the list: "
                                          "the form then records its correction.")),
            (self.delete_button, self.tr("Delete the draft selected in the list.")),
            (self.finalise_button, self.tr("Vaststellen: the meeting's drafts become final "
                                           "decisions of the besluitenlijst.")),
            (self.export_button, self.tr("Write this meeting's besluitenlijst to an Excel "
                                         "workbook.")),
        ):  # fmt: skip
            button.setToolTip(tip)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.list_model = DecisionListModel(self)
        self.meetings = MeetingChooser(controller, self)
        self.list = list_table(self.list_model, self)

        row1 = QGridLayout()
        row1.addWidget(self.correct_button, 0, 0)
        row1.addWidget(self.delete_button, 0, 1)
        row2 = QHBoxLayout()
        row2.addWidget(self.finalise_button)
        row2.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.meeting_fields)
        layout.addWidget(self.meetings)
        layout.addWidget(self.decision_form)
        layout.addLayout(row1)
        layout.addWidget(self.message)
        layout.addWidget(self.list, 1)
        layout.addLayout(row2)

        f.recorded.connect(self.recorded)
        self.correct_button.clicked.connect(self.start_correction)
        self.delete_button.clicked.connect(self.delete_selected)
        self.finalise_button.clicked.connect(self.ask_finalise)
        for changed in (
            controller.decisions_changed,
            controller.meeting_changed,
            controller.opened,
            controller.closed,
        ):
            changed.connect(self.refresh)
        self.refresh()

    # -- state ---------------------------------------------------------------------------
    def meeting_day(self) -> date:
        return self.meeting_fields.meeting_day()

    def refresh(self) -> None:
        has_ws = self.controller.has_workspace
        for w in (
            self.record_button,
            self.correct_button,
            self.delete_button,
            self.finalise_button,
            self.export_button,
        ):
            w.setEnabled(has_ws)
        self.list_model.set_items(self.controller.meeting.decisions)
        if not has_ws:
            self.message.setText(
                self.tr("Decisions are recorded in a workspace: open or create one.")
            )
        elif self.message.text() == self.tr(
            "Decisions are recorded in a workspace: open or create one."
        ):
            self.message.setText("")

    def current_kind(self) -> DecisionKind:
        return self.decision_form.current_kind()

    def prefill(self, case_id: str) -> None:
        self.decision_form.prefill(case_id)

    def focus_form(self) -> None:
        self.decision_form.focus_form()

    def build_decision(self) -> Decision | None:
        return self.decision_form.build_decision()

    def record(self) -> bool:
        return self.decision_form.record()

    @property
    def correcting(self) -> int | None:
        return self.decision_form.correcting

    # -- actions -------------------------------------------------------------------------
    def _selected(self) -> Decision | None:
        rows = self.list.selectionModel().selectedRows()
        return self.list_model.items[rows[0].row()] if rows else None

    def start_correction(self) -> None:
        d = self._selected()
        if d is None or not d.final:
            self.message.setText(self.tr("Select a final decision in the list to correct it."))
            return
        self.controller.select_case(d.case_id)
        self.decision_form.prefill(d.case_id)
        self.decision_form.correcting = d.id
        self.message.setText(
            self.tr(
                "Correcting decision %1: fill in the correct decision and a motivation."
            ).replace("%1", str(d.seq if d.seq is not None else d.id))
        )

    def delete_selected(self) -> None:
        d = self._selected()
        if d is None or d.final or d.id is None:
            self.message.setText(
                self.tr("Only drafts can be deleted; correct a final decision instead.")
            )
            return
        try:
            self.controller.delete_draft(d.id)
        except ActionRefused as exc:
            self.message.setText("\n".join(exc.problems))

    def ask_finalise(self) -> None:
        day = self.meeting_day()
        drafts = self.controller.meeting.drafts
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Finalise decision list"),
            self.tr(
                "Finalise the %1 draft decisions of %2? Final decisions can no longer be "
                "changed, only corrected."
            )
            .replace("%1", str(len(drafts)))
            .replace("%2", day.strftime("%d-%m-%Y")),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        yes = box.button(QMessageBox.StandardButton.Yes)
        box.finished.connect(lambda _r: self.finalise() if box.clickedButton() is yes else None)
        self.confirm_box = box
        box.open()

    def finalise(self) -> bool:
        self.confirm_box = None
        try:
            self.controller.finalise()
        except ActionRefused as exc:
            self.message.setText("\n".join(exc.problems))
            self.notice.emit(" ".join(exc.problems))
            return False
        self.undo_stack.clear()  # final decisions cannot be undone, only corrected
        self.message.setText(self.tr("The decision list has been finalised."))
        self.notice.emit(self.message.text())
        return True


__all__ = ["DecisionForm", "DecisionsPanel", "MeetingFields", "parse_date"]
