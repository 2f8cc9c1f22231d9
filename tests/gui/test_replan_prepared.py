"""A new plan and an import reach the Ranglijst prepared in their worker: the GUI thread
only swaps the rows in, and they are what a rebuild on the GUI thread would show."""

from __future__ import annotations

import dataclasses

import pytest
from PySide6.QtWidgets import QApplication

from stuurploeg.domain.model import Criterion
from stuurploeg.domain.scoring import STANDARD_PROFILE, rank_cases
from stuurploeg.gui.ranking import model as rm
from stuurploeg.gui.ranking_rows import RankingRows, build_rows, ranking_columns
from tests.gui.factories import assert_same_rows as _assert_same
from tests.gui.factories import make_cases, real_plan
from tests.gui.fixtures import HANG_GUARD_MS, open_in

pytestmark = pytest.mark.gui


def test_the_columns_a_plan_rewrites_are_those_of_a_rebuild(qapp):
    cases = tuple(make_cases(30, seed=3))
    before = real_plan(cases, profile=STANDARD_PROFILE)
    rows = build_rows(cases, before.ranking, before.assignments, before.unplanned)
    profile = STANDARD_PROFILE.with_weight(Criterion.URGENCY, 0.0)
    after = real_plan(cases, profile=profile)
    previous = before.ranking.rank_map()
    columns = ranking_columns(cases, after.ranking, after.assignments, after.unplanned, previous)
    _assert_same(dataclasses.replace(rows, **columns),
                 build_rows(cases, after.ranking, after.assignments, after.unplanned,
                            previous_ranks=previous))  # fmt: skip


def test_a_new_plan_for_the_ranking_on_screen_repaints_only_the_cells_that_differ(qapp):
    cases = tuple(make_cases(40, seed=5))
    plan = real_plan(cases, profile=STANDARD_PROFILE)
    model = rm.RankingModel()
    model.set_rows(build_rows(cases, plan.ranking, plan.assignments, plan.unplanned))
    moved = plan.assignments[0]
    other = dataclasses.replace(moved, team="Team Elders")
    assignments = [other, *plan.assignments[1:]]
    columns = ranking_columns(cases, plan.ranking, assignments, plan.unplanned)
    layouts, changed = [], []
    model.layoutChanged.connect(lambda *_: layouts.append(1))
    model.dataChanged.connect(lambda a, b, *_: changed.append((a.row(), b.row(), a.column())))
    model.update_ranking(dataclasses.replace(model.rows, **columns))
    row = model.row_of(moved.case_id)
    assert layouts == []  # the same order: no relayout of the table
    assert changed == [(row, row, rm.PLAN)]
    assert "Team Elders" in model.index(row, rm.PLAN).data()


@pytest.fixture
def window_on(qtbot, sample_workspace):
    from stuurploeg.gui.controller import WorkspaceController
    from stuurploeg.gui.ranking.view import RankingView
    from stuurploeg.gui.settings import Settings

    path = sample_workspace
    controller = WorkspaceController(Settings())
    view = RankingView(controller)
    qtbot.addWidget(view)
    open_in(qtbot, controller, path)
    qtbot.waitUntil(lambda: not controller.planning, timeout=HANG_GUARD_MS)
    yield controller, view
    controller.close()


def _rebuilt(controller) -> RankingRows:
    p = controller.proposal
    return build_rows(controller.cases, controller.ranking, p.result.assignments,
                      p.result.unplanned, controller.decision_labels(),
                      controller.previous_ranks)  # fmt: skip


def test_the_replan_after_a_weight_change_brings_its_rows_from_the_worker(qtbot, window_on):
    controller, view = window_on
    shown = controller.proposal
    controller.set_profile(controller.profile.with_weight(Criterion.URGENCY, 0.0))
    qtbot.waitUntil(lambda: controller.proposal.result is not shown.result
                    and not controller.planning, timeout=HANG_GUARD_MS)  # fmt: skip
    prepared = controller.prepared_rows
    assert prepared is not None and prepared.columns is not None
    assert prepared.plan is controller.proposal.result
    _assert_same(view.model.rows, _rebuilt(controller))
    # another weight change: the prepared columns no longer fit, the view ranks itself
    controller.set_profile(controller.profile.with_weight(Criterion.SEVERITY, 0.0))
    assert controller.prepared_rows is None
    qtbot.waitUntil(lambda: not controller.planning, timeout=HANG_GUARD_MS)
    _assert_same(view.model.rows, _rebuilt(controller))


def test_an_import_is_compared_ranked_and_laid_out_in_its_worker(qtbot, tmp_path, window_on):
    from benchmarks.bench_gui import make_case_list
    from stuurploeg.app.importing import check_file

    controller, view = window_on
    listed = tmp_path / "zakenlijst.xlsx"
    make_case_list(listed, 80)
    merged = []
    controller.merged.connect(merged.append)
    controller.import_report(check_file(listed, "cases"))
    qtbot.waitUntil(lambda: len(merged) == 1, timeout=HANG_GUARD_MS)
    prepared = controller.prepared_rows
    assert prepared is not None and prepared.rows is not None  # made in the merge's worker
    assert view.model.rows is prepared.rows
    assert len(controller.cases) == 80
    assert controller.ranking is prepared.ranking
    qtbot.waitUntil(lambda: not controller.planning, timeout=HANG_GUARD_MS)
    _assert_same(view.model.rows, _rebuilt(controller))
    # the same list again: the cases on screen stay the very objects, the rows stand
    cases, rows = controller.cases, view.model.rows
    controller.import_report(check_file(listed, "cases"))
    qtbot.waitUntil(lambda: len(merged) == 2, timeout=HANG_GUARD_MS)
    assert controller.cases is cases
    assert view.model.rows.case_id is rows.case_id  # not rebuilt, only re-ranked
    qtbot.waitUntil(lambda: not controller.planning, timeout=HANG_GUARD_MS)
    QApplication.processEvents()
    _assert_same(view.model.rows, _rebuilt(controller))
    assert rank_cases(controller.cases, controller.profile).case_ids() == \
        controller.ranking.case_ids()  # fmt: skip


def _field_widgets(panel):
    from PySide6.QtWidgets import QFormLayout

    role = QFormLayout.ItemRole.FieldRole
    return [panel.fields.itemAt(i, role).widget() for i in range(panel.fields.rowCount())]


def test_the_case_detail_takes_a_new_plan_without_rebuilding_its_fields(qtbot, window_on):
    from stuurploeg.gui.docks.case_detail import CaseDetailPanel

    controller, _view = window_on
    panel = CaseDetailPanel(controller)
    qtbot.addWidget(panel)
    case_id = controller.ranking.case_ids()[0]
    controller.select_case(case_id)
    widgets = _field_widgets(panel)
    assert widgets
    shown = controller.proposal
    controller.set_profile(controller.profile.with_weight(Criterion.URGENCY, 0.0))
    qtbot.waitUntil(lambda: controller.proposal.result is not shown.result
                    and not controller.planning, timeout=HANG_GUARD_MS)  # fmt: skip
    QApplication.processEvents()
    assert _field_widgets(panel) == widgets  # the same labels, not made again
    expected = [value for _, value in panel._field_rows(controller.case(case_id))]
    assert [w.text() for w in widgets] == expected
    assert "Verouderd" not in panel.plan_label.text()
