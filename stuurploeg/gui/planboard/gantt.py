"""Gantt per team: running and planned cases as bars over the plan's weeks.

Colours say the status or the decision on the case; a dashed outline marks a what-if
placement; red bands mark overloaded team-weeks. A click selects the case (the window's
selection); dragging a bar to another week or team is a what-if placement, checked while
dragging (green / red ghost) and refused on release with the binding team-week-fte.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QColor, QKeySequence, QResizeEvent, QShortcut, QUndoStack
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from stuurploeg.domain.model import DecisionKind
from stuurploeg.domain.planning.board import FIXED, RUNNING, Bar
from stuurploeg.domain.weeks import IsoWeek
from stuurploeg.gui.controller import ActionRefused
from stuurploeg.gui.controller.placement import PlacementController
from stuurploeg.gui.labels import decision_label, kind_label
from stuurploeg.gui.planboard.axes import TeamAxis, WeekAxis, dutch_number, follow_font
from stuurploeg.gui.planboard.commands import PlaceCommand
from stuurploeg.gui.planboard.gantt_item import GanttItem
from stuurploeg.gui.planboard.lanes import Layout, lay_out
from stuurploeg.gui.widgets import WhenShown

pg.setConfigOptions(antialias=False, background="w", foreground="k")

# a lane's height when a plan is first shown, in pixels; more lanes than fit scroll (drag
# the background) or zoom (wheel)
LANE_PIXELS = 22

# Colour per status / decision: (key, colour, legend text source)
RUNNING_KEY, PLANNED_KEY, FIXED_KEY, WHAT_IF_KEY = "running", "planned", "fixed", "what-if"
COLOURS: dict[str, QColor] = {
    RUNNING_KEY: QColor(127, 140, 141),
    PLANNED_KEY: QColor(52, 152, 219),
    FIXED_KEY: QColor(31, 78, 121),
    WHAT_IF_KEY: QColor(230, 126, 34),
    DecisionKind.TAKE_UP.value: QColor(39, 174, 96),
    DecisionKind.EXPAND.value: QColor(22, 128, 110),
    DecisionKind.PARK.value: QColor(212, 172, 13),
    DecisionKind.DECLINE.value: QColor(149, 165, 166),
    DecisionKind.HAND_OVER.value: QColor(142, 68, 173),
    DecisionKind.CLOSE.value: QColor(149, 165, 166),
}



class GanttView(QWidget):
    """The Gantt with its legend and the answer to the last drag."""

    refused = Signal(str)  # a drag was refused: why (Dutch)

    def __init__(
        self, placement: PlacementController, undo_stack: QUndoStack, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.placement = placement
        self.controller = placement.controller
        self.undo_stack = undo_stack
        self.bars: tuple[Bar, ...] = ()
        self.layout_: Layout = Layout((), ())
        self._shown_shape: tuple[IsoWeek, int, float] | None = None
        self._shown: tuple[object, object] = (None, None)  # the plan and cases on screen
        self.refreshes = 0  # full redraws (tests count them)
        self.week_axis = WeekAxis()
        self.team_axis = TeamAxis()
        self.plot = pg.PlotWidget(self, axisItems={"bottom": self.week_axis,
                                                   "left": self.team_axis})  # fmt: skip
        self.plot.setObjectName("gantt_plot")
        self.plot.setMenuEnabled(False)
        self.plot.hideButtons()
        self.plot.getPlotItem().invertY(True)
        # No axis grid: pyqtgraph redraws it translucent over the whole view on every
        # paint; the item draws its own week lines (see bench_planboard).
        self.item = GanttItem()
        self.plot.addItem(self.item)
        self.legend = QLabel(self)
        self.legend.setWordWrap(True)
        self.answer = QLabel(self)
        self.answer.setObjectName("gantt_answer")
        self.answer.setWordWrap(True)
        self.answer.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.plot, 1)
        layout.addWidget(self.legend)
        layout.addWidget(self.answer)
        self.item.clicked.connect(self._clicked)
        self.item.probed.connect(self._probed)
        self.item.dropped.connect(self._dropped)
        self.item.drag_cancelled.connect(lambda: self.answer.setText(""))
        self._when_shown = WhenShown(self, self.refresh)  # hidden behind a tab: later
        self.controller.proposal_changed.connect(self._proposal_changed)
        self.controller.decisions_changed.connect(self._when_shown.request)
        self.controller.selection_changed.connect(self._show_selection)
        # A what-if placement comes with a new proposal: proposal_changed covers it.
        self._keys()
        self._legend()
        follow_font((self.week_axis, self.team_axis), self.font())
        self.refresh()

    # -- drawing ------------------------------------------------------------------------
    def _proposal_changed(self) -> None:
        # A weight change marks the proposal outdated and keeps its plan: the bars stay.
        plan, cases = self._shown
        if self.placement.plan is not plan or self.controller.cases is not cases:
            self._when_shown.request()

    def refresh(self) -> None:
        plan = self.placement.plan
        self._shown = (plan, self.controller.cases)
        self.refreshes += 1
        self.bars = self.placement.bars()
        if plan is None:
            self.item.set_bars(Layout((), ()), [], [], 0, [], [], self._tip_of, [], [])
            self.team_axis.set_teams([])
            return
        self.layout_ = lay_out(self.bars, len(plan.teams))
        decided = {d.case_id: d.kind for d in self.controller.decisions}  # the latest wins
        what_if = {p.case_id for p in self.placement.placements}
        colours, labels, marks = [], [], []
        for b in self.bars:
            key = self._colour_key(b, decided.get(b.case_id), b.case_id in what_if)
            colours.append(COLOURS[key])
            labels.append(f"{b.case_id} · {dutch_number(b.fte)} fte")
            marks.append(b.case_id in what_if and b.kind != RUNNING)
        self.item.set_bars(
            self.layout_, [b.start for b in self.bars], [b.end for b in self.bars], plan.weeks,
            colours, labels, self._tip_of, marks, self._overloads(plan.kinds),
        )  # fmt: skip
        self.week_axis.set_weeks(plan.start, plan.weeks)
        self.team_axis.set_teams([(b.middle, plan.teams[b.team]) for b in self.layout_.bands])
        height = self.layout_.height
        view = self.plot.getPlotItem().getViewBox()
        view.setLimits(xMin=-1, xMax=plan.weeks + 1, yMin=-1, yMax=height + 1)
        if (plan.start, plan.weeks, height) != self._shown_shape:
            # Only a plan of another shape resets the view: after a drag it stays put.
            self._shown_shape = (plan.start, plan.weeks, height)
            self.plot.setXRange(0, plan.weeks, padding=0.01)
            self._fit_lanes()
        self._show_selection(self.controller.selected_case_id)

    def _fit_lanes(self) -> None:
        """As many lanes as are readable in the plot's height, from the first team."""
        height = self.layout_.height
        if height <= 0:
            return
        lane = max(LANE_PIXELS, self.fontMetrics().height() * 1.5)  # larger in vergadermodus
        readable = max(self.plot.height() / lane, 6.0)
        self.plot.setYRange(0, min(height, readable), padding=0.02)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_lanes()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:  # vergadermodus on or off
            follow_font((self.week_axis, self.team_axis), self.font())
            self._fit_lanes()

    @staticmethod
    def _colour_key(bar: Bar, decision: DecisionKind | None, what_if: bool) -> str:
        if bar.kind == RUNNING:
            return RUNNING_KEY
        if what_if:
            return WHAT_IF_KEY
        if decision is not None:
            return decision.value
        return FIXED_KEY if bar.kind == FIXED else PLANNED_KEY

    def _tip_of(self, index: int) -> str:
        plan = self.placement.plan
        if plan is None or not 0 <= index < len(self.bars):
            return ""
        bar = self.bars[index]
        decided = next((d.kind for d in reversed(self.controller.decisions)
                        if d.case_id == bar.case_id), None)  # fmt: skip
        what_if = self.placement.placement(bar.case_id) is not None
        return self._tip(bar, plan.start, decided, what_if)

    def _tip(self, bar: Bar, start: IsoWeek, decision: DecisionKind | None, what_if: bool) -> str:
        first, last = start + bar.start, start + (bar.end - 1)
        lines = [
            f"{bar.case_id} {bar.name}".strip(),
            self.tr("%1 to %2 (%3 weeks), %4 fte")
            .replace("%1", str(first)).replace("%2", str(last))
            .replace("%3", str(bar.weeks)).replace("%4", dutch_number(bar.fte)),
        ]  # fmt: skip
        if bar.kind == RUNNING:
            lines.append(self.tr("Running"))
        elif what_if:
            lines.append(self.tr("What-if placement (moved by hand)"))
        elif bar.kind == FIXED:
            lines.append(self.tr("Fixed placement"))
        if decision is not None:
            lines.append(self.tr("Decision: %1").replace("%1", decision_label(decision)))
        return "\n".join(lines)

    def _overloads(self, kinds: Sequence[str]) -> list[tuple[float, float, float, float, str]]:
        """A red mark over each team-week where some kind is used beyond what is available."""
        per_cell: dict[tuple[int, int], list[str]] = {}
        for kind in kinds:
            load = self.placement.load(kind)
            if load is None:
                continue
            over = load.overload
            for t, w in zip(*np.nonzero(over), strict=True):
                text = self.tr("%1 fte too much (%2)")
                text = text.replace("%1", dutch_number(over[t, w])).replace("%2", kind_label(kind))
                per_cell.setdefault((int(t), int(w)), []).append(text)
        out = []
        for (t, w), texts in sorted(per_cell.items()):
            band = self.layout_.bands[t]
            out.append((float(w), float(w + 1), band.top, band.bottom,
                        self.tr("Overloaded:") + "\n" + "\n".join(texts)))  # fmt: skip
        return out

    def _keys(self) -> None:
        """Alt+arrows move the selected case a week or a team: the drag, by keyboard."""
        steps = ((Qt.Key.Key_Left, -1, 0), (Qt.Key.Key_Right, 1, 0),
                 (Qt.Key.Key_Up, 0, -1), (Qt.Key.Key_Down, 0, 1))  # fmt: skip
        for key, weeks, teams in steps:
            shortcut = QShortcut(QKeySequence(Qt.KeyboardModifier.AltModifier | key), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(partial(self.nudge, weeks, teams))

    def nudge(self, weeks: int, teams: int) -> None:
        """Move the selected case ``weeks`` along and ``teams`` down, as a drop would."""
        case_id = self.controller.selected_case_id
        index = next((i for i, b in enumerate(self.bars) if b.case_id == case_id), -1)
        plan = self.placement.plan
        if index < 0 or plan is None:
            self.answer.setText(self.tr("Select a case in the Gantt first."))
            return
        bar = self.bars[index]
        team = bar.team + teams
        if 0 <= team < len(plan.teams):
            self._dropped(index, team, bar.start + weeks)

    def _legend(self) -> None:
        entries = [
            (RUNNING_KEY, self.tr("running")),
            (PLANNED_KEY, self.tr("planned")),
            (FIXED_KEY, self.tr("fixed")),
            (DecisionKind.TAKE_UP.value, decision_label(DecisionKind.TAKE_UP)),
            (DecisionKind.EXPAND.value, decision_label(DecisionKind.EXPAND)),
            (DecisionKind.PARK.value, decision_label(DecisionKind.PARK)),
            (WHAT_IF_KEY, self.tr("what-if (dashed)")),
        ]
        swatches = " ".join(
            f'<span style="color:{COLOURS[key].name()}">■</span>&nbsp;{text}&nbsp;'
            for key, text in entries
        )
        overloaded = self.tr("overloaded")
        overload = f'<span style="color:#c0392b">▬</span>&nbsp;{overloaded}'
        hint = self.tr("Click a bar to select the case; drag it to another week or team to try "
                       "it (or Alt+arrow keys).")
        self.legend.setText(f"{swatches} {overload}<br><small>{hint}</small>")

    def _show_selection(self, case_id: str) -> None:
        index = next((i for i, b in enumerate(self.bars) if b.case_id == case_id), -1)
        self.item.set_selected(index)

    # -- interaction --------------------------------------------------------------------
    def _clicked(self, index: int) -> None:
        self.controller.select_case(self.bars[index].case_id)

    def _target(self, index: int, team: int, start: int) -> tuple[str, str, IsoWeek] | None:
        plan = self.placement.plan
        if plan is None or not 0 <= index < len(self.bars):
            return None
        return self.bars[index].case_id, plan.teams[team], plan.start + start

    def _probed(self, index: int, team: int, start: int) -> None:
        target = self._target(index, team, start)
        if target is None:
            return
        try:
            check = self.placement.check(*target)
        except ActionRefused as exc:
            self.answer.setText(" ".join(exc.problems))
            return
        self.item.set_ghost_fits(check.fits)
        text = check.message or self.tr("Fits: %1 on %2 from %3.").replace(
            "%1", target[0]).replace("%2", target[1]).replace("%3", str(target[2]))
        self.answer.setText(" ".join((text, *check.notes)))

    def _dropped(self, index: int, team: int, start: int) -> None:
        target = self._target(index, team, start)
        if target is None:
            return
        case_id, team_name, week = target
        bar = self.bars[index]
        plan = self.placement.plan
        if plan is not None and plan.teams[bar.team] == team_name and bar.start == start:
            self.answer.setText("")
            return  # put back where it was
        try:
            notes = self.placement.check(case_id, team_name, week).notes
        except ActionRefused:
            notes = ()
        command = PlaceCommand(self.placement, case_id, team_name, week)
        command.redo()  # checked now: a refusal never reaches the undo stack
        if command.error is not None:
            text = " ".join(command.error.problems)
            self.answer.setText(f'<span style="color:#c0392b">{text}</span>')
            self.refused.emit(text)
            return
        command.done = True
        self.undo_stack.push(command)
        text = self.tr("What-if: %1 on %2 from %3 (Edit → Undo takes it back).").replace(
            "%1", case_id).replace("%2", team_name).replace("%3", str(week))
        self.answer.setText(" ".join((text, *notes)))
        self.controller.select_case(case_id)
