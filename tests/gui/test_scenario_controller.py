"""The scenario controller on its own (no window), on real workspaces in tmp_path: drafts
round-trip without changing what is stored, problems name their place, the base follows
the proposal, and refusals change nothing."""

from __future__ import annotations

import pytest

from stuurploeg.app.scenarios import get_scenario, save_scenario
from stuurploeg.app.workspace import open_workspace
from stuurploeg.app.workspace_plans import snapshot_from_result
from stuurploeg.domain.planning import CapacityDelta, CaseAction, CaseChange, Scenario
from stuurploeg.domain.weeks import IsoWeek
from stuurploeg.gui.controller import ActionRefused, WorkspaceController
from stuurploeg.gui.controller.scenario_drafts import (
    CapacityRow,
    CaseRow,
    DraftRefused,
    ScenarioDraft,
)
from stuurploeg.gui.settings import Settings
from tests.gui.factories import make_capacity, make_cases
from tests.gui.fixtures import HANG_GUARD_MS, make_workspace, open_in

pytestmark = pytest.mark.gui


@pytest.fixture
def controller(qtbot, tmp_path):
    controller = WorkspaceController(Settings())
    path = make_workspace(tmp_path / "c.stuurploeg", make_cases(30, seed=5), make_capacity())
    open_in(qtbot, controller, path)
    yield controller
    controller.close()


def candidate(controller, planned: bool) -> str:
    proposal = controller.proposal
    ids = controller.scenarios.candidate_ids()
    return next(c for c in ids if (proposal.assignment(c) is not None) == planned)


def test_a_stored_scenario_shown_and_saved_again_is_unchanged(controller):
    """Also what the editor cannot make itself (a change of a specialism alone, another
    profile, a description) survives being opened and saved in the editor."""
    ws, start = controller.workspace, controller.proposal.result.start
    case = candidate(controller, planned=False)
    scenario = Scenario(
        "Uit code",
        (CapacityDelta("Team Noord", start, start + 10, 1.5, "totaal"),
         CapacityDelta("Team Noord", start, start + 10, 1.5, "digitaal"),
         CapacityDelta("Team Zuid", start + 2, None, -0.5, "digitaal")),
        (CaseChange(case, CaseAction.IN), CaseChange(case, CaseAction.START, start + 3)),
        controller.profile, "uit een script")
    save_scenario(ws, scenario)
    scenarios = controller.scenarios
    scenarios._reload()
    draft = scenarios.draft_of("Uit code")
    assert draft.capacity == (
        CapacityRow("Team Noord", str(start), str(start + 10), "1,5", "digitaal"),
        CapacityRow("Team Zuid", str(start + 2), "", "-0,5", "digitaal", only_specialism=True))
    assert draft.cases == (CaseRow(case, "in"), CaseRow(case, "start", str(start + 3)))
    assert [p for p in scenarios.check(draft) if not p.warning] == []
    scenarios.save(draft, "Uit code")
    again = get_scenario(ws, "Uit code")
    assert again.deltas == scenario.deltas and again.cases == scenario.cases
    assert again.profile.weights == scenario.profile.weights
    assert again.description == "uit een script"


def test_problems_name_row_and_field_and_nothing_is_stored(controller):
    scenarios = controller.scenarios
    start = controller.proposal.result.start
    running = next(c.case_id for c in controller.cases if not c.status.is_candidate)
    draft = ScenarioDraft(
        "Fouten",
        (CapacityRow("Team Noord", str(start), "", "1"),
         CapacityRow("Team Noord", str(start + 5), str(start + 1), "1")),
        (CaseRow(running, "out"), CaseRow("", "start", "")))
    problems = scenarios.check(draft)
    where = {(p.section, p.row, p.field) for p in problems if not p.warning}
    assert ("case", 1, "case") in where and ("case", 1, "start") in where
    # the check against the data runs once the typing is right
    draft = ScenarioDraft(draft.name, draft.capacity, (CaseRow(running, "out"),))
    where = {(p.section, p.row, p.field): p.message for p in scenarios.check(draft)}
    assert "vóór de eerste week" in where[("capacity", 1, "to")]
    assert "alleen nieuwe en geparkeerde zaken" in where[("case", 0, "case")]
    with pytest.raises(DraftRefused) as refused:
        scenarios.save(draft)
    assert any("Capaciteitswijziging 2" in line for line in refused.value.problems)
    assert scenarios.items == () and controller.workspace.scenarios() == []


