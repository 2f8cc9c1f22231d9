"""The plan workbook: sheets, real types, styling, formula safety."""

from __future__ import annotations

from datetime import datetime

import openpyxl

from stuurploeg.app.planning import export_plan, make_plan
from stuurploeg.domain.model import CRITERIA, CapacityData, Case, CaseStatus, Specialism, Team
from stuurploeg.domain.scoring import PositionOverride
from stuurploeg.domain.weeks import IsoWeek

START = IsoWeek(2026, 40)


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
    cap = CapacityData((Team("Oost", 2.0, 1.0, specialist_fte={Specialism.DIGITAL: 1.0}),))
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
