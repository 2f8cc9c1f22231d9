"""Zaakdetail: every field of the selected case, its score per criterion, plan status."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, QTimer
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QLabel,
    QLayout,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from stuurploeg.domain.model import CRITERIA, Case
from stuurploeg.gui.controller import WorkspaceController, describe_proposal
from stuurploeg.gui.labels import criterion_label

if TYPE_CHECKING:
    from stuurploeg.domain.scoring import RankEntry
    from stuurploeg.gui.charts import ContributionChart


# After the first plan is shown, and after what that plan's arrival itself sets off.
PREPARE_CHART_MS = 400


class CaseDetailPanel(QWidget):
    def __init__(self, controller: WorkspaceController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.title = QLabel(self)
        self.title.setWordWrap(True)
        font = self.title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.title.setFont(font)

        self.fields = QFormLayout()
        # the field rows on screen: their names, and the label holding each value
        self._field_names: list[str] = []
        self._field_values: list[QLabel] = []
        fields_box = QGroupBox(self.tr("Details"), self)
        fields_box.setLayout(self.fields)

        self.score_box = QGroupBox(self.tr("Score per criterion"), self)
        self.score_layout = QVBoxLayout(self.score_box)
        self.score_note = QLabel(self.score_box)
        self.score_note.setWordWrap(True)
        self.score_layout.addWidget(self.score_note)
        self.chart: ContributionChart | None = None  # pyqtgraph, made when first shown

        self.plan_box = QGroupBox(self.tr("Plan"), self)
        self.plan_label = QLabel(self.plan_box)
        self.plan_label.setWordWrap(True)
        QVBoxLayout(self.plan_box).addWidget(self.plan_label)

        self.history_box = QGroupBox(self.tr("Decisions"), self)
        self.history_label = QLabel(self.history_box)
        self.history_label.setWordWrap(True)
        QVBoxLayout(self.history_box).addWidget(self.history_label)

        inner = QWidget(self)
        layout = QVBoxLayout(inner)
        # Never squeeze the boxes below their natural height: scroll instead.
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)
        layout.addWidget(self.title)
        layout.addWidget(fields_box)
        layout.addWidget(self.score_box)
        layout.addWidget(self.plan_box)
        layout.addWidget(self.history_box)
        layout.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

        controller.selection_changed.connect(self.show_case)
        # A new plan brings ranking_changed and proposal_changed: the second refresh finds
        # the same texts and scores, and Qt then redraws nothing.
        for changed in (
            controller.ranking_changed,
            controller.proposal_changed,
            controller.decisions_changed,
            controller.cases_changed,
        ):
            changed.connect(self.refresh)
        controller.proposal_changed.connect(self._prepare_chart)
        self.show_case("")

    def _prepare_chart(self) -> None:
        """Make the score chart, hidden, soon after the first plan is shown: made on the
        first selection instead, it held the GUI thread for that selection (~25 ms of
        pyqtgraph set-up on top of the first detail, over 50 ms in all)."""
        if self.chart is None and self.controller.proposal is not None:
            self.controller.proposal_changed.disconnect(self._prepare_chart)
            QTimer.singleShot(PREPARE_CHART_MS, self._make_chart_hidden)

    def _make_chart_hidden(self) -> None:
        if self.chart is None:
            self._chart().setVisible(False)

    def refresh(self) -> None:
        self.show_case(self.controller.selected_case_id)

    def _clear_fields(self) -> None:
        while self.fields.rowCount():
            self.fields.removeRow(0)
        self._field_names, self._field_values = [], []

    def _show_fields(self, rows: list[tuple[str, str]]) -> None:
        """The rows in the form; the same fields as shown get their new values only.

        Removing and adding some 25 labels for every refresh (each new plan, each import
        while a case is selected) laid the whole panel out again: ~40 ms of the GUI thread.
        """
        names = [name for name, _ in rows]
        if names != self._field_names:
            self._clear_fields()
            for name, value in rows:
                text = QLabel(value)
                text.setWordWrap(True)
                self.fields.addRow(name, text)
                self._field_values.append(text)
            self._field_names = names
            return
        for label, (_, value) in zip(self._field_values, rows, strict=True):
            label.setText(value)  # unchanged text: Qt does nothing

    def show_case(self, case_id: str) -> None:
        case = self.controller.case(case_id) if case_id else None
        if case is None:
            self._clear_fields()
            self.title.setText(self.tr("Select a case in the Ranglijst."))
            for box in (self.score_box, self.plan_box, self.history_box):
                box.setVisible(False)
            return
        for box in (self.score_box, self.plan_box, self.history_box):
            box.setVisible(True)
        self.title.setText(f"{case.case_id} — {case.name}")
        self._show_fields(self._field_rows(case))
        self._show_scores(case)
        self._show_plan(case)
        self._show_history(case)

    def _field_rows(self, case: Case) -> list[tuple[str, str]]:
        loc = QLocale()

        def num(v: float | int | None, decimals: int = 0) -> str:
            return "—" if v is None else loc.toString(float(v), "f", decimals)

        def yes_no(v: bool | None) -> str:
            return "—" if v is None else (self.tr("yes") if v else self.tr("no"))

        rows = [
            (self.tr("Status"), str(case.status)),
            (self.tr("Form of exploitation"), str(case.exploitation or "—")),
            (self.tr("Victims"), num(case.victims)),
            (self.tr("Minors"), num(case.minors)),
            (self.tr("Suspects"), num(case.suspects)),
            (self.tr("International"), yes_no(case.international)),
            (self.tr("Violence"), yes_no(case.violence)),
            (self.tr("Ongoing exploitation"), yes_no(case.ongoing)),
            (self.tr("fte needed"), num(case.fte, 1)),
            (self.tr("Duration (weeks)"), num(case.weeks)),
        ]
        for specialism, fte in case.specialist_fte.items():
            rows.append((self.tr("Specialist fte: %1").replace("%1", str(specialism)), num(fte, 1)))
        for criterion in CRITERIA:
            rows.append((criterion_label(criterion), num(case.criteria.get(criterion))))
        optional = [
            (self.tr("Team"), case.team),
            (self.tr("Start week"), case.start_week),
            (self.tr("Earliest start"), case.earliest_start),
            (self.tr("Latest start"), case.latest_start),
            (self.tr("Unit"), case.unit),
            (self.tr("Source"), case.source),
            (self.tr("Notes"), case.notes),
        ]
        rows += [(label, str(value)) for label, value in optional if value]
        return rows

    def _entry(self, case_id: str) -> RankEntry | None:
        ranking = self.controller.ranking
        if ranking is None or case_id not in ranking:  # a lookup, not a list of every id
            return None
        return ranking.entry(case_id)

    def _show_scores(self, case: Case) -> None:
        entry = self._entry(case.case_id)
        contributions = entry.contributions if entry is not None else None
        if entry is None or contributions is None or entry.score is None:
            self.score_note.setText(
                self.tr("No ranking yet: the score appears once the cases are ranked.")
                if entry is None
                else self.tr("Not scored.")
            )
            if self.chart is not None:
                self.chart.setVisible(False)
            return
        self.score_note.setText(
            self.tr("Score %1 of 100, rank %2.")
            .replace("%1", QLocale().toString(float(entry.score), "f", 1))
            .replace("%2", str(entry.rank))
        )
        chart = self._chart()
        chart.show_contributions(contributions)
        chart.setVisible(True)

    def _chart(self) -> ContributionChart:
        if self.chart is None:
            # pyqtgraph is slow to import: only when the first chart is shown (start-up time)
            from stuurploeg.gui.charts import ContributionChart

            self.chart = ContributionChart(self.score_box)
            self.score_layout.addWidget(self.chart)
        return self.chart

    def _show_plan(self, case: Case) -> None:
        proposal = self.controller.proposal
        if proposal is None:
            self.plan_label.setText(self.tr("No plan made yet."))
            return
        # Who made it and when; an outdated one says so, and with which planner to re-plan.
        made = describe_proposal(proposal, self.controller.planner_choice)
        assigned = proposal.assignment(case.case_id)
        unplanned = proposal.unplanned(case.case_id)
        if assigned is not None:
            text = (
                self.tr("In the plan: %1 from week %2 for %3 weeks.")
                .replace("%1", assigned.team)
                .replace("%2", str(assigned.start_week))
                .replace("%3", str(assigned.weeks))
            )
        elif unplanned is not None:
            text = self.tr("Not in the plan: %1").replace("%1", unplanned.reason)
        else:
            text = self.tr("Not a candidate for this plan.")
        move = proposal.move(case.case_id)
        if move is not None:
            text += "\n" + (
                self.tr("Moved since the last meeting (was %1 from week %2): %3")
                .replace("%1", move.from_team)
                .replace("%2", str(move.from_week))
                .replace("%3", move.reason)
            )
        self.plan_label.setText(f"{text}\n{made}")

    def _show_history(self, case: Case) -> None:
        """Every decision on this case, oldest first."""
        history = self.controller.history(case.case_id)
        if not history:
            self.history_label.setText(self.tr("No decisions recorded."))
            return
        lines = []
        for d in history:
            day = d.meeting_date.strftime("%d-%m-%Y") if d.meeting_date else ""
            state = self.tr("final") if d.final else self.tr("draft")
            line = f"{day}: {d.label} ({state})"
            if d.motivation:
                line += f" — {d.motivation}"
            lines.append(line)
        self.history_label.setText("\n".join(lines))
