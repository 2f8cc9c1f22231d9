"""Capaciteit: the chart and table per total fte or one specialism, overbooked weeks per kind."""

from __future__ import annotations

import dataclasses

import pytest
from PySide6.QtCore import Qt

pytest.importorskip("stuurploeg.app.planning")
pytestmark = pytest.mark.gui

from stuurploeg.gui.docks.capacity import OVERBOOKED, CapacityPanel, overbooked_weeks  # noqa: E402
from stuurploeg.gui.session import Session  # noqa: E402


@pytest.fixture(scope="module")
def plan(sample_data):
    from stuurploeg.app.planning import make_plan
    from stuurploeg.domain.scoring import STANDARD_PROFILE

    cases, capacity = sample_data
    return make_plan(cases, capacity, profile=STANDARD_PROFILE)


def _short_of_digital(plan, team: int, weeks: range):
    """The plan with ``team`` short of digital specialists in ``weeks`` (running demand up)."""
    k = plan.kinds.index("digitaal")
    running = plan.running.copy()
    for w in weeks:
        running[team, k, w] = plan.available[team, k, w] + 1.0
    return dataclasses.replace(plan, running=running)


@pytest.fixture
def panel(qtbot, sample_data):
    session = Session()
    panel = CapacityPanel(session)
    qtbot.addWidget(panel)
    session.capacity = sample_data[1]
    return panel


def _choose(qtbot, combo, data) -> None:
    """As the user does: focus the combo and step with the keyboard to ``data``."""
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Home)
    while combo.currentData() != data:
        before = combo.currentIndex()
        qtbot.keyClick(combo, Qt.Key.Key_Down)
        assert combo.currentIndex() != before, f"{data} not in the list"


def test_kinds_listed_and_overbooked_weeks_marked_per_kind(qtbot, panel, plan):
    assert overbooked_weeks(plan, None, 0) == [], "the sample plan fits"
    short = _short_of_digital(plan, 1, range(3, 6))
    panel.session.plan = short
    panel.refresh()
    kinds = [panel.kind.itemData(i) for i in range(panel.kind.count())]
    assert kinds == ["totaal", "digitaal", "financieel", "tactisch", "intelligence"]
    assert panel.kind.itemText(1) == "Digitaal"  # Dutch label
    team = short.teams[1]
    model = panel.model

    # total fte: the shortage of digital specialists is not a shortage of fte
    assert panel.chart.overbooked == []
    assert model.data(model.index(1, OVERBOOKED)) == "0"
    assert "Digitaal: 3" in model.data(model.index(1, OVERBOOKED), Qt.ItemDataRole.ToolTipRole)

    _choose(qtbot, panel.kind, "digitaal")
    assert panel.chart.overbooked == [3, 4, 5]  # all teams: a week where any team is short
    assert model.data(model.index(1, OVERBOOKED)) == "3"
    assert model.data(model.index(0, OVERBOOKED)) == "0"
    assert "Digitaal" in panel.note.text() and "3" in panel.note.text()

    _choose(qtbot, panel.team, team)
    assert panel.chart.overbooked == [3, 4, 5]
    _choose(qtbot, panel.team, short.teams[0])
    assert panel.chart.overbooked == []

    _choose(qtbot, panel.kind, "tactisch")
    assert panel.chart.overbooked == [] and panel.note.text() == ""
    assert panel.current_kind() == "tactisch"


def test_chosen_kind_kept_when_a_new_plan_arrives(qtbot, panel, plan):
    panel.session.plan = plan
    panel.refresh()
    _choose(qtbot, panel.kind, "financieel")
    panel.session.plan = _short_of_digital(plan, 0, range(0, 2))
    panel.refresh()
    assert panel.current_kind() == "financieel"
    k = plan.kinds.index("financieel")
    assert panel.chart.overbooked == overbooked_weeks(panel.session.plan, None, k) == []
