"""The meeting's decision list as a table model: drafts and final entries."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from stuurploeg.domain.decisions import Decision
from stuurploeg.gui.labels import decision_label
from stuurploeg.gui.table_model import DISPLAY, ListTableModel

_HEADERS = (
    QT_TRANSLATE_NOOP("DecisionListModel", "Case"),
    QT_TRANSLATE_NOOP("DecisionListModel", "Decision"),
    QT_TRANSLATE_NOOP("DecisionListModel", "Details"),
    QT_TRANSLATE_NOOP("DecisionListModel", "By"),
    QT_TRANSLATE_NOOP("DecisionListModel", "State"),
)


class DecisionListModel(ListTableModel[Decision]):
    """The meeting's decisions: drafts and final entries, corrections marked."""

    CONTEXT = "DecisionListModel"
    HEADERS = _HEADERS

    def cell(self, row: int, column: int, role: int) -> object:
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
