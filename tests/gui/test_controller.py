"""The WorkspaceController on its own (no window): life cycle, the proposal a decision
records, superseded work, refusals, the meeting — on real workspaces in tmp_path."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest

from stuurploeg.domain.model import Case, CaseStatus, Criterion, DecisionKind
from stuurploeg.domain.weeks import IsoWeek
from stuurploeg.gui.controller import ActionRefused, WorkspaceController
from stuurploeg.gui.settings import Settings
from tests.gui.fixtures import HANG_GUARD_MS, make_workspace, open_in

pytestmark = pytest.mark.gui


@pytest.fixture
def controller(qtbot):
    controller = WorkspaceController(Settings())
    yield controller
    controller.close()


@pytest.fixture
def sample_path(tmp_path, sample_data):
    cases, capacity = sample_data
    return make_workspace(tmp_path / "regio.stuurploeg", cases, capacity)


def _record(signals: list[str], controller: WorkspaceController) -> None:
    for name in ("opened", "closed", "cases_changed", "ranking_changed", "proposal_changed",
                 "profile_changed", "decisions_changed", "busy"):  # fmt: skip
        getattr(controller, name).connect(lambda *args, n=name: signals.append(n))


def test_open_shows_everything_then_close_releases_the_lock(qtbot, controller, sample_path):
    from stuurploeg.app.workspace import WorkspaceLocked, open_workspace

    signals: list[str] = []
    _record(signals, controller)
    open_in(qtbot, controller, sample_path)
    assert controller.has_workspace and controller.path == sample_path
    assert len(controller.cases) == 60 and controller.ranking is not None
    assert controller.proposal is not None and controller.proposal.plan_id is not None
    # busy while opening; the views hear of the cases before the workspace is announced
    assert signals[0] == "busy"
    assert signals.index("cases_changed") < signals.index("opened")
    assert signals.index("ranking_changed") < signals.index("opened")
    assert signals.index("opened") < signals.index("proposal_changed")
    with pytest.raises(WorkspaceLocked):
        open_workspace(sample_path)

    signals.clear()
    controller.close()
    assert "closed" in signals and not controller.has_workspace
    assert controller.cases == () and controller.ranking is None and controller.proposal is None
    open_workspace(sample_path).close()  # the lock is free again


@pytest.mark.slow
def test_a_decision_records_the_proposal_on_screen(qtbot, controller, sample_path):
    from stuurploeg.app.workspace_plans import snapshot_from_result

    open_in(qtbot, controller, sample_path)
    controller.set_decided_by("mensenhandelofficier")
    first = controller.proposal
    case_id = first.result.assignments[0].case_id
    decision = controller.proposed_decision(case_id)
    assert decision.kind is DecisionKind.TAKE_UP
    stored = controller.record_decision(decision)
    assert stored.snapshot == snapshot_from_result(first.result, case_id)
    assert stored.decided_by == "mensenhandelofficier"
    assert [d.id for d in controller.meeting.drafts] == [stored.id]

    # new weights: the proposal is marked outdated at once, then the rank-order plan (the
    # planner in use) makes a new one; the plan the decision was taken against is kept
    profile = controller.profile.with_weight(Criterion.SEVERITY, 0.0)
    controller.set_profile(profile)
    assert controller.proposal.outdated_by == "weights"
    qtbot.waitUntil(lambda: not controller.proposal.outdated, timeout=HANG_GUARD_MS)
    second = controller.proposal
    assert second is not first and second.plan_id != first.plan_id
    assert controller.workspace.plan(first.plan_id) is not None
    other = second.result.assignments[-1].case_id
    again = controller.record_decision(controller.proposed_decision(other))
    assert again.snapshot == snapshot_from_result(second.result, other)
    assert again.snapshot.profile_weights[Criterion.SEVERITY.value] == 0.0


@pytest.mark.slow
def test_the_proposed_decision_follows_the_app_rule(qtbot, controller, sample_path):
    open_in(qtbot, controller, sample_path)
    proposal = controller.proposal
    placed = proposal.result.assignments[0]
    take_up = controller.proposed_decision(placed.case_id)
    assert (take_up.kind, take_up.team, take_up.start_week, take_up.fte) == (
        DecisionKind.TAKE_UP, placed.team, placed.start_week, placed.fte
    )
    running = next(c for c in controller.cases if c.status is CaseStatus.RUNNING)
    assert controller.proposed_decision(running.case_id).kind is DecisionKind.EXPAND
    left_out = proposal.result.unplanned[0].case_id
    assert controller.proposed_decision(left_out).kind is DecisionKind.PARK
    assert controller.proposed_decision("MH-BESTAAT-NIET") is None


@pytest.mark.slow
def test_no_decision_before_the_first_proposal(qtbot, controller, sample_path):
    with qtbot.waitSignal(controller.opened, timeout=HANG_GUARD_MS):
        controller.open(sample_path)
    assert controller.proposal is None and controller.planning  # the plan follows shortly
    case_id = controller.ranking.entries[0].case_id
    with pytest.raises(ActionRefused) as refused:
        controller.record_decision(replace(controller.proposed_decision(case_id),
                                           decided_by="officier"))  # fmt: skip
    assert "voorstel" in refused.value.problems[0]
    assert controller.decisions == ()
    qtbot.waitUntil(lambda: controller.proposal is not None, timeout=HANG_GUARD_MS)


@pytest.mark.slow
def test_refusals_name_every_problem_and_store_nothing(qtbot, controller, sample_path):
    open_in(qtbot, controller, sample_path)
    case_id = controller.proposal.result.assignments[0].case_id
    decision = replace(controller.proposed_decision(case_id), kind=DecisionKind.DECLINE,
                       team=None, start_week=None, fte=None)  # fmt: skip
    changed: list[int] = []
    controller.decisions_changed.connect(lambda: changed.append(1))
    with pytest.raises(ActionRefused) as refused:
        controller.record_decision(decision)
    problems = refused.value.problems
    assert len(problems) >= 2  # who decides, and the motivation a decline needs
    assert any("motivering" in p for p in problems) and any("wie" in p for p in problems)
    assert controller.decisions == () and changed == []


@pytest.mark.slow
def test_a_plan_made_with_old_weights_arrives_outdated_never_swapped(
    qtbot, controller, sample_path
):
    open_in(qtbot, controller, sample_path)
    slow = controller.plan("optimal", time_limit=3)  # still planning with the old weights
    assert slow is not None
    profile = controller.profile.with_weight(Criterion.URGENCY, 0.0)
    with qtbot.waitSignal(slow.finished, timeout=HANG_GUARD_MS):
        controller.set_profile(profile)  # re-ranks at once; no rank-order plan replaces it
    qtbot.waitUntil(lambda: not controller.planning, timeout=HANG_GUARD_MS)
    shown = controller.proposal
    assert shown.planner == "optimal" and shown.requested
    assert shown.outdated_by == "weights" and shown.result.profile != profile


@pytest.mark.slow
def test_a_second_open_supersedes_the_first_and_frees_its_lock(
    qtbot, controller, sample_path, tmp_path, sample_data
):
    from stuurploeg.app.workspace import open_workspace

    other = make_workspace(tmp_path / "ander.stuurploeg", *sample_data)
    busy: list[bool] = []
    controller.busy.connect(busy.append)
    opened: list[object] = []
    controller.opened.connect(opened.append)
    controller.open(sample_path)
    controller.open(other)
    # both opens (and the plan after the second) have ended
    qtbot.waitUntil(lambda: busy[-1:] == [False] and bool(opened), timeout=HANG_GUARD_MS)
    qtbot.waitUntil(lambda: not controller.planning and busy[-1] is False, timeout=HANG_GUARD_MS)
    assert opened == [other] and controller.path == other
    open_workspace(sample_path).close()  # the superseded open closed what it opened


def test_an_import_without_a_workspace_is_shown_not_stored(qtbot, controller):
    from stuurploeg.app.importing import check_file
    from stuurploeg.gui.paths import sample_files

    report = check_file(sample_files()[0], "cases")
    with qtbot.waitSignal(controller.ranking_changed, timeout=HANG_GUARD_MS):
        controller.import_report(report)
    assert len(controller.cases) == 60 and controller.ranking is not None
    assert controller.capacity is None and not controller.planning  # nothing to plan on
    with pytest.raises(ActionRefused) as refused:
        controller.record_decision(controller.proposed_decision(controller.cases[0].case_id))
    assert "werkruimte" in refused.value.problems[0]


@pytest.mark.slow
def test_the_meeting_holds_its_own_decisions(qtbot, controller, sample_path):
    open_in(qtbot, controller, sample_path)
    controller.set_decided_by("officier")
    case_id = controller.proposal.result.assignments[0].case_id
    controller.record_decision(controller.proposed_decision(case_id))
    today = controller.meeting.day
    with qtbot.waitSignal(controller.meeting_changed, timeout=HANG_GUARD_MS):
        controller.set_meeting_day(today + timedelta(days=7))
    assert controller.meeting.decisions == () and len(controller.decisions) == 1
    controller.set_meeting_day(today)
    assert [d.case_id for d in controller.meeting.drafts] == [case_id]
    final = controller.finalise()
    assert [d.case_id for d in final] == [case_id] and controller.meeting.finalised
    assert controller.history(case_id)[-1].final
    assert controller.decision_labels()[case_id].endswith("✓")
    assert isinstance(controller.meeting.day, date)


def test_the_plan_warnings_the_cli_prints_reach_the_window_once(qtbot, controller, tmp_path,
                                                                  sample_data):
    cases, capacity = sample_data
    stray = Case("LP-X", "Lopend", CaseStatus.RUNNING, fte=1.0, weeks=10, team="Team Elders",
                 start_week=IsoWeek.current() - 1, position=999)
    path = make_workspace(tmp_path / "regio.stuurploeg", [*cases, stray], capacity)
    shown: list[str] = []
    controller.warning.connect(shown.append)
    open_in(qtbot, controller, path)
    assert [w for w in shown if "LP-X" in w and "Team Elders" in w]
    # an automatic re-plan with the same warnings does not show them again
    before = len(shown)
    with qtbot.waitSignal(controller.proposal_changed, timeout=HANG_GUARD_MS):
        controller.set_profile(controller.profile.with_weight(Criterion.SEVERITY, 0.0))
    assert len(shown) == before


def test_finished_jobs_are_not_kept_as_children_of_the_controller(qtbot, controller,
                                                                   sample_path):
    """Each re-plan's job (and what its slots hold: the request's case list) goes once it
    has finished; kept as children of the controller they piled up for the session."""
    from PySide6.QtCore import QCoreApplication, QEvent

    from stuurploeg.gui.workers import Job

    open_in(qtbot, controller, sample_path)
    for weight in (10.0, 20.0, 30.0):
        controller.set_profile(controller.profile.with_weight(Criterion.URGENCY, weight))
        job = controller.replan()
        assert job is not None
        qtbot.waitUntil(lambda j=job: j.done, timeout=HANG_GUARD_MS)
    qtbot.waitUntil(lambda: not controller.planning, timeout=HANG_GUARD_MS)
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert [c for c in controller.children() if isinstance(c, Job)] == []
    assert controller.proposal is not None  # the last plan is shown all the same
