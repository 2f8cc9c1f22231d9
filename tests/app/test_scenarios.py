"""Scenarios in the workspace (save, list, duplicate, rename, delete, archive) and planned
and compared with the base plan, as the GUI's scenario panel and the CLI use them."""

from __future__ import annotations

import pytest

from stuurploeg.app.scenarios import (
    ScenarioError,
    compare_scenario,
    delete_scenario,
    duplicate_scenario,
    get_scenario,
    list_scenarios,
    plan_scenario_of,
    plan_workspace_scenario,
    rename_scenario,
    run_scenarios,
    save_scenario,
)
from stuurploeg.app.workspace_plans import compute_plan, save_plan_result
from stuurploeg.domain.model import Criterion, Specialism
from stuurploeg.domain.planning import (
    CaseAction,
    CaseChange,
    Scenario,
    capacity_change,
    verify_plan,
)
from stuurploeg.domain.planning.scenario import EXCLUDED_REASON
from stuurploeg.domain.progress import Cancelled, TaskState
from stuurploeg.domain.scoring import STANDARD_PROFILE, WeightProfile
from stuurploeg.domain.weeks import IsoWeek

START = IsoWeek(2026, 40)
OM = WeightProfile("OM", {**STANDARD_PROFILE.weights, Criterion.SEVERITY: 60}, 3)


def extra(name="Extra Noord", fte=4.0, **kw):
    return Scenario(name, capacity_change("Team Noord", START + 2, None, fte, Specialism.DIGITAL),
                    **kw)


def test_round_trip_of_every_part(ws):
    s = extra(cases=(CaseChange("MH-2026-001", CaseAction.IN),
                     CaseChange("MH-2026-002", CaseAction.OUT),
                     CaseChange("MH-2026-003", CaseAction.START, START + 5)),
              profile=OM, description="Wat als de officier zwaarder weegt")
    saved = save_scenario(ws, s)
    assert saved == s
    assert get_scenario(ws, "Extra Noord") == s
    assert list_scenarios(ws) == [s]
    assert get_scenario(ws, "Onbekend") is None


def test_names_are_tidied_and_checked(ws):
    assert save_scenario(ws, extra("  Extra   Noord ")).name == "Extra Noord"
    with pytest.raises(ScenarioError, match="naam"):
        save_scenario(ws, extra("   "))
    with pytest.raises(ScenarioError, match="hoogstens"):
        save_scenario(ws, extra("x" * 101))
    with pytest.raises(ScenarioError, match="Er is al een scenario"):
        save_scenario(ws, extra(fte=1.0), replace_existing=False)
    assert save_scenario(ws, extra(fte=1.0)).deltas[0].fte == 1.0  # replace is the default
    assert len(list_scenarios(ws)) == 1


def test_duplicate_rename_delete(ws):
    save_scenario(ws, extra())
    copy = duplicate_scenario(ws, "Extra Noord")
    assert copy.name == "Extra Noord (kopie)" and copy.deltas == extra().deltas
    assert duplicate_scenario(ws, "Extra Noord").name == "Extra Noord (kopie 2)"
    assert duplicate_scenario(ws, "Extra Noord", "Variant").name == "Variant"
    with pytest.raises(ScenarioError, match="geen scenario"):
        duplicate_scenario(ws, "Bestaat niet")
    renamed = rename_scenario(ws, "Variant", "Variant B")
    assert renamed.deltas == extra().deltas and get_scenario(ws, "Variant") is None
    with pytest.raises(ScenarioError, match="Er is al"):
        rename_scenario(ws, "Variant B", "Extra Noord")
    assert delete_scenario(ws, "Variant B") and not delete_scenario(ws, "Variant B")
    assert sorted(s.name for s in list_scenarios(ws)) == [
        "Extra Noord", "Extra Noord (kopie 2)", "Extra Noord (kopie)"]


