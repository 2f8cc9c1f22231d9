"""Editing one scenario: its name, weights, capacity changes and case changes.

What the officer types is a draft; the controller checks it on every change and each
problem is shown next to its field (under the name, on the table cell and in a list
under its table). Saving is refused while there are errors; warnings do not stop it.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from stuurploeg.gui.controller import ActionRefused, WorkspaceController
from stuurploeg.gui.controller.scenario_drafts import (
    CAPACITY,
    CASE,
    CaseRow,
    DraftProblem,
    DraftRefused,
    ScenarioDraft,
)
from stuurploeg.gui.scenarios.delegates import ChoiceDelegate
from stuurploeg.gui.scenarios.models import (
    CapacityChangesModel,
    CaseChangesModel,
    ChangesModel,
    action_choices,
    specialism_choices,
)
from stuurploeg.gui.widgets import refill_combo

_ERROR_STYLE = "color: #c0392b;"
_WARNING_STYLE = "color: #9a6700;"


def _problem_label(parent: QWidget) -> QLabel:
    label = QLabel(parent)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setVisible(False)
    return label


def _show(label: QLabel, problems: Sequence[DraftProblem]) -> None:
    label.setText("\n".join(p.text for p in problems))
    label.setStyleSheet(_WARNING_STYLE if all(p.warning for p in problems) else _ERROR_STYLE)
    label.setVisible(bool(problems))


class ScenarioEditor(QWidget):
    saved = Signal(str)  # the scenario's name as stored

    def __init__(self, controller: WorkspaceController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.scenarios = controller.scenarios
        self.original: str | None = None  # the stored scenario being edited; None: new
        self.problems: list[DraftProblem] = []
        self._description = ""
        self._loaded = ScenarioDraft()  # as last loaded or saved: the edits are against it

        self.name = QLineEdit(self)
        self.name.setPlaceholderText(self.tr("e.g. Extra digital Zuid"))
        self.name_problem = _problem_label(self)
        self.profile = QComboBox(self)
        self.profile_problem = _problem_label(self)

        self.capacity_model = CapacityChangesModel(self)
        self.capacity_table = self._table(self.capacity_model)
        self.capacity_table.setItemDelegateForColumn(
            CapacityChangesModel.TEAM,
            ChoiceDelegate(lambda: [(t, t) for t in self.scenarios.team_names()],
                           editable=True, parent=self.capacity_table))
        self.capacity_table.setItemDelegateForColumn(
            CapacityChangesModel.SPECIALISM,
            ChoiceDelegate(specialism_choices, parent=self.capacity_table))
        self.capacity_problems = _problem_label(self)
        self.add_capacity = QPushButton(self.tr("Add capacity change"), self)
        self.remove_capacity = QPushButton(self.tr("Remove"), self)

        self.case_model = CaseChangesModel(self)
        self.case_table = self._table(self.case_model)
        self.case_table.setItemDelegateForColumn(
            CaseChangesModel.CASE_ID,
            ChoiceDelegate(self._case_choices, editable=True, parent=self.case_table))
        self.case_table.setItemDelegateForColumn(
            CaseChangesModel.ACTION, ChoiceDelegate(action_choices, parent=self.case_table))
        self.case_problems = _problem_label(self)
        self.add_case = QPushButton(self.tr("Add case change"), self)
        self.remove_case = QPushButton(self.tr("Remove"), self)

        self.save_button = QPushButton(self.tr("Save scenario"), self)
        self.revert_button = QPushButton(self.tr("Undo changes"), self)
        self.add_capacity.setToolTip(
            self.tr("Add a row: a team gets more (or less) fte from a week on"))
        self.remove_capacity.setToolTip(self.tr("Remove the chosen capacity change"))
        self.add_case.setToolTip(
            self.tr("Add a row: a case must be in, is excluded, or starts no earlier than a week"))
        self.remove_case.setToolTip(self.tr("Remove the chosen case change"))
        self.save_button.setToolTip(self.tr("Store this scenario in the workspace"))
        self.revert_button.setToolTip(self.tr("Go back to the scenario as it was last stored"))
        self.status = QLabel(self)
        self.status.setWordWrap(True)

        form = QFormLayout()
        form.addRow(self.tr("Name:"), self.name)
        form.addRow("", self.name_problem)
        form.addRow(self.tr("Weights:"), self.profile)
        form.addRow("", self.profile_problem)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)
        layout.addLayout(self._heading(self.tr("Capacity changes"), self.add_capacity,
                                       self.remove_capacity))
        layout.addWidget(self.capacity_table, 1)
        layout.addWidget(self.capacity_problems)
        layout.addLayout(self._heading(self.tr("Case changes"), self.add_case,
                                       self.remove_case))
        layout.addWidget(self.case_table, 1)
        layout.addWidget(self.case_problems)
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.save_button)
        layout.addLayout(buttons)

        self.name.textEdited.connect(self.recheck)
        self.profile.currentIndexChanged.connect(self.recheck)
        for model in (self.capacity_model, self.case_model):
            model.dataChanged.connect(self._content_changed)
            model.rowsInserted.connect(self.recheck)
            model.rowsRemoved.connect(self.recheck)
        self.add_capacity.clicked.connect(lambda: self._add(self.capacity_model,
                                                            self.capacity_table))
        self.add_case.clicked.connect(self._add_case)
        self.remove_capacity.clicked.connect(
            lambda: self._remove(self.capacity_model, self.capacity_table))
        self.remove_case.clicked.connect(lambda: self._remove(self.case_model, self.case_table))
        self.save_button.clicked.connect(self.save)
        self.revert_button.clicked.connect(lambda: self.load(self.original))
        controller.profile_changed.connect(self._fill_profiles)
        controller.cases_changed.connect(self._names_changed)
        self._fill_profiles()
        self.load(None)

    # -- building -------------------------------------------------------------------------
    def _table(self, model: ChangesModel) -> QTableView:  # type: ignore[type-arg]
        table = QTableView(self)
        table.setModel(model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        # Not on every current-cell change: moving with the arrow keys must not open editors.
        trigger = QAbstractItemView.EditTrigger
        table.setEditTriggers(trigger.DoubleClicked | trigger.SelectedClicked
                              | trigger.EditKeyPressed | trigger.AnyKeyPressed)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setStretchLastSection(True)
        table.verticalHeader().hide()
        table.setMinimumHeight(90)
        return table

    def _heading(self, text: str, *buttons: QPushButton) -> QHBoxLayout:
        row = QHBoxLayout()
        label = QLabel(text, self)
        font = label.font()
        font.setBold(True)
        label.setFont(font)
        row.addWidget(label, 1)
        for b in buttons:
            row.addWidget(b)
        return row

    def _fill_profiles(self) -> None:
        items = [(self.tr("Weights of the base plan"), "")]
        items += [(name, name) for name in self.scenarios.profile_names()]
        refill_combo(self.profile, items)

    def _case_choices(self) -> list[tuple[str, str]]:
        names = {c.case_id: c.name for c in self.controller.cases}
        return [(f"{cid} — {names.get(cid, '')}", cid) for cid in self.scenarios.candidate_ids()]

    def _names_changed(self) -> None:
        self.case_model.names = {c.case_id: c.name for c in self.controller.cases}
        self.recheck()

    # -- the draft -----------------------------------------------------------------------
    def load(self, name: str | None) -> None:
        """Show stored scenario ``name`` (None: a new, empty one)."""
        self.original = name if name and self.scenarios.scenario(name) else None
        draft = self.scenarios.draft_of(self.original) if self.original else ScenarioDraft()
        self.name.setText(draft.name)
        self._description = draft.description
        if draft.profile and self.profile.findData(draft.profile) < 0:
            self.profile.addItem(draft.profile, draft.profile)  # a profile kept with it only
        self.profile.setCurrentIndex(max(self.profile.findData(draft.profile), 0))
        self.case_model.names = {c.case_id: c.name for c in self.controller.cases}
        self.capacity_model.set_items(draft.capacity)
        self.case_model.set_items(draft.cases)
        self.status.setText("" if self.original else self.tr("A new scenario."))
        self._loaded = self.draft()
        self.recheck()

    @property
    def dirty(self) -> bool:
        """Edits that are not saved (a new scenario counts once it has a name or a
        change)."""
        return self.draft() != self._loaded

    def draft(self) -> ScenarioDraft:
        return ScenarioDraft(self.name.text(), self.capacity_model.rows(),
                             self.case_model.rows(), self.profile.currentData() or "",
                             self._description)

    def add_case_change(self, case_id: str, action: str = "in", start: str = "") -> None:
        self.case_model.add_row(CaseRow(case_id, action, start))

    def _content_changed(self, _first: object, _last: object, roles: Sequence[int] = ()) -> None:
        if not roles or Qt.ItemDataRole.EditRole in roles:
            self.recheck()

    def recheck(self) -> list[DraftProblem]:
        self.problems = self.scenarios.check(self.draft())
        self._show_problems(self.problems)
        return self.problems

    def _show_problems(self, problems: Sequence[DraftProblem]) -> None:
        _show(self.name_problem, [p for p in problems if p.section is None
                                  and p.field != "profile"])
        _show(self.profile_problem, [p for p in problems if p.field == "profile"])
        _show(self.capacity_problems, [p for p in problems if p.section == CAPACITY])
        _show(self.case_problems, [p for p in problems if p.section == CASE])
        self.capacity_model.set_problems(problems)
        self.case_model.set_problems(problems)
        self.save_button.setEnabled(self.controller.has_workspace)

    def save(self) -> bool:
        """Store the draft; refused (and shown) while it has errors."""
        try:
            stored = self.scenarios.save(self.draft(), self.original)
        except DraftRefused as exc:
            self._show_problems(exc.at or self.problems)
            self.status.setText(self.tr("Not saved: correct the marked fields first."))
            return False
        except ActionRefused as exc:
            self.status.setText("\n".join(exc.problems))
            return False
        self.original = stored.name
        self.name.setText(stored.name)
        self._loaded = self.draft()
        self.status.setText(self.tr("Saved."))
        self.saved.emit(stored.name)
        return True

    # -- rows ------------------------------------------------------------------------------
    def _add(self, model: ChangesModel, table: QTableView) -> None:  # type: ignore[type-arg]
        row = model.add_row()
        table.setCurrentIndex(model.index(row, 0))
        table.setFocus()

    def _add_case(self) -> None:
        case_id = self.controller.selected_case_id
        candidates = set(self.scenarios.candidate_ids())
        row = self.case_model.add_row(CaseRow(case_id if case_id in candidates else ""))
        self.case_table.setCurrentIndex(self.case_model.index(row, 0))
        self.case_table.setFocus()

    def _remove(self, model: ChangesModel, table: QTableView) -> None:  # type: ignore[type-arg]
        index = table.currentIndex()
        if index.isValid():
            model.remove_row(index.row())
