"""`stuurploeg plan`: options, exit codes, JSON, workbook. The import is replaced by a
stand-in that honours the `check_file` contract, so these tests do not depend on it;
the end-to-end test on sample_data uses the real import once it is there."""

from __future__ import annotations

import json
import sys
import types
from dataclasses import dataclass, field
from pathlib import Path

import openpyxl
import pytest

from stuurploeg.cli import main
from stuurploeg.domain.model import CRITERIA, CapacityData, Case, CaseStatus, Team
from stuurploeg.domain.weeks import IsoWeek
from stuurploeg.io.report import Issue

ROOT = Path(__file__).resolve().parents[2]


@dataclass
class FakeReport:
    cases: list | None = None
    capacity: CapacityData | None = None
    errors: list = field(default_factory=list)
    warnings: list = field(default_factory=list)

    @property
    def usable(self) -> bool:
        return not self.errors


CASES = [
    Case("MH-1", "Een", CaseStatus.NEW, fte=2.0, weeks=4, position=0,
         criteria=dict.fromkeys(CRITERIA, 5)),
    Case("MH-2", "Twee", CaseStatus.NEW, fte=2.0, weeks=30, position=1,
         criteria=dict.fromkeys(CRITERIA, 3), latest_start=IsoWeek(2026, 41)),
    Case("LP-1", "Lopend", CaseStatus.RUNNING, fte=1.0, weeks=8, team="Oost",
         start_week=IsoWeek(2026, 36), position=2),
]
CAPACITY = CapacityData((Team("Oost", 4.0, 0.75),))


@pytest.fixture
def fake_import(monkeypatch):
    calls = []
    reports = {"cases": FakeReport(cases=CASES), "capacity": FakeReport(capacity=CAPACITY)}

    def check_file(path, kind=None, **kw):
        calls.append((Path(path), kind))
        return reports[kind]

    module = types.ModuleType("stuurploeg.app.importing")
    module.check_file = check_file
    monkeypatch.setitem(sys.modules, "stuurploeg.app.importing", module)
    return calls, reports


