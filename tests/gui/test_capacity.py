"""Capaciteit: the chart and table per total fte or one specialism, overbooked weeks per kind."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from stuurploeg.domain.model import Case, CaseStatus, Specialism
from stuurploeg.domain.weeks import IsoWeek
from stuurploeg.gui.controller import WorkspaceController
from stuurploeg.gui.docks.capacity import OVERBOOKED, CapacityPanel, overbooked_weeks
from stuurploeg.gui.settings import Settings
from tests.gui.fixtures import HANG_GUARD_MS, make_workspace, open_in

pytestmark = pytest.mark.gui


@pytest.fixture(scope="module")
def plan(sample_data):
    from stuurploeg.app.planning import make_plan
    from stuurploeg.domain.scoring import STANDARD_PROFILE

    cases, capacity = sample_data
    return make_plan(cases, capacity, profile=STANDARD_PROFILE)


def _short_of_digital(cases, capacity, team: int, weeks: range) -> list[Case]:
    """The sample cases plus one running case that needs more digital specialists than
    ``team`` has, in ``weeks`` (counted from this week, where the plans start)."""
    name = capacity.teams[team].team
    need = capacity.teams[team].specialist_fte.get(Specialism.DIGITAL, 0.0) + 5.0
    extra = Case(
        "MH-TEKORT-1", "Onderzoek Tekort", CaseStatus.RUNNING, fte=0.1, weeks=len(weeks),
        specialist_fte={Specialism.DIGITAL: need}, team=name,
        start_week=IsoWeek.current() + weeks.start, position=len(cases),
    )  # fmt: skip
    return [*cases, extra]


@pytest.fixture
def controller(qtbot):
    controller = WorkspaceController(Settings())
    yield controller
    controller.close()


@pytest.fixture
def panel(qtbot, controller):
    panel = CapacityPanel(controller)
    qtbot.addWidget(panel)
    return panel


def _choose(qtbot, combo, data) -> None:
    """As the user does: focus the combo and step with the keyboard to ``data``."""
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Home)
    while combo.currentData() != data:
        before = combo.currentIndex()
        qtbot.keyClick(combo, Qt.Key.Key_Down)
        assert combo.currentIndex() != before, f"{data} not in the list"


@pytest.mark.slow
def test_kinds_listed_and_overbooked_weeks_marked_per_kind(
    qtbot, panel, controller, plan, sample_data, tmp_path
):
    assert overbooked_weeks(plan, None, 0) == [], "the sample plan fits"
    cases, capacity = sample_data
    path = make_workspace(
        tmp_path / "tekort.stuurploeg", _short_of_digital(cases, capacity, 1, range(3, 6)),
        capacity,
    )  # fmt: skip
    open_in(qtbot, controller, path)
    short = controller.proposal.result
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


@pytest.mark.slow
def test_chosen_kind_kept_when_a_new_plan_arrives(qtbot, panel, controller, sample_data, tmp_path):
    cases, capacity = sample_data
    open_in(qtbot, controller, make_workspace(tmp_path / "w.stuurploeg", cases, capacity))
    _choose(qtbot, panel.kind, "financieel")
    with qtbot.waitSignal(controller.proposal_changed, timeout=HANG_GUARD_MS):
        controller.plan("rank", weeks=20)
    assert panel.current_kind() == "financieel"
    k = controller.proposal.result.kinds.index("financieel")
    assert panel.chart.overbooked == overbooked_weeks(controller.proposal.result, None, k) == []
