from datetime import date

import pytest
from openpyxl import load_workbook

from stuurploeg.app.decisions import record_decision, snapshot_for
from stuurploeg.app.export import export_decision_log
from stuurploeg.app.workspace_plans import (
    compute_plan,
    ensure_plan,
    save_plan_result,
    save_scenario,
    save_weight_profile,
    scenario,
    snapshot_from_result,
    weight_profile,
)
from stuurploeg.domain.decisions import Decision
from stuurploeg.domain.model import Criterion, DecisionKind
from stuurploeg.domain.planning import CapacityDelta, Scenario
from stuurploeg.domain.scoring import STANDARD_PROFILE, WeightProfile
from stuurploeg.domain.weeks import IsoWeek

START = IsoWeek(2026, 40)


def test_plan_result_is_stored_as_it_was(ws):
    result = compute_plan(ws, start=START)
    assert result.assignments, "the fixture's cases should fit somewhere"
    pid = save_plan_result(ws, result, "voorstel")
    stored = ws.plan(pid)
    assert [(r.rank, r.case_id) for r in stored.ranking] == [
        (e.rank, e.case_id) for e in result.ranking.entries]
    assert [r.score for r in stored.ranking] == pytest.approx(
        [e.score for e in result.ranking.entries])
    assert {(a.case_id, a.team, a.start_week, a.weeks, a.fte) for a in stored.assignments} == {
        (a.case_id, a.team, a.start_week, a.weeks, a.fte) for a in result.assignments}
    assert dict(stored.unplanned) == {u.case_id: u.reason for u in result.unplanned}
    assert stored.profile.name == "Standaard" and stored.total_priority == result.total_priority
    for e in result.ranking.entries:
        assert snapshot_for(ws, e.case_id) == snapshot_from_result(result, e.case_id)


def test_profiles_versioned_and_used_for_planning(ws):
    assert weight_profile(ws) == STANDARD_PROFILE
    mine = WeightProfile("Regio", {Criterion.SEVERITY: 50, Criterion.URGENCY: 50})
    v1 = save_weight_profile(ws, mine)
    v2 = save_weight_profile(ws, WeightProfile("Regio", {Criterion.SEVERITY: 10,
                                                         Criterion.URGENCY: 90}))
    assert (v1.version, v2.version) == (1, 2)
    assert weight_profile(ws) == v2 and weight_profile(ws, "Regio") == v2
    result = compute_plan(ws, start=START)
    assert result.profile == v2
    top = result.ranking.entries[0]
    assert top.contributions.get(Criterion.IMPACT) in (None, 0.0)


def test_overrides_reach_the_ranking(ws):
    last = compute_plan(ws, start=START).ranking.entries[-1].case_id
    ws.set_override(last, 1, "Minderjarige slachtoffers in beeld", by="officier")
    assert compute_plan(ws, start=START).ranking.entries[0].case_id == last


def test_scenarios_round_trip_and_change_capacity(ws):
    s = Scenario("Extra", (CapacityDelta("Team Noord", START, None, 5.0),
                           CapacityDelta("Team Zuid", START, START + 4, 1.0, "digitaal")))
    save_scenario(ws, s)
    assert scenario(ws, "Extra") == s
    base = compute_plan(ws, start=START)
    more = compute_plan(ws, start=START, scenario_name="Extra")
    assert more.available[0, 0].sum() > base.available[0, 0].sum()


def test_ensure_plan_stores_a_proposal_once(ws):
    plan = ensure_plan(ws, date(2026, 10, 1))
    assert plan is not None and plan.start_week == START
    assert ensure_plan(ws, date(2026, 10, 8)).id == plan.id
    assert len(ws.plans()) == 1


def test_export_sheets_follow_the_stored_plan(ws, tmp_path):
    result = compute_plan(ws, start=START)
    save_plan_result(ws, result, "voorstel")
    placed = result.assignments[0]
    record_decision(ws, Decision(placed.case_id, DecisionKind.TAKE_UP, "officier",
                                 team=placed.team, start_week=placed.start_week,
                                 fte=placed.fte), date(2026, 10, 1))
    out = tmp_path / "b.xlsx"
    export_decision_log(ws, out, date(2026, 10, 1))
    wb = load_workbook(out)

    def table(name):
        sheet = wb[name]
        rows = list(sheet.iter_rows(values_only=True))
        first = next(i for i, r in enumerate(rows) if r[0] in ("Rang", "Zaak", "Team",
                                                               "Profiel", "Nr."))
        return rows[first], [r for r in rows[first + 1:] if any(v is not None for v in r)]

    _, ranking = table("Ranglijst")
    assert [r[1] for r in ranking] == [e.case_id for e in result.ranking.entries]
    _, planning = table("Planning")
    assert len(planning) == len(result.assignments) + len(result.unplanned)
    _, weights = table("Weging")
    assert [r[2] for r in weights] == ["Ernst", "Urgentie", "Informatiepositie", "Bewijskansen",
                                       "Doorrechercheerpotentie", "Maatschappelijke impact"]
    assert abs(sum(r[4] for r in weights) - 1.0) < 1e-9
    headers, decisions = table("Besluiten")
    row = dict(zip(headers, decisions[0], strict=True))
    assert row["Voorstel team"] == placed.team and row["Profiel"] == "Standaard v1"
    headers, cap = table("Capaciteit")
    assert len(cap) == 2 * 26


def test_export_without_stored_plan_computes_and_says_so(ws, tmp_path):
    out = tmp_path / "b.xlsx"
    export_decision_log(ws, out)
    values = [c for r in load_workbook(out)["Ranglijst"].iter_rows(values_only=True) for c in r]
    assert any(isinstance(v, str) and "berekend bij de export" in v for v in values)
    assert "MH-2026-001" in values
    assert ws.plans() == []  # an export never writes to the workspace


def test_capacity_sheet_counts_running_cases_like_the_planner(ws, tmp_path):
    from stuurploeg.domain.model import CaseStatus
    from tests.store.factories import make_case, make_cases, source

    running = make_case(50, status=CaseStatus.RUNNING, team="Team Noord",
                        start_week=IsoWeek(2026, 38), weeks=10, fte=3.0)
    ws.merge(cases=[*make_cases(12), running], cases_source=source(rows=13))
    result = compute_plan(ws, start=START)
    save_plan_result(ws, result, "voorstel")
    out = tmp_path / "b.xlsx"
    export_decision_log(ws, out)
    rows = list(load_workbook(out)["Capaciteit"].iter_rows(values_only=True))
    header = next(r for r in rows if r[0] == "Team")
    col = {h: i for i, h in enumerate(header)}
    by_key = {(r[0], r[1]): r for r in rows if r[0] in ("Team Noord", "Team Zuid")}
    ti = result.teams.index("Team Noord")
    for w in range(26):
        row = by_key[("Team Noord", str(START + w))]
        assert row[col["Lopende zaken (fte)"]] == pytest.approx(float(result.running[ti, 0, w]))
        assert row[col["Beschikbaar (fte)"]] == pytest.approx(float(result.available[ti, 0, w]))
        assert row[col["Ingepland (fte)"]] == pytest.approx(float(result.planned[ti, 0, w]))
    assert by_key[("Team Noord", "2026-W40")][col["Lopende zaken (fte)"]] == 3.0
    assert by_key[("Team Noord", "2026-W48")][col["Lopende zaken (fte)"]] == 0.0