@pytest.mark.slow
def test_the_base_follows_the_proposal_and_comparisons_of_an_old_base_are_dropped(
    qtbot, controller
):
    scenarios = controller.scenarios
    start = controller.proposal.result.start
    scenarios.save(ScenarioDraft("Meer", (CapacityRow("Team Zuid", str(start), "", "3"),)))
    with qtbot.waitSignal(scenarios.compared, timeout=HANG_GUARD_MS):
        scenarios.compare("Meer")
    assert scenarios.outcome("Meer") is not None
    proposal = scenarios.make_proposal("Meer")
    assert scenarios.base is not proposal and scenarios.shown.scenario == "Meer"
    assert scenarios.outcome("Meer") is not None  # showing a scenario keeps the base
    assert controller.proposal is proposal
    stored_plan = controller.workspace.plan(proposal.plan_id)
    assert stored_plan.scenario_id is not None and stored_plan.name.startswith("Scenario Meer")
    # a decision taken now records the scenario plan as its proposal
    placed = proposal.result.assignments[-1]
    controller.set_decided_by("mensenhandelofficier")
    decision = controller.record_decision(controller.proposed_decision(placed.case_id))
    assert decision.snapshot == snapshot_from_result(proposal.result, placed.case_id)
    assert (decision.snapshot.proposal_team, decision.snapshot.proposal_start) == (
        placed.team, placed.start_week)
    with qtbot.waitSignal(scenarios.outcomes_cleared, timeout=HANG_GUARD_MS):
        job = controller.plan("rank")
        qtbot.waitUntil(lambda: job.done, timeout=HANG_GUARD_MS)
    assert scenarios.shown.is_base and scenarios.base is controller.proposal
    assert scenarios.outcome("Meer") is None
    with pytest.raises(ActionRefused, match="eerst met de basis"):
        scenarios.make_proposal("Meer")


def test_refusals_without_workspace_or_base(qtbot):
    controller = WorkspaceController(Settings())
    scenarios = controller.scenarios
    with pytest.raises(ActionRefused, match="werkruimte"):
        scenarios.save(ScenarioDraft("x", (), (CaseRow("MH-1", "out"),)))
    with pytest.raises(ActionRefused, match="basisplan"):
        scenarios.compare("x")
    assert scenarios.suggest("MH-1") is None
    assert str(IsoWeek.current()) in scenarios.check(
        ScenarioDraft("x", (CapacityRow("T", "", "", "1"),)))[0].message
    controller.close()


@pytest.mark.parametrize(("fte", "first", "words"), [
    ("inf", "2026-W50", "fte moet een getal"),
    ("nan", "2026-W50", "fte moet een getal"),
    ("1e400", "2026-W50", "fte moet een getal"),
    ("0,0", "2026-W50", "fte moet een getal"),
    ("2", "2025-W53", "'2025-W53' is geen week"),
    ("2", "W50", "'W50' is geen week"),
    ("2", "2026-W50\x00", "is geen week"),
])
def test_hostile_input_is_refused_in_dutch_never_a_crash(controller, fte, first, words):
    scenarios = controller.scenarios
    draft = ScenarioDraft("Vijandig 🙂", (CapacityRow("Team Noord", first, "", fte),))
    problems = scenarios.check(draft)
    assert any(words in p.message for p in problems)
    with pytest.raises(DraftRefused):
        scenarios.save(draft)
    assert controller.workspace.scenarios() == []


