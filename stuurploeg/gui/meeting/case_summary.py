"""The selected case as the meeting reads it: key facts, why it is in or out of the plan,
what this meeting decided so far, and the score per criterion as small bars."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QLocale, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QLabel, QSizePolicy, QVBoxLayout, QWidget

from stuurploeg.domain.model import CRITERIA, Case, Criterion
from stuurploeg.gui.controller import WorkspaceController
from stuurploeg.gui.labels import criterion_short, decision_label

BAR_COLOUR = QColor(70, 130, 180)


class ContributionBars(QWidget):
    """Each criterion's share of the score: short label, bar, points; two columns."""

    COLUMNS = 2

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.values: dict[Criterion, float] = {}
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_contributions(self, contributions: Mapping[Criterion, float | None] | None) -> None:
        self.values = {c: float((contributions or {}).get(c) or 0.0) for c in CRITERIA}
        self.setToolTip(
            "\n".join(
                f"{criterion_short(c)}: {QLocale().toString(v, 'f', 1)}"
                for c, v in self.values.items()
            )
        )
        self.update()

    def _rows(self) -> int:
        return -(-len(CRITERIA) // self.COLUMNS)

    def sizeHint(self) -> QSize:
        return QSize(240, self._rows() * (self.fontMetrics().height() + 2))

    def minimumSizeHint(self) -> QSize:
        return QSize(120, self.sizeHint().height())

    def paintEvent(self, _event: QPaintEvent) -> None:
        if not self.values:
            return
        painter = QPainter(self)
        fm = self.fontMetrics()
        line = fm.height() + 2
        gap = fm.horizontalAdvance("00")
        col_w = (self.width() - gap) / self.COLUMNS
        label_w = max(fm.horizontalAdvance(criterion_short(c)) for c in CRITERIA) + 6
        value_w = fm.horizontalAdvance("00,0") + 6
        top = max(self.values.values()) or 1.0
        text = self.palette().color(QPalette.ColorRole.WindowText)
        loc = QLocale()
        for i, criterion in enumerate(CRITERIA):
            col, row = divmod(i, self._rows())
            x, y = col * (col_w + gap), row * line
            value = self.values[criterion]
            painter.setPen(text)
            painter.drawText(QRectF(x, y, label_w, line), Qt.AlignmentFlag.AlignVCenter,
                             criterion_short(criterion))  # fmt: skip
            bar_w = max(col_w - label_w - value_w - 8, 10)
            bar = QRectF(x + label_w, y + 3, bar_w * value / top, line - 6)
            painter.fillRect(bar, BAR_COLOUR)
            painter.drawText(
                QRectF(x + label_w + bar_w + 2, y, value_w, line),
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight,
                loc.toString(value, "f", 1),
            )
        painter.end()


class CaseSummary(QWidget):
    """Follows the selected case; reads everything from the controller."""

    def __init__(self, controller: WorkspaceController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.title = QLabel(self)
        self.title.setWordWrap(True)
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.facts = QLabel(self)
        self.facts.setWordWrap(True)
        self.plan = QLabel(self)
        self.plan.setWordWrap(True)
        self.decided = QLabel(self)
        self.decided.setWordWrap(True)
        self.bars = ContributionBars(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        for w in (self.title, self.facts, self.plan, self.decided, self.bars):
            layout.addWidget(w)
        controller.selection_changed.connect(self.show_case)
        for changed in (
            controller.ranking_changed,
            controller.proposal_changed,
            controller.decisions_changed,
            controller.meeting_changed,
            controller.cases_changed,
        ):
            changed.connect(self.refresh)
        self.show_case("")

    def refresh(self) -> None:
        self.show_case(self.controller.selected_case_id)

    def show_case(self, case_id: str) -> None:
        case = self.controller.case(case_id) if case_id else None
        shown = case is not None
        for w in (self.facts, self.plan, self.bars):
            w.setVisible(shown)
        self.decided.setVisible(False)
        if case is None:
            self.title.setText(self.tr("Select a case in the ranking (↑/↓, or type its rank)."))
            return
        self.title.setText(f"{case.case_id} — {case.name}")
        self.facts.setText(self._facts(case))
        self._show_plan(case)
        self._show_decided(case)

    def _facts(self, case: Case) -> str:
        loc = QLocale()
        parts = []
        ranking = self.controller.ranking
        entry = ranking.entry(case.case_id) if ranking is not None and (
            case.case_id in ranking.case_ids()
        ) else None
        if entry is not None:
            # Rank and score are in the table row beside it; the badges are not.
            if entry.priority_rule:
                parts.append(self.tr("priority rule"))
            if entry.incomplete:
                parts.append(self.tr("incomplete"))
            if entry.fragile:
                parts.append(self.tr("fragile"))
            self.bars.set_contributions(entry.contributions)
        else:
            self.bars.set_contributions(None)
        parts.append(str(case.status))
        if case.exploitation:
            parts.append(str(case.exploitation))
        if case.victims is not None:
            victims = self.tr("%1 victims").replace("%1", str(case.victims))
            if case.minors:
                victims += self.tr(" (%1 minors)").replace("%1", str(case.minors))
            parts.append(victims)
        if case.fte is not None or case.weeks is not None:
            fte = "—" if case.fte is None else loc.toString(float(case.fte), "f", 1)
            weeks = "—" if case.weeks is None else str(case.weeks)
            parts.append(self.tr("%1 fte × %2 weeks").replace("%1", fte).replace("%2", weeks))
        if case.team:
            parts.append(case.team)
        return " · ".join(parts)

    def _show_plan(self, case: Case) -> None:
        proposal = self.controller.proposal
        self.plan.setToolTip("")
        if proposal is None:
            self.plan.setText(self.tr("No plan made yet."))
            return
        assigned = proposal.assignment(case.case_id)
        unplanned = proposal.unplanned(case.case_id)
        if assigned is not None:
            # Team, week and fte are in the table row; the duration is not.
            text = self.tr("In the plan for %1 weeks.").replace("%1", str(assigned.weeks))
        elif unplanned is not None:
            # The planning package brings numpy: not before the first window shows.
            from stuurploeg.domain.planning.reasons import reason_summary

            text = self.tr("Not in the plan: %1").replace("%1", reason_summary(unplanned.reason))
            self.plan.setToolTip(unplanned.reason)
        else:
            text = self.tr("Not a candidate for this plan.")
        self.plan.setText(text)

    def _show_decided(self, case: Case) -> None:
        day = self.controller.meeting.day
        held = [d for d in self.controller.meeting.decisions if d.case_id == case.case_id]
        self.decided.setVisible(bool(held))  # a line only when there is something to say
        if not held:
            self.decided.setText("")
            return
        d = held[-1]
        state = self.tr("final") if d.final else self.tr("draft")
        self.decided.setText(
            self.tr("Decided on %1: %2 (%3).")
            .replace("%1", day.strftime("%d-%m-%Y"))
            .replace("%2", decision_label(d.kind))
            .replace("%3", state)
        )
        self.decided.setStyleSheet("color: #1e6b34; font-weight: bold")
