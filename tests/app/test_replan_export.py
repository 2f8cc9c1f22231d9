"""The workbooks: a re-plan's moves on the Planning and Niet ingepland sheets; the
besluitenlijst has the Planbord and, with scenarios in the workspace, the scenario
comparison as the plan workbook has them."""

from __future__ import annotations

from openpyxl import load_workbook

from stuurploeg.app.export import export_decision_log
from stuurploeg.app.planning import export_plan, make_plan
from stuurploeg.app.scenarios import save_scenario
from stuurploeg.app.workspace_plans import compute_plan, save_plan_result
from stuurploeg.domain.model import CRITERIA, CapacityData, Case, CaseStatus, Team
from stuurploeg.domain.planning import capacity_change
from stuurploeg.domain.planning.previous import PreviousPlacement
from stuurploeg.domain.planning.types import Scenario
from stuurploeg.domain.weeks import IsoWeek
from stuurploeg.io.plan_export import MOVED_HEADER

START = IsoWeek(2026, 40)


def _table(sheet, first_header):
    rows = list(sheet.iter_rows(values_only=True))
    i = next(i for i, r in enumerate(rows) if r and r[0] == first_header)
    header = rows[i]
    return header, [dict(zip(header, r, strict=False)) for r in rows[i + 1:]]


def _case(cid, score, pos, **kw):
    return Case(cid, f"Onderzoek {cid}", CaseStatus.NEW, criteria=dict.fromkeys(CRITERIA, score),
                fte=2.0, weeks=2, position=pos, **kw)


def test_plan_workbook_lists_every_move_with_where_it_was(tmp_path):
    cases = [_case("A", 5, 0, earliest_start=START + 1), _case("B", 3, 1), _case("C", 1, 2)]
    capacity = CapacityData((Team("Oost", 2.0),))
    previous = [PreviousPlacement("A", "Oost", START), PreviousPlacement("B", "Oost", START + 2),
                PreviousPlacement("C", "Oost", START + 3)]
    result = make_plan(cases, capacity, start=START, weeks=3, previous=previous)
    assert {m.case_id for m in result.moved} == {"A", "B", "C"}
    out = tmp_path / "plan.xlsx"
    export_plan(result, cases, out)
    wb = load_workbook(out)
    header, rows = _table(wb["Planning"], "Zaak")
    assert MOVED_HEADER in header
    text = {r["Zaak"]: r[MOVED_HEADER] for r in rows}
    assert text["A"].startswith("van Oost 2026-W40: ") and "vroegste start" in text["A"]
    _, out_rows = _table(wb["Niet ingepland"], "Rang")
    dropped = {r["Zaak"]: r[MOVED_HEADER] for r in out_rows}
    assert all(v and v.startswith("van Oost ") for v in dropped.values()) and dropped


def test_a_plain_plan_has_no_moves_column(tmp_path):
    result = make_plan([_case("A", 5, 0)], CapacityData((Team("Oost", 2.0),)), start=START,
                       weeks=3)
    out = tmp_path / "plan.xlsx"
    export_plan(result, [_case("A", 5, 0)], out)
    header, _ = _table(load_workbook(out)["Planning"], "Zaak")
    assert MOVED_HEADER not in header and "moved" not in result.to_json()


def test_besluitenlijst_has_planbord_and_the_scenario_comparison(ws, tmp_path):
    result = compute_plan(ws, start=START)
    save_plan_result(ws, result, "voorstel")
    extra = Scenario("Extra Zuid", capacity_change("Team Zuid", START, None, 3.0))
    save_scenario(ws, extra)
    out = tmp_path / "besluitenlijst.xlsx"
    export_decision_log(ws, out)
    wb = load_workbook(out)
    assert {"Planbord", "Scenario's", "Scenariozaken"} <= set(wb.sheetnames)
    header, rows = _table(wb["Scenario's"], "Kenmerk")
    assert header[1:] == ("Basis", "Extra Zuid")
    by_label = {r["Kenmerk"]: r for r in rows}
    assert by_label["Ingepland (zaken)"]["Basis"] == len(result.assignments)
    assert "Team Zuid" in by_label["Wijzigingen"]["Extra Zuid"]
    note = [r for r in wb["Scenario's"].iter_rows(values_only=True) if r[0] == "Let op"]
    assert note and "rangorde" in note[0][1]