def test_a_name_too_long_is_refused_beside_the_name(controller):
    scenarios = controller.scenarios
    draft = ScenarioDraft("x" * 500, (), (CaseRow(candidate(controller, True), "out"),))
    with pytest.raises(DraftRefused) as refused:
        scenarios.save(draft)
    (problem,) = refused.value.at
    assert problem.field == "name" and "hoogstens 100 tekens" in problem.message
    assert controller.workspace.scenarios() == []


@pytest.mark.slow
def test_a_scenario_is_planned_like_the_base_decisions_and_what_if_placements_fixed(
    qtbot, controller
):
    """Oppakken in a finalised meeting fixes the case in the base plan; a what-if drag
    fixes one on screen: the scenario plan keeps both where the base has them, and
    suggestions still work on that plan."""
    from stuurploeg.gui.controller.placement import PlacementController

    controller.set_decided_by("mensenhandelofficier")
    taken = controller.proposal.result.assignments[0]
    controller.record_decision(controller.proposed_decision(taken.case_id))
    controller.finalise()
    job = controller.plan("rank")
    qtbot.waitUntil(lambda: job.done, timeout=HANG_GUARD_MS)
    base = controller.proposal.assignment(taken.case_id)
    assert base.fixed and (base.team, base.start_week) == (taken.team, taken.start_week)

    placement = PlacementController(controller)
    moved, later = next(
        (a, a.start_week + d) for a in controller.proposal.result.assignments
        for d in range(1, 20)
        if not a.fixed and placement.check(a.case_id, a.team, a.start_week + d).fits)
    placement.place(moved.case_id, moved.team, later)
    scenarios = controller.scenarios
    assert scenarios.base is controller.proposal  # the what-if plan is the base now

    start = controller.proposal.result.start
    scenarios.save(ScenarioDraft("Minder Noord",
                                 (CapacityRow("Team Noord", str(start), "", "-3"),)))
    with qtbot.waitSignal(scenarios.compared, timeout=HANG_GUARD_MS):
        scenarios.compare("Minder Noord")
    plan = scenarios.outcome("Minder Noord").plan
    placed = {a.case_id: a for a in plan.assignments}
    for case_id, team, week in ((taken.case_id, taken.team, taken.start_week),
                                (moved.case_id, moved.team, later)):
        assert (placed[case_id].team, placed[case_id].start_week) == (team, week)
    comparison = scenarios.outcome("Minder Noord").comparison
    assert taken.case_id not in {m.case_id for m in comparison.moved}
    assert moved.case_id not in {m.case_id for m in comparison.moved}

    unplanned = next((u.case_id for u in controller.proposal.result.unplanned
                      if u.case_id in scenarios.candidate_ids()), None)
    if unplanned is not None:
        with qtbot.waitSignal(scenarios.suggestions_ready, timeout=HANG_GUARD_MS):
            scenarios.suggest(unplanned)
        assert scenarios.suggestions.case_id == unplanned


def test_the_scenarios_are_listed_off_the_gui_thread_on_opening(qtbot, tmp_path, monkeypatch):
    """Listing them imports the planning code: on opening that is a worker's job."""
    import threading

    import stuurploeg.app.scenarios as app_scenarios

    path = make_workspace(tmp_path / "s.stuurploeg", make_cases(20, seed=6), make_capacity())
    with open_workspace(path) as ws:
        save_scenario(ws, Scenario("Eerder", (), ()))
    threads: list[threading.Thread] = []
    real = app_scenarios.list_scenarios

    def recording(ws):
        threads.append(threading.current_thread())
        return real(ws)

    monkeypatch.setattr(app_scenarios, "list_scenarios", recording)
    controller = WorkspaceController(Settings())
    try:
        open_in(qtbot, controller, path)
        qtbot.waitUntil(lambda: controller.scenarios.names() == ["Eerder"],
                        timeout=HANG_GUARD_MS)  # fmt: skip
        assert threads and threads[0] is not threading.main_thread()
    finally:
        controller.close()
