import json
import sqlite3
from datetime import date as date_

import pytest
from openpyxl import load_workbook

from stuurploeg.app.workspace import open_workspace
from stuurploeg.cli import main
from tests.cli.conftest import decide as _decide


@pytest.mark.slow
def test_decide_finalise_export_verify(wsp, tmp_path, capsys):
    take_up = ["--case", "MH-2026-001", "--kind", "take-up", "--team", "Team Noord",
               "--start", "2026-W41", "--fte", "2,5"]
    # No plan stored yet: decide makes and keeps the rank-order proposal for the snapshot;
    # this take-up departs from it, so it needs a motivation.
    assert _decide(wsp, *take_up) == 1
    captured = capsys.readouterr()
    assert "voorstel" in captured.out.lower() and "wijkt af" in captured.err
    assert _decide(wsp, *take_up, "--motivation", "Team Noord heeft de expertise") == 0
    assert "vastgelegd als concept" in capsys.readouterr().out
    with open_workspace(wsp) as ws:
        (d,) = ws.decisions()
        plan = ws.plan()
        assert plan.name.startswith("Voorstel 01-10-2026")
        rank = next(r for r in plan.ranking if r.case_id == "MH-2026-001")
        assert (d.snapshot.rank, d.snapshot.score) == (rank.rank, rank.score)
        assert d.snapshot.profile_name == "Standaard"
    assert _decide(wsp, "--case", "MH-2026-002", "--kind", "hand-over", "--to", "kmar",
                   "--motivation", "Grenszaak") == 0
    assert _decide(wsp, "--case", "MH-2026-003", "--kind", "park", "--until", "volgende",
                   "--motivation", "=wacht") == 0
    assert _decide(wsp, "--case", "MH-2026-004", "--kind", "expand", "--weeks", "6") == 0
    capsys.readouterr()
    assert main(["finalise", str(wsp), "--meeting", "2026-10-01", "--by", "mr. De Vries"]) == 0
    out = capsys.readouterr().out
    assert "4 besluit(en), nr. 1 t/m 4" in out, out
    head = out.split("Kophash besluitenlog: ")[1].split()[0]

    xlsx = tmp_path / "besluitenlijst.xlsx"
    assert main(["export", str(wsp), "--out", str(xlsx), "--meeting", "2026-10-01"]) == 0
    assert head in capsys.readouterr().out
    wb = load_workbook(xlsx)
    values = [c.value for s in wb.worksheets for r in s.iter_rows() for c in r]
    assert head in values and "=wacht" in values and "KMar" in values
    assert not any(c.data_type == "f" for s in wb.worksheets for r in s.iter_rows() for c in r)

    assert main(["verify", str(wsp), "--head", head]) == 0
    assert "In orde" in capsys.readouterr().out
    assert main(["verify", str(wsp), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["ok"] and data["entries"] == 4 and data["head_hash"] == head


def test_decision_errors_exit_1_with_dutch_message(wsp, capsys):
    assert _decide(wsp, "--case", "MH-2026-001", "--kind", "decline") == 1
    assert "motivering is verplicht" in capsys.readouterr().err
    assert _decide(wsp, "--case", "MH-9999", "--kind", "close", "--motivation", "x") == 1
    assert "niet in de werkruimte" in capsys.readouterr().err
    assert main(["finalise", str(wsp), "--meeting", "2026-10-01"]) == 1
    assert "geen vergadering" in capsys.readouterr().err


@pytest.mark.parametrize("argv", [
    ["decide", "W", "--case", "X", "--kind", "oppakken-misschien", "--by", "a"],
    ["decide", "W", "--case", "X", "--kind", "take-up", "--start", "week 5", "--by", "a"],
    ["decide", "W", "--case", "X", "--kind", "take-up", "--fte", "-1", "--by", "a"],
    ["decide", "W", "--case", "X", "--kind", "hand-over", "--to", "Interpol", "--by", "a"],
    ["decide", "W", "--case", "X", "--kind", "close"],
    ["finalise", "W"],
    ["export", "W"],
    ["verify"],
])
def test_wrong_command_line_exits_2(argv, capsys):
    with pytest.raises(SystemExit) as info:
        main(argv)
    assert info.value.code == 2
    assert "fout in de opdracht" in capsys.readouterr().err


def test_export_needs_xlsx_and_import_needs_a_file(wsp, tmp_path):
    assert main(["export", str(wsp), "--out", str(tmp_path / "x.csv")]) == 2
    assert main(["import", str(wsp)]) == 2


def test_locked_workspace_is_refused_naming_the_holder(wsp, capsys):
    with open_workspace(wsp):
        assert _decide(wsp, "--case", "MH-2026-001", "--kind", "close", "--motivation", "x") == 1
    err = capsys.readouterr().err
    assert "al geopend door" in err and "proces" in err and "sinds" in err


@pytest.mark.slow
def test_verify_names_the_tampered_entry(wsp, capsys):
    for case in ("MH-2026-001", "MH-2026-002"):
        assert _decide(wsp, "--case", case, "--kind", "decline", "--motivation", "geen zicht") == 0
    assert main(["finalise", str(wsp), "--meeting", "2026-10-01"]) == 0
    conn = sqlite3.connect(wsp, isolation_level=None)
    for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'"
                                ).fetchall():
        conn.execute(f"DROP TRIGGER {name}")
    conn.execute("UPDATE decisions SET motivation = 'wel zicht' WHERE case_id = 'MH-2026-002'")
    conn.close()
    capsys.readouterr()
    assert main(["verify", str(wsp)]) == 1
    err = capsys.readouterr().err
    assert "besluit nr. 2" in err and "MH-2026-002" in err
    assert main(["verify", str(wsp), "--json"]) == 1
    bad = json.loads(capsys.readouterr().out)["first_bad"]
    assert bad["seq"] == 2 and bad["case_id"] == "MH-2026-002"


def test_verify_of_a_missing_or_foreign_file_fails_cleanly(tmp_path, capsys):
    assert main(["verify", str(tmp_path / "nergens.stuurploeg")]) == 1
    other = tmp_path / "x.stuurploeg"
    other.write_text("geen database")
    assert main(["verify", str(other)]) == 1
    assert "geen Stuurploeg-werkruimte" in capsys.readouterr().err


SAMPLES = __import__("pathlib").Path(__file__).parents[2] / "sample_data"


def _newer_case_list(tmp_path):
    """The sample list with one fte changed, one case removed and one added."""
    from openpyxl import load_workbook

    wb = load_workbook(SAMPLES / "zakenlijst.xlsx")
    ws = wb["Zaken"]
    headers = [c.value for c in ws[4]]
    fte_col = headers.index("Benodigde fte") + 1
    ws.cell(row=5, column=fte_col, value=4.0)  # MH-2025-101: 2.5 -> 4.0
    gone = ws.cell(row=6, column=1).value
    new_row = [c.value for c in ws[7]]
    ws.delete_rows(6)
    new_row[0], new_row[1] = "MH-2026-900", "Onderzoek Nieuwkomer"
    ws.append(new_row)
    out = tmp_path / "zakenlijst-v2.xlsx"
    wb.save(out)
    return out, gone


@pytest.mark.slow
def test_import_creates_then_merges_with_a_report(tmp_path, capsys):
    wsp = tmp_path / "regio.stuurploeg"
    assert main(["import", str(wsp), "--cases", str(SAMPLES / "zakenlijst.xlsx"),
                 "--capacity", str(SAMPLES / "capaciteit.xlsx")]) == 0
    out = capsys.readouterr().out
    assert "aangemaakt" in out and "Zaken: 60 nieuw" in out and "Teams: 5 nieuw" in out
    newer, gone = _newer_case_list(tmp_path)
    assert main(["import", str(wsp), "--cases", str(newer), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    (rep,) = data["reports"]
    assert rep["new"] == ["MH-2026-900"] and rep["gone"] == [gone]
    assert {"key": "MH-2025-101", "field": "fte", "old": 2.5, "new": 4.0} in rep["changed"]
    with open_workspace(wsp) as ws:
        imports = ws.imports()
        assert [i.file_name for i in imports] == ["zakenlijst.xlsx", "capaciteit.xlsx",
                                                  "zakenlijst-v2.xlsx"]
        assert len(imports[0].sha256) == 64 and imports[0].mapping["case_id"] == "Zaaknummer"
        assert len(ws.cases()) == 60 and len(ws.capacity().teams) == 5


def test_import_of_an_unusable_file_changes_nothing(tmp_path, wsp, capsys):
    junk = tmp_path / "zaken.xlsx"
    junk.write_bytes(b"dit is geen werkmap")
    assert main(["import", str(wsp), "--cases", str(junk)]) == 1
    assert "niet geïmporteerd" in capsys.readouterr().err
    with open_workspace(wsp) as ws:
        assert len(ws.cases()) == 6 and len(ws.imports()) == 2


def test_bad_rows_only_with_explicit_consent(tmp_path, capsys):
    from openpyxl import load_workbook

    wb = load_workbook(SAMPLES / "zakenlijst.xlsx")
    ws = wb["Zaken"]
    ws.cell(row=9, column=4, value="onbekend")  # not a status: an error row
    bad = tmp_path / "zakenlijst-fout.xlsx"
    wb.save(bad)
    wsp = tmp_path / "r.stuurploeg"
    assert main(["import", str(wsp), "--cases", str(bad)]) == 1
    err = capsys.readouterr().err
    assert "niet geïmporteerd" in err and "rij 9" in err and "Status" in err
    assert not wsp.exists()  # nothing imported: the first import made no workspace either
    assert main(["import", str(wsp), "--cases", str(bad), "--skip-bad-rows"]) == 0
    out = capsys.readouterr().out
    assert "overgeslagen" in out
    with open_workspace(wsp) as w:
        assert len(w.cases()) == 59


def test_export_of_a_tampered_log_warns_and_exits_1_with_the_file_written(wsp, tmp_path, capsys):
    assert _decide(wsp, "--case", "MH-2026-002", "--kind", "hand-over", "--to", "kmar",
                   "--motivation", "Grenszaak") == 0
    assert main(["finalise", str(wsp), "--meeting", "2026-10-01", "--by", "mr. De Vries"]) == 0
    conn = sqlite3.connect(wsp, isolation_level=None)
    for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type='trigger'").fetchall():
        conn.execute(f"DROP TRIGGER {name}")
    conn.execute("UPDATE decisions SET motivation = 'verzonnen'")
    conn.close()
    capsys.readouterr()
    xlsx = tmp_path / "besluitenlijst.xlsx"
    assert main(["export", str(wsp), "--out", str(xlsx)]) == 1
    captured = capsys.readouterr()
    assert "Waarschuwing: Het besluitenlog" in captured.err and "besluit nr. 1" in captured.err
    assert xlsx.exists()


def test_decide_corrects_takes_the_nr_users_see_and_the_same_case(wsp, capsys):
    from stuurploeg.app.decisions import delete_draft, record_decision
    from stuurploeg.domain.decisions import Decision
    from stuurploeg.domain.model import DecisionKind

    with open_workspace(wsp) as ws:  # a deleted draft: ids no longer equal the numbers
        gone = record_decision(ws, Decision("MH-2026-005", DecisionKind.DECLINE, "x",
                                            motivation="x"), date_(2026, 10, 1))
        delete_draft(ws, gone.id)
    for case in ("MH-2026-001", "MH-2026-002"):
        assert _decide(wsp, "--case", case, "--kind", "decline", "--motivation", "geen") == 0
    assert main(["finalise", str(wsp), "--meeting", "2026-10-01", "--by", "mr. De Vries"]) == 0
    capsys.readouterr()
    later = ["decide", str(wsp), "--meeting", "2026-11-05", "--by", "mr. De Vries",
             "--kind", "decline", "--motivation", "Correctie: andere reden"]
    assert main([*later, "--case", "MH-2026-001", "--corrects", "2"]) == 1
    assert "dezelfde zaak" in capsys.readouterr().err
    assert main([*later, "--case", "MH-2026-001", "--corrects", "9"]) == 1
    assert "geen vastgesteld besluit nr. 9" in capsys.readouterr().err
    assert main([*later, "--case", "MH-2026-002", "--corrects", "2"]) == 0
    with open_workspace(wsp) as ws:
        (c,) = [d for d in ws.decisions() if not d.final]
        assert ws.decision(c.corrects_id).seq == 2 and c.case_id == "MH-2026-002"


def test_a_failed_first_import_leaves_no_workspace_behind(tmp_path, capsys):
    junk = tmp_path / "zaken.xlsx"
    junk.write_bytes(b"dit is geen werkmap")
    wsp = tmp_path / "nieuw.stuurploeg"
    assert main(["import", str(wsp), "--cases", str(junk)]) == 1
    assert "niet gewijzigd" in capsys.readouterr().err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["zaken.xlsx"]
