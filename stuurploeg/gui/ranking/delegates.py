"""Painting for the Ranglijst: the score as a bar, notes as small coloured badges.

The table paints these two columns itself, all visible rows in one pass after Qt has
drawn the cells (:meth:`RankingTable.paintEvent`): a delegate per cell is a call from C++
into Python for every painted score and badge cell, which cost more than the rest of the
repaint together. The item delegate draws their background (selection, alternating rows,
focus) without text; :func:`paint_score` and :class:`Badges` draw the content on top,
pixel for pixel as the delegates did (each badge from an image made once).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, QPointF, QRect, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QStaticText

from stuurploeg.gui.ranking.columns import BADGE_FRAGILE, BADGE_INCOMPLETE, BADGE_PRIORITY

if TYPE_CHECKING:
    # imported where the first badge is drawn: PySide6 builds QImage's enums at its
    # import, which the first (empty) window does not need (start-up time)
    from PySide6.QtGui import QImage

BAR_COLOUR = QColor(70, 130, 180)
BADGE_COLOURS = {
    BADGE_PRIORITY: QColor(192, 57, 43),
    BADGE_INCOMPLETE: QColor(127, 140, 141),
    BADGE_FRAGILE: QColor(211, 132, 0),
}
_BAR = QColor(BAR_COLOUR)
_BAR.setAlpha(110)
_OTHER_BADGE = QColor("grey")
_BADGE_TEXT = QColor("white")
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_CENTRE = int(Qt.AlignmentFlag.AlignCenter)
_RTL = Qt.LayoutDirection.RightToLeft


def paint_score(
    painter: QPainter,
    cell: QRect,
    value: float | None,
    text: QStaticText | None,
    width: float,
    line: int,
    pen: QColor,
) -> None:
    """A horizontal bar 0–100 behind the score text; no bar for an unscored case. The
    text is a static text ``width`` wide in a font ``line`` high, placed as
    ``drawText(rect, AlignRight | AlignVCenter)`` places it (pixel for pixel), without
    laying it out again at every repaint."""
    rect = QRectF(cell).adjusted(3, 4, -3, -4)
    if value is not None:
        bar = QRectF(rect)
        bar.setWidth(rect.width() * max(0.0, min(1.0, float(value) / 100.0)))
        painter.fillRect(bar, _BAR)
    if text is not None:
        painter.setPen(pen)
        top = rect.top() + (rect.height() - line) / 2
        # drawText's AlignRight is the leading side right to left
        left = rect.left() if painter.layoutDirection() == _RTL else rect.right() - width
        painter.drawStaticText(QPointF(left, top), text)


class Badges:
    """Draws badges; each badge (label, size, font) is drawn once into an image with the
    antialiasing on, then copied: a rounded outline and its text cost more than the rest
    of a row."""

    def __init__(self) -> None:
        self._images: dict[tuple[object, ...], QImage] = {}
        self._widths: dict[tuple[str, str], int] = {}  # (label, font key) -> badge width

    def paint(
        self,
        painter: QPainter,
        cell: QRect,
        metrics: QFontMetrics,
        badges: Sequence[tuple[str, str]],
    ) -> None:
        """Rounded labels (voorrang, onvolledig, wankel) side by side, as many as fit."""
        self.paint_cells(painter, [(cell, badges)], metrics, None)

    def paint_cells(
        self,
        painter: QPainter,
        cells: Sequence[tuple[QRect, Sequence[tuple[str, str]]]],
        metrics: QFontMetrics,
        metrics_font: str | None,
    ) -> None:
        """:meth:`paint` for several cells, with what they share looked up once;
        ``metrics_font`` is the key of the font of ``metrics`` (None: not known)."""
        font = painter.font()
        context = (font.key(), painter.device().devicePixelRatioF(), painter.layoutDirection())
        line = metrics.height()
        for cell, badges in cells:
            if not badges:
                continue
            x = cell.left() + 3
            height = min(line + 2, cell.height() - 4)
            top = cell.top() + (cell.height() - height) / 2
            row = math.floor(top)
            for key, label in badges:
                known = None if metrics_font is None else self._widths.get((label, metrics_font))
                width = known if known is not None else metrics.horizontalAdvance(label) + 10
                if metrics_font is not None:
                    self._widths[(label, metrics_font)] = width
                if x + width > cell.right():
                    break
                image = self._images.get((key, label, width, height, top - row, *context))
                if image is None:
                    image = self._image(painter, key, label, width, height, top - row)
                painter.drawImage(QPoint(x, row), image)
                x += width + 4

    def _image(
        self, painter: QPainter, key: str, label: str, width: int, height: int, offset: float
    ) -> QImage:
        font = painter.font()
        ratio = painter.device().devicePixelRatioF()
        known = (key, label, width, height, offset, font.key(), ratio, painter.layoutDirection())
        image = self._images.get(known)
        if image is None:
            from PySide6.QtGui import QImage

            image = QImage(
                math.ceil(width * ratio), math.ceil((height + 1) * ratio),
                QImage.Format.Format_ARGB32_Premultiplied,
            )  # fmt: skip
            image.setDevicePixelRatio(ratio)
            image.fill(Qt.GlobalColor.transparent)
            own = QPainter(image)
            own.setRenderHints(painter.renderHints() | QPainter.RenderHint.Antialiasing)
            own.setLayoutDirection(painter.layoutDirection())
            own.setFont(font)
            box = QRectF(0, offset, width, height)
            own.setPen(Qt.PenStyle.NoPen)
            own.setBrush(BADGE_COLOURS.get(key, _OTHER_BADGE))
            own.drawRoundedRect(box, height / 2, height / 2)
            own.setPen(_BADGE_TEXT)
            own.drawText(box, _CENTRE, label)
            own.end()
            self._images[known] = image
        return image
