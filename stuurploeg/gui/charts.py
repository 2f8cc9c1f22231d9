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
        self.values = [float(contributions.get(c) or 0.0) for c in CRITERIA]
        if self.bars is not None:
            self.removeItem(self.bars)
        y = list(range(len(CRITERIA)))
        self.bars = pg.BarGraphItem(
            x0=[0] * len(y), y=y, width=self.values, height=0.6, brush=(70, 130, 180)
        )
        self.addItem(self.bars)
        self.getAxis("left").setTicks([self.criterion_ticks])
        self.setXRange(0, max([*self.values, 1.0]) * 1.1, padding=0)
        self.setYRange(-0.6, len(CRITERIA) - 0.4, padding=0)


class CapacityChart(pg.PlotWidget):
    """Available fte per week against running + planned demand; overbooked weeks in red."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, axisItems={"left": DutchAxis("left")})
        self.setMinimumHeight(200)
        self.setMenuEnabled(False)
        self.hideButtons()
        self.getPlotItem().showGrid(y=True, alpha=0.3)
        self.addLegend(offset=(10, 5), colCount=4)
        self.overbooked: list[int] = []

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
        self.clear()
        x = list(range(len(labels)))
        demand = [r + p for r, p in zip(running, planned, strict=True)]
        self.addItem(
            pg.BarGraphItem(
                x=x, height=list(running), width=0.8, brush=(150, 150, 150), name=names[1]
            )
        )
        self.addItem(
            pg.BarGraphItem(
                x=x,
                y0=list(running),
                height=list(planned),
                width=0.8,
                brush=(70, 130, 180),
                name=names[2],
            )
        )
        self.plot(x, list(available), pen=pg.mkPen((39, 174, 96), width=2), name=names[0])
        self.overbooked = (
            list(overbooked)
            if overbooked is not None
            else [i for i, (d, a) in enumerate(zip(demand, available, strict=True)) if d > a + 1e-6]
        )
        if self.overbooked:
            self.plot(
                self.overbooked,
                [demand[i] for i in self.overbooked],
                pen=None,
                symbol="x",
                symbolSize=12,
                symbolPen=pg.mkPen((192, 57, 43), width=2),
                name=names[3],
            )
        top = max([*demand, *available, 1.0])
        self.setYRange(0, top * 1.25, padding=0)  # room for the legend above the bars
        step = max(1, len(labels) // 8)
        self.getAxis("bottom").setTicks([[(i, labels[i]) for i in range(0, len(labels), step)]])
