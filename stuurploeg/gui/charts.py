"""pyqtgraph charts. Imported only when a chart is first shown (pyqtgraph is slow to load)."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

import pyqtgraph as pg
from PySide6.QtCore import QLocale
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QWidget

from stuurploeg.domain.model import CRITERIA, Criterion
from stuurploeg.gui.labels import criterion_label

pg.setConfigOptions(antialias=True, background="w", foreground="k")


def dutch_ticks(
    values: Sequence[float], spacing: float, locale: QLocale | None = None
) -> list[str]:
    """Tick texts in the user's number format (Dutch: ``2,5``, ``1.000``), with as many
    decimals as the spacing needs (pyqtgraph's own rule, but with a decimal comma)."""
    locale = locale or QLocale()
    places = max(0, math.ceil(-math.log10(spacing))) if spacing > 0 else 0
    return [locale.toString(float(v), "f", places) for v in values]


class DutchAxis(pg.AxisItem):
    """An axis whose numbers read as the user writes them (decimal comma in Dutch)."""

    def tickStrings(self, values: list[float], scale: float, spacing: float) -> list[str]:
        if self.logMode:
            return super().tickStrings(values, scale, spacing)
        return dutch_ticks([v * scale for v in values], spacing * scale)


class ContributionChart(pg.PlotWidget):
    """Points each criterion adds to the score (0–100 in total), as horizontal bars."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, axisItems={"bottom": DutchAxis("bottom")})
        self.setMinimumHeight(170)
        self.setMenuEnabled(False)
        self.setMouseEnabled(x=False, y=False)
        self.hideButtons()
        self.getPlotItem().showGrid(x=True, alpha=0.3)
        self.getPlotItem().invertY(True)  # first criterion on top, as in the table
        self.bars: pg.BarGraphItem | None = None
        self.values: list[float] = []
        # The criterion names from the start, with room for the longest: pyqtgraph widens
        # an axis only after a paint, so the first chart shown would lack its labels.
        self.criterion_ticks = [(i, criterion_label(c)) for i, c in enumerate(CRITERIA)]
        left = self.getAxis("left")
        left.setTicks([self.criterion_ticks])
        metrics = QFontMetrics(left.style.get("tickFont") or self.font())
        left.setWidth(max(metrics.horizontalAdvance(t) for _, t in self.criterion_ticks) + 16)

    def show_contributions(self, contributions: Mapping[Criterion, float | None]) -> None:
        values = [float(contributions.get(c) or 0.0) for c in CRITERIA]
        if self.bars is not None and values == self.values:
            return  # the same case, scored alike (e.g. a new plan): nothing to draw
        self.values = values
        if self.bars is not None:  # new lengths for the bars there are
            self.bars.setOpts(width=self.values)
        else:
            y = list(range(len(CRITERIA)))
            self.bars = pg.BarGraphItem(
                x0=[0] * len(y), y=y, width=self.values, height=0.6, brush=(70, 130, 180)
            )
            self.addItem(self.bars)
            self.getAxis("left").setTicks([self.criterion_ticks])
            self.setYRange(-0.6, len(CRITERIA) - 0.4, padding=0)
        self.setXRange(0, max([*self.values, 1.0]) * 1.1, padding=0)


class CapacityChart(pg.PlotWidget):
    """Available fte per week against running + planned demand; overbooked weeks in red."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, axisItems={"left": DutchAxis("left")})
        self.setMinimumHeight(200)
        self.setMenuEnabled(False)
        self.hideButtons()
        self.getPlotItem().showGrid(y=True, alpha=0.3)
        self.legend = self.addLegend(offset=(10, 5), colCount=4)
        self.overbooked: list[int] = []
        # The items are made once and then given new data: rebuilding them (and the
        # legend) for every new plan was most of a plan's cost on the GUI thread.
        self._items: tuple[pg.BarGraphItem, pg.BarGraphItem, pg.PlotDataItem,
                           pg.PlotDataItem] | None = None  # fmt: skip
        self._names: tuple[str, str, str, str] | None = None
        self._over_in_legend = False
        self._shown: tuple[object, ...] | None = None

    def _make_items(self, names: tuple[str, str, str, str]) -> None:
        self.clear()
        running = pg.BarGraphItem(x=[0], height=[0], width=0.8, brush=(150, 150, 150),
                                  name=names[1])  # fmt: skip
        planned = pg.BarGraphItem(x=[0], y0=[0], height=[0], width=0.8, brush=(70, 130, 180),
                                  name=names[2])  # fmt: skip
        self.addItem(running)
        self.addItem(planned)
        available = self.plot([0], [0], pen=pg.mkPen((39, 174, 96), width=2), name=names[0])
        over = pg.PlotDataItem([], [], pen=None, symbol="x", symbolSize=12,
                               symbolPen=pg.mkPen((192, 57, 43), width=2))  # fmt: skip
        self.addItem(over)  # in the legend only while there are overbooked weeks
        self._items = (running, planned, available, over)
        self._names = names
        self._over_in_legend = False

    def show_weeks(
        self,
        labels: Sequence[str],
        available: Sequence[float],
        running: Sequence[float],
        planned: Sequence[float],
        names: tuple[str, str, str, str],
        overbooked: Sequence[int] | None = None,
    ) -> None:
        """``names``: legend texts for available, running, planned, overbooked (translated).

        ``overbooked``: the week indexes to mark; default where demand exceeds available
        (the caller passes its own when the bars sum teams that are short one by one).
        """
        x = list(range(len(labels)))
        demand = [r + p for r, p in zip(running, planned, strict=True)]
        self.overbooked = (
            list(overbooked)
            if overbooked is not None
            else [i for i, (d, a) in enumerate(zip(demand, available, strict=True)) if d > a + 1e-6]
        )
        shown = (tuple(labels), tuple(available), tuple(running), tuple(planned), names,
                 tuple(self.overbooked))  # fmt: skip
        if shown == self._shown:
            return  # the same picture (e.g. a new plan that loads the teams alike)
        self._shown = shown
        if self._items is None or names != self._names:
            self._make_items(names)
        assert self._items is not None
        running_bars, planned_bars, available_line, over = self._items
        running_bars.setOpts(x=x, height=list(running))
        planned_bars.setOpts(x=x, y0=list(running), height=list(planned))
        available_line.setData(x, list(available))
        over.setData(self.overbooked, [demand[i] for i in self.overbooked])
        if bool(self.overbooked) != self._over_in_legend:
            if self.overbooked:
                self.legend.addItem(over, names[3])
            else:
                self.legend.removeItem(over)
            self._over_in_legend = bool(self.overbooked)
        top = max([*demand, *available, 1.0])
        self.setYRange(0, top * 1.25, padding=0)  # room for the legend above the bars
        step = max(1, len(labels) // 8)
        self.getAxis("bottom").setTicks([[(i, labels[i]) for i in range(0, len(labels), step)]])
