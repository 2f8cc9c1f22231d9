"""The Planbord's week axis keeps its first label ("2026-W49", the only one naming the
year) at the projector's larger font, where it reaches past the axis' left end."""

from __future__ import annotations

import pyqtgraph as pg
import pytest
from PySide6.QtGui import QFont, QImage, QPainter
from PySide6.QtWidgets import QApplication

from stuurploeg.domain.weeks import IsoWeek
from stuurploeg.gui.planboard.axes import TeamAxis, WeekAxis, follow_font

pytestmark = pytest.mark.gui


def _labels(qtbot, point_size: float, width: int) -> list[str]:
    weeks, teams = WeekAxis(), TeamAxis()
    plot = pg.PlotWidget(axisItems={"bottom": weeks, "left": teams})
    qtbot.addWidget(plot)
    teams.set_teams([(0.5, "Team Expertise")])
    weeks.set_weeks(IsoWeek.parse("2026-W49"), 52)
    font = QFont()
    font.setPointSizeF(point_size)
    follow_font((weeks, teams), font)
    plot.resize(width, 400)
    plot.setXRange(0, 52, padding=0.01)
    plot.show()
    qtbot.waitExposed(plot)
    for _ in range(2):  # a first paint measures the labels, the next lays the axes out
        plot.grab()
        QApplication.processEvents()
    image = QImage(8, 8, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    painter.setFont(weeks.style["tickFont"])
    _axis, _ticks, texts = weeks.generateDrawSpecs(painter)
    painter.end()
    return [text for _rect, _flags, text in texts]


@pytest.mark.parametrize("point_size", [9, 14, 24, 30])
@pytest.mark.parametrize("width", [400, 700])
def test_the_first_week_label_is_shown_at_every_font_size(qtbot, point_size, width):
    labels = _labels(qtbot, point_size, width)
    assert labels and labels[0] == "2026-W49", labels
