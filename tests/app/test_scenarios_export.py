"""The besluitenlijst gains the same Planbord as the plan workbook, from the stored plan."""

from __future__ import annotations

from openpyxl import load_workbook

from stuurploeg.app.export import export_decision_log
from stuurploeg.app.workspace_plans import compute_plan, save_plan_result
from stuurploeg.domain.weeks import IsoWeek


def test_besluitenlijst_has_the_planbord_of_the_stored_plan(ws, tmp_path):
    result = compute_plan(ws, start=IsoWeek(2026, 40))
    save_plan_result(ws, result, "voorstel")
    out = tmp_path / "besluitenlijst.xlsx"
    export_decision_log(ws, out)
    board = load_workbook(out)["Planbord"]
    rows = list(board.iter_rows(values_only=True))
    header = next(r for r in rows if r[0] == "Team")
    assert header[7] == "2026-W40" and len(header) == 7 + result.weeks
    planned = {r[1]: r for r in rows if r[3] == "ingepland"}
    assert set(planned) == {a.case_id for a in result.assignments}
    a = result.assignments[0]
    row = planned[a.case_id]
    first = header.index(str(a.start_week))
    assert row[first] == a.fte and row[0] == a.team
