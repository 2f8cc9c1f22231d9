"""The plan workbook: sheets, real types, styling, formula safety."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

import openpyxl
import pytest

from stuurploeg.app.planning import export_plan, make_plan
from stuurploeg.domain.model import CRITERIA, CapacityData, Case, CaseStatus, Specialism, Team
from stuurploeg.domain.scoring import PositionOverride
from stuurploeg.domain.weeks import IsoWeek

START = IsoWeek(2026, 40)


def _plan_capacity():
    return CapacityData((Team("Oost", 2.0, 1.0, specialist_fte={Specialism.DIGITAL: 1.0}),))


def _plan():
    cases = [
        Case("=HYPERLINK(\"x\")", "@gevaar", CaseStatus.NEW, fte=2.0, weeks=3, position=0,
             criteria=dict.fromkeys(CRITERIA, 5), specialist_fte={Specialism.DIGITAL: 0.5}),
        Case("MH-2", "Tweede", CaseStatus.NEW, fte=2.0, weeks=2, position=1,
             criteria=dict.fromkeys(CRITERIA, 3)),
        Case("MH-3", "Derde", CaseStatus.PARKED, fte=1.0, weeks=2, position=2, criteria={}),
        Case("LP-1", "Lopend", CaseStatus.RUNNING, fte=3.0, weeks=2, team="Oost",
             start_week=START),
    ]
    cap = _plan_capacity()
    result = make_plan(cases, cap, start=START, weeks=6,
                       overrides=[PositionOverride("MH-3", 1, "=motivering")])
    return cases, result


def test_workbook_sheets_types_and_safety(tmp_path):
    cases, result = _plan()
    out = tmp_path / "plan.xlsx"
    report = export_plan(result, cases, out, sources={"Zakenlijst": "z.xlsx"})
    assert report.path == out
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == ["Ranglijst", "Planning", "Planbord", "Capaciteit", "Niet ingepland",
                             "Weging"]
    rl = wb["Ranglijst"]
    assert rl.freeze_panes == "A2" and rl.auto_filter.ref.startswith("A1:")
    header = [c.value for c in rl[1]]
    assert header[:4] == ["Rang", "Zaak", "Naam", "Score"]
    rows = list(rl.iter_rows(min_row=2, values_only=True))
    assert rows[0][1] == "MH-3" and "=motivering" in rows[0][-1]
    # formula-looking text stays text
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                assert cell.data_type != "f"
    cell = next(c for c in rl["B"] if c.value == '=HYPERLINK("x")')
    assert cell.data_type == "s" and cell.quotePrefix
    assert isinstance(rows[1][0], int) and isinstance(rows[1][3], int | float)

    pl = wb["Planning"]
    prows = list(pl.iter_rows(min_row=2, values_only=True))
    assert [r[0] for r in prows] == ["MH-3", '=HYPERLINK("x")']  # ranking order
    assert prows[0][3] == "2026-W42"  # W40-41 are overbooked by the running case
    prow = prows[1]
    assert prow[2] == "Oost" and prow[3] == "2026-W44" and isinstance(prow[4], datetime)
    assert prow[5] == "2026-W46"
    assert prow[7] == 2.0 and prow[8] == 0.5

    cap_rows = list(wb["Capaciteit"].iter_rows(min_row=2, values_only=True))
    first = cap_rows[0]
    assert first[:3] == ("Oost", "2026-W40", "totaal")
    assert first[3] == 2.0 and first[4] == 3.0 and first[8] == "ja"  # overbooked

    un = list(wb["Niet ingepland"].iter_rows(min_row=2, values_only=True))
    assert [r[1] for r in un] == ["MH-2"]
    assert "team Oost" in un[0][4] and "fte totaal tekort" in un[0][4]

    weging = wb["Weging"]
    labels = [c.value for c in weging["A"]]
    assert "Profiel" in labels and "Zakenlijst" in labels and "ernst" in labels


def test_existing_file_untouched_when_folder_is_missing(tmp_path):
    from stuurploeg.io.excel_out import ExportError

    cases, result = _plan()
    try:
        export_plan(result, cases, tmp_path / "nee" / "plan.xlsx")
    except ExportError as exc:
        assert "bestaat niet" in str(exc)
    else:
        raise AssertionError("expected ExportError")


# -- Planbord and scenario sheets -----------------------------------------------------


def _board(wb):
    ws = wb["Planbord"]
    header_row = next(r for r in ws.iter_rows() if r[0].value == "Team")[0].row
    header = [c.value for c in ws[header_row]]
    rows = list(ws.iter_rows(min_row=header_row + 1))
    return ws, header_row, header, rows


def test_planbord_weeks_as_columns_with_the_fte_in_filled_cells(tmp_path):
    from stuurploeg.io.planning_sheets import FILLS, OVERLOAD_FILL

    cases, result = _plan()
    out = tmp_path / "plan.xlsx"
    export_plan(result, cases, out)
    ws, header_row, header, rows = _board(openpyxl.load_workbook(out))
    assert header[:7] == ["Team", "Zaak", "Naam", "Soort", "Startweek", "Weken", "fte"]
    assert header[7:] == [f"2026-W{w}" for w in range(40, 46)]
    assert ws.freeze_panes == f"D{header_row + 1}"
    values = [[c.value for c in r] for r in rows]
    # running case first, then the plan in start order, then the team's total and capacity
    assert [v[1] for v in values] == ["LP-1", "MH-3", '=HYPERLINK("x")', None, None]
    assert [v[3] for v in values[:3]] == ["lopend", "ingepland", "ingepland"]
    assert values[0][7:] == [3, 3, None, None, None, None]
    assert values[1][7:] == [None, None, 1, 1, None, None]
    assert values[2][7:] == [None, None, None, None, 2, 2]
    assert values[3][2] == "Totaal ingezet" and values[3][7:] == [3, 3, 1, 1, 2, 2]
    assert values[4][2] == "Beschikbaar" and values[4][7:] == [2, 2, 2, 2, 2, 2]
    fill = [[c.fill.fgColor.rgb[-6:] if c.fill.fill_type else None for c in r[7:]] for r in rows]
    assert fill[0][:3] == [FILLS["lopend"], FILLS["lopend"], None]
    assert fill[1][2:4] == [FILLS["ingepland"]] * 2
    assert fill[3][:2] == [OVERLOAD_FILL] * 2 and fill[3][2] != OVERLOAD_FILL  # W40-41 over
    assert rows[1][9].number_format == "0.0#"
    assert rows[2][1].data_type == "s" and rows[2][1].quotePrefix  # formula-safe still


def test_planbord_fixed_placements_and_team_spelling():
    from stuurploeg.domain.planning import Assignment
    from stuurploeg.io.planning_sheets import FILLS, planning_board_sheet

    bars = [Assignment("MH-1", "oost", START + 1, 2, 1.5, fixed=True),
            Assignment("MH-2", "West", START, 1, 1.0)]
    sheet = planning_board_sheet(bars, [], START, 3, teams=["Oost", "West"])
    rows = list(sheet.rows)
    assert [(r[0], r[1], r[3]) for r in rows] == [
        ("Oost", "MH-1", "vastgezet"), ("Oost", None, None), ("West", "MH-2", "ingepland"),
        ("West", None, None)]
    assert rows[0][7:] == [None, 1.5, 1.5]
    assert sheet.fills[(0, 8)] == FILLS["vastgezet"]
    assert "rood" not in dict(sheet.title_block)["Kleuren"]  # no capacity given


def test_stored_plan_board_for_the_besluitenlijst():
    from stuurploeg.io.planning_sheets import stored_plan_board
    from stuurploeg.store.planning_repo import AssignmentRow, PlanRecord

    running = Case("LP-1", "Lopend", CaseStatus.RUNNING, fte=1.0, weeks=12, team="Oost",
                   start_week=IsoWeek(2026, 30))  # until W41
    record = PlanRecord("p", "rank", START, 4,
                        assignments=[AssignmentRow("MH-1", "Oost", START, 2, 2.0)])
    sheet = stored_plan_board(record, [running])
    rows = list(sheet.rows)
    assert [r[1] for r in rows] == ["LP-1", "MH-1", None]
    assert rows[2][7:] == [3.0, 3.0, None, None]
    now = replace(running, start_week=IsoWeek.current())  # no plan: the coming weeks
    empty = stored_plan_board(None, [now])
    assert [r[1] for r in empty.rows] == ["LP-1", None]
    assert "geen planning" in dict(empty.title_block)["Let op"]


def test_scenario_sheets(tmp_path):
    from stuurploeg.app.scenarios import compare_scenario, export_with_scenarios, plan_scenario
    from stuurploeg.domain.planning import CaseAction, CaseChange, Scenario, capacity_change

    cases, base = _plan()
    s = Scenario("Meer Oost", capacity_change("Oost", START, None, 2.0),
                 (CaseChange("MH-3", CaseAction.OUT),))
    scen = plan_scenario(base, cases, _plan_capacity(), s)
    outcome = type("O", (), {"comparison": compare_scenario(base, scen, cases)})
    out = tmp_path / "plan.xlsx"
    export_with_scenarios(base, cases, out, [outcome])
    wb = openpyxl.load_workbook(out)
    side = {r[0]: r[1:] for r in wb["Scenario's"].iter_rows(min_row=2, values_only=True)}
    assert side["Wijzigingen"] == (None, "team Oost: +2 fte, vanaf 2026-W40\nzaak MH-3: "
                                         "uitgesloten")
    assert side["Ingepland (zaken)"] == (2, 2)
    assert side["Totale prioriteit (weging basis)"][1] == pytest.approx(
        round(base.total_priority + outcome.comparison.delta_priority, 2))
    assert side["Overboekte team-weken"] == (2, 0)
    assert side["Benutting Oost (%)"][0] > 0
    changes = list(wb["Scenariozaken"].iter_rows(min_row=2, values_only=True))
    kinds = {r[1]: r[3] for r in changes}
    assert kinds["MH-3"] == "niet meer ingepland" and kinds["MH-2"] == "nieuw ingepland"
    out_row = next(r for r in changes if r[1] == "MH-3")
    assert out_row[5:7] == ("Oost", "2026-W42") and out_row[9] == "Uitgesloten in het scenario."
