"""The meeting layout on a projector: what the room must read fits without scrolling, and
the two layouts (preparation, meeting) are each remembered."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QStyle, QTabBar, QWidget

from stuurploeg.domain.model import DecisionKind
from stuurploeg.gui.main_window import MainWindow
from stuurploeg.gui.meeting.room import MEETING_COLUMNS
from stuurploeg.gui.ranking import model as rm
from stuurploeg.gui.settings import Settings
from tests.gui.fixtures import make_workspace, open_in

pytestmark = pytest.mark.gui

# 1280×720 with QT_SCALE_FACTOR=1.5 is a window of 853×480 *logical* pixels: Qt lays out
# in logical pixels, and fonts in points keep their logical size (the scale factor only
# multiplies device pixels per logical pixel). So this in-process window at 853×480 with
# the normal font has exactly the layout of the projector's; `make screenshots` renders
# the real QT_SCALE_FACTOR=1.5 run. (A 1.5× font in 853×480 would test 225 %, not 150 %.)
PROJECTOR = (853, 480)
FULL_HD = (1920, 1080)


@pytest.fixture
def sample_meeting(qtbot, main_window, tmp_path, sample_data):
    cases, capacity = sample_data
    path = make_workspace(tmp_path / "voorbeeld.stuurploeg", cases, capacity)
    open_in(qtbot, main_window.controller, path)
    return main_window


def _inside_window(window: QWidget, widget: QWidget) -> bool:
    """Shown whole: not clipped by any parent, and within the window's visible area."""
    if not widget.isVisible() or widget.visibleRegion().boundingRect() != widget.rect():
        return False
    top_left = widget.mapTo(window, widget.rect().topLeft())
    return window.rect().contains(QRect(top_left, widget.size()))


def _on_screen(window: QWidget, bar: QTabBar) -> bool:
    """A dock tab bar in use (Qt parks unused ones outside the window, still "visible")."""
    return bar.isVisible() and bar.count() > 0 and bar.geometry().intersects(window.rect())


def _header_elided(view, column: int) -> bool:
    """As the style draws a header label: margins either side, room for a sort arrow."""
    header = view.table.horizontalHeader()
    margin = header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
    text = str(view.model.headerData(column, Qt.Orientation.Horizontal))
    needed = header.fontMetrics().horizontalAdvance(text) + 2 * margin
    if header.sortIndicatorSection() == column:
        needed += header.height() // 2 + 2 * margin
    return header.sectionSize(column) < needed


@pytest.mark.parametrize("size", [PROJECTOR, FULL_HD], ids=["1280x720@150%", "1920x1080"])
def test_meeting_layout_fits_without_scrolling(qtbot, sample_meeting, size):
    window = sample_meeting
    qtbot.keyClick(window, Qt.Key.Key_F8)
    window.resize(*size)  # (the preparation layout's docks need a wider window)
    qtbot.waitUntil(lambda: (window.width(), window.height()) == size, timeout=2000)
    qtbot.wait(50)
    view, room = window.ranking_view, window.meeting_room
    table, header = view.table, view.table.horizontalHeader()
    assert window.layouts.currentWidget() is room and view.parent() is room.ranking_slot
    assert not any(dock.isVisible() for dock in window.docks.values())  # weights away
    tabs = window.findChildren(QTabBar, options=Qt.FindChildOption.FindDirectChildrenOnly)
    assert not [bar for bar in tabs if _on_screen(window, bar)]  # nor the docks' tabs
    shown = [c for c in range(rm.COLUMN_COUNT) if not table.isColumnHidden(c)]
    assert shown == sorted(MEETING_COLUMNS)
    assert [header.logicalIndex(v) for v in range(len(MEETING_COLUMNS))] == list(
        MEETING_COLUMNS
    )
    assert table.horizontalScrollBar().maximum() == 0
    assert sum(header.sectionSize(c) for c in shown) <= table.viewport().width()
    assert [c for c in shown if _header_elided(view, c)] == []
    assert header.sectionSize(rm.PLAN) >= header.fontMetrics().horizontalAdvance(
        "Team Expertise · 2027-W04 · 1,5"
    ) or size == PROJECTOR  # at 853 px a long team name may lose its fte
    # the selected case and the form, whole, for every kind of decision
    table.select_case(view.model.case_id_at(0))
    form = room.form
    for kind in DecisionKind:
        form.kind.setCurrentIndex(form.kind.findData(kind.value))
        qtbot.wait(10)
        assert not form.record()  # nobody filled in who decides: refused
        qtbot.wait(10)
        for widget in (form.record_button, form.problems, form.motivation, room.summary):
            assert _inside_window(window, widget), (kind, widget)
    assert _inside_window(window, room.strip)


