"""The meeting's decision list (table model) and recording a draft as an undoable step."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QUndoCommand

from stuurploeg.gui.labels import decision_label
from stuurploeg.gui.table_model import DISPLAY, ListTableModel

if TYPE_CHECKING:
    from stuurploeg.gui.docks.decisions import DecisionsPanel

_HEADERS = (
    QT_TRANSLATE_NOOP("DecisionListModel", "Case"),
    QT_TRANSLATE_NOOP("DecisionListModel", "Decision"),
    QT_TRANSLATE_NOOP("DecisionListModel", "Details"),
    QT_TRANSLATE_NOOP("DecisionListModel", "By"),
    QT_TRANSLATE_NOOP("DecisionListModel", "State"),
)


class DecisionListModel(ListTableModel):
    """The meeting's decisions: drafts and final entries, corrections marked."""

    CONTEXT = "DecisionListModel"
    HEADERS = _HEADERS

    def cell(self, row: int, column: int, role: int) -> Any:
        if role != DISPLAY:
            return None
        d = self.items[row]
        translate = QCoreApplication.translate
        if column == 0:
            return d.case_id
        if column == 1:
            text = decision_label(d.kind)
            return text + (translate("DecisionListModel", " (correction)") if d.corrects_id else "")
        if column == 2:
            parts = [
                p
                for p in (d.team, str(d.start_week or ""), d.hand_over_to and str(d.hand_over_to))
                if p
            ]
            if d.motivation:
                parts.append(d.motivation)
            return " · ".join(parts)
        if column == 3:
            return d.decided_by
        if d.final:
            return translate("DecisionListModel", "final")
        return translate("DecisionListModel", "draft")


class RecordDraftCommand(QUndoCommand):
    """A draft decision: undo deletes the draft, redo records it again."""

    def __init__(
        self, panel: DecisionsPanel, decision: Any, day: date, corrects: int | None, text: str
    ) -> None:
        super().__init__(text)
        self.panel, self.decision, self.day, self.corrects = panel, decision, day, corrects
        self.stored: Any | None = None
        self.error: Exception | None = None

    def redo(self) -> None:
        from stuurploeg.app.decisions import correct_decision, record_decision

        ws = self.panel.session.workspace
        try:
            if self.corrects is not None:
                self.stored = correct_decision(ws, self.corrects, self.decision, self.day)
            else:
                self.stored = record_decision(ws, self.decision, self.day)
        except Exception as exc:  # DecisionError: shown by the panel, nothing stored
            self.error = exc
            self.setObsolete(True)
        self.panel.refresh()

    def undo(self) -> None:
        from stuurploeg.app.decisions import delete_draft

        if self.stored is not None:
            delete_draft(self.panel.session.workspace, self.stored.id)
            self.stored = None
        self.panel.refresh()
