"""Axes in Dutch: weeks as ``wk 47`` (the year-week ``2027-W01`` where a year starts, and
at the first tick), teams by name, numbers with a decimal comma."""

from __future__ import annotations

from collections.abc import Sequence

import pyqtgraph as pg
from PySide6.QtCore import QLocale
from PySide6.QtGui import QFont, QFontMetrics

from stuurploeg.domain.weeks import IsoWeek

# Week steps the ticks may take: every week, fortnight, four weeks, quarter, half year.
_STEPS = (1, 2, 4, 13, 26, 52)
_MIN_PIXELS = 64  # room one week label needs (also "2027-W01")


def _overhang(font: QFont) -> int:
    """How far the widest week label may reach past the axis' ends, in pixels."""
    return max(60, QFontMetrics(font).horizontalAdvance("2027-W01") // 2 + 16)


def follow_font(axes: Sequence[pg.AxisItem], font: QFont) -> None:
    """Tick labels in the widget's font (larger in vergadermodus, for the projector)."""
    for axis in axes:
        axis.setStyle(tickFont=QFont(font))
        axis.picture = None
        axis.update()


def dutch_number(value: float, decimals: int = 1) -> str:
    return QLocale().toString(float(value), "f", decimals)


def week_label(week: IsoWeek, first: bool) -> str:
    return str(week) if first or week.week == 1 else f"wk {week.week}"


class WeekAxis(pg.AxisItem):
    """Bottom axis over week indexes counted from ``start`` (week ``i`` spans i..i+1)."""

    def __init__(self, **kwargs: object) -> None:
        super().__init__("bottom", **kwargs)
        self.start: IsoWeek | None = None
        self.weeks = 0
        # The first label ("2026-W49") stands under the middle of the first, narrow week,
        # so half of it reaches into the team axis' room to its left: allowed, by as much
        # as the label needs in the current font (larger in vergadermodus).
        self.setStyle(hideOverlappingLabels=_overhang(QFont()))

    def setStyle(self, **kwds: object) -> None:
        font = kwds.get("tickFont")
        if isinstance(font, QFont):
            kwds["hideOverlappingLabels"] = _overhang(font)
        super().setStyle(**kwds)

    def set_weeks(self, start: IsoWeek, weeks: int) -> None:
        self.start, self.weeks = start, weeks
        self.picture = None
        self.update()

    def tickSpacing(self, minVal: float, maxVal: float, size: float) -> list[tuple[float, float]]:
        span = max(maxVal - minVal, 1.0)
        font = self.style["tickFont"]
        room = _MIN_PIXELS
        if font is not None:  # the widest label in this font, and a gap
            room = max(room, QFontMetrics(font).horizontalAdvance("2027-W01") + 14)
        step = next((s for s in _STEPS if size * s / span >= room), _STEPS[-1])
        return [(float(step), 0.0)]

    def tickValues(
        self, minVal: float, maxVal: float, size: float
    ) -> list[tuple[float, list[float]]]:
        ((step, _),) = self.tickSpacing(minVal, maxVal, size)
        lo, hi = max(int(minVal) - 1, 0), min(int(maxVal) + 1, max(self.weeks - 1, 0))
        first = lo + (-lo) % int(step)
        # A label stands under the middle of its week.
        return [(step, [v + 0.5 for v in range(first, hi + 1, int(step))])]

    def tickStrings(self, values: Sequence[float], scale: float, spacing: float) -> list[str]:
        if self.start is None:
            return ["" for _ in values]
        out = []
        for n, v in enumerate(values):
            i = round(v - 0.5)
            out.append(week_label(self.start + i, n == 0) if 0 <= i < self.weeks else "")
        return out


class TeamAxis(pg.AxisItem):
    """Left axis: each team's name at the middle of its band."""

    def __init__(self, **kwargs: object) -> None:
        super().__init__("left", **kwargs)

    def set_teams(self, positions: Sequence[tuple[float, str]]) -> None:
        self.setTicks([list(positions), []])


class NumberAxis(pg.AxisItem):
    """A value axis with a decimal comma."""

    def tickStrings(self, values: Sequence[float], scale: float, spacing: float) -> list[str]:
        decimals = 0 if spacing >= 1 else 1 if spacing >= 0.1 else 2
        return [dutch_number(v * scale, decimals) for v in values]