def run(capsys, *argv):
    code = main(["plan", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_json_output(fake_import, capsys):
    code, out, err = run(capsys, "--cases", "z.xlsx", "--capacity", "c.xlsx",
                         "--start", "2026-W40", "--weeks", "26", "--json")
    assert code == 0, err
    data = json.loads(out)
    assert data["start_week"] == "2026-W40" and data["weeks"] == 26
    assert data["planner"] == "rank" and data["profile"] == "Standaard"
    assert [r["case_id"] for r in data["ranking"]] == ["MH-1", "MH-2"]
    assert data["assignments"] == [
        {"case_id": "MH-1", "team": "Oost", "start_week": "2026-W40", "weeks": 4, "fte": 2.0}
    ]
    assert data["unplanned"][0]["case_id"] == "MH-2"
    assert "team Oost" in data["unplanned"][0]["reason"]
    assert data["total_priority"] == 100.0 and data["gap"] is None
    assert fake_import[0] == [(Path("z.xlsx"), "cases"), (Path("c.xlsx"), "capacity")]


def test_human_output_and_workbook(fake_import, capsys, tmp_path):
    out_file = tmp_path / "plan.xlsx"
    code, out, err = run(capsys, "--cases", "z.xlsx", "--capacity", "c.xlsx", "--start",
                         "2026-W40", "--planner", "optimal", "--time-limit", "1",
                         "--out", str(out_file))
    assert code == 0, err
    assert "Ingepland: 1 van 2 kandidaten" in out and "Niet ingepland:" in out
    assert out_file.exists()
    assert openpyxl.load_workbook(out_file).sheetnames[0] == "Ranglijst"


def test_profile_option(fake_import, capsys, tmp_path):
    prof = tmp_path / "p.toml"
    prof.write_text('naam = "Oost"\n[weights]\nseverity = 1\nurgency = 1\ninformation = 1\n'
                    'prospects = 1\nexpansion = 1\nimpact = 1\n', encoding="utf-8")
    code, out, _ = run(capsys, "--cases", "z", "--capacity", "c", "--profile", str(prof),
                       "--json")
    assert code == 0 and json.loads(out)["profile"] == "Oost"
    bad = tmp_path / "bad.toml"
    bad.write_text("naam = 1\n", encoding="utf-8")
    code, _, err = run(capsys, "--cases", "z", "--capacity", "c", "--profile", str(bad))
    assert code == 1 and "naam" in err


def test_unusable_input_exit_1_with_the_errors(fake_import, capsys):
    fake_import[1]["cases"] = FakeReport(errors=[
        Issue("Zaken", 7, "FTE", "veel", "fte moet een getal zijn")
    ])
    code, out, err = run(capsys, "--cases", "z.xlsx", "--capacity", "c.xlsx")
    assert code == 1 and out == ""
    assert "niet bruikbaar" in err and "blad Zaken, rij 7, kolom 'FTE'" in err and "veel" in err


@pytest.mark.parametrize(
    "argv",
    [
        ["--capacity", "c"],
        ["--cases", "z", "--capacity", "c", "--start", "week 40"],
        ["--cases", "z", "--capacity", "c", "--weeks", "0"],
        ["--cases", "z", "--capacity", "c", "--planner", "snel"],
        ["--cases", "z", "--capacity", "c", "--time-limit", "-3"],
    ],
)
def test_wrong_command_line_exit_2(fake_import, capsys, argv):
    with pytest.raises(SystemExit) as exc:
        main(["plan", *argv])
    assert exc.value.code == 2
    assert "fout in de opdracht" in capsys.readouterr().err


@pytest.mark.slow
def test_end_to_end_on_sample_data(capsys, tmp_path):
    cases, capacity = ROOT / "sample_data/zakenlijst.xlsx", ROOT / "sample_data/capaciteit.xlsx"
    assert cases.exists() and capacity.exists(), "the sample workbooks are part of the repo"
    out_file = tmp_path / "plan.xlsx"
    code, out, err = run(capsys, "--cases", str(cases), "--capacity", str(capacity),
                         "--start", "2026-W40", "--json", "--out", str(out_file))
    assert code == 0, err
    data = json.loads(out)
    assert data["ranking"] and data["assignments"]
    assert len(data["assignments"]) + len(data["unplanned"]) == len(data["ranking"])
    assert out_file.exists()


def test_yearless_weeks_are_read_near_the_start_week(monkeypatch, capsys):
    seen = []
    reports = {"cases": FakeReport(cases=CASES), "capacity": FakeReport(capacity=CAPACITY)}

    def check_file(path, kind=None, **kw):
        seen.append((kind, kw.get("reference")))
        return reports[kind]

    module = types.ModuleType("stuurploeg.app.importing")
    module.check_file = check_file
    monkeypatch.setitem(sys.modules, "stuurploeg.app.importing", module)
    code, _, err = run(capsys, "--cases", "z.xlsx", "--capacity", "c.xlsx",
                       "--start", "2028-W40", "--json")
    assert code == 0, err
    assert seen == [("cases", IsoWeek(2028, 40)), ("capacity", IsoWeek(2028, 40))]
    seen.clear()
    code, _, err = run(capsys, "--cases", "z.xlsx", "--capacity", "c.xlsx", "--json")
    assert code == 0, err
    assert seen == [("cases", IsoWeek.current()), ("capacity", IsoWeek.current())]


def test_warnings_reach_json_and_human_output(fake_import, capsys):
    stray = Case("LP-9", "Verdwaald", CaseStatus.RUNNING, fte=1.0, weeks=8, team="West",
                 start_week=IsoWeek(2026, 36), position=3)
    fake_import[1]["cases"] = FakeReport(
        cases=[*CASES, stray], warnings=[Issue("Zaken", 4, "Status", None, "status aangenomen",
                                               "warning")])
    code, out, err = run(capsys, "--cases", "z.xlsx", "--capacity", "c.xlsx",
                         "--start", "2026-W40", "--json")
    assert code == 0, err
    warnings = json.loads(out)["warnings"]
    assert any("LP-9" in w and "West" in w for w in warnings)
    assert any("status aangenomen" in w and "rij 4" in w for w in warnings)
    code, out, err = run(capsys, "--cases", "z.xlsx", "--capacity", "c.xlsx",
                         "--start", "2026-W40")
    assert code == 0, err
    assert "waarschuwing: Lopende zaak LP-9" in out
