"""Besluiten: a keyboard-only decision flow for the live meeting, the meeting's list,
Vaststellen, corrections and export. Every change goes through the controller."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QUndoStack
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


class DecisionsPanel(QWidget):
    recorded = Signal(str)  # case id, after a draft was stored

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

        self.day = QDateEdit(QDate.currentDate(), self)
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("dd-MM-yyyy")
        self.by = QLineEdit(self)
        self.by.setPlaceholderText(self.tr("e.g. mensenhandelofficier"))
        self.case_label = QLabel(self)
        self.case_label.setWordWrap(True)
        self.kind = QComboBox(self)
        for kind in DecisionKind:  # Qt stores str subclasses as plain str: keep the value
            self.kind.addItem(decision_label(kind), kind.value)
        self.team = QComboBox(self)
        self.start = QLineEdit(self)
        self.start.setPlaceholderText("2026-W50")
        self.fte = QDoubleSpinBox(self)
        self.fte.setRange(0, 100)
        self.fte.setDecimals(1)
        self.fte.setSingleStep(0.5)
        self.extra_weeks = QSpinBox(self)
        self.extra_weeks.setRange(0, 104)
        self.until = QDateEdit(QDate.currentDate().addDays(28), self)
        self.until.setDisplayFormat("dd-MM-yyyy")
        self.until_next = QCheckBox(self.tr("until the next meeting"), self)
        self.target = QComboBox(self)
        for target in HandOverTarget:
            self.target.addItem(str(target), target.value)
        self.target_detail = QLineEdit(self)
        self.motivation = QPlainTextEdit(self)
        self.motivation.setTabChangesFocus(True)
        self.motivation.setPlaceholderText(
            self.tr("Motivation (required when departing from the proposal)")
        )
        self.motivation.setMaximumHeight(90)
        self.inform = QCheckBox(self.tr("Inform the victims"), self)
        self.problems = QLabel(self)
        self.problems.setWordWrap(True)
        self.problems.setStyleSheet("color: #a93226")
        self.record_button = QPushButton(self.tr("Record (Ctrl+Enter)"), self)
        self.correct_button = QPushButton(self.tr("Correct selected"), self)
        self.delete_button = QPushButton(self.tr("Delete draft"), self)
        self.finalise_button = QPushButton(self.tr("Finalise list…"), self)
        self.export_button = QPushButton(self.tr("Export…"), self)
        for button, tip in (
            (self.record_button, self.tr("Record the form as a draft decision on the selected "
                                         "case (Ctrl+Enter); undo with Ctrl+Z.")),
            (self.correct_button, self.tr("Correct the final decision selected in the list: "
                                          "the form then records its correction.")),
            (self.delete_button, self.tr("Delete the draft selected in the list.")),
            (self.finalise_button, self.tr("Vaststellen: the meeting's drafts become final "
                                           "decisions of the besluitenlijst.")),
            (self.export_button, self.tr("Write this meeting's besluitenlijst to an Excel "
                                         "workbook.")),
        ):  # fmt: skip
            button.setToolTip(tip)
        self.list_model = DecisionListModel(self)
        self.meetings = MeetingChooser(controller, self)
        self.list = list_table(self.list_model, self)

        meeting = QFormLayout()
        meeting.addRow(self.tr("Meeting:"), self.day)
        meeting.addRow(self.tr("Decided by:"), self.by)
        self.form = QFormLayout()
        self.form.addRow(self.tr("Decision:"), self.kind)
        self.form.addRow(self.tr("Team:"), self.team)
        self.form.addRow(self.tr("Start week:"), self.start)
        self.form.addRow(self.tr("fte:"), self.fte)
        self.form.addRow(self.tr("Extra weeks:"), self.extra_weeks)
        until = QHBoxLayout()
        until.addWidget(self.until)
        until.addWidget(self.until_next)
        self.form.addRow(self.tr("Parked until:"), until)
        self.form.addRow(self.tr("Hand over to:"), self.target)
        self.form.addRow(self.tr("To whom exactly:"), self.target_detail)
        self.form.addRow(self.tr("Motivation:"), self.motivation)
        self.form.addRow("", self.inform)
        row1 = QGridLayout()
        row1.addWidget(self.record_button, 0, 0, 1, 2)
        row1.addWidget(self.correct_button, 1, 0)
        row1.addWidget(self.delete_button, 1, 1)
        row2 = QHBoxLayout()
        row2.addWidget(self.finalise_button)
        row2.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.addLayout(meeting)
        layout.addWidget(self.meetings)
        layout.addWidget(self.case_label)
        layout.addLayout(self.form)
        layout.addWidget(self.problems)
        layout.addLayout(row1)
        layout.addWidget(self.list, 1)
        layout.addLayout(row2)

        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(self.record)
        self.record_button.clicked.connect(self.record)
        self.correct_button.clicked.connect(self.start_correction)
        self.delete_button.clicked.connect(self.delete_selected)
        self.finalise_button.clicked.connect(self.ask_finalise)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.day.dateChanged.connect(lambda d: controller.set_meeting_day(d.toPython()))
        self.by.textChanged.connect(controller.set_decided_by)
        # The meeting can also be chosen elsewhere (the meetings with drafts): follow it.
        controller.meeting_changed.connect(lambda: self.day.setDate(controller.meeting.day))
        controller.set_meeting_day(self.meeting_day())
        controller.selection_changed.connect(self.prefill)
        controller.proposal_changed.connect(lambda: self.prefill(controller.selected_case_id))
        for changed in (
            controller.decisions_changed,
            controller.meeting_changed,
            controller.opened,
            controller.closed,
        ):
            changed.connect(self.refresh)
        controller.cases_changed.connect(self._fill_teams)
        self._fill_teams()
        self.refresh()
        self.prefill("")

    # -- state ---------------------------------------------------------------------------
    def meeting_day(self) -> date:
        return self.day.date().toPython()

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
            self.problems.setText(
                self.tr("Decisions are recorded in a workspace: open or create one.")
            )

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
            widget.setEnabled(on)
        self.inform.setChecked(
            kind in (DecisionKind.TAKE_UP, DecisionKind.CLOSE, DecisionKind.HAND_OVER)
        )

    def prefill(self, case_id: str) -> None:
        """Start from what the proposal on screen says (the rule is the app layer's);
        the officer changes what the meeting decides."""
        case = self.controller.case(case_id) if case_id else None
        self.correcting = None
        self.problems.setText("")
        if case is None:
            self.case_label.setText(self.tr("Select a case in the Ranglijst, then press Enter."))
            return
        self.case_label.setText(f"<b>{case.case_id}</b> — {case.name}")
        proposed = self.controller.proposed_decision(case_id)
        if proposed is None:
            return
        # Fields the proposed kind leaves empty keep the case's own values, so that
        # choosing another kind starts from them.
        team = proposed.team or case.team
        self.team.setCurrentIndex(max(self.team.findData(team), 0))
        if proposed.start_week is not None:
            self.start.setText(str(proposed.start_week))
        else:
            self.start.clear()
        fte = proposed.fte if proposed.fte is not None else case.fte
        self.fte.setValue(float(fte or 0))
        self.kind.setCurrentIndex(self.kind.findData(proposed.kind.value))
        self._kind_changed()
        self.motivation.clear()

    def focus_form(self) -> None:
        self.kind.setFocus()

    # -- actions -------------------------------------------------------------------------
    def build_decision(self) -> Decision | None:
        """The decision as the form says, on the selected case (None: none selected)."""
        kind = self.current_kind()
        case = self.controller.selected_case
        if case is None:
            return None
        start = None
        if kind is DecisionKind.TAKE_UP and self.start.text().strip():
            start = IsoWeek.parse(self.start.text())  # ValueError: shown by record()
        return Decision(
            case_id=case.case_id,
            kind=kind,
            decided_by=self.by.text(),
            case_name=case.name,
            team=self.team.currentData() if kind is DecisionKind.TAKE_UP else None,
            start_week=start,
            fte=self.fte.value() if kind in (DecisionKind.TAKE_UP, DecisionKind.EXPAND) else None,
            extra_weeks=self.extra_weeks.value() or None if kind is DecisionKind.EXPAND else None,
            until_date=self.until.date().toPython()
            if kind is DecisionKind.PARK and not self.until_next.isChecked()
            else None,
            until_next_meeting=kind is DecisionKind.PARK and self.until_next.isChecked(),
            hand_over_to=(
                HandOverTarget(self.target.currentData())
                if kind is DecisionKind.HAND_OVER
                else None
            ),
            hand_over_detail=self.target_detail.text() or None
            if kind is DecisionKind.HAND_OVER
            else None,
            motivation=self.motivation.toPlainText(),
            inform_victims=self.inform.isChecked(),
        )

    def record(self) -> bool:
        """Ctrl+Enter: record the form as a draft (undoable); False when refused."""
        try:
            decision = self.build_decision()
        except ValueError:
            self.problems.setText(self.tr("Start week: write it as 2026-W50."))
            return False
        if decision is None:
            self.problems.setText(self.tr("Select a case in the Ranglijst, then press Enter."))
            return False
        text = self.tr("Decision on %1").replace("%1", decision.case_id)
        command = RecordDecisionCommand(self.controller, decision, self.correcting, text)
        self.undo_stack.push(command)
        if command.error is not None:
            self.problems.setText("\n".join(command.error.problems))
            return False
        self.problems.setText("")
        self.correcting = None
        self.recorded.emit(decision.case_id)
        return True

    def _selected(self) -> Decision | None:
        rows = self.list.selectionModel().selectedRows()
        return self.list_model.items[rows[0].row()] if rows else None

    def start_correction(self) -> None:
        d = self._selected()
        if d is None or not d.final:
            self.problems.setText(self.tr("Select a final decision in the list to correct it."))
            return
        self.controller.select_case(d.case_id)
        self.prefill(d.case_id)
        self.correcting = d.id
        self.problems.setText(
            self.tr(
                "Correcting decision %1: fill in the correct decision and a motivation."
            ).replace("%1", str(d.seq if d.seq is not None else d.id))
        )

    def delete_selected(self) -> None:
        d = self._selected()
        if d is None or d.final or d.id is None:
            self.problems.setText(
                self.tr("Only drafts can be deleted; correct a final decision instead.")
            )
            return
        try:
            self.controller.delete_draft(d.id)
        except ActionRefused as exc:
            self.problems.setText("\n".join(exc.problems))

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
            self.problems.setText("\n".join(exc.problems))
            return False
        self.undo_stack.clear()  # final decisions cannot be undone, only corrected
        self.problems.setText(self.tr("The decision list has been finalised."))
        return True
