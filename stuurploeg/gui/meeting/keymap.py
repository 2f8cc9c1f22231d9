"""F1: the keyboard map of the meeting, in the user's language."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QGridLayout, QLabel, QVBoxLayout, QWidget

_C = "KeyMap"
# (keys, what they do); the keys are shown as written, the text translated
KEYS = (
    ("↑ ↓  PgUp PgDn", QT_TRANSLATE_NOOP("KeyMap", "Ranking: previous / next case")),
    ("Home  End", QT_TRANSLATE_NOOP("KeyMap", "Ranking: first / last case")),
    ("1 … 999", QT_TRANSLATE_NOOP("KeyMap", "Ranking: type a rank to go to that case")),
    ("MH-…", QT_TRANSLATE_NOOP("KeyMap", "Ranking: type (part of) a case number to go to it")),
    ("Ctrl+F", QT_TRANSLATE_NOOP("KeyMap", "Search; Enter selects the first match")),
    ("Enter", QT_TRANSLATE_NOOP("KeyMap", "Ranking: decide on the selected case")),
    ("1 … 6", QT_TRANSLATE_NOOP(
        "KeyMap", "Decision field: 1 take up, 2 investigate further, 3 park, "
        "4 do not take up, 5 hand over, 6 close")),
    ("Tab  Shift+Tab", QT_TRANSLATE_NOOP("KeyMap", "Next / previous field; ranking → form → save")),
    ("Alt+M", QT_TRANSLATE_NOOP("KeyMap", "To the motivation")),
    ("Ctrl+Enter", QT_TRANSLATE_NOOP(
        "KeyMap", "Record the decision; on to the next undecided case")),
    ("Esc", QT_TRANSLATE_NOOP("KeyMap", "Cancel: the form back to the proposal")),
    ("Ctrl+Z", QT_TRANSLATE_NOOP("KeyMap", "Undo the last draft decision")),
    ("Ctrl+R", QT_TRANSLATE_NOOP(
        "KeyMap", "Plan again: an outdated proposal anew, with the planner chosen")),
    ("F8", QT_TRANSLATE_NOOP("KeyMap", "Meeting layout on / off")),
    ("F1", QT_TRANSLATE_NOOP("KeyMap", "This keyboard map")),
)  # fmt: skip


class KeyMapDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Keyboard map"))
        grid = QGridLayout()
        for row, (keys, text) in enumerate(KEYS):
            key = QLabel(f"<b>{keys}</b>", self)
            key.setTextFormat(Qt.TextFormat.RichText)
            grid.addWidget(key, row, 0)
            grid.addWidget(QLabel(QCoreApplication.translate(_C, text), self), row, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addWidget(buttons)
