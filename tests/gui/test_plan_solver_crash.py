"""A solver that crashes mid-search costs the optimal plan, not the window: the proposal
is the rank-order plan and the window says why (app.solvers.isolated)."""

from __future__ import annotations

import os
import signal

import pytest

from stuurploeg.app.solvers.isolated import solving_pids
from tests.gui.fixtures import HANG_GUARD_MS, make_workspace, open_in

pytestmark = [
    pytest.mark.gui,
    pytest.mark.slow,
    pytest.mark.skipif(os.name != "posix", reason="signals"),
]


def test_a_plan_whose_solver_crashes_shows_the_rank_plan_and_the_warning(
    qtbot, main_window, tmp_path, sample_data
):
    controller = main_window.controller
    open_in(qtbot, controller, make_workspace(tmp_path / "regio.stuurploeg", *sample_data))
    rank = controller.proposal.result
    assert rank.planner == "rank" and rank.assignments

    killed: list[int] = []

    def crash_the_search(_fraction: float, message: str) -> None:
        if message.startswith("Zoeken") and not killed:
            killed.extend(solving_pids())
            for pid in killed:
                os.kill(pid, signal.SIGSEGV)

    job = controller.plan("optimal", time_limit=30)  # long: the crash comes first
    assert job is not None
    job.progress.connect(crash_the_search)
    qtbot.waitUntil(lambda: controller.proposal.result.planner == "optimal"
                    and not controller.planning, timeout=HANG_GUARD_MS)  # fmt: skip
    assert len(killed) == 1  # the one child that was solving
    shown = controller.proposal.result
    assert shown.status == "rangorde (oplosser onverwacht gestopt)"
    assert [(a.case_id, a.team, a.start_week) for a in shown.assignments] == [
        (a.case_id, a.team, a.start_week) for a in rank.assignments
    ]
    qtbot.waitUntil(lambda: main_window.notices.problem_box is not None, timeout=HANG_GUARD_MS)
    text = main_window.notices.problem_box.text()
    assert "De oplosser is onverwacht gestopt (code -11)" in text
    assert "Het voorstel is de planning in rangorde" in text
    main_window.notices.problem_box.close()
    assert solving_pids() == []
