"""The CLI's side of the meeting rules: one decision per case per meeting, ``--replace``
for a draft, and Dutch wherever the output names a field or a planner."""

from openpyxl import load_workbook

from stuurploeg.app.workspace import open_workspace
from stuurploeg.cli import main
from tests.cli.conftest import decide as _decide


def test_decide_refuses_a_second_decision_naming_the_first(wsp, capsys):
    assert _decide(wsp, "--case", "MH-2026-001", "--kind", "decline", "--motivation",
                   "geen capaciteit") == 0
    capsys.readouterr()
    assert _decide(wsp, "--case", "MH-2026-001", "--kind", "park", "--until", "volgende",
                   "--motivation", "wacht") == 1
    err = capsys.readouterr().err
    assert "MH-2026-001" in err and "niet oppakken" in err and "mr. De Vries" in err
    assert "concept" in err and "--replace" in err and "Traceback" not in err
    with open_workspace(wsp) as ws:
        (only,) = ws.decisions()
        assert only.label == "niet oppakken"


def test_decide_replace_replaces_the_draft(wsp, capsys):
    assert _decide(wsp, "--case", "MH-2026-001", "--kind", "decline", "--motivation",
                   "geen capaciteit") == 0
    assert _decide(wsp, "--case", "MH-2026-001", "--kind", "park", "--until", "volgende",
                   "--motivation", "wacht op informatie", "--replace") == 0
    out = capsys.readouterr().out
    assert "vervangen" in out
    with open_workspace(wsp) as ws:
        (only,) = ws.decisions()
        assert only.label == "parkeren" and only.until_next_meeting


def test_replace_never_touches_a_final_decision(wsp, capsys):
    assert _decide(wsp, "--case", "MH-2026-001", "--kind", "decline", "--motivation", "x") == 0
    assert main(["finalise", str(wsp), "--meeting", "2026-10-01", "--by", "mr. De Vries"]) == 0
    capsys.readouterr()
    assert _decide(wsp, "--case", "MH-2026-001", "--kind", "park", "--until", "volgende",
                   "--motivation", "wacht", "--replace") == 1
    assert "al vastgesteld" in capsys.readouterr().err


def test_export_names_the_planner_in_dutch(wsp, tmp_path):
    assert _decide(wsp, "--case", "MH-2026-002", "--kind", "decline", "--motivation", "x") == 0
    xlsx = tmp_path / "lijst.xlsx"
    assert main(["export", str(wsp), "--out", str(xlsx)]) == 0
    wb = load_workbook(xlsx)
    block = {r[0].value: r[1].value for r in wb["Ranglijst"].iter_rows(max_row=8) if r[0].value}
    assert block["Planner"] == "Rangorde"


def test_import_reports_changes_in_dutch(tmp_path, capsys):
    from openpyxl import Workbook

    def book(victims, fte, status):
        wb = Workbook()
        ws = wb.active
        ws.title = "Zaken"
        ws.append(["Zaak-ID", "Naam", "Status", "Slachtoffers", "Benodigde fte",
                   "Doorlooptijd (weken)"])
        ws.append(["MH-1", "Onderzoek Een", status, victims, fte, 10])
        path = tmp_path / f"zaken-{victims}.xlsx"
        wb.save(path)
        return path

    wsp = tmp_path / "r.stuurploeg"
    assert main(["import", str(wsp), "--cases", str(book(1, 2.5, "nieuw"))]) == 0
    capsys.readouterr()
    assert main(["import", str(wsp), "--cases", str(book(6, 4, "geparkeerd"))]) == 0
    out = capsys.readouterr().out
    assert "MH-1 slachtoffers: 1 → 6" in out
    assert "MH-1 benodigde fte: 2,5 → 4" in out
    assert "MH-1 status: nieuw → geparkeerd" in out
    assert "victims" not in out and "2.5" not in out
