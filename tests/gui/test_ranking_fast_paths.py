"""The weight-change and new-plan fast paths of the Ranglijst show exactly what a full
rebuild shows, and the re-plan after a weight change cancels the one still running."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from stuurploeg.domain.model import CRITERIA, Criterion
from stuurploeg.domain.scoring import STANDARD_PROFILE, rank_cases
from stuurploeg.gui.ranking import model as rm
from stuurploeg.gui.ranking.rows import build_rows, with_plan
from tests.gui.factories import assert_same_rows as _assert_same
from tests.gui.factories import make_cases, real_plan
from tests.gui.fixtures import HANG_GUARD_MS, open_in

pytestmark = pytest.mark.gui


@pytest.mark.slow
@settings(max_examples=25, deadline=None)
@given(n=st.integers(1, 40), seed=st.integers(0, 500), weight=st.integers(0, 40),
       criterion=st.sampled_from(CRITERIA))  # fmt: skip
def test_a_weight_change_shows_what_a_rebuild_shows(qapp, n, seed, weight, criterion):
    cases = tuple(make_cases(n, seed))
    before = real_plan(cases, profile=STANDARD_PROFILE)
    rows = build_rows(cases, before.ranking, before.assignments, before.unplanned)
    model = rm.RankingModel()
    model.set_rows(rows)
    profile = STANDARD_PROFILE.with_weight(criterion, float(weight))
    ranking = rank_cases(cases, profile)
    previous = before.ranking.rank_map()
    assert model.rerank(ranking, previous)
    _assert_same(model.rows, build_rows(cases, ranking, before.assignments, before.unplanned,
                                        previous_ranks=previous))  # fmt: skip
    # then the new plan arrives: its plan columns and fragile marks, rows not rebuilt
    after = real_plan(cases, profile=profile)
    base = with_plan(model.rows, cases, model.row_index(), after.assignments, after.unplanned)
    assert model.rerank(after.ranking, previous, base)
    _assert_same(model.rows, build_rows(cases, after.ranking, after.assignments,
                                        after.unplanned, previous_ranks=previous))  # fmt: skip
    assert model.visible_case_ids()[: len(ranking)] == after.ranking.case_ids()


def test_a_ranking_of_other_cases_is_refused_and_changes_nothing(qapp):
    cases = make_cases(10)
    model = rm.RankingModel()
    model.set_rows(build_rows(cases, rank_cases(cases)))
    shown = model.visible_case_ids()
    assert not model.rerank(rank_cases(make_cases(12)), {})
    assert model.visible_case_ids() == shown


def test_the_replan_after_a_weight_change_cancels_the_one_still_running(
    qtbot, tmp_path, sample_data
):
    """A weight change re-ranks at once and re-plans shortly after (the automatic planner):
    that re-plan cancels the one still running, whose result is then never shown."""
    from stuurploeg.gui.controller import WorkspaceController
    from stuurploeg.gui.settings import Settings
    from tests.gui.fixtures import make_workspace

    cases, capacity = sample_data
    path = make_workspace(tmp_path / "regio.stuurploeg", cases, capacity)
    controller = WorkspaceController(Settings())
    try:
        open_in(qtbot, controller, path)
        controller.set_profile(controller.profile.with_weight(Criterion.URGENCY, 0.0))
        first = controller.plan("rank", requested=False)  # the re-plan of that change
        controller.set_profile(controller.profile.with_weight(Criterion.SEVERITY, 0.0))
        second = controller.plan("rank", requested=False)  # what its re-plan timer calls
        assert first is not None and second is not None
        assert first.state.cancelled and not second.state.cancelled
        qtbot.waitUntil(lambda: not controller.planning, timeout=HANG_GUARD_MS)
        final = controller.profile
        assert final.weight(Criterion.SEVERITY) == 0.0
        assert controller.proposal.result.profile == final
    finally:
        controller.close()


def test_the_ranks_before_a_weight_change_read_as_arrays_or_as_a_mapping(qapp):
    cases = tuple(make_cases(40, seed=4))
    before = rank_cases(cases, STANDARD_PROFILE)
    after = rank_cases(cases, STANDARD_PROFILE.with_weight(Criterion.URGENCY, 0.0))
    ranks = before.rank_map()
    plain = {e.case_id: e.rank for e in before.entries}
    assert dict(ranks) == plain and ranks.get("nope") is None and len(ranks) == len(plain)
    shown = []
    for previous in (ranks, plain):  # the array path (same list) and the lookup path
        model = rm.RankingModel()
        model.set_rows(build_rows(cases, before))
        assert model.rerank(after, previous)
        shown.append(model.rows)
    _assert_same(shown[0], shown[1])
    _assert_same(shown[0], build_rows(cases, after, previous_ranks=plain))
