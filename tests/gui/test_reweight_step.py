"""A weight change re-sorts the Ranglijst at once and tells the rest of the window of the
outdated proposal on the event loop's next turn (the re-sorted table is painted first);
the Voorstel header's outdated colour does not lay the table out again; the ↑/↓ marks of
a stored plan's ranking come from its arrays."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from stuurploeg.domain.model import Criterion
from stuurploeg.domain.scoring import RankMap, rank_cases
from stuurploeg.gui.controller import WorkspaceController
from stuurploeg.gui.ranking import model as rm
from stuurploeg.gui.ranking.rows import build_rows
from stuurploeg.gui.ranking.view import RankingTable
from stuurploeg.gui.settings import Settings
from tests.gui.factories import make_capacity, make_cases
from tests.gui.fixtures import HANG_GUARD_MS, make_workspace, open_in

pytestmark = pytest.mark.gui


@pytest.fixture
def controller(qtbot, tmp_path, sample_data):
    cases, capacity = sample_data
    controller = WorkspaceController(Settings())
    open_in(qtbot, controller, make_workspace(tmp_path / "regio.stuurploeg", cases, capacity))
    qtbot.waitUntil(lambda: controller.proposal is not None and not controller.planning,
                    timeout=HANG_GUARD_MS)  # fmt: skip
    yield controller
    controller.close()


def test_the_outdated_proposal_is_told_on_the_next_turn_once(qtbot, controller):
    told: list[bool] = []
    ranked: list[int] = []
    controller.proposal_changed.connect(lambda: told.append(controller.proposal.outdated))
    controller.ranking_changed.connect(lambda: ranked.append(1))
    shown = controller.proposal
    controller.set_profile(controller.profile.with_weight(Criterion.URGENCY, 0.0))
    controller.set_profile(controller.profile.with_weight(Criterion.SEVERITY, 1.0))
    assert controller.proposal.outdated_by == "weights"  # the state: at once
    assert controller.proposal.result is shown.result
    assert ranked == [1, 1] and told == []  # the ranking at once, the views not yet
    QApplication.processEvents()
    assert told == [True]  # told once for both steps
    qtbot.waitUntil(lambda: not controller.proposal.outdated and not controller.planning,
                    timeout=HANG_GUARD_MS)  # fmt: skip
    assert told[-1] is False
    QApplication.processEvents()
    assert told.count(True) == 1


def test_a_plan_shown_before_the_turn_is_told_without_the_outdated_mark(qtbot, controller):
    told: list[bool] = []
    controller.proposal_changed.connect(lambda: told.append(controller.proposal.outdated))
    shown = controller.proposal
    controller.set_profile(controller.profile.with_weight(Criterion.URGENCY, 0.0))
    controller._show_proposal(shown)  # a plan arriving before the event loop turns
    QApplication.processEvents()
    assert told == [False]


def test_after_another_planner_no_plan_is_pending_so_plan_again_is_allowed(
    qtbot, main_window, tmp_path
):
    controller = main_window.controller
    path = make_workspace(tmp_path / "klein.stuurploeg", make_cases(14), make_capacity())
    open_in(qtbot, controller, path)
    job = controller.plan("optimal", time_limit=1)
    qtbot.waitUntil(lambda: not job.running and not controller.planning, timeout=HANG_GUARD_MS)
    QApplication.processEvents()
    assert controller.proposal.planner == "optimal"
    controller.set_profile(controller.profile.with_weight(Criterion.URGENCY, 0.0))
    assert not controller.planning  # no rank-order plan follows an optimal one by itself
    QApplication.processEvents()
    banner = main_window.capacity_panel.banner
    assert banner.replan_button.isVisibleTo(banner) and banner.replan_button.isEnabled()


def _table(qtbot) -> tuple[RankingTable, rm.RankingModel, object]:
    cases = make_cases(60, seed=3)
    ranking = rank_cases(cases)
    model = rm.RankingModel()
    model.set_rows(build_rows(cases, ranking, None, ()))
    table = RankingTable(model)
    qtbot.addWidget(table)
    table.resize(1200, 500)
    table.show()
    qtbot.waitExposed(table)
    QApplication.processEvents()
    return table, model, cases


def test_the_outdated_voorstel_header_keeps_the_tables_layout(qtbot):
    table, model, _ = _table(qtbot)
    laid_out = table._laid_out
    assert laid_out
    texts = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    model.set_proposal_state("Verouderd: …", True)
    assert table._laid_out == laid_out  # colour and tooltip size no section
    assert model.headerData(rm.PLAN, Qt.Orientation.Horizontal,
                            Qt.ItemDataRole.ForegroundRole) is not None  # fmt: skip
    assert model.headerData(rm.PLAN, Qt.Orientation.Horizontal,
                            Qt.ItemDataRole.ToolTipRole) == "Verouderd: …"  # fmt: skip
    assert texts == [model.headerData(c, Qt.Orientation.Horizontal)
                     for c in range(model.columnCount())]  # fmt: skip
    model.set_proposal_state("", False)
    assert model.headerData(rm.PLAN, Qt.Orientation.Horizontal,
                            Qt.ItemDataRole.ForegroundRole) is None  # fmt: skip
    # any other header change still lays the table out
    model.headerDataChanged.emit(Qt.Orientation.Horizontal, rm.NAME, rm.NAME)
    assert table._laid_out == ()


def test_a_ranking_whose_entries_were_read_gives_the_marks_from_its_arrays(qtbot):
    _, model, cases = _table(qtbot)
    before = rank_cases(cases)  # another packing of the same list, as a plan's worker's
    assert before.entries  # read, as storing a plan reads them
    ranks = before.rank_map()
    assert isinstance(ranks, RankMap)
    assert dict(ranks) == {e.case_id: e.rank for e in before.entries}
    model.rerank(before, {})
    after = rank_cases(cases, before.profile.with_weight(Criterion.URGENCY, 0.0))
    assert ranks.source is not after.columns().source and ranks.source == after.columns().source
    assert model.rerank(after, ranks)
    old = {e.case_id: e.rank for e in before.entries}
    rows = model.rows
    for i, case_id in enumerate(rows.case_id):
        if case_id in old:
            new = rows.rank[i]
            assert rows.movement[i] == old[case_id] - new, case_id


def test_a_new_plan_keeps_the_static_texts_of_the_cells_whose_text_stands(qtbot):
    import dataclasses

    table, model, _ = _table(qtbot)
    rows = model.rows
    metrics, font = table.fontMetrics(), table.font().key()
    view_rows = list(range(model.rowCount()))

    def texts() -> list[str]:
        painted = model.painted_texts(view_rows, rm.PLAN, 400, metrics, font,
                                      table.textElideMode(), None)  # fmt: skip
        return [("" if s is None else s.text()) for s, _ in painted]

    before = texts()
    kept = dict(model._statics[rm.PLAN])
    plan = rows.plan.copy()  # a new plan: new arrays, one text changed
    changed = model.data_row(2)
    plan[changed] = "Team Nieuw · 2027-W01 · 1,0"
    model.update_ranking(dataclasses.replace(rows, plan=plan))
    after = texts()
    assert after[2] == "Team Nieuw · 2027-W01 · 1,0"
    assert after[:2] == before[:2] and after[3:] == before[3:]
    statics = model._statics[rm.PLAN]
    assert all(statics[r] is kept[r] for r in kept if r != changed)  # not laid out again
    assert statics[changed] is not kept[changed]
    # rows laid out anew (other arrays of the same cases): every text is made again
    model.update_ranking(dataclasses.replace(model.rows, case_id=rows.case_id.copy()))
    assert not model._statics[rm.PLAN]
    assert texts() == after


def test_a_plans_worker_reads_the_previous_ranks_of_a_read_ranking_from_its_arrays():
    from stuurploeg.gui.ranking_rows import ranking_columns

    cases = make_cases(60, seed=3)
    before = rank_cases(cases)
    assert before.entries
    after = rank_cases(cases, before.profile.with_weight(Criterion.SEVERITY, 0.0))
    ranks = before.rank_map()
    assert ranks.ranks_for(after.columns()) is not None
    fast = ranking_columns(cases, after, None, (), ranks)
    slow = ranking_columns(cases, after, None, (), dict(ranks))  # looked up per case
    for name, values in slow.items():
        assert (values.astype(str) == fast[name].astype(str)).all(), name
