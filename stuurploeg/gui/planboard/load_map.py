"""Load map: team × week heat map of used over available, for the total fte or one
specialism; overloaded cells in red with the fte too much; a click lists the cases in it.

One ImageItem for all cells and one item for the overload texts, so 5 teams × 52 weeks
(or many more) draw at once.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QEvent,
    QPointF,
    QRectF,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    QStyleOptionGraphicsItem,
    QVBoxLayout,
    QWidget,
)

from stuurploeg.domain.planning.board import RUNNING, Bar
from stuurploeg.gui.controller.placement import PlacementController
from stuurploeg.gui.labels import TOTAL_KIND, kind_label
from stuurploeg.gui.planboard.axes import TeamAxis, WeekAxis, dutch_number, follow_font
from stuurploeg.gui.table_model import DISPLAY, RIGHT_ALIGNED, ListTableModel
from stuurploeg.gui.widgets import WhenShown, list_table, refill_combo

if TYPE_CHECKING:
    from stuurploeg.domain.planning.board import Load
    from stuurploeg.gui.controller.state import PlanResult

_HEADERS = (
    QT_TRANSLATE_NOOP("CellCasesModel", "Case"),
    QT_TRANSLATE_NOOP("CellCasesModel", "Name"),
    QT_TRANSLATE_NOOP("CellCasesModel", "Status"),
    QT_TRANSLATE_NOOP("CellCasesModel", "fte"),
)
_NO_CAPACITY = np.array([225, 225, 225, 255], dtype=np.uint8)
_EMPTY = np.array([255, 255, 255, 255], dtype=np.uint8)
# used/available from 0 to 1: pale green → green → yellow → orange; beyond 1: red.
_SCALE = pg.ColorMap(
    [0.0, 0.5, 0.85, 1.0],
    [(232, 246, 236), (120, 200, 140), (241, 196, 15), (230, 126, 34)],
)
_OVER = (np.array([231, 76, 60, 255]), np.array([146, 26, 18, 255]))  # a little / 50 % too much



def cell_colours(load: Load) -> np.ndarray:
    """RGBA per (team, week): the scale up to full, red beyond, grey without capacity."""
    ratio = load.ratio
    teams, weeks = ratio.shape
    rgba = np.empty((teams, weeks, 4), dtype=np.uint8)
    fits = np.clip(np.nan_to_num(ratio, posinf=1.0), 0.0, 1.0)
    rgba[:] = _SCALE.map(fits.ravel(), mode="byte").reshape(teams, weeks, 4)
    rgba[load.used <= 1e-9] = _EMPTY
    over = load.overload > 0
    if over.any():
        with np.errstate(divide="ignore", invalid="ignore"):
            depth = np.where(load.available > 0, load.overload / load.available, 1.0)
        t = np.clip(depth / 0.5, 0.0, 1.0)[..., None]
        red = (_OVER[0] * (1 - t) + _OVER[1] * t).astype(np.uint8)
        rgba[over] = red[over]
    rgba[(load.available <= 0) & (load.used <= 1e-9)] = _NO_CAPACITY
    return rgba


class CellImage(pg.ImageItem):
    """The heat map; a click says which cell (team, week index); hovering shows ``tip_of``."""

    cell_clicked = Signal(int, int)

    def __init__(self) -> None:
        super().__init__()
        # The tooltip of a cell (team, week), made when the pointer rests on it.
        self.tip_of: Callable[[int, int], str] = lambda _t, _w: ""

    def _cell(self, pos: QPointF) -> tuple[int, int] | None:
        if self.image is None:
            return None
        week, team = int(np.floor(pos.x())), int(np.floor(pos.y()))
        weeks, teams = self.image.shape[:2]
        return (team, week) if 0 <= week < weeks and 0 <= team < teams else None

    def hoverEvent(self, ev: object) -> None:
        cell = None if ev.isExit() else self._cell(ev.pos())  # type: ignore[attr-defined]
        self.setToolTip("" if cell is None else self.tip_of(*cell))

    def mouseClickEvent(self, ev: object) -> None:
        if ev.button() != Qt.MouseButton.LeftButton:  # type: ignore[attr-defined]
            return
        cell = self._cell(ev.pos())  # type: ignore[attr-defined]
        if cell is not None:
            ev.accept()  # type: ignore[attr-defined]
            self.cell_clicked.emit(*cell)


class OverloadTexts(pg.GraphicsObject):
    """``+1,5`` in each overloaded cell wide enough, and a frame round the chosen cell."""

    def __init__(self) -> None:
        super().__init__()
        self.cells: list[tuple[int, int, str]] = []  # team, week, text
        self.chosen: tuple[int, int] | None = None
        self._bounds = QRectF()

    def set_cells(self, cells: list[tuple[int, int, str]], teams: int, weeks: int) -> None:
        self.prepareGeometryChange()
        self.cells = cells
        self._bounds = QRectF(0, 0, weeks, teams)
        self.update()

    def choose(self, cell: tuple[int, int] | None) -> None:
        self.chosen = cell
        self.update()

    def boundingRect(self) -> QRectF:
        return self._bounds

    def paint(
        self, p: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        transform = p.transform()
        if self.chosen is not None:
            pen = QPen(QColor(0, 0, 0), 3)
            pen.setCosmetic(True)
            p.setPen(pen)
            team, week = self.chosen
            p.drawRect(QRectF(week, team, 1, 1))
        p.resetTransform()
        metrics = QFontMetrics(p.font())
        p.setPen(QColor(255, 255, 255))
        for team, week, text in self.cells:
            rect = transform.mapRect(QRectF(week, team, 1, 1))
            if rect.width() >= metrics.horizontalAdvance(text) + 2:
                p.drawText(rect, int(Qt.AlignmentFlag.AlignCenter), text)
        p.setTransform(transform)


class CellCasesModel(ListTableModel[tuple[Bar, float]]):
    """The cases in the chosen cell: id, name, running or planned, fte of the chosen kind."""

    CONTEXT = "CellCasesModel"
    HEADERS = _HEADERS

    def cell(self, row: int, column: int, role: int) -> object:
        bar, fte = self.items[row]
        if role == DISPLAY:
            if column == 0:
                return bar.case_id
            if column == 1:
                return bar.name
            if column == 2:
                return (QCoreApplication.translate("CellCasesModel", "running")
                        if bar.kind == RUNNING
                        else QCoreApplication.translate("CellCasesModel", "planned"))  # fmt: skip
            return dutch_number(fte, 2)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 3:
            return RIGHT_ALIGNED
        return None


class LoadMapView(QWidget):
    """The map, its kind selector, the chosen cell's figures and its cases."""

    def __init__(self, placement: PlacementController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.placement = placement
        self.controller = placement.controller
        self._shown_plan: object = None  # the plan on screen
        self.refreshes = 0  # full redraws (tests count them)
        self.kind = QComboBox(self)
        self.kind.setObjectName("load_kind")
        self.kind.setToolTip(self.tr("Total fte or one specialism"))
        self.week_axis = WeekAxis()
        self.team_axis = TeamAxis()
        self.plot = pg.PlotWidget(self, axisItems={"bottom": self.week_axis,
                                                   "left": self.team_axis})  # fmt: skip
        self.plot.setObjectName("load_plot")
        self.plot.setMenuEnabled(False)
        self.plot.hideButtons()
        self.plot.getPlotItem().invertY(True)
        self.image = CellImage()
        self.texts = OverloadTexts()
        self.plot.addItem(self.image)
        self.plot.addItem(self.texts)
        self.summary = QLabel(self)
        self.summary.setObjectName("load_summary")
        self.summary.setWordWrap(True)
        self.cell_label = QLabel(self.tr("Click a cell to list its cases."), self)
        self.cell_label.setObjectName("load_cell")
        self.cell_label.setWordWrap(True)
        self.cases_model = CellCasesModel(self)
        self.cases = list_table(self.cases_model, self)
        header = self.cases.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)  # the name takes the rest
        header.setStretchLastSection(False)
        self.cases.setObjectName("load_cases")
        self.chosen: tuple[int, int] | None = None
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Load of:"), self))
        top.addWidget(self.kind, 1)
        top.addWidget(self.summary, 3)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(top)
        left_layout.addWidget(self.plot, 1)
        left_layout.addWidget(QLabel(self._legend(), self))
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.cell_label)
        right_layout.addWidget(self.cases, 1)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(left)
        split.addWidget(right)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(split)
        self.kind.activated.connect(self.refresh)
        self.image.cell_clicked.connect(self.choose_cell)
        self.cases.clicked.connect(self._case_clicked)
        self._when_shown = WhenShown(self, self.refresh)  # hidden behind a tab: later
        self.controller.proposal_changed.connect(self._proposal_changed)
        # A what-if placement comes with a new proposal: proposal_changed covers it.
        follow_font((self.week_axis, self.team_axis), self.font())
        self.refresh()

    def current_kind(self) -> str:
        return self.kind.currentData() or TOTAL_KIND

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:  # vergadermodus on or off
            follow_font((self.week_axis, self.team_axis), self.font())

    def _legend(self) -> str:
        entries = (
            ("#78c88c", self.tr("room")),
            ("#e67e22", self.tr("full")),
            ("#e74c3c", self.tr("overloaded (fte too much)")),
            ("#bbbbbb", self.tr("no capacity of this kind")),
        )
        return " &nbsp; ".join(f'<span style="color:{c}">■</span> {t}' for c, t in entries)

    def _proposal_changed(self) -> None:
        # A weight change marks the proposal outdated and keeps its plan: the load stays.
        if self.placement.plan is not self._shown_plan:
            self._when_shown.request()

    def refresh(self) -> None:
        plan = self.placement.plan
        self._shown_plan = plan
        self.refreshes += 1
        kinds = plan.kinds if plan is not None else (TOTAL_KIND,)
        refill_combo(self.kind, ((kind_label(k), k) for k in kinds))
        load = self.placement.load(self.current_kind())
        if plan is None or load is None:
            self.image.clear()
            self.texts.set_cells([], 0, 0)
            self.summary.setText(self.tr("The load map appears once a plan has been made."))
            self.cases_model.set_items([])
            return
        teams, weeks = load.used.shape
        # ImageItem indexes [x, y]: weeks along, teams down.
        self.image.setImage(cell_colours(load).transpose(1, 0, 2), autoLevels=False)
        self.image.setRect(QRectF(0, 0, weeks, teams))
        over = load.overload
        cells = [(int(t), int(w), "+" + dutch_number(over[t, w]))
                 for t, w in zip(*np.nonzero(over), strict=True)]  # fmt: skip
        self.texts.set_cells(cells, teams, weeks)
        self.image.tip_of = lambda t, w: self._cell_text(plan, load, t, w)
        self.week_axis.set_weeks(plan.start, plan.weeks)
        self.team_axis.set_teams([(t + 0.5, name) for t, name in enumerate(plan.teams)])
        view = self.plot.getPlotItem().getViewBox()
        view.setLimits(xMin=-1, xMax=weeks + 1, yMin=-0.5, yMax=teams + 0.5)
        self.plot.setXRange(0, weeks, padding=0.01)
        self.plot.setYRange(0, teams, padding=0.02)
        n_over = len(cells)
        self.summary.setText(
            self.tr("%1: %2 overloaded team-weeks, %3 fte too much in all.")
            .replace("%1", kind_label(load.kind)).replace("%2", str(n_over))
            .replace("%3", dutch_number(float(over.sum())))
            if n_over
            else self.tr("%1: no team-week overloaded.").replace("%1", kind_label(load.kind))
        )  # fmt: skip
        if self.chosen is not None and self.chosen[0] < teams and self.chosen[1] < weeks:
            self.choose_cell(*self.chosen)
        else:
            self.chosen = None
            self.texts.choose(None)
            self.cases_model.set_items([])

    def choose_cell(self, team: int, week: int) -> None:
        """Show the figures and the cases of ``team`` (index) in week index ``week``."""
        plan = self.placement.plan
        kind = self.current_kind()
        load = self.placement.load(kind)
        if plan is None or load is None:
            return
        self.chosen = (team, week)
        self.texts.choose(self.chosen)
        k = list(plan.kinds).index(kind)
        bars = self.placement.cases_in(team, week, kind)
        self.cases_model.set_items([(b, b.demand[k]) for b in bars])
        cases = self.tr("%n case(s)", "", len(bars))
        self.cell_label.setText(self._cell_text(plan, load, team, week) + "; " + cases)

    def _cell_text(self, plan: PlanResult, load: Load, team: int, week: int) -> str:
        used, available = float(load.used[team, week]), float(load.available[team, week])
        text = (
            self.tr("%1, %2 (%3): %4 of %5 fte used")
            .replace("%1", plan.teams[team]).replace("%2", f"wk {(plan.start + week).week}")
            .replace("%3", str(plan.start + week)).replace("%4", dutch_number(used))
            .replace("%5", dutch_number(available))
        )  # fmt: skip
        over = float(load.overload[team, week])
        if over > 0:
            text += " — " + self.tr("%1 fte too much").replace("%1", dutch_number(over))
        return text

    def _case_clicked(self, index: object) -> None:
        row = index.row()  # type: ignore[attr-defined]
        if 0 <= row < len(self.cases_model.items):
            self.controller.select_case(self.cases_model.items[row][0].case_id)


__all__ = ["CellCasesModel", "LoadMapView", "cell_colours"]
