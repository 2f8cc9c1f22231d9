"""Positie aanpassen: move a case to another place in the ranking, with a motivation.

The move is an undoable step (:class:`SetOverrideCommand`); the controller stores it in
the open workspace and ranks and plans again.
"""

from __future__ import annotations

from PySide6.QtGui import QUndoStack
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

from stuurploeg.gui.commands import SetOverrideCommand
from stuurploeg.gui.controller import WorkspaceController


class PositionDialog(QDialog):
    def __init__(
        self,
        controller: WorkspaceController,
        undo_stack: QUndoStack,
        case_id: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.controller = controller
        self.undo_stack = undo_stack
        self.case_id = case_id
        case = controller.case(case_id)
        ranking = controller.ranking
        ranked = ranking is not None and case_id in ranking.case_ids()
        self.setWindowTitle(self.tr("Change position"))
        self.position = QSpinBox(self)
        self.position.setRange(1, max(1, len(ranking.entries) if ranking is not None else 1))
        self.position.setValue(ranking.entry(case_id).rank if ranking is not None and ranked else 1)
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
        name = case.name if case is not None else ""
        form.addRow(self.tr("Case:"), QLabel(f"{case_id} — {name}", self))
        form.addRow(self.tr("New position:"), self.position)
        form.addRow(self.tr("Motivation:"), self.motivation)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)

    def accept(self) -> None:
        motivation = self.motivation.toPlainText()
        if not motivation.strip():
            self.problem.setText(self.tr("A motivation is required to move a case."))
            self.motivation.setFocus()
            return  # refused: the dialog stays open
        position = self.position.value()
        text = self.tr("Move %1 to %2").replace("%1", self.case_id).replace("%2", str(position))
        command = SetOverrideCommand(self.controller, self.case_id, position, motivation, text)
        self.undo_stack.push(command)
        if command.error is not None:
            self.problem.setText("\n".join(command.error.problems))
            return  # not stored: the dialog stays open with the reason
        super().accept()
