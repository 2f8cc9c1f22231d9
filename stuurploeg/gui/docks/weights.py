"""Weging: one slider per criterion, profiles, live re-ranking, level texts as tooltips."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSlider,
    QVBoxLayout,
    QWidget,
)

from stuurploeg.domain.criteria_text import CRITERION_QUESTIONS, LEVEL_TEXTS
from stuurploeg.domain.model import CRITERIA, Criterion
from stuurploeg.gui.commands import SetWeightsCommand
from stuurploeg.gui.controller import ActionRefused, WorkspaceController
from stuurploeg.gui.labels import criterion_label
from stuurploeg.gui.widgets import refill_combo

if TYPE_CHECKING:
    from stuurploeg.domain.scoring import WeightProfile

MAX_WEIGHT = 50


def level_tooltip(criterion: Criterion) -> str:
    """What 1..5 mean for this criterion (domain texts, Dutch)."""
    lines = [f"<b>{CRITERION_QUESTIONS.get(criterion, '')}</b>"]
    for level, text in sorted(LEVEL_TEXTS.get(criterion, {}).items()):
        lines.append(f"<b>{level}</b> — {text}")
    return "<br>".join(lines)


class WeightsPanel(QWidget):
    def __init__(
        self,
        controller: WorkspaceController,
        undo_stack: QUndoStack,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.controller = controller
        self.undo_stack = undo_stack
        self.profiles = QComboBox(self)
        self.save_button = QPushButton(self.tr("Save as…"), self)
        self.reset_button = QPushButton(self.tr("Reset"), self)
        self.save_button.setToolTip(self.tr("Keep these weights as a named profile."))
        self.reset_button.setToolTip(self.tr("Back to the weights of the chosen profile."))
        self.sliders: dict[Criterion, QSlider] = {}
        self.values: dict[Criterion, QLabel] = {}
        self.shares: dict[Criterion, QLabel] = {}
        self._choices: dict[str, WeightProfile] = {}  # profile name -> as stored

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
        controller.profile_changed.connect(self.load_profiles)
        self.load_profiles()

    # -- profiles ------------------------------------------------------------------------
    def load_profiles(self) -> None:
        """The profiles to choose from and the current weights (once there are cases)."""
        self._choices = self.controller.profile_choices()
        ready = self.controller.profile is not None
        refill_combo(self.profiles, ((name, name) for name in self._choices))
        for w in (self.profiles, self.save_button, self.reset_button, *self.sliders.values()):
            w.setEnabled(ready)
        self.note.setText("" if ready else self.tr("Import or open cases to weigh them."))
        self.show_profile()

    def _profile_chosen(self) -> None:
        name = self.profiles.currentData()
        profile = self._choices.get(name)
        if profile is not None and profile is not self.controller.profile:
            self._push(profile, None, self.tr("Choose profile %1").replace("%1", name))

    def _save_as(self) -> None:
        from PySide6.QtWidgets import QInputDialog  # not before the window (its enums)

        dialog = QInputDialog(self)
        dialog.setWindowTitle(self.tr("Save weighting"))
        dialog.setLabelText(self.tr("Name of the profile:"))
        profile = self.controller.profile
        dialog.setTextValue(profile.name if profile is not None else "")
        dialog.textValueSelected.connect(self.save_as)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def save_as(self, name: str) -> None:
        try:
            self.controller.save_profile(name)
        except ActionRefused as exc:
            self.note.setText("\n".join(exc.problems))

    def reset(self) -> None:
        """Back to the weights of the profile as stored."""
        current = self.controller.profile
        if current is None:
            return
        stored = next((p for p in self.controller.stored_profiles if p.name == current.name),
                      self._choices.get(current.name))  # fmt: skip
        if stored is not None and dict(stored.weights) != dict(current.weights):
            self._push(stored, None, self.tr("Reset weighting"))

    # -- sliders -------------------------------------------------------------------------
    def show_profile(self) -> None:
        profile = self.controller.profile
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
        profile = self.controller.profile
        if profile is None or profile.weight(criterion) == value:
            return
        new = profile.with_weight(criterion, float(value))
        text = self.tr("Weight %1").replace("%1", criterion_label(criterion))
        self._push(new, criterion, text)

    def _push(self, new: WeightProfile, criterion: Criterion | None, text: str) -> None:
        old = self.controller.profile
        if old is not None:
            self.undo_stack.push(SetWeightsCommand(self.controller, old, new, criterion, text))
