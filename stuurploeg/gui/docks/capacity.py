"""Capaciteit: per team formatie → bezetting → inzetbaar → planned, and a weekly chart.

The user chooses what to look at: the teams' total fte or one specialism (digitaal,
financieel, tactisch, intelligence). A week is overbooked for a team and kind when running
plus planned demand exceeds what is available of that kind; the chart and the table's
running/planned/overbooked columns follow the chosen kind.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, QLocale, QObject, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from stuurploeg.domain.model import CapacityData
from stuurploeg.gui.controller import OUTDATED_REASONS, WorkspaceController, describe_proposal
from stuurploeg.gui.labels import TOTAL_KIND, kind_label, planner_label
from stuurploeg.gui.table_model import DISPLAY, RIGHT_ALIGNED, ListTableModel
from stuurploeg.gui.widgets import list_table, refill_combo

if TYPE_CHECKING:
    from stuurploeg.gui.charts import CapacityChart
    from stuurploeg.gui.controller.state import PlanResult

_HEADERS = (
    QT_TRANSLATE_NOOP("CapacityModel", "Team"),
    QT_TRANSLATE_NOOP("CapacityModel", "Formation"),
    QT_TRANSLATE_NOOP("CapacityModel", "Staffed"),
    QT_TRANSLATE_NOOP("CapacityModel", "Deployable %"),
    QT_TRANSLATE_NOOP("CapacityModel", "Deployable fte"),
    QT_TRANSLATE_NOOP("CapacityModel", "Running (avg)"),
    QT_TRANSLATE_NOOP("CapacityModel", "Planned (avg)"),
    QT_TRANSLATE_NOOP("CapacityModel", "Overbooked weeks"),
)
TEAM, FORMATION, STAFFED, DEPLOYABILITY, DEPLOYABLE, RUNNING, PLANNED, OVERBOOKED = range(8)
_RED = QColor(192, 57, 43)
# team, formation, staffed, deployability, deployable, running, planned, overbooked weeks
CapacityRow = tuple[str, float | None, float, float, float, float | None, float | None, int | None]
_EPS = 1e-6  # fte noise, as the planner's tolerance
_OUTDATED_STYLE = "background: #fdebd0; color: #7e5109; padding: 4px; border: 1px solid #e59866"
# The same box without the colours: marking a proposal outdated keeps the banner's height,
# so the chart and table below are not laid out and repainted again.
_CURRENT_STYLE = "padding: 4px; border: 1px solid transparent"


def overbooked_weeks(plan: PlanResult, team: int | None, kind: int) -> list[int]:
    """Week indexes where demand (running + planned) exceeds available fte of ``kind``.

    ``team`` None: all teams together, where a week counts when any team is overbooked
    (one team's shortage is not covered by another team's spare fte).
    """
    demand = plan.running[:, kind] + plan.planned[:, kind]
    over = demand > plan.available[:, kind] + _EPS  # (teams, weeks)
    weeks = over.any(axis=0) if team is None else over[team]
    return [int(w) for w in weeks.nonzero()[0]]


_DISPLAY = int(DISPLAY)
_ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)


def _text(locale: QLocale, column: int, value: object) -> str:
    if value is None:
        return "—"
    if column in (TEAM, OVERBOOKED):
        return str(value)
    if column == DEPLOYABILITY:
        return locale.toString(100 * float(value), "f", 0) + " %"  # type: ignore[arg-type]
    return locale.toString(float(value), "f", 1)  # type: ignore[arg-type]


class CapacityModel(ListTableModel[CapacityRow]):
    """One row per team from the capacity data; plan columns filled once a plan exists."""

    CONTEXT = "CapacityModel"
    HEADERS = _HEADERS

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._tips: list[str] = []  # per row: overbooked weeks per kind
        # per row the texts shown, made once per plan: a repaint asks every cell for
        # about ten roles, each a Python call
        self._texts: list[tuple[str, ...]] = []

    def set_data(
        self, capacity: CapacityData | None, plan: PlanResult | None, kind: str = TOTAL_KIND
    ) -> None:
        """Rows for ``capacity``'s teams; running/planned/overbooked of ``kind`` in ``plan``."""
        rows: list[CapacityRow] = []
        self._tips = []
        teams = capacity.teams if capacity is not None else ()
        plan_teams = list(plan.teams) if plan is not None else []
        kinds = list(plan.kinds) if plan is not None else []
        k = kinds.index(kind) if kind in kinds else 0
        for team in teams:
            running = planned = None
            overbooked = 0
            tip = ""
            if plan is not None and team.team in plan_teams:
                ti = plan_teams.index(team.team)
                running = float(plan.running[ti, k].mean())
                planned = float(plan.planned[ti, k].mean())
                overbooked = len(overbooked_weeks(plan, ti, k))
                tip = "\n".join(
                    f"{kind_label(name)}: {n}"
                    for i, name in enumerate(kinds)
                    if (n := len(overbooked_weeks(plan, ti, i)))
                )
            rows.append(
                (team.team, team.formation_fte, team.staffed_fte, team.deployability, team.base_fte,
                 running, planned, overbooked if plan is not None else None)
            )  # fmt: skip
            self._tips.append(tip)
        locale = QLocale()
        self._texts = [tuple(_text(locale, column, value) for column, value in enumerate(row))
                       for row in rows]  # fmt: skip
        if rows == self.items:
            return  # the same figures (e.g. a new plan that loads the teams alike)
        self.set_items(rows)

    def cell(self, row: int, column: int, role: int) -> object:
        if role == _DISPLAY:
            return self._texts[row][column]
        if role == _ALIGNMENT:
            return RIGHT_ALIGNED if column != TEAM else None
        if role == _FOREGROUND:
            return QBrush(_RED) if column == OVERBOOKED and self.items[row][column] else None
        if role == _TOOLTIP and column == OVERBOOKED:
            tip = self._tips[row]
            return self.tr("Overbooked weeks per kind:") + "\n" + tip if tip else None
        return None


