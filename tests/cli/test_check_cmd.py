import json
import subprocess
import sys
from pathlib import Path

import pytest

from stuurploeg.cli import main
from tests.io.helpers import case_rows, write_xlsx

SAMPLES = Path(__file__).resolve().parents[2] / "sample_data"


def test_usable_file_exit_0_with_dutch_report(capsys):
    assert main(["check", str(SAMPLES / "zakenlijst.xlsx")]) == 0
    out = capsys.readouterr().out
    assert "Soort:     zakenlijst" in out and "Blad:      Zaken (kopregel op rij 4)" in out
    assert "Resultaat: BRUIKBAAR" in out


def test_warnings_still_exit_0(tmp_path, capsys):
    path = write_xlsx(tmp_path / "z.xlsx", {"Zaken": [*case_rows(2), ["", "Totaal", "", 4, 20]]})
    assert main(["check", str(path), "--kind", "cases"]) == 0
    out = capsys.readouterr().out
    # the totals row, and what was assumed for the optional columns the list lacks
    assert "Waarschuwingen (2):" in out and "blad Zaken, rij 4" in out


def test_errors_exit_1_and_json_shape(tmp_path, capsys):
    path = write_xlsx(tmp_path / "z.xlsx", {"Zaken": [*case_rows(2), ["Z-1", "x", "nieuw", 1, 2],
                                                      ["Z-3", "y", "nieuw", "veel", 2]]})
    assert main(["check", str(path), "--json"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert set(data) == {"file", "kind", "sheet", "header_row", "rows", "errors", "warnings",
                         "unused_columns"}
    assert (data["kind"], data["sheet"], data["header_row"], data["rows"]) == ("cases", "Zaken",
                                                                               1, 1)
    assert data["errors"][0] == {
        "sheet": "Zaken", "row": 4, "column": "Zaak ID", "value": "Z-1",
        "message": data["errors"][0]["message"]}
    assert "rij 2 en rij 4" in data["errors"][0]["message"]
    assert data["errors"][1]["column"] == "Benodigde fte" and data["errors"][1]["value"] == "veel"


def test_refused_file_exit_1(tmp_path, capsys):
    path = tmp_path / "z.xlsx"
    path.write_bytes(b"")
    assert main(["check", str(path), "--kind", "capacity"]) == 1
    out = capsys.readouterr().out
    assert "leeg" in out and "NIET BRUIKBAAR" in out


def test_capacity_kind(capsys):
    assert main(["check", str(SAMPLES / "capaciteit.xlsx"), "--kind", "capacity", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["kind"] == "capacity" and data["rows"] == 5


@pytest.mark.parametrize("argv", [["check"], ["check", "x.xlsx", "--kind", "zaken"],
                                  ["check", "x.xlsx", "--onbekend"]])
def test_wrong_command_line_exit_2(argv, capsys):
    with pytest.raises(SystemExit) as exc:
        main(argv)
    assert exc.value.code == 2
    assert "fout in de opdracht" in capsys.readouterr().err


@pytest.mark.slow
def test_real_command_in_a_new_process(tmp_path):
    path = write_xlsx(tmp_path / "z.xlsx", {"Zaken": case_rows(2)})
    done = subprocess.run([sys.executable, "-m", "stuurploeg", "check", str(path), "--json"],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["rows"] == 2
    assert done.stderr == ""
