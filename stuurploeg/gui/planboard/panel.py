"""Planbord dock: the Gantt and the load map as tabs, under a banner that says when the
plan on screen holds what-if placements (and takes them back).

Light to import: the pyqtgraph views are built when the first plan is shown (start-up).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTabWidget, QVBoxLayout, QWidget

from stuurploeg.gui.controller.placement import PlacementController
from stuurploeg.gui.planboard.commands import ClearPlacementsCommand

if TYPE_CHECKING:
    from stuurploeg.gui.planboard.gantt import GanttView
    from stuurploeg.gui.planboard.load_map import LoadMapView


class PlanboardPanel(QWidget):
    def __init__(
        self, placement: PlacementController, undo_stack: QUndoStack, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.placement = placement
        self.controller = placement.controller
        self.undo_stack = undo_stack
        self.gantt: GanttView | None = None
        self.load_map: LoadMapView | None = None
        self.banner = QLabel(self)
        self.banner.setObjectName("what_if_banner")
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet("QLabel { background: #fdebd0; color: #6e2c00; padding: 4px; }")
        self.back = QPushButton(self.tr("Back to the proposal"), self)
        self.back.setToolTip(self.tr("Undo every what-if placement (Edit → Undo brings them back)"))
        self.back.clicked.connect(self.back_to_proposal)
        self.tabs = QTabWidget(self)
        self.empty = QLabel(self.tr("The planning picture appears once a plan has been made."))
        self.tabs.addTab(self.empty, self.tr("Gantt"))
        row = QHBoxLayout()
        row.addWidget(self.banner, 1)
        row.addWidget(self.back)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.tabs, 1)
        self.controller.proposal_changed.connect(self._build)
        self.placement.changed.connect(self._show_banner)
        self._build()
        self._show_banner()

    def _build(self) -> None:
        if self.gantt is not None or self.controller.proposal is None:
            return
        # pyqtgraph is slow to import: only when the first plan is shown (start-up time)
        from stuurploeg.gui.planboard.gantt import GanttView
        from stuurploeg.gui.planboard.load_map import LoadMapView

        self.gantt = GanttView(self.placement, self.undo_stack, self)
        self.load_map = LoadMapView(self.placement, self)
        self.tabs.removeTab(0)
        self.empty.deleteLater()
        self.tabs.addTab(self.gantt, self.tr("Gantt per team"))
        self.tabs.addTab(self.load_map, self.tr("Load map"))

    def _show_banner(self) -> None:
        placements = self.placement.placements
        shown = bool(placements)
        self.banner.setVisible(shown)
        self.back.setVisible(shown)
        if not shown:
            return
        moves = "; ".join(
            f"{p.case_id}: {p.from_team} {p.from_week} → {p.team} {p.start_week}"
            for p in placements
        )
        text = self.tr(
            "What-if: the plan on screen has %n case(s) placed by hand, not by the planner.",
            "",
            len(placements),
        )
        self.banner.setText(text + " " + moves)

    def back_to_proposal(self) -> None:
        if self.placement.placements:
            self.undo_stack.push(ClearPlacementsCommand(self.placement))
