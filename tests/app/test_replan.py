"""Re-planning in a real workspace: import, plan, decide, finalise, import a changed case
list, plan again -> the decision is fixed, the rest stays put, every move is listed."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from openpyxl import load_workbook

from stuurploeg.app.decisions import finalise_meeting, record_decision
from stuurploeg.app.export import export_decision_log
from stuurploeg.app.replan import replan_basis
from stuurploeg.app.scenarios import compare_scenario, plan_scenario
from stuurploeg.app.workspace import create_workspace
from stuurploeg.app.workspace_import import import_files
from stuurploeg.app.workspace_plans import compute_plan, plan_record, save_plan_result
from stuurploeg.domain.decisions import Decision
from stuurploeg.domain.model import DecisionKind
from stuurploeg.domain.planning import Scenario, capacity_change
from stuurploeg.domain.weeks import IsoWeek
from stuurploeg.io.plan_export import MOVED_HEADER

SAMPLES = Path(__file__).resolve().parents[2] / "sample_data"
START = IsoWeek(2026, 48)
DAY = date(2026, 11, 26)
BY = "mr. De Vries"


def changed_list(tmp_path: Path, earliest: dict[str, IsoWeek]) -> Path:
    """The sample case list with a later Vroegste start for some cases."""
    wb = openpyxl.load_workbook(SAMPLES / "zakenlijst.xlsx")
    sheet = wb["Zaken"]
    header = [c.value for c in sheet[4]]
    col_id, col_earliest = header.index("Zaaknummer"), header.index("Vroegste start")
    for row in sheet.iter_rows(min_row=5):
        week = earliest.get(row[col_id].value)
        if week is not None:
            row[col_earliest].value = str(week)
    out = tmp_path / "zakenlijst-nieuw.xlsx"
    wb.save(out)
    return out


@pytest.fixture
def meeting(tmp_path):
    """A workspace whose meeting of 26-11-2026 took up the first planned case a week later
    than proposed, and was finalised."""
    ws = create_workspace(tmp_path / "regio.stuurploeg")
    import_files(ws, cases_path=SAMPLES / "zakenlijst.xlsx",
                 capacity_path=SAMPLES / "capaciteit.xlsx")
    first = compute_plan(ws, start=START)
    assert not first.replan and first.moved == ()
    ws.save_plan(plan_record(first, "Voorstel 26-11-2026"))
    taken = first.assignments[0]
    record_decision(ws, Decision(
        taken.case_id, DecisionKind.TAKE_UP, BY, DAY, team=taken.team,
        start_week=taken.start_week + 1, fte=taken.fte,
        motivation="Een week later: de tolk is pas dan beschikbaar.",
    ), DAY)
    finalise_meeting(ws, DAY, BY)
    yield ws, first, taken
    ws.close()


@pytest.mark.slow
def test_replan_after_a_new_case_list_keeps_the_plan_and_lists_every_move(meeting, tmp_path):
    ws, first, taken = meeting
    before = {a.case_id: (a.team, a.start_week) for a in first.assignments}
    shifted = next(a for a in first.assignments[3:] if a.start_week + 3 <= START + 20)
    import_files(ws, cases_path=changed_list(tmp_path, {shifted.case_id: shifted.start_week + 3}))

    basis = replan_basis(ws, START)
    assert basis.meeting == DAY and basis.plan_name == "Voorstel 26-11-2026"
    assert [f.case_id for f in basis.fixed] == [taken.case_id]

    again = compute_plan(ws, start=START)
    now = {a.case_id: a for a in again.assignments}
    # the decision is a fixed placement, exactly as decided, and not a move
    assert now[taken.case_id].fixed
    assert (now[taken.case_id].team, now[taken.case_id].start_week) == (
        taken.team, taken.start_week + 1)
    moved = {m.case_id: m for m in again.moved}
    assert taken.case_id not in moved
    # the case that may only start later is moved, with the reason
    m = moved[shifted.case_id]
    assert (m.from_team, m.from_week) == before[shifted.case_id]
    assert m.to_week is None or m.to_week >= shifted.start_week + 3
    assert "vroegste start" in m.reason
    # every other case is where it was, unless listed as moved
    for cid, spot in before.items():
        if cid == taken.case_id:
            continue
        here = (now[cid].team, now[cid].start_week) if cid in now else None
        assert (here != spot) == (cid in moved), cid
    # the GUI and JSON read the same
    assert again.move_of(shifted.case_id) is m
    data = again.to_json()
    json.dumps(data)
    entry = next(e for e in data["moved"] if e["case_id"] == shifted.case_id)
    assert entry["from"] == {"team": m.from_team, "start_week": str(m.from_week)}


@pytest.mark.slow
def test_replan_without_a_new_list_moves_only_for_the_decision_or_for_priority(meeting):
    ws, _first, _taken = meeting
    again = compute_plan(ws, start=START)
    assert again.replan
    for m in again.moved:  # the decision's week later takes capacity, or a move buys priority
        assert "te weinig vrij voor de vorige plek" in m.reason or \
            "levert meer prioriteit op (+" in m.reason, m


@pytest.mark.slow
def test_besluitenlijst_says_where_the_last_meeting_had_each_moved_case(meeting, tmp_path):
    ws, first, taken = meeting
    shifted = next(a for a in first.assignments[3:] if a.start_week + 3 <= START + 20)
    import_files(ws, cases_path=changed_list(tmp_path, {shifted.case_id: shifted.start_week + 3}))
    again = compute_plan(ws, start=START)
    save_plan_result(ws, again, "Voorstel 2")
    out = tmp_path / "besluitenlijst.xlsx"
    export_decision_log(ws, out)
    rows = list(load_workbook(out)["Planning"].iter_rows(values_only=True))
    i = next(i for i, r in enumerate(rows) if r and r[0] == "Zaak")
    header = rows[i]
    assert header[-1] == MOVED_HEADER
    by_id = {r[0]: r[-1] for r in rows[i + 1:]}
    assert by_id[shifted.case_id] == f"van {shifted.team} {shifted.start_week}"
    assert by_id[taken.case_id] is None  # the decision put it there: not a move
    assert {cid for cid, v in by_id.items() if v} == {m.case_id for m in again.moved}


@pytest.mark.slow
def test_a_scenario_of_the_replan_keeps_the_meetings_decisions(meeting):
    ws, _first, taken = meeting
    base = compute_plan(ws, start=START)
    more = Scenario("Meer", capacity_change(taken.team, START, None, 2.0))
    plan = plan_scenario(base, ws.cases(), ws.capacity(), more)
    a = next(a for a in plan.assignments if a.case_id == taken.case_id)
    assert a.fixed and (a.team, a.start_week) == (taken.team, taken.start_week + 1)


@pytest.mark.slow
def test_a_scenario_that_changes_nothing_gives_the_replan_itself(meeting):
    ws, _first, _taken = meeting
    base = compute_plan(ws, start=START)
    outcome = plan_scenario(base, ws.cases(), ws.capacity(), Scenario("Niets"))
    assert outcome.assignments == base.assignments
    comparison = compare_scenario(base, outcome, ws.cases())
    assert comparison.moved == () or list(comparison.moved) == []
    assert not comparison.newly_in and not comparison.newly_out