def test_a_plan_keeps_the_scenario_it_was_made_with(ws):
    s = extra()
    save_scenario(ws, s)
    base = compute_plan(ws, start=START)
    outcome = plan_workspace_scenario(ws, "Extra Noord", base)
    pid = save_plan_result(ws, outcome.plan, "Voorstel met extra Noord")
    sid = ws.plan(pid).scenario_id
    assert plan_scenario_of(ws, sid) == s
    # editing it afterwards archives the plan's version; the list shows the new one
    save_scenario(ws, extra(fte=1.0))
    assert plan_scenario_of(ws, sid) == s
    assert [x.deltas[0].fte for x in list_scenarios(ws)] == [1.0]
    # saving the old plan again must not put the old content back over the edit
    save_plan_result(ws, outcome.plan, "nog eens")
    assert get_scenario(ws, "Extra Noord").deltas[0].fte == 1.0
    # deleting a scenario a plan refers to hides it, the plan still has it
    pid2 = save_plan_result(ws, plan_workspace_scenario(ws, "Extra Noord", base).plan, "b")
    assert delete_scenario(ws, "Extra Noord") and list_scenarios(ws) == []
    assert plan_scenario_of(ws, ws.plan(pid2).scenario_id).deltas[0].fte == 1.0
    assert plan_scenario_of(ws, sid) == s
    # and the name is free again
    save_scenario(ws, extra(), replace_existing=False)


def test_planned_like_the_base_and_compared(ws):
    base = compute_plan(ws, start=START, weeks=20)
    cases, capacity = ws.cases(), ws.capacity()
    first_in = base.assignments[0].case_id
    first_out = base.unplanned[0].case_id
    s = extra(fte=6.0, cases=(CaseChange(first_in, CaseAction.OUT),))
    outcome = plan_workspace_scenario(ws, s, base)
    plan, comp = outcome.plan, outcome.comparison
    assert (plan.start, plan.weeks, plan.planner) == (base.start, base.weeks, base.planner)
    assert verify_plan(cases, capacity, START, 20, plan.assignments, scenario=s) == []
    assert first_in in [c.case_id for c in comp.newly_out]
    assert next(c for c in comp.newly_out if c.case_id == first_in).excluded
    assert first_out in [c.case_id for c in comp.newly_in]
    noord = next(t for t in comp.teams if t.team == "Team Noord")
    assert noord.scenario_available > noord.base_available
    data = outcome.to_json()
    assert data["name"] == "Extra Noord" and data["newly_out"][0]["case_id"] == first_in
    assert {"assignments", "unplanned", "overbooked", "ranking", "total_priority",
            "newly_in", "delta_priority", "warnings"} <= set(data)
    text = "\n".join(comp.lines())
    assert "Team Noord: +6 fte digitaal, vanaf 2026-W42" in text
    assert EXCLUDED_REASON in text and "Onderzoek Zeester" in text  # names of the cases


def test_another_profile_is_compared_in_the_base_weights(ws):
    base = compute_plan(ws, start=START)
    outcome = plan_workspace_scenario(ws, Scenario("OM", profile=OM), base)
    assert outcome.plan.profile == OM
    comp = outcome.comparison
    scores = {e.case_id: e.score or 0 for e in base.ranking.entries}
    assert comp.scenario_total_base_weights == pytest.approx(
        sum(scores[a.case_id] for a in outcome.plan.assignments))
    assert comp.scenario_total == pytest.approx(outcome.plan.total_priority)
    assert comp.other_profile and "In de eigen weging van het scenario (OM)" in comp.lines()[3]
    # the workspace path honours it too
    save_scenario(ws, Scenario("OM", profile=OM))
    assert compute_plan(ws, start=START, scenario_name="OM").profile == OM


def test_run_scenarios_shares_progress_and_cancels(ws):
    base = compute_plan(ws, start=START)
    seen = []
    state = TaskState(lambda f, m: seen.append((f, m)))
    outcomes = run_scenarios(base, ws.cases(), ws.capacity(), [extra("A"), extra("B", 1.0)],
                             state=state)
    assert [o.scenario.name for o in outcomes] == ["A", "B"]
    fractions = [f for f, _ in seen]
    assert fractions == sorted(fractions) and fractions[-1] == 1.0
    assert any(m.startswith("Scenario B: ") for _, m in seen)
    plain = compare_scenario(base, outcomes[0].plan)  # without cases: no names
    named = outcomes[0].comparison
    assert named.newly_in and all(c.name for c in named.newly_in)
    assert [c.case_id for c in plain.newly_in] == [c.case_id for c in named.newly_in]
    assert all(c.name is None for c in plain.newly_in + plain.newly_out)
    assert plain.delta_priority == named.delta_priority
    cancelled = TaskState()
    cancelled.cancel()
    with pytest.raises(Cancelled):
        run_scenarios(base, ws.cases(), ws.capacity(), [extra()], state=cancelled)