class BannerText(QLabel):
    """The banner's words, as high as the highest text it may show at its width.

    The banner alternates between "Proposal of …" and "Outdated: … Plan again …" with every
    weight change and every new plan; where the longer text wraps to more lines, the
    change of height laid out, and so repainted, the capacity table and chart below each
    time (about half of a re-plan's stall on the GUI thread). ``alternatives`` are the
    texts to make room for; a twin label that is never shown measures them.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self._twin = QLabel()
        self._twin.setWordWrap(True)
        self._twin.setStyleSheet(_CURRENT_STYLE)  # the same box as either style
        self._alternatives: tuple[str, ...] = ()
        self._room: dict[int, int] = {}  # width -> height of the highest alternative

    def set_alternatives(self, texts: tuple[str, ...]) -> None:
        if texts != self._alternatives:
            self._alternatives = texts
            self._room.clear()
            self.updateGeometry()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:  # vergadermodus on or off
            self._room.clear()

    def heightForWidth(self, width: int) -> int:
        room = self._room.get(width)
        if room is None:
            twin = self._twin
            twin.setFont(self.font())
            room = 0
            for text in self._alternatives:
                twin.setText(text)
                room = max(room, twin.heightForWidth(width))
            self._room[width] = room
        return max(super().heightForWidth(width), room)


class ProposalBanner(QWidget):
    """Which planner made the proposal on screen and when; outdated ones marked, with the
    button that makes it again with the planner the officer chose."""

    def __init__(self, controller: WorkspaceController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.text = BannerText(self)
        self.text.setObjectName("proposal_banner")
        self.replan_button = QPushButton(self)
        self.replan_button.clicked.connect(lambda: controller.replan())
        # Its place is kept while hidden: marking the proposal outdated then shows it
        # without laying out (and so repainting) the chart and table below again.
        keep = self.replan_button.sizePolicy()
        keep.setRetainSizeWhenHidden(True)
        self.replan_button.setSizePolicy(keep)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.replan_button)
        self._made: tuple[object, object, object] | None = None  # the alternatives' plan
        controller.proposal_changed.connect(self.refresh)
        controller.busy.connect(lambda _busy: self.refresh())
        self.refresh()

    def _same_made(self, made: tuple[object, object, object] | None) -> bool:
        last = self._made
        return (last is not None and made is not None and last[0] is made[0]
                and last[1:] == made[1:])  # fmt: skip

    @property
    def outdated(self) -> bool:
        proposal = self.controller.proposal
        return proposal is not None and proposal.outdated

    def refresh(self) -> None:
        proposal = self.controller.proposal
        choice = self.controller.planner_choice
        self.text.setText(describe_proposal(proposal, choice))
        made = None if proposal is None else (proposal.result, proposal.made_at, choice)
        if proposal is not None and not self._same_made(made):
            # room for it current and outdated, whichever is shown; the texts depend only
            # on the plan and the planner chosen, not on each slider step that outdates it
            self.text.set_alternatives(tuple(
                describe_proposal(proposal, choice, reason) for reason in ("", *OUTDATED_REASONS)
            ))  # fmt: skip
            self._made = made
        style = _OUTDATED_STYLE if self.outdated else _CURRENT_STYLE
        if self.text.styleSheet() != style:  # a new style sheet re-polishes the label
            self.text.setStyleSheet(style)
        self.text.setToolTip(
            self.tr("The proposal is what a decision taken now records as proposed.")
        )
        self.replan_button.setText(
            self.tr("Plan again (%1)").replace("%1", planner_label(choice.planner))
        )
        self.replan_button.setToolTip(
            self.tr("Make the proposal again with the planner chosen last, with the current "
                    "weights, positions and cases.")
        )  # fmt: skip
        self.replan_button.setVisible(self.outdated)
        self.replan_button.setEnabled(self.outdated and not self.controller.planning)
        self.setVisible(proposal is not None)


class CapacityPanel(QWidget):
    ALL = "__all__"

    def __init__(self, controller: WorkspaceController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.banner = ProposalBanner(controller, self)
        self.model = CapacityModel(self)
        self.table = list_table(self.model, self)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.team = QComboBox(self)
        self.team.setToolTip(self.tr("All teams together or one team"))
        self.kind = QComboBox(self)
        self.kind.setToolTip(self.tr("Total fte or one specialism"))
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.chart: CapacityChart | None = None  # pyqtgraph, made when the first plan is shown
        self.chart_host = QVBoxLayout()
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Chart:"), self))
        top.addWidget(self.team, 1)
        top.addWidget(self.kind, 1)
        right = QVBoxLayout()
        right.addLayout(top)
        right.addLayout(self.chart_host, 1)
        right.addWidget(self.note)
        body = QHBoxLayout()
        body.addWidget(self.table, 1)
        body.addLayout(right, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addLayout(body, 1)
        self.team.activated.connect(self.show_chart)
        self.kind.activated.connect(self.refresh)
        self._shown: tuple[object, object] = (None, None)  # the plan and capacity on screen
        self.refreshes = 0  # full redraws (tests count them)
        controller.cases_changed.connect(self.refresh)
        controller.proposal_changed.connect(self._proposal_changed)
        self.refresh()

    def current_kind(self) -> str:
        return self.kind.currentData() or TOTAL_KIND

    def plan(self) -> PlanResult | None:
        proposal = self.controller.proposal
        return None if proposal is None else proposal.result

    def _proposal_changed(self) -> None:
        # A weight change marks the proposal outdated and keeps its plan: the chart stays.
        plan, capacity = self._shown
        if self.plan() is not plan or self.controller.capacity is not capacity:
            self.refresh()

    def refresh(self) -> None:
        plan = self.plan()
        self._shown = (plan, self.controller.capacity)
        self.refreshes += 1
        kinds = plan.kinds if plan is not None else (TOTAL_KIND,)
        refill_combo(self.kind, ((kind_label(k), k) for k in kinds))
        self.model.set_data(self.controller.capacity, plan, self.current_kind())
        teams = plan.teams if plan is not None else ()
        refill_combo(self.team, [(self.tr("All teams"), self.ALL), *((t, t) for t in teams)])
        self.show_chart()

    def show_chart(self) -> None:
        plan = self.plan()
        if self.controller.capacity is None:
            self.note.setText(self.tr("No capacity sheet imported yet."))
        elif plan is None:
            self.note.setText(self.tr("The chart appears once a plan has been made."))
        if plan is None:
            if self.chart is not None:
                self.chart.setVisible(False)
            return
        name = self.team.currentData()
        kinds = list(plan.kinds)
        k = kinds.index(self.current_kind()) if self.current_kind() in kinds else 0
        if name == self.ALL or name not in plan.teams:
            ti = None
            available = plan.available[:, k].sum(axis=0)
            running = plan.running[:, k].sum(axis=0)
            planned = plan.planned[:, k].sum(axis=0)
        else:
            ti = list(plan.teams).index(name)
            available, running, planned = (
                plan.available[ti, k],
                plan.running[ti, k],
                plan.planned[ti, k],
            )
        if self.chart is None:
            # pyqtgraph is slow to import: only when the first plan is shown (start-up time)
            from stuurploeg.gui.charts import CapacityChart

            self.chart = CapacityChart(self)
            self.chart_host.addWidget(self.chart)
        names = (
            self.tr("available"),
            self.tr("running"),
            self.tr("planned"),
            self.tr("overbooked"),
        )
        labels = [f"W{w.week:02d}" for w in plan.week_list]
        chart = self.chart
        chart.show_weeks(
            labels,
            list(available),
            list(running),
            list(planned),
            names,
            overbooked=overbooked_weeks(plan, ti, k),
        )
        chart.setVisible(True)
        over = len(chart.overbooked)
        self.note.setText(
            self.tr("%1: %2 overbooked weeks in this view.")
            .replace("%1", kind_label(kinds[k]))
            .replace("%2", str(over))
            if over
            else ""
        )
