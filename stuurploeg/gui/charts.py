"""pyqtgraph charts. Imported only when a chart is first shown (pyqtgraph is slow to load)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import pyqtgraph as pg
from PySide6.QtWidgets import QWidget

from stuurploeg.domain.model import CRITERIA, Criterion
from stuurploeg.gui.labels import criterion_label

pg.setConfigOptions(antialias=True, background="w", foreground="k")


class ContributionChart(pg.PlotWidget):
    """Points each criterion adds to the score (0–100 in total), as horizontal bars."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumHeight(170)
        self.setMenuEnabled(False)
        self.setMouseEnabled(x=False, y=False)
        self.hideButtons()
        self.getPlotItem().showGrid(x=True, alpha=0.3)
        self.getPlotItem().invertY(True)  # first criterion on top, as in the table
        self.bars: pg.BarGraphItem | None = None
        self.values: list[float] = []

    def show_contributions(self, contributions: Mapping[Criterion, float | None]) -> None:
        self.values = [float(contributions.get(c) or 0.0) for c in CRITERIA]
        if self.bars is not None:
            self.removeItem(self.bars)
        y = list(range(len(CRITERIA)))
        self.bars = pg.BarGraphItem(
            x0=[0] * len(y), y=y, width=self.values, height=0.6, brush=(70, 130, 180)
        )
        self.addItem(self.bars)
        self.getAxis("left").setTicks([[(i, criterion_label(c)) for i, c in enumerate(CRITERIA)]])
        self.setXRange(0, max([*self.values, 1.0]) * 1.1, padding=0)
        self.setYRange(-0.6, len(CRITERIA) - 0.4, padding=0)


class CapacityChart(pg.PlotWidget):
    """Available fte per week against running + planned demand; overbooked weeks in red."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
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