def test_meeting_mode_is_a_layout_and_both_layouts_are_remembered(qtbot, sample_meeting):
    window = sample_meeting
    window.resize(1400, 850)
    window.docks["capacity"].hide()  # the analyst's own preparation layout
    qtbot.keyClick(window, Qt.Key.Key_F8)
    assert window.meeting_mode and Settings().meeting_mode() is True
    room = window.meeting_room
    room.splitter.setSizes([700, 600])
    kept = room.splitter.sizes()
    qtbot.keyClick(window, Qt.Key.Key_F8)
    assert not window.meeting_mode and window.layouts.currentWidget() is window.preparation
    assert window.ranking_view.parent() is window.preparation
    assert window.docks["weights"].isVisible() and not window.docks["capacity"].isVisible()
    tabs = window.findChildren(QTabBar, options=Qt.FindChildOption.FindDirectChildrenOnly)
    qtbot.waitUntil(lambda: any(_on_screen(window, bar) for bar in tabs), timeout=2000)
    table = window.ranking_view.table
    assert not any(table.isColumnHidden(c) for c in range(rm.COLUMN_COUNT))
    qtbot.keyClick(window, Qt.Key.Key_F8)  # back: the meeting layout as it was left
    assert room.splitter.sizes() == kept
    window.close()
    again = MainWindow()
    qtbot.addWidget(again)
    again.show()
    assert again.meeting_mode and again.meeting_room.splitter.sizes()
    qtbot.keyClick(again, Qt.Key.Key_F8)
    assert not again.docks["capacity"].isVisible()  # the preparation layout, as it was
    again.close()


_AT_150 = """
import json, os, sys, time
from pathlib import Path
from PySide6.QtCore import QThreadPool
from stuurploeg.gui.settings import use_settings_folder
use_settings_folder(Path(sys.argv[1]) / "settings")
os.environ["STUURPLOEG_DATA_DIR"] = str(Path(sys.argv[1]) / "data")
from stuurploeg.gui.application import build_application
from stuurploeg.gui.main_window import MainWindow
app = build_application([sys.argv[0]])
window = MainWindow(); window.show(); window.start(None)
end = time.monotonic() + 120
while window.controller.proposal is None and time.monotonic() < end:
    app.processEvents(); time.sleep(0.02)
window.set_meeting_mode(True)
window.resize(round(1280 / 1.5), round(720 / 1.5))
for _ in range(50):
    app.processEvents(); time.sleep(0.01)
table, form = window.ranking_view.table, window.meeting_room.form
table.select_case(window.ranking_view.model.case_id_at(0))
app.processEvents()
from PySide6.QtCore import QPoint, QRect
button = form.record_button
placed = QRect(button.mapTo(window, QPoint(0, 0)), button.size())
inside = button.visibleRegion().boundingRect() == button.rect() and window.rect().contains(placed)
print(json.dumps({"ratio": window.devicePixelRatioF(), "grab": [window.grab().width(),
      window.grab().height()], "scroll": table.horizontalScrollBar().maximum(),
      "save_inside": inside}))
window.controller.close(); window.close()
QThreadPool.globalInstance().waitForDone(10000)
"""


@pytest.mark.slow
def test_meeting_layout_at_a_real_150_percent_scale(tmp_path):
    """The same with QT_SCALE_FACTOR=1.5 itself (it must be set before the QApplication
    exists, so in a process of its own): 1280×720 device pixels, nothing scrolls."""
    import json
    import os
    import subprocess
    import sys

    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", QT_SCALE_FACTOR="1.5")
    out = subprocess.run([sys.executable, "-c", _AT_150, str(tmp_path)], capture_output=True,
                         text=True, env=env, timeout=300)  # fmt: skip
    assert out.returncode == 0, out.stderr
    shown = json.loads(out.stdout.strip().splitlines()[-1])
    assert shown == {"ratio": 1.5, "grab": [1280, 720], "scroll": 0, "save_inside": True}
