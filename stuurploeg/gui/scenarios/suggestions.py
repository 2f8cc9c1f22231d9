"""Suggestions for the selected case: where a case that does not fit could go, and what
each option would push out of the plan; one can be turned into a scenario."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from stuurploeg.gui.controller import ActionRefused, WorkspaceController
from stuurploeg.gui.scenarios.models import SuggestionModel
from stuurploeg.gui.widgets import list_table

if TYPE_CHECKING:
    from stuurploeg.gui.controller.scenarios import Suggestion


class SuggestionsBox(QGroupBox):
    made_scenario = Signal(str)  # a scenario was made (or changed) from a suggestion

    def __init__(self, controller: WorkspaceController, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Suggestions for the selected case"), parent)
        self.controller = controller
        self.scenarios = controller.scenarios
        self.target: str | None = None  # the scenario to add to (the panel's choice)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.model = SuggestionModel(self)
        self.table = list_table(self.model, self)
        # Team, week and figure take what they need; "Pushes out" gets the rest, but never
        # less than its own header (no "Verdrin…" in a small dock on the projector). A
        # long list of cases is elided in the cell: it is whole in the tip and the box below.
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        last = self.model.columnCount() - 1
        header.setSectionResizeMode(last, QHeaderView.ResizeMode.Stretch)
        title = str(self.model.headerData(last, Qt.Orientation.Horizontal))
        header.setMinimumSectionSize(header.fontMetrics().horizontalAdvance(title) + 24)
        self.table.setMinimumHeight(80)
        # The chosen option in full (what it pushes out, what it moves); a text box that
        # scrolls, so a long option never squeezes the list in a small dock.
        self.detail = QPlainTextEdit(self)
        self.detail.setReadOnly(True)
        lines = self.detail.fontMetrics().lineSpacing()
        self.detail.setMinimumHeight(3 * lines)
        self.detail.setMaximumHeight(5 * lines)
        self.new_button = QPushButton(self.tr("As new scenario"), self)
        self.add_button = QPushButton(self.tr("Add to chosen scenario"), self)
        self.new_button.setToolTip(self.tr("Make a new scenario that places the case here"))
        self.add_button.setToolTip(self.tr("Add this placement to the chosen scenario"))
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.new_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.detail)
        layout.addLayout(buttons)
        layout.addWidget(self.status)

        controller.selection_changed.connect(lambda _id: self.refresh())
        controller.proposal_changed.connect(self.refresh)
        self.scenarios.suggestions_ready.connect(self._arrived)
        self.table.selectionModel().selectionChanged.connect(self._enable)
        self.new_button.clicked.connect(lambda: self.make_scenario(into=None))
        self.add_button.clicked.connect(lambda: self.make_scenario(into=self.target))
        self.refresh()

    def set_target(self, name: str | None) -> None:
        self.target = name
        self._enable()

    def refresh(self) -> None:
        """Ask for suggestions when the selected case is not in the plan on screen."""
        case_id = self.controller.selected_case_id
        proposal = self.controller.proposal
        self.model.set_items([])
        self.status.setText("")
        if not case_id:
            self.message.setText(self.tr("Select a case that is not in the plan to see where "
                                         "it could go."))
        elif proposal is None:
            self.message.setText(self.tr("No plan yet."))
        elif proposal.unplanned(case_id) is None:
            assigned = proposal.assignment(case_id)
            self.message.setText(
                self.tr("%1 is in the plan: %2 from %3.").replace("%1", case_id)
                .replace("%2", assigned.team).replace("%3", str(assigned.start_week))
                if assigned is not None
                else self.tr("%1 is no candidate for this plan.").replace("%1", case_id))
        else:
            self.message.setText(self.tr("Looking for places for %1…").replace("%1", case_id))
            self.scenarios.suggest(case_id)
        self._enable()

    def _arrived(self, case_id: str) -> None:
        result = self.scenarios.suggestions
        if result is None or case_id != self.controller.selected_case_id:
            return
        self.message.setText(result.message)
        self.model.set_items(result.suggestions)
        if result.suggestions:
            self.table.selectRow(0)
        self._enable()

    def _enable(self) -> None:
        suggestion = self.chosen()
        self.detail.setPlainText(suggestion.text if suggestion is not None else "")
        self.detail.setVisible(suggestion is not None)
        chosen = suggestion is not None and self.controller.has_workspace
        self.new_button.setEnabled(chosen)
        self.add_button.setEnabled(chosen and self.target is not None)
        self.add_button.setToolTip(
            self.tr("Adds the change to scenario %1.").replace("%1", self.target)
            if self.target else self.tr("Choose a scenario in the list first."))

    def chosen(self) -> Suggestion | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.items[rows[0].row()] if rows else None

    def make_scenario(self, into: str | None) -> str | None:
        suggestion = self.chosen()
        if suggestion is None:
            return None
        try:
            scenario = self.scenarios.add_suggestion(suggestion, into)
        except ActionRefused as exc:
            self.status.setText("\n".join(exc.problems))
            return None
        self.status.setText(self.tr("In scenario %1: %2 must be in, from %3.")
                            .replace("%1", scenario.name).replace("%2", suggestion.case_id)
                            .replace("%3", str(suggestion.start_week)))
        self.made_scenario.emit(scenario.name)
        return scenario.name
