"""The Gantt's one graphics item: every bar, label, overload mark and the drag ghost.

One item for all bars (not one per case), painted from numpy arrays, so 300 cases over 52
weeks pan and zoom smoothly. It knows no controller: a click says which bar, a drag says
which bar goes to which team band and start week; the view answers.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QLineF, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import QStyleOptionGraphicsItem, QWidget

from stuurploeg.gui.planboard.lanes import Layout

BAR_HEIGHT = 0.8  # of a lane
_LABEL_MIN_PIXELS = 28
_OVERLOAD_FILL = QColor(192, 57, 43, 45)
_OVERLOAD_EDGE = QColor(192, 57, 43)
_BAND_FILL = QColor(236, 240, 244)
_WEEK_LINE = QColor(215, 219, 223)
_WHAT_IF_PEN = QColor(120, 60, 0)


class GanttItem(pg.GraphicsObject):
    clicked = Signal(int)  # bar index
    probed = Signal(int, int, int)  # bar index, team, start week index: while dragging
    dropped = Signal(int, int, int)  # bar index, team, start week index
    drag_cancelled = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.layout = Layout((), ())
        self.weeks = 0
        self.starts = self.x0 = self.x1 = self.y0 = self.lengths = np.zeros(0)
        self.colours: list[QColor] = []
        self.labels: list[str] = []
        # The tooltip of bar i, made when the pointer rests on it (not for every bar).
        self.tip_of: Callable[[int], str] = lambda _i: ""
        self.what_if = np.zeros(0, dtype=bool)
        self.overloads: list[tuple[float, float, float, float, str]] = []  # x0, x1, y0, y1, tip
        self.selected = -1
        self.ghost: tuple[QRectF, bool | None] | None = None  # rect, fits (None: unknown)
        self.dragging = -1
        self._bounds = QRectF()
        self._rects: list[QRectF] = []
        self._groups: dict[int, list[QRectF]] = {}
        self._brushes: dict[int, QBrush] = {}
        self._text_widths: dict[str, list[int]] = {}

    # -- data ---------------------------------------------------------------------------
    def set_bars(
        self,
        layout: Layout,
        starts: Sequence[int],
        ends: Sequence[int],
        weeks: int,
        colours: Sequence[QColor],
        labels: Sequence[str],
        tip_of: Callable[[int], str],
        what_if: Sequence[bool],
        overloads: Sequence[tuple[float, float, float, float, str]],
    ) -> None:
        self.prepareGeometryChange()
        self.layout, self.weeks = layout, weeks
        # Running cases may have started before the plan: bars are cut at its first week.
        self.starts = np.asarray(starts, dtype=float)
        self.x0 = np.clip(self.starts, 0, weeks)
        self.x1 = np.clip(np.asarray(ends, dtype=float), 0, weeks)
        self.lengths = np.asarray(ends, dtype=float) - self.starts
        self.y0 = np.asarray(layout.lanes, dtype=float) + (1 - BAR_HEIGHT) / 2
        self.colours, self.labels, self.tip_of = list(colours), list(labels), tip_of
        self.what_if = np.asarray(what_if, dtype=bool)
        self.overloads = list(overloads)
        self.ghost = None
        self.dragging = -1
        self._bounds = QRectF(-1, -1, weeks + 2, layout.height + 2)
        # Painting draws each colour's bars in one call; rectangles are made once here.
        self._rects = [self.bar_rect(i) for i in range(len(self.colours))]
        groups: dict[int, list[QRectF]] = {}
        self._brushes: dict[int, QBrush] = {}
        for rect, colour in zip(self._rects, self.colours, strict=True):
            groups.setdefault(colour.rgba(), []).append(rect)
            self._brushes.setdefault(colour.rgba(), QBrush(colour))
        self._groups = groups
        self._text_widths: dict[str, list[int]] = {}  # font → width of each label
        self.update()

    def set_selected(self, index: int) -> None:
        if index != self.selected:
            self.selected = index
            self.update()

    def set_ghost_fits(self, fits: bool) -> None:
        if self.ghost is not None:
            self.ghost = (self.ghost[0], fits)
            self.update()

    def bar_at(self, point: QPointF) -> int:
        """The bar under ``point`` (data coordinates), -1 for none."""
        x, y = point.x(), point.y()
        hit = (self.x0 <= x) & (x < self.x1) & (self.y0 <= y) & (y < self.y0 + BAR_HEIGHT)
        found = np.nonzero(hit)[0]
        return int(found[-1]) if found.size else -1

    def bar_rect(self, index: int) -> QRectF:
        return QRectF(self.x0[index], self.y0[index], self.x1[index] - self.x0[index], BAR_HEIGHT)

    # -- painting -----------------------------------------------------------------------
    def boundingRect(self) -> QRectF:
        return self._bounds

    def paint(
        self, p: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        p.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        p.setPen(Qt.PenStyle.NoPen)
        for band in self.layout.bands[::2]:
            p.fillRect(QRectF(0, band.top, self.weeks, band.bottom - band.top), _BAND_FILL)
        week_line = QPen(_WEEK_LINE)
        week_line.setCosmetic(True)
        p.setPen(week_line)
        height = self.layout.height
        p.drawLines([QLineF(w, 0, w, height) for w in range(self.weeks + 1)])
        p.setPen(Qt.PenStyle.NoPen)
        for x0, x1, y0, y1, _tip in self.overloads:
            p.fillRect(QRectF(x0, y0, x1 - x0, y1 - y0), _OVERLOAD_FILL)
            p.fillRect(QRectF(x0, y0, x1 - x0, 0.12), _OVERLOAD_EDGE)
        edge = QPen(QColor(255, 255, 255))
        edge.setCosmetic(True)
        p.setPen(edge)
        for rgba, rects in self._groups.items():
            p.setBrush(self._brushes[rgba])
            p.drawRects(rects)
        dashed = QPen(_WHAT_IF_PEN, 2, Qt.PenStyle.DashLine)
        dashed.setCosmetic(True)
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.setPen(dashed)
        for i in np.nonzero(self.what_if)[0]:
            p.drawRect(self._rects[int(i)])
        if 0 <= self.selected < len(self.colours):
            pen = QPen(QColor(0, 0, 0), 3)
            pen.setCosmetic(True)
            p.setPen(pen)
            p.drawRect(self.bar_rect(self.selected))
        if self.ghost is not None:
            rect, fits = self.ghost
            colour = QColor(90, 90, 90) if fits is None else (
                QColor(39, 174, 96) if fits else QColor(192, 57, 43))  # fmt: skip
            pen = QPen(colour, 2, Qt.PenStyle.DashLine)
            pen.setCosmetic(True)
            p.setPen(pen)
            fill = QColor(colour)
            fill.setAlpha(60)
            p.setBrush(fill)
            p.drawRect(rect)
        view = self.viewRect()  # what the view shows, in item coordinates
        self._paint_labels(p, view if view is not None else option.exposedRect)

    def _paint_labels(self, p: QPainter, exposed: QRectF) -> None:
        """Case and fte on each bar in view and wide enough, in screen pixels (not scaled
        with the zoom); only the bars in ``exposed`` (the part in view) get one."""
        if not self.labels:
            return
        transform = p.transform()
        metrics = QFontMetrics(p.font())
        if abs(transform.m22()) * BAR_HEIGHT < metrics.height() * 0.7:
            return  # zoomed out too far for text
        wide = (self.x1 - self.x0) * abs(transform.m11()) >= _LABEL_MIN_PIXELS + 6
        across = (self.x1 > exposed.left()) & (self.x0 < exposed.right())
        # Only bars wholly in view vertically: a half-shown text at the edge reads badly.
        down = (self.y0 >= exposed.top()) & (self.y0 + BAR_HEIGHT <= exposed.bottom())
        seen = wide & across & down
        key = p.font().key()
        widths = self._text_widths.get(key)
        if widths is None:
            widths = [metrics.horizontalAdvance(t) for t in self.labels]
            self._text_widths = {key: widths}
        p.resetTransform()
        p.setPen(QColor(255, 255, 255))
        flags = int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft)
        for i in np.nonzero(seen)[0]:
            rect = transform.mapRect(self._rects[i]).adjusted(3, 0, -3, 0)
            text = self.labels[i]
            if widths[i] > rect.width():
                text = metrics.elidedText(text, Qt.TextElideMode.ElideRight, int(rect.width()))
            p.drawText(rect, flags, text)
        p.setTransform(transform)

    # -- mouse (pyqtgraph's scene events) -----------------------------------------------
    def mouseClickEvent(self, ev: object) -> None:
        if ev.button() != Qt.MouseButton.LeftButton:  # type: ignore[attr-defined]
            return
        index = self.bar_at(ev.pos())  # type: ignore[attr-defined]
        if index >= 0:
            ev.accept()  # type: ignore[attr-defined]
            self.clicked.emit(index)

    def mouseDragEvent(self, ev: object) -> None:
        if ev.button() != Qt.MouseButton.LeftButton:  # type: ignore[attr-defined]
            ev.ignore()  # type: ignore[attr-defined]
            return
        if ev.isStart():  # type: ignore[attr-defined]
            index = self.bar_at(ev.buttonDownPos())  # type: ignore[attr-defined]
            if index < 0:
                ev.ignore()  # type: ignore[attr-defined]  (the view pans)
                return
            self.dragging = index
        if self.dragging < 0:
            ev.ignore()  # type: ignore[attr-defined]
            return
        ev.accept()  # type: ignore[attr-defined]
        index = self.dragging
        team, start = self._target(ev.buttonDownPos(), ev.pos(), index)  # type: ignore[attr-defined]
        if ev.isFinish():  # type: ignore[attr-defined]
            self.dragging = -1
            self.ghost = None
            self.update()
            if team >= 0:
                self.dropped.emit(index, team, start)
            else:
                self.drag_cancelled.emit()
            return
        band = next((b for b in self.layout.bands if b.team == team), None)
        if band is None:
            return
        rect = QRectF(start, band.top + (1 - BAR_HEIGHT) / 2, self.lengths[index], BAR_HEIGHT)
        if self.ghost is None or self.ghost[0] != rect:
            self.ghost = (rect, None)
            self.update()
            self.probed.emit(index, team, start)

    def _target(self, down: QPointF, now: QPointF, index: int) -> tuple[int, int]:
        """(team, start week index) where bar ``index`` lands when dragged from ``down``
        to ``now``: whole weeks along, the team band under the pointer."""
        band = self.layout.band_at(now.y())
        if band is None:
            return -1, 0
        start = round(self.start_of(index) + (now.x() - down.x()))
        return band.team, int(start)

    def start_of(self, index: int) -> float:
        return float(self.starts[index])

    def hoverEvent(self, ev: object) -> None:
        if ev.isExit():  # type: ignore[attr-defined]
            self.setToolTip("")
            return
        point = ev.pos()  # type: ignore[attr-defined]
        index = self.bar_at(point)
        if index >= 0:
            self.setToolTip(self.tip_of(index))
            return
        x, y = point.x(), point.y()
        tip = next((t for x0, x1, y0, y1, t in self.overloads if x0 <= x < x1 and y0 <= y < y1),
                   "")  # fmt: skip
        self.setToolTip(tip)
