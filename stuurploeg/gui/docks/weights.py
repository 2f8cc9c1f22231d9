"""Weging: one slider per criterion, profiles, live re-ranking, level texts as tooltips."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QPushButton,
    QSlider,
    QVBoxLayout,
    QWidget,
)

from stuurploeg.domain.model import CRITERIA, Criterion
from stuurploeg.gui.labels import criterion_label
from stuurploeg.gui.session import Session
from stuurploeg.gui.widgets import refill_combo

MAX_WEIGHT = 50
_WEIGHTS_COMMAND_ID = 1001


class SetWeightsCommand(QUndoCommand):
    """One weight change; consecutive moves of the same slider merge into one step."""

    def __init__(
        self, session: Session, old: Any, new: Any, criterion: Criterion | None, text: str
    ) -> None:
        super().__init__(text)
        self.session, self.old, self.new, self.criterion = session, old, new, criterion

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
        if self.session.profile is not self.new:
            self.session.set_profile(self.new)

    def undo(self) -> None:
        self.session.set_profile(self.old)


def level_tooltip(criterion: Criterion) -> str:
    """What 1..5 mean for this criterion (domain texts, Dutch)."""
    try:
        from stuurploeg.domain.criteria_text import CRITERION_QUESTIONS, LEVEL_TEXTS
    except ImportError:
        return criterion_label(criterion)
    lines = [f"<b>{CRITERION_QUESTIONS.get(criterion, '')}</b>"]
    for level, text in sorted(LEVEL_TEXTS.get(criterion, {}).items()):
        lines.append(f"<b>{level}</b> — {text}")
    return "<br>".join(lines)


class WeightsPanel(QWidget):
    def __init__(
        self, session: Session, undo_stack: QUndoStack, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.undo_stack = undo_stack
        self.profiles = QComboBox(self)
        self.save_button = QPushButton(self.tr("Save as…"), self)
        self.reset_button = QPushButton(self.tr("Reset"), self)
        self.sliders: dict[Criterion, QSlider] = {}
        self.values: dict[Criterion, QLabel] = {}
        self.shares: dict[Criterion, QLabel] = {}
        self._stored: dict[str, Any] = {}  # profile name -> WeightProfile as stored

        grid = QGridLayout()
        for row, criterion in enumerate(CRITERIA):
            label = QLabel(criterion_label(criterion), self)
            slider = QSlider(Qt.Orientation.Horizontal, self)
            slider.setRange(0, MAX_WEIGHT)
            slider.setPageStep(5)
            slider.setMinimumWidth(70)
            tip = level_tooltip(criterion)
            for w in (label, slider):
                w.setToolTip(tip)
            value = QLabel("0", self)
            value.setMinimumWidth(value.fontMetrics().horizontalAdvance("000"))
            share = QLabel("", self)
            share.setMinimumWidth(share.fontMetrics().horizontalAdvance("100 %"))
            slider.valueChanged.connect(lambda v, c=criterion: self._moved(c, v))
            grid.addWidget(label, row, 0)
            grid.addWidget(slider, row, 1)
            grid.addWidget(value, row, 2)
            grid.addWidget(share, row, 3)
            self.sliders[criterion] = slider
            self.values[criterion] = value
            self.shares[criterion] = share
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Profile:"), self))
        top.addWidget(self.profiles, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.reset_button)
        buttons.addStretch(1)
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(grid)
        layout.addLayout(buttons)
        layout.addWidget(self.note)
        layout.addStretch(1)

        self.profiles.activated.connect(self._profile_chosen)
        self.save_button.clicked.connect(self._save_as)
        self.reset_button.clicked.connect(self.reset)
        session.profile_changed.connect(self._profile_changed)
        session.workspace_changed.connect(self.load_profiles)
        self.load_profiles()

    # -- profiles ------------------------------------------------------------------------
    def load_profiles(self) -> None:
        """Fill the profile list once the session has a profile (the first ranking).

        Not earlier: the ranking layer (numpy) is not imported before the first window.
        """
        self._stored.clear()
        available = self.session.can_rank()
        ready = available and self.session.profile is not None
        if ready:
            from stuurploeg.domain.scoring import STANDARD_PROFILE

            self._stored[STANDARD_PROFILE.name] = STANDARD_PROFILE
            for record in self.session.stored_profiles():
                self._stored[record.name] = record
            self._stored.setdefault(self.session.profile.name, self.session.profile)
        refill_combo(self.profiles, ((name, name) for name in self._stored))
        for w in (self.profiles, self.save_button, self.reset_button, *self.sliders.values()):
            w.setEnabled(ready)
        if not available:
            self.note.setText(
                self.tr("Weighting is available once the ranking module is installed.")
            )
        elif not ready:
            self.note.setText(self.tr("Import or open cases to weigh them."))
        else:
            self.note.setText("")
        self.show_profile()

    def _profile_changed(self) -> None:
        if not self._stored:
            self.load_profiles()  # first ranking: now the profiles can be listed
        else:
            self.show_profile()

    def _profile_chosen(self) -> None:
        name = self.profiles.currentData()
        profile = self._stored.get(name)
        if profile is not None and profile is not self.session.profile:
            self._push(profile, None, self.tr("Choose profile %1").replace("%1", name))

    def _save_as(self) -> None:
        dialog = QInputDialog(self)
        dialog.setWindowTitle(self.tr("Save weighting"))
        dialog.setLabelText(self.tr("Name of the profile:"))
        dialog.setTextValue(self.session.profile.name if self.session.profile else "")
        dialog.textValueSelected.connect(self.save_as)
        self.save_dialog = dialog
        dialog.open()

    def save_as(self, name: str) -> None:
        name = name.strip()
        if not name or self.session.profile is None:
            return
        profile = self.session.save_profile(name)
        if profile is not None:
            self._stored[name] = profile
            if self.profiles.findData(name) < 0:
                self.profiles.addItem(name, name)
            self.profiles.setCurrentIndex(self.profiles.findData(name))

    def reset(self) -> None:
        """Back to the weights of the profile as stored."""
        current = self.session.profile
        if current is None:
            return
        stored = self._stored.get(current.name)
        if stored is not None and dict(stored.weights) != dict(current.weights):
            self._push(stored, None, self.tr("Reset weighting"))

    # -- sliders -------------------------------------------------------------------------
    def show_profile(self) -> None:
        profile = self.session.profile
        if profile is None:
            return
        total = sum(profile.weight(c) for c in CRITERIA) or 1.0
        for criterion, slider in self.sliders.items():
            weight = profile.weight(criterion)
            slider.blockSignals(True)
            slider.setValue(round(weight))
            slider.blockSignals(False)
            self.values[criterion].setText(f"{weight:g}")
            self.shares[criterion].setText(f"{100 * weight / total:.0f} %")
        index = self.profiles.findData(profile.name)
        if index >= 0:
            self.profiles.setCurrentIndex(index)

    def _moved(self, criterion: Criterion, value: int) -> None:
        profile = self.session.profile
        if profile is None or profile.weight(criterion) == value:
            return
        new = profile.with_weight(criterion, float(value))
        text = self.tr("Weight %1").replace("%1", criterion_label(criterion))
        self._push(new, criterion, text)

    def _push(self, new: Any, criterion: Criterion | None, text: str) -> None:
        self.undo_stack.push(
            SetWeightsCommand(self.session, self.session.profile, new, criterion, text)
        )
