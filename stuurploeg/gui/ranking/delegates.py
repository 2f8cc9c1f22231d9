"""Painting for the Ranglijst: the score as a bar, notes as small coloured badges."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPalette
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from stuurploeg.gui.ranking.columns import (
    BADGE_FRAGILE,
    BADGE_INCOMPLETE,
    BADGE_PRIORITY,
    BADGES_ROLE,
    VALUE_ROLE,
)

_Index = QModelIndex | QPersistentModelIndex
_Option = QStyleOptionViewItem

BAR_COLOUR = QColor(70, 130, 180)
BADGE_COLOURS = {
    BADGE_PRIORITY: QColor(192, 57, 43),
    BADGE_INCOMPLETE: QColor(127, 140, 141),
    BADGE_FRAGILE: QColor(211, 132, 0),
}


class _OwnTextDelegate(QStyledItemDelegate):
    """A delegate that lets the style draw the cell (selection, alternating rows) and then
    draws the content itself."""

    def paint(self, painter: QPainter, option: _Option, index: _Index) -> None:
        opt, text = self.draw_background(painter, option, index)
        self.paint_content(painter, opt, text, index)

    def paint_content(self, painter: QPainter, opt: _Option, text: str, index: _Index) -> None:
        raise NotImplementedError

    def draw_background(
        self, painter: QPainter, option: _Option, index: _Index
    ) -> tuple[_Option, str]:
        """The cell without its text; returns the option as set up and the text."""
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        text, opt.text = opt.text, ""
        style = opt.widget.style() if opt.widget else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        return opt, text


class ScoreBarDelegate(_OwnTextDelegate):
    """A horizontal bar 0–100 behind the score text; nothing for an unscored case."""

    def paint_content(self, painter: QPainter, opt: _Option, text: str, index: _Index) -> None:
        value = index.data(VALUE_ROLE)
        rect = QRectF(opt.rect).adjusted(3, 4, -3, -4)
        painter.save()
        if value is not None:
            bar = QRectF(rect)
            bar.setWidth(rect.width() * max(0.0, min(1.0, float(value) / 100.0)))
            colour = QColor(BAR_COLOUR)
            colour.setAlpha(110)
            painter.fillRect(bar, colour)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        painter.setPen(opt.palette.color(role))
        painter.drawText(
            rect, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), text
        )
        painter.restore()


class BadgeDelegate(_OwnTextDelegate):
    """Rounded labels (voorrang, onvolledig, wankel) side by side."""

    def paint_content(self, painter: QPainter, opt: _Option, text: str, index: _Index) -> None:
        badges = index.data(BADGES_ROLE) or []
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = opt.fontMetrics
        x = float(opt.rect.left() + 3)
        height = min(metrics.height() + 2, opt.rect.height() - 4)
        y = opt.rect.top() + (opt.rect.height() - height) / 2
        for key, label in badges:
            width = metrics.horizontalAdvance(label) + 10
            if x + width > opt.rect.right():
                break
            box = QRectF(x, y, width, height)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(BADGE_COLOURS.get(key, QColor("grey")))
            painter.drawRoundedRect(box, height / 2, height / 2)
            painter.setPen(QColor("white"))
            painter.drawText(box, int(Qt.AlignmentFlag.AlignCenter), label)
            x += width + 4
        painter.restore()
