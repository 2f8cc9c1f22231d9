"""Positie aanpassen: move a case to another place in the ranking, with a motivation.

The override goes to the session (and the open workspace) as an undoable command; the
ranking and plan are then recomputed by the app layer.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from stuurploeg.gui.session import Session


class SetOverrideCommand(QUndoCommand):
    def __init__(
        self, session: Session, new: list[Any], text: str, change: tuple[str, int, str, str]
    ) -> None:
        super().__init__(text)
        self.session = session
        self.old = list(session.overrides)
        self.new = new
        self.change = change  # case_id, position, motivation, by (for the workspace log)

    def redo(self) -> None:
        ws = self.session.workspace
        if ws is not None:
            case_id, position, motivation, by = self.change
            ws.set_override(case_id, position, motivation, by or None)
        self.session.set_overrides(self.new)

    def undo(self) -> None:
        ws = self.session.workspace
        if ws is not None:
            case_id, _position, motivation, by = self.change
            previous = next((o for o in self.old if o.case_id == case_id), None)
            if previous is None:
                ws.remove_override(case_id, motivation, by or None)
            else:
                ws.set_override(case_id, previous.position, previous.motivation, by or None)
        self.session.set_overrides(self.old)


class PositionDialog(QDialog):
    def __init__(
        self,
        session: Session,
        undo_stack: QUndoStack,
        case_id: str,
        parent: QWidget | None = None,
        *,
        by: str = "",
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.undo_stack = undo_stack
        self.case_id = case_id
        self.by = by
        case = session.case(case_id)
        entry = (
            next((e for e in session.ranking.entries if e.case_id == case_id), None)
            if session.ranking
            else None
        )
        self.setWindowTitle(self.tr("Change position"))
        self.position = QSpinBox(self)
        self.position.setRange(1, max(1, len(session.ranking.entries) if session.ranking else 1))
        self.position.setValue(entry.rank if entry else 1)
        self.motivation = QPlainTextEdit(self)
        self.motivation.setTabChangesFocus(True)
        self.motivation.setPlaceholderText(
            self.tr("Why does this case belong at this place? (required)")
        )
        self.problem = QLabel(self)
        self.problem.setStyleSheet("color: #a93226")
        self.problem.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("Case:"), QLabel(f"{case_id} — {case.name if case else ''}", self))
        form.addRow(self.tr("New position:"), self.position)
        form.addRow(self.tr("Motivation:"), self.motivation)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)

    def accept(self) -> None:
        from stuurploeg.domain.scoring import PositionOverride

        motivation = self.motivation.toPlainText()
        if not motivation.strip():
            self.problem.setText(self.tr("A motivation is required to move a case."))
            self.motivation.setFocus()
            return  # refused: the dialog stays open
        override = PositionOverride(self.case_id, self.position.value(), motivation)
        new = [o for o in self.session.overrides if o.case_id != self.case_id] + [override]
        by = self.by
        text = (
            self.tr("Move %1 to %2")
            .replace("%1", self.case_id)
            .replace("%2", str(override.position))
        )
        self.undo_stack.push(
            SetOverrideCommand(
                self.session, new, text, (self.case_id, override.position, motivation, by)
            )
        )
        super().accept()
