"""The undo step of a what-if placement (Bewerken → Ongedaan maken takes it back)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from stuurploeg.domain.weeks import IsoWeek
from stuurploeg.gui.controller import ActionRefused
from stuurploeg.gui.controller.placement import PlacementController, WhatIfPlacement


class PlaceCommand(QUndoCommand):
    """Put ``case_id`` on ``team`` from ``week``; undo puts back what was there before
    (the planner's spot, or the case's earlier what-if placement).

    The view runs :meth:`redo` once before pushing (so a refusal, kept in ``error``,
    never reaches the stack) and sets ``done``; the push then does not place it twice.
    """

    def __init__(
        self, placement: PlacementController, case_id: str, team: str, week: IsoWeek
    ) -> None:
        text = QCoreApplication.translate("Placement", "What-if placement of %1")
        super().__init__(text.replace("%1", case_id))
        self.placement, self.case_id, self.team, self.week = placement, case_id, team, week
        self.before: WhatIfPlacement | None = placement.placement(case_id)
        self.error: ActionRefused | None = None
        self.done = False

    def redo(self) -> None:
        if self.done:
            self.done = False
            return
        try:
            self.placement.place(self.case_id, self.team, self.week)
            self.error = None
        except ActionRefused as exc:  # e.g. redo after the plan changed under it
            self.error = exc
            self.setObsolete(True)

    def undo(self) -> None:
        if self.before is None:
            self.placement.unplace(self.case_id)
            return
        try:
            self.placement.place(self.case_id, self.before.team, self.before.start_week)
        except ActionRefused:
            self.placement.unplace(self.case_id)


class ClearPlacementsCommand(QUndoCommand):
    """Back to the planner's proposal; undo puts the what-if placements back (each one
    checked again)."""

    def __init__(self, placement: PlacementController) -> None:
        super().__init__(QCoreApplication.translate("Placement", "Back to the proposal"))
        self.placement = placement
        self.placements = placement.placements

    def redo(self) -> None:
        self.placement.clear()

    def undo(self) -> None:
        for p in self.placements:
            try:
                self.placement.place(p.case_id, p.team, p.start_week)
            except ActionRefused:
                continue  # no longer fits: the message about it was given when it was dropped
