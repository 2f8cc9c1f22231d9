"""The undoable steps (Bewerken → Ongedaan maken): each holds the controller, never a view.

A step the app layer refuses keeps the refusal in ``error`` and marks itself obsolete, so
the undo stack drops it; the view that pushed it shows ``error.problems``.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoCommand

from stuurploeg.domain.model import Criterion
from stuurploeg.gui.controller import ActionRefused, WorkspaceController

if TYPE_CHECKING:
    from stuurploeg.domain.decisions import Decision
    from stuurploeg.domain.scoring import WeightProfile

_WEIGHTS_COMMAND_ID = 1001


class SetWeightsCommand(QUndoCommand):
    """One weight change; consecutive moves of the same slider merge into one step."""

    def __init__(
        self,
        controller: WorkspaceController,
        old: WeightProfile,
        new: WeightProfile,
        criterion: Criterion | None,
        text: str,
    ) -> None:
        super().__init__(text)
        self.controller, self.old, self.new, self.criterion = controller, old, new, criterion

    def id(self) -> int:
        return _WEIGHTS_COMMAND_ID

    def mergeWith(self, other: QUndoCommand) -> bool:
        if (
            not isinstance(other, SetWeightsCommand)
            or other.criterion != self.criterion
            or self.criterion is None
        ):
            return False
        self.new = other.new
        return True

    def redo(self) -> None:
        if self.controller.profile is not self.new:
            self.controller.set_profile(self.new)

    def undo(self) -> None:
        self.controller.set_profile(self.old)


class SetOverrideCommand(QUndoCommand):
    """Positie aanpassen: undo puts the case back where it was (or where the weights put it)."""

    def __init__(
        self,
        controller: WorkspaceController,
        case_id: str,
        position: int,
        motivation: str,
        text: str,
    ) -> None:
        super().__init__(text)
        self.controller, self.case_id = controller, case_id
        self.position, self.motivation = position, motivation
        self.previous = controller.override_for(case_id)
        self.error: ActionRefused | None = None

    def redo(self) -> None:
        try:
            self.controller.set_override(self.case_id, self.position, self.motivation)
        except ActionRefused as exc:
            self.error = exc
            self.setObsolete(True)

    def undo(self) -> None:
        previous = self.previous
        try:
            if previous is None:
                self.controller.remove_override(self.case_id, self.motivation)
            else:
                self.controller.set_override(
                    previous.case_id, previous.position, previous.motivation
                )
        except ActionRefused as exc:
            self.controller.error.emit("\n".join(exc.problems))


class RecordDecisionCommand(QUndoCommand):
    """A draft decision: undo deletes the draft, redo records it again. With
    ``replace_draft`` (the user confirmed it) it takes the place of the case's draft in the
    meeting, and undo puts that draft back."""

    def __init__(
        self,
        controller: WorkspaceController,
        decision: Decision,
        corrects: int | None,
        text: str,
        *,
        replace_draft: bool = False,
    ) -> None:
        super().__init__(text)
        self.controller, self.corrects = controller, corrects
        # The meeting it belongs to, also when redone after the day was changed.
        self.decision = replace(decision, meeting_date=controller.meeting.day)
        self.replace_draft = replace_draft
        self.replaced: Decision | None = None
        if replace_draft:
            self.replaced = next(
                (d for d in controller.meeting.drafts if d.case_id == decision.case_id), None
            )
        self.stored: Decision | None = None
        self.error: ActionRefused | None = None

    def redo(self) -> None:
        try:
            self.stored = self.controller.record_decision(
                self.decision, self.corrects, replace_draft=self.replace_draft
            )
        except ActionRefused as exc:  # nothing stored; the form shows why
            self.error = exc
            self.setObsolete(True)

    def undo(self) -> None:
        stored, self.stored = self.stored, None
        if stored is None or stored.id is None:
            return
        try:
            self.controller.delete_draft(stored.id)
            old = self.replaced
            if old is not None:  # the draft it replaced comes back as it was
                self.controller.record_decision(
                    replace(old, id=None, created_at=None, state="draft"), old.corrects_id
                )
        except ActionRefused as exc:
            self.controller.error.emit("\n".join(exc.problems))
