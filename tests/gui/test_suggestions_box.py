"""The suggestions table stays readable in a small dock: its last column never elides its
header, and every header says what it holds."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from stuurploeg.domain.planning.suggest import Pushed, Suggestion
from stuurploeg.domain.weeks import IsoWeek
from stuurploeg.gui.controller import WorkspaceController
from stuurploeg.gui.scenarios.suggestions import SuggestionsBox
from stuurploeg.gui.settings import Settings

pytestmark = pytest.mark.gui


@pytest.fixture
def box(qtbot):
    controller = WorkspaceController(Settings())
    box = SuggestionsBox(controller)
    qtbot.addWidget(box)
    font = box.font()
    font.setPointSizeF(font.pointSizeF() * 1.5)  # the projector's larger text
    box.setFont(font)
    box.resize(300, 320)  # a dock squeezed beside the comparison
    box.show()
    qtbot.waitExposed(box)
    yield box
    controller.close()


def _option(team: str, pushed: int) -> Suggestion:
    out = tuple(Pushed(f"MH-2026-{100 + n}", 10.0) for n in range(pushed))
    return Suggestion("MH-2026-001", team, IsoWeek.parse("2027-W04"), 12, 40.0, out, (),
                      "uitleg")  # fmt: skip


def test_the_last_header_is_never_elided_in_a_narrow_dock(qtbot, box):
    box.model.set_items([_option("Team Expertise", 4), _option("Team Haven", 1)])
    header = box.table.horizontalHeader()
    last = box.model.columnCount() - 1
    title = box.model.headerData(last, Qt.Orientation.Horizontal)
    assert title == "Verdringt"
    assert header.sectionSize(last) >= header.fontMetrics().horizontalAdvance(title)
    # what an elided cell leaves out is whole in its tip
    assert box.model.index(0, last).data(Qt.ItemDataRole.ToolTipRole) == "uitleg"


def test_every_header_has_a_dutch_tip(box):
    for column in range(box.model.columnCount()):
        tip = box.model.headerData(column, Qt.Orientation.Horizontal,
                                   Qt.ItemDataRole.ToolTipRole)  # fmt: skip
        assert tip and " the " not in f" {tip} ", tip
