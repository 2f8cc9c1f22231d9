"""A scenario side by side with the base plan: total priority, cases newly in and newly
out (with the reason for each one out), utilisation per team and overloaded team-weeks."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from stuurploeg.gui.labels import planner_label
from stuurploeg.gui.scenarios.models import (
    NewlyInModel,
    NewlyOutModel,
    TeamLoadModel,
    number,
    signed,
)
from stuurploeg.gui.widgets import list_table

if TYPE_CHECKING:
    from stuurploeg.gui.controller.scenarios import ScenarioOutcome


class ComparisonView(QWidget):
    """Shows one :class:`ScenarioOutcome` (or a hint when there is none yet)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.outcome: ScenarioOutcome | None = None
        self.heading = QLabel(self)
        self.heading.setWordWrap(True)
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        self.changes = QLabel(self)
        self.changes.setWordWrap(True)

        figures = QGroupBox(self.tr("Base → scenario"), self)
        grid = QGridLayout(figures)
        for col, text in enumerate((self.tr("Base"), self.tr("Scenario"), self.tr("Difference")),
                                   1):
            head = QLabel(f"<b>{text}</b>", figures)
            head.setAlignment(Qt.AlignmentFlag.AlignRight)
            grid.addWidget(head, 0, col)
        self.figures: dict[str, tuple[QLabel, QLabel, QLabel]] = {}
        for row, (key, text) in enumerate((
            ("priority", self.tr("Total priority")),
            ("planned", self.tr("Cases planned")),
            ("overloaded", self.tr("Overloaded team-weeks")),
        ), 1):
            cells = (QLabel(figures), QLabel(figures), QLabel(figures))
            grid.addWidget(QLabel(text, figures), row, 0)
            for col, label in enumerate(cells, 1):
                label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                grid.addWidget(label, row, col)
            self.figures[key] = cells
        self.weights_note = QLabel(figures)
        self.weights_note.setWordWrap(True)
        grid.addWidget(self.weights_note, len(self.figures) + 1, 0, 1, 4)
        grid.setRowStretch(len(self.figures) + 2, 1)

        self.in_model = NewlyInModel(self)
        self.out_model = NewlyOutModel(self)
        self.load_model = TeamLoadModel(self)
        self.in_table = list_table(self.in_model, self)
        self.out_table = list_table(self.out_model, self)
        self.load_table = list_table(self.load_model, self)
        self.in_box = self._box(self.tr("Newly in the plan"), self.in_table)
        self.out_box = self._box(self.tr("No longer in the plan"), self.out_table)
        load_box = self._box(self.tr("Utilisation per team"), self.load_table)
        self.warnings = QLabel(self)
        self.warnings.setWordWrap(True)
        self.warnings.setStyleSheet("color: #9a6700;")

        lists = QGridLayout()
        lists.addWidget(figures, 0, 0)
        lists.addWidget(load_box, 0, 1)
        lists.addWidget(self.in_box, 1, 0)
        lists.addWidget(self.out_box, 1, 1)
        lists.setColumnStretch(0, 1)
        lists.setColumnStretch(1, 1)
        self.body = QWidget(self)
        self.body.setLayout(lists)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.changes)
        layout.addWidget(self.body, 1)
        layout.addWidget(self.warnings)
        self.show_outcome(None)

    def _box(self, title: str, table: QTableView) -> QGroupBox:
        box = QGroupBox(title, self)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setStretchLastSection(True)
        QVBoxLayout(box).addWidget(table)
        return box

    def show_outcome(self, outcome: ScenarioOutcome | None, hint: str = "") -> None:
        self.outcome = outcome
        self.body.setVisible(outcome is not None)
        if outcome is None:
            self.heading.setText(hint or self.tr("Choose a scenario and press Compare."))
            self.changes.setText("")
            self.warnings.setVisible(False)
            for m in (self.in_model, self.out_model, self.load_model):
                m.set_items([])
            return
        c = outcome.comparison
        self.heading.setText(
            self.tr("Scenario %1 compared with the base (%2 planner)")
            .replace("%1", c.name).replace("%2", planner_label(outcome.plan.planner)))
        self.changes.setText(self.tr("Changes: %1").replace(
            "%1", "; ".join(c.changes) or self.tr("none")))
        self._figure("priority", number(c.base_total), number(c.scenario_total_base_weights),
                     signed(c.delta_priority))
        self._figure("planned", str(c.base_planned), str(c.scenario_planned),
                     f"{c.scenario_planned - c.base_planned:+d}")
        base_over, scen_over = len(c.base_overloaded), len(c.scenario_overloaded)
        self._figure("overloaded", str(base_over), str(scen_over), f"{scen_over - base_over:+d}")
        self.weights_note.setText(
            self.tr("Valued with the base weights (%1); in the scenario's own weights (%2) "
                    "its total is %3.").replace("%1", c.base_profile)
            .replace("%2", c.scenario_profile).replace("%3", number(c.scenario_total))
            if c.other_profile else "")
        self.weights_note.setVisible(c.other_profile)
        self.in_box.setTitle(self.tr("Newly in the plan (%1)").replace("%1", str(len(c.newly_in))))
        self.out_box.setTitle(
            self.tr("No longer in the plan (%1)").replace("%1", str(len(c.newly_out))))
        self.in_model.set_items(c.newly_in)
        self.out_model.set_items(c.newly_out)
        self.load_model.set_items(c.teams)
        self.warnings.setText("\n".join(c.warnings))
        self.warnings.setVisible(bool(c.warnings))

    def _figure(self, key: str, base: str, scenario: str, delta: str) -> None:
        a, b, d = self.figures[key]
        a.setText(base)
        b.setText(scenario)
        d.setText(delta)
