"""The Zaakdetail's score chart is made, hidden, soon after the first plan, so the first
selection of a case does not build it on the GUI thread."""

from __future__ import annotations

from tests.gui.fixtures import HANG_GUARD_MS, open_in


def test_the_score_chart_is_ready_before_the_first_selection(qtbot, sample_workspace):
    from stuurploeg.gui.controller import WorkspaceController
    from stuurploeg.gui.docks.case_detail import CaseDetailPanel
    from stuurploeg.gui.settings import Settings

    controller = WorkspaceController(Settings())
    panel = CaseDetailPanel(controller)
    qtbot.addWidget(panel)
    panel.show()
    assert panel.chart is None  # nothing made before there is a plan
    open_in(qtbot, controller, sample_workspace)
    qtbot.waitUntil(lambda: controller.proposal is not None and not controller.planning,
                    timeout=HANG_GUARD_MS)  # fmt: skip
    qtbot.waitUntil(lambda: panel.chart is not None, timeout=HANG_GUARD_MS)
    chart = panel.chart
    assert not chart.isVisible()  # made, not shown: no case is selected
    controller.select_case(controller.ranking.case_ids()[0])
    assert panel.chart is chart
    assert chart.isVisible()
    assert "plaats 1." in panel.score_note.text()
    controller.close()
