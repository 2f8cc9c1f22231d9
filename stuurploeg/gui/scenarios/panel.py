"""Scenario's: make, edit, duplicate, delete and compare what-if scenarios, make one the
meeting's proposal, and see which plan is shown (the base or a scenario)."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QSignalBlocker, Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from stuurploeg.gui.controller import ActionRefused, WorkspaceController
from stuurploeg.gui.errors import user_message
from stuurploeg.gui.scenarios.comparison import ComparisonView
from stuurploeg.gui.scenarios.editor import ScenarioEditor
from stuurploeg.gui.scenarios.models import ScenarioListModel
from stuurploeg.gui.scenarios.shown import shown_text
from stuurploeg.gui.scenarios.suggestions import SuggestionsBox
from stuurploeg.gui.widgets import list_table
from stuurploeg.gui.workers import Job


class ScenarioPanel(QWidget):
    EDIT_TAB, COMPARE_TAB = 0, 1

    def __init__(self, controller: WorkspaceController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.scenarios = controller.scenarios
        self.job: Job | None = None

        self.shown = QLabel(self)
        font = self.shown.font()
        font.setBold(True)
        self.shown.setFont(font)
        self.base_button = QPushButton(self.tr("Back to the base plan"), self)

        self.model = ScenarioListModel(self)
        self.list = list_table(self.model, self)
        self.list.setMinimumHeight(100)
        header = self.list.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.new_button = QPushButton(self.tr("New"), self)
        self.duplicate_button = QPushButton(self.tr("Duplicate"), self)
        self.delete_button = QPushButton(self.tr("Delete…"), self)
        self.compare_button = QPushButton(self.tr("Compare with base"), self)
        self.proposal_button = QPushButton(self.tr("Make it the proposal"), self)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 100)
        self.progress.setVisible(False)
        self.stop_button = QPushButton(self.tr("Stop"), self)
        self.base_button.setToolTip(self.tr("Show the base plan again as the proposal"))
        self.new_button.setToolTip(self.tr("Make a new, empty scenario"))
        self.duplicate_button.setToolTip(self.tr("Make a copy of the chosen scenario to change"))
        self.delete_button.setToolTip(
            self.tr("Delete the chosen scenario from the workspace (asks first)"))
        self.compare_button.setToolTip(
            self.tr("Plan the scenario with the planner of the base plan and compare the two"))
        self.proposal_button.setToolTip(self.tr("Make the scenario's plan the meeting's proposal"))
        self.stop_button.setToolTip(self.tr("Stop planning the scenario"))
        self.stop_button.setVisible(False)
        for button, tip in (
            (self.base_button, self.tr("Show the base plan as the proposal again.")),
            (self.new_button, self.tr("Make a new scenario.")),
            (self.duplicate_button, self.tr("Copy the chosen scenario under a new name.")),
            (self.delete_button, self.tr("Delete the chosen scenario (asks first).")),
            (self.compare_button, self.tr("Plan the chosen scenario and compare it with the "
                                          "base plan.")),
            (self.proposal_button, self.tr("Make the compared scenario the meeting's "
                                           "proposal.")),
            (self.stop_button, self.tr("Stop planning the scenario.")),
        ):  # fmt: skip
            button.setToolTip(tip)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.suggestions = SuggestionsBox(controller, self)

        self.editor = ScenarioEditor(controller, self)
        self.comparison = ComparisonView(self)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.editor, self.tr("Edit"))
        self.tabs.addTab(self.comparison, self.tr("Comparison"))

        top = QHBoxLayout()
        top.addWidget(self.shown, 1)
        top.addWidget(self.base_button)
        row1 = QHBoxLayout()
        for b in (self.new_button, self.duplicate_button, self.delete_button):
            row1.addWidget(b)
        row2 = QHBoxLayout()
        row2.addWidget(self.compare_button)
        row2.addWidget(self.proposal_button)
        running = QHBoxLayout()
        running.addWidget(self.progress, 1)
        running.addWidget(self.stop_button)
        left = QWidget(self)
        side = QVBoxLayout(left)
        side.setContentsMargins(0, 0, 0, 0)
        side.addWidget(self.list, 1)
        side.addLayout(row1)
        side.addLayout(row2)
        side.addLayout(running)
        side.addWidget(self.status)
        side.addWidget(self.suggestions, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(left)
        splitter.addWidget(self.tabs)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 5)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)

        self.list.selectionModel().selectionChanged.connect(self._chosen)
        self.new_button.clicked.connect(self.new)
        self.duplicate_button.clicked.connect(self.duplicate)
        self.delete_button.clicked.connect(self.ask_delete)
        self.compare_button.clicked.connect(self.compare)
        self.proposal_button.clicked.connect(self.make_proposal)
        self.base_button.clicked.connect(self.scenarios.show_base)
        self.stop_button.clicked.connect(self.stop)
        self.editor.saved.connect(self.select)
        self.suggestions.made_scenario.connect(self._from_suggestion)
        self.scenarios.changed.connect(self.refresh)
        self.scenarios.compared.connect(self._compared)
        self.scenarios.outcomes_cleared.connect(self._outcomes_cleared)
        self.scenarios.shown_changed.connect(self.refresh)
        controller.cases_changed.connect(self._enable)
        # A draft belongs to the workspace it was made in: never saved into the next one.
        controller.closed.connect(lambda: self.editor.load(None))
        self.refresh()

    # -- state -----------------------------------------------------------------------------
    def current_name(self) -> str | None:
        rows = self.list.selectionModel().selectedRows()
        return self.model.name_at(rows[0].row()) if rows else None

    def refresh(self) -> None:
        chosen = self.current_name()
        outcomes = {n: o for n in self.scenarios.names()
                    if (o := self.scenarios.outcome(n)) is not None}
        self.model.set_scenarios(self.scenarios.items, outcomes, self.scenarios.shown.scenario)
        if chosen is not None and self.model.row_of(chosen) is not None:
            self._select_row(chosen)
        elif chosen is not None:  # it was deleted
            self.editor.load(None)
            self.comparison.show_outcome(None)
        self.shown.setText(shown_text(self.controller))
        self.base_button.setEnabled(not self.scenarios.shown.is_base)
        self._enable()

    def _enable(self) -> None:
        name = self.current_name()
        has = name is not None
        ws = self.controller.has_workspace
        busy = self.job is not None and self.job.running
        self.new_button.setEnabled(ws)
        self.duplicate_button.setEnabled(has)
        self.delete_button.setEnabled(has)
        self.compare_button.setEnabled(has and not busy and self.scenarios.base is not None)
        outcome = self.scenarios.outcome(name) if name else None
        self.proposal_button.setEnabled(outcome is not None
                                        and self.scenarios.shown.scenario != name)
        self.suggestions.set_target(name)

    def select(self, name: str) -> None:
        self.refresh()
        self._select_row(name)

    def _select_row(self, name: str) -> None:
        row = self.model.row_of(name)
        if row is None:
            return
        flags = (QItemSelectionModel.SelectionFlag.ClearAndSelect
                 | QItemSelectionModel.SelectionFlag.Rows)
        if self.current_name() != name:
            self.list.selectionModel().select(self.model.index(row, 0), flags)

    def _keep_unsaved(self) -> bool:
        """True (and said so) when the editor holds edits that are not saved: they are
        never thrown away by choosing another scenario."""
        if not self.editor.dirty:
            return False
        self.status.setText(self.tr("The changes to %1 are not saved: save them or undo "
                                    "them first.")
                            .replace("%1", self.editor.original or self.tr("the new scenario")))
        self.tabs.setCurrentIndex(self.EDIT_TAB)
        return True

    def _chosen(self) -> None:
        name = self.current_name()
        if name is not None and name != self.editor.original:
            if self._keep_unsaved():
                self._reselect(self.editor.original)
                return
            self.editor.load(name)
        self._show_comparison(name)
        self._enable()

    def _show_comparison(self, name: str | None) -> None:
        outcome = self.scenarios.outcome(name) if name else None
        self.comparison.show_outcome(outcome)

    # -- actions ---------------------------------------------------------------------------
    def _reselect(self, name: str | None) -> None:
        with QSignalBlocker(self.list.selectionModel()):
            self.list.clearSelection()
            if name is not None:
                self._select_row(name)
        self.list.viewport().update()

    def new(self) -> None:
        if self._keep_unsaved():
            return
        self.list.clearSelection()
        self.editor.load(None)
        self.tabs.setCurrentIndex(self.EDIT_TAB)
        self.editor.name.setFocus()

    def duplicate(self) -> str | None:
        name = self.current_name()
        if name is None or self._keep_unsaved():
            return None
        try:
            copy = self.scenarios.duplicate(name)
        except ActionRefused as exc:
            self.status.setText("\n".join(exc.problems))
            return None
        self.select(copy.name)
        self.tabs.setCurrentIndex(self.EDIT_TAB)
        self.status.setText(self.tr("Copied as %1.").replace("%1", copy.name))
        return copy.name

    def ask_delete(self) -> QMessageBox | None:
        name = self.current_name()
        if name is None:
            return None
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Delete scenario"),
                          self.tr("Delete scenario %1? A plan made with it keeps its own "
                                  "copy.").replace("%1", name),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.accepted.connect(lambda: self.delete(name))
        box.open()
        return box

    def delete(self, name: str) -> None:
        try:
            self.scenarios.delete(name)
        except ActionRefused as exc:
            self.status.setText("\n".join(exc.problems))
            return
        self.status.setText(self.tr("Scenario %1 deleted.").replace("%1", name))

    def compare(self) -> Job | None:
        name = self.current_name()
        if name is None:
            return None
        try:
            job = self.scenarios.compare(name)
        except ActionRefused as exc:
            self.status.setText("\n".join(exc.problems))
            return None
        self.job = job
        self.progress.setValue(0)
        self.progress.setVisible(True)
        self.stop_button.setVisible(True)
        self.status.setText(self.tr("Planning scenario %1…").replace("%1", name))
        job.progress.connect(self._progress)
        job.finished.connect(self._job_ended)
        job.cancelled.connect(lambda: self.status.setText(self.tr("Stopped.")))
        job.failed.connect(lambda exc: self.status.setText(user_message(exc)))
        self._enable()
        return job

    def stop(self) -> None:
        if self.job is not None:
            self.job.cancel()

    def _progress(self, fraction: float, message: str) -> None:
        self.progress.setValue(int(fraction * 100))

    def _job_ended(self) -> None:
        self.progress.setVisible(False)
        self.stop_button.setVisible(False)
        self._enable()

    def _compared(self, name: str) -> None:
        self.refresh()
        self.status.setText(self.tr("Scenario %1 compared with the base.").replace("%1", name))
        if name == self.current_name():
            self._show_comparison(name)
            self.tabs.setCurrentIndex(self.COMPARE_TAB)

    def _outcomes_cleared(self) -> None:
        self.refresh()
        self.comparison.show_outcome(None, self.tr(
            "The base plan has changed: press Compare again for an up-to-date comparison."))

    def make_proposal(self) -> bool:
        name = self.current_name()
        if name is None:
            return False
        try:
            self.scenarios.make_proposal(name)
        except ActionRefused as exc:
            self.status.setText("\n".join(exc.problems))
            return False
        self.status.setText(self.tr("Scenario %1 is now the meeting's proposal: decisions "
                                    "record its plan.").replace("%1", name))
        return True

    def _from_suggestion(self, name: str) -> None:
        self.select(name)
        self.editor.load(name)
        self.tabs.setCurrentIndex(self.EDIT_TAB)
