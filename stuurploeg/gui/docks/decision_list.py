"""The meeting's decision list as a table model (drafts and final entries), and the
chooser that keeps every meeting with drafts in sight."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from stuurploeg.domain.decisions import Decision
from stuurploeg.gui.controller import WorkspaceController
from stuurploeg.gui.labels import decision_label
from stuurploeg.gui.table_model import DISPLAY, ListTableModel
from stuurploeg.gui.widgets import refill_combo

_HEADERS = (
    QT_TRANSLATE_NOOP("DecisionListModel", "Case"),
    QT_TRANSLATE_NOOP("DecisionListModel", "Decision"),
    QT_TRANSLATE_NOOP("DecisionListModel", "Details"),
    QT_TRANSLATE_NOOP("DecisionListModel", "By"),
    QT_TRANSLATE_NOOP("DecisionListModel", "State"),
)
STATE = 4


class DecisionListModel(ListTableModel[Decision]):
    """The meeting's decisions: drafts and final entries, corrections marked."""

    CONTEXT = "DecisionListModel"
    HEADERS = _HEADERS

    def cell(self, row: int, column: int, role: int) -> object:
        d = self.items[row]
        translate = QCoreApplication.translate
        if role == Qt.ItemDataRole.ToolTipRole and column == STATE:
            if d.final:
                return translate(
                    "DecisionListModel",
                    "Final: entry %1 of the besluitenlijst; it changes only by a correction.",
                ).replace("%1", str(d.seq if d.seq is not None else "—"))
            return translate(
                "DecisionListModel",
                "Draft: saved in the workspace, not yet vastgesteld; it can still be "
                "changed or deleted.",
            )
        if role != DISPLAY:
            return None
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


class MeetingChooser(QWidget):
    """Every meeting with drafts not yet vastgesteld, with its number of drafts; choosing
    one makes it the meeting the window shows. Drafts of a meeting other than the one shown
    are named in a line below, so that none is out of sight. Hidden while there are none."""

    def __init__(self, controller: WorkspaceController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.label = QLabel(self.tr("Drafts in:"), self)
        self.combo = QComboBox(self)
        self.combo.setObjectName("open_meetings")
        self.combo.setToolTip(
            self.tr("Meetings with draft decisions that are not yet vastgesteld; choose one "
                    "to show and finalise it.")
        )  # fmt: skip
        self.label.setBuddy(self.combo)
        self.elsewhere = QLabel(self)
        self.elsewhere.setWordWrap(True)
        self.elsewhere.setStyleSheet(_ELSEWHERE_STYLE)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.label)
        row.addWidget(self.combo, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.elsewhere)
        self.combo.activated.connect(self._chosen)
        for changed in (controller.decisions_changed, controller.meeting_changed):
            changed.connect(self.refresh)
        controller.closed.connect(self.refresh)
        self.refresh()

    def entries(self) -> list[tuple[str, object]]:
        """(text, ISO day) per meeting with drafts, newest first; the meeting shown is
        among them also when it has none (it is the one chosen)."""
        day = self.controller.meeting.day
        items: list[tuple[str, object]] = [
            (self.tr("%1: %n draft(s)", "", m.drafts).replace("%1", _dutch_day(m.day)),
             m.day.isoformat())
            for m in self.controller.open_meetings
        ]
        if items and all(d != day.isoformat() for _t, d in items):
            items.append((self.tr("%1: none").replace("%1", _dutch_day(day)), day.isoformat()))
            items.sort(key=lambda item: str(item[1]), reverse=True)
        return items

    def refresh(self) -> None:
        items = self.entries()
        refill_combo(self.combo, items)
        day = self.controller.meeting.day
        self.combo.setCurrentIndex(max(self.combo.findData(day.isoformat()), 0))
        others = [m for m in self.controller.open_meetings if m.day != day]
        self.elsewhere.setText(
            self.tr("Drafts of another meeting: %1. Choose it above to see and finalise them.")
            .replace("%1", ", ".join(f"{_dutch_day(m.day)} ({m.drafts})" for m in others))
        )  # fmt: skip
        self.elsewhere.setVisible(bool(others))
        self.setVisible(bool(items))

    def _chosen(self, index: int) -> None:
        day = self.combo.itemData(index)
        if day:
            self.controller.set_meeting_day(date.fromisoformat(day))


_ELSEWHERE_STYLE = "color: #7e5109"


def _dutch_day(day: date) -> str:
    return day.strftime("%d-%m-%Y")
