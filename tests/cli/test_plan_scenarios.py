"""`stuurploeg plan --scenario FILE.toml`: one and several files, JSON, the readable
comparison, the workbook's scenario sheets, and bad files (exit 2, Dutch, no traceback).
The import is a stand-in honouring the `check_file` contract, as in test_plan_cmd."""

from __future__ import annotations

import json
import sys
import types
from pathlib import Path

import openpyxl
import pytest

from stuurploeg.cli import main
from stuurploeg.domain.model import CRITERIA, CapacityData, Case, CaseStatus, Specialism, Team
from stuurploeg.domain.weeks import IsoWeek
from tests.cli.test_plan_cmd import FakeReport

START = IsoWeek(2026, 40)
CASES = [
    Case("MH-1", "Lotus", CaseStatus.NEW, fte=2.0, weeks=6, position=0, team="Noord",
         criteria=dict.fromkeys(CRITERIA, 5)),
    Case("MH-2", "Iris", CaseStatus.NEW, fte=2.0, weeks=6, position=1,
         criteria=dict.fromkeys(CRITERIA, 4), specialist_fte={Specialism.DIGITAL: 1.0}),
    Case("MH-3", "Roos", CaseStatus.PARKED, fte=2.0, weeks=6, position=2,
         criteria=dict.fromkeys(CRITERIA, 2), latest_start=IsoWeek(2026, 41)),
    Case("LP-1", "Lopend", CaseStatus.RUNNING, fte=1.0, weeks=8, team="Zuid",
         start_week=IsoWeek(2026, 36), position=3),
]
# Noord: 2 fte, no digital; Zuid: 3 fte (1 used by LP-1), 1 digital. The base plan has
# MH-1 on Noord and MH-2 on Zuid from W40; MH-3 (start by W41) does not fit.
CAPACITY = CapacityData((Team("Noord", 2.0), Team("Zuid", 3.0,
                                                  specialist_fte={Specialism.DIGITAL: 1.0})))
BASE_ARGS = ("--cases", "z.xlsx", "--capacity", "c.xlsx", "--start", str(START),
             "--weeks", "8")

EXTRA = '''\
name = "Extra digitaal Zuid"
profile = "profiel-om.toml"
[[capacity]]
team = "zuid"
from = "2026-W40"
fte = 2.0
specialism = "digitaal"
[[case]]
case = "MH-3"
action = "in"
'''
KRIMP = '''\
name = "Krimp Noord"
[[capacity]]
team = "Noord"
from = "2026-W40"
to = "2026-W47"
fte = -2
[[case]]
case = "MH-1"
action = "out"
'''
PROFILE = '''\
naam = "OM"
[gewichten]
ernst = 40
urgentie = 30
informatiepositie = 5
bewijskansen = 10
doorrechercheren = 5
impact = 10
'''


@pytest.fixture(autouse=True)
def fake_import(monkeypatch):
    reports = {"cases": FakeReport(cases=CASES), "capacity": FakeReport(capacity=CAPACITY)}
    module = types.ModuleType("stuurploeg.app.importing")
    module.check_file = lambda path, kind=None, **kw: reports[kind]
    monkeypatch.setitem(sys.modules, "stuurploeg.app.importing", module)


@pytest.fixture
def files(tmp_path):
    (tmp_path / "profiel-om.toml").write_text(PROFILE, encoding="utf-8")
    out = {}
    for name, text in (("extra.toml", EXTRA), ("krimp.toml", KRIMP)):
        out[name] = tmp_path / name
        out[name].write_text(text, encoding="utf-8")
    return out


def run(capsys, *argv):
    code = main(["plan", *BASE_ARGS, *argv])
    out, err = capsys.readouterr()
    return code, out, err


def scenario_file(tmp_path, text, name="s.toml"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_one_scenario_json(files, capsys):
    code, out, err = run(capsys, "--scenario", str(files["extra.toml"]), "--json")
    assert code == 0, err
    data = json.loads(out)
    base_keys = set(data) - {"scenarios", "warnings"}
    (s,) = data["scenarios"]
    assert base_keys <= set(s)  # each plan in the same shape as the base
    assert {"name", "total_priority", "assignments", "unplanned", "overbooked", "newly_in",
            "newly_out", "delta_priority"} <= set(s)
    assert s["name"] == "Extra digitaal Zuid" and s["profile"] == "OM"
    base_ids = [a["case_id"] for a in data["assignments"]]
    scen_ids = [a["case_id"] for a in s["assignments"]]
    assert s["newly_in"] == [c for c in scen_ids if c not in base_ids]
    assert [o["case_id"] for o in s["newly_out"]] == [c for c in base_ids if c not in scen_ids]
    assert "MH-3" in scen_ids and "MH-3" not in base_ids  # forced in, and it fits now
    assert s["newly_in"] == ["MH-3"] and s["newly_out"] == []
    scores = {r["case_id"]: r["score"] for r in data["ranking"]}
    assert s["delta_priority"] == pytest.approx(
        sum(scores[c] for c in scen_ids) - data["total_priority"], abs=1e-3)
    util = s["utilisation"]
    assert set(util) == {"Noord", "Zuid"} and util["Noord"]["scenario"] == util["Noord"]["base"]
    assert 0 < util["Zuid"]["scenario"] <= 1 and s["overloaded_team_weeks"] == {
        "base": 0, "scenario": 0}


def test_several_scenarios_json_with_the_reason_for_each_one_out(files, capsys):
    code, out, err = run(capsys, "--scenario", str(files["extra.toml"]),
                         "--scenario", str(files["krimp.toml"]), "--json")
    assert code == 0, err
    extra, krimp = json.loads(out)["scenarios"]
    assert (extra["name"], krimp["name"]) == ("Extra digitaal Zuid", "Krimp Noord")
    out_reasons = {o["case_id"]: o["reason"] for o in krimp["newly_out"]}
    assert out_reasons["MH-1"] == "Uitgesloten in het scenario."
    assert "MH-1" not in [a["case_id"] for a in krimp["assignments"]]
    for cid, reason in out_reasons.items():  # the scenario plan's own reason
        assert {"case_id": cid, "reason": reason} in krimp["unplanned"]


def test_readable_dutch_comparison(files, capsys):
    code, out, err = run(capsys, "--scenario", str(files["extra.toml"]),
                         "--scenario", str(files["krimp.toml"]))
    assert code == 0, err
    assert out.index("Niet ingepland:") < out.index("Scenario Extra digitaal Zuid vergeleken")
    assert "Wijzigingen: team Zuid: +2 fte digitaal, vanaf 2026-W40; zaak MH-3: moet erin; " \
           "weging: OM (versie 1)" in out
    assert "Nieuw ingepland (1):\n    MH-3 (Roos): Zuid vanaf 2026-W40 (score 25,0, moest " \
           "erin)" in out
    assert "Totale prioriteit (weging Standaard): " in out
    assert "Scenario Krimp Noord vergeleken met de basis:" in out
    assert "MH-1 (Lotus) (score 100,0): Uitgesloten in het scenario." in out
    assert "Benutting per team (basis → scenario):" in out and "%" in out


def test_workbook_gains_the_scenario_sheets(files, capsys, tmp_path):
    target = tmp_path / "plan.xlsx"
    code, _, err = run(capsys, "--scenario", str(files["extra.toml"]),
                       "--scenario", str(files["krimp.toml"]), "--out", str(target))
    assert code == 0, err
    wb = openpyxl.load_workbook(target)
    assert wb.sheetnames[-2:] == ["Scenario's", "Scenariozaken"] and "Planbord" in wb.sheetnames
    side = wb["Scenario's"]
    assert [c.value for c in side[1]] == ["Kenmerk", "Basis", "Extra digitaal Zuid",
                                          "Krimp Noord"]
    rows = {r[0]: r[1:] for r in side.iter_rows(min_row=2, values_only=True)}
    assert rows["Weging"] == ("Standaard", "OM", "Standaard")
    assert rows["Nieuw ingepland"][1] == 1
    cases = list(wb["Scenariozaken"].iter_rows(min_row=2, values_only=True))
    assert ("Krimp Noord", "MH-1", "Lotus", "niet meer ingepland") in [r[:4] for r in cases]
    assert ("Extra digitaal Zuid", "MH-3", "Roos", "nieuw ingepland (moest erin)") in [
        r[:4] for r in cases]
    weging = {r[0]: r[1] for r in wb["Weging"].iter_rows(values_only=True) if r[0]}
    assert weging["Scenario Krimp Noord"] == "krimp.toml"
    # without scenarios the workbook has no scenario sheets
    plain = tmp_path / "plain.xlsx"
    assert run(capsys, "--out", str(plain))[0] == 0
    assert "Scenario's" not in openpyxl.load_workbook(plain).sheetnames


def test_a_forced_case_that_does_not_fit_is_reported_not_squeezed_in(tmp_path, capsys):
    path = scenario_file(tmp_path, 'name = "Alles erin"\n[[case]]\ncase = "MH-3"\n'
                                   'action = "in"\n[[capacity]]\nteam = "Zuid"\n'
                                   'from = "2026-W40"\nfte = -2\n[[capacity]]\n'
                                   'team = "Noord"\nfrom = "2026-W40"\nfte = -1\n')
    code, out, err = run(capsys, "--scenario", path, "--json")
    assert code == 0, err
    (s,) = json.loads(out)["scenarios"]
    assert "MH-3" not in [a["case_id"] for a in s["assignments"]]
    assert any("MH-3 moet erin, maar past niet" in w for w in s["warnings"])


@pytest.mark.parametrize(("text", "words"), [
    ('name = "x"\n[[capacity]]\nteam = Zuid\n', "s.toml, regel 3, kolom 8: ongeldige waarde"),
    ('name = "x"\n[[capacity]]\nteam = "West"\nfrom = "2026-W40"\nfte = 1\n',
     "s.toml, regel 3, [[capacity]] 1, sleutel team: onbekend team 'West'; bekende teams: "
     "Noord, Zuid."),
    ('name = "x"\n[[case]]\ncase = "MH-9"\naction = "in"\n',
     "s.toml, regel 3, [[case]] 1, sleutel case: onbekende zaak 'MH-9'"),
    ('name = "x"\n[[case]]\ncase = "LP-1"\naction = "out"\n', "zaak LP-1 loopt al"),
    ('name = "x"\n[[case]]\ncase = "MH-1"\naction = "weg"\n',
     "s.toml, regel 4, [[case]] 1, sleutel action: onbekende actie 'weg'"),
    ('name = "x"\n[[capacity]]\nteam = "Zuid"\nfte = 1\n',
     "s.toml, regel 2, [[capacity]] 1, sleutel from: ontbreekt"),
    ('[[case]]\ncase = "MH-1"\naction = "out"\n', "s.toml, sleutel name: de naam"),
    ('name = "x"\n[[capacity]]\nteam = "Zuid"\nfrom = "2026-W40"\nfte = "veel"\n',
     "s.toml, regel 5, [[capacity]] 1, sleutel fte: moet een getal zijn, niet de tekst"),
    ('name = "x"\n[[capacity]]\nteam = "Zuid"\nfrom = "2026-W99"\nfte = 1\n',
     "s.toml, regel 4, [[capacity]] 1, sleutel from: '2026-W99' is geen geldige ISO-week"),
    ('name = "x"\n[[case]]\ncase = "MH-1"\naction = "start"\nstart = 48\n',
     "s.toml, regel 5, [[case]] 1, sleutel start: het getal 48 is geen geldige ISO-week"),
    ('name = "x"\nprofile = "weg.toml"\n',
     "s.toml, regel 2, sleutel profile: wegingsprofiel weg.toml bestaat niet"),
    ('name = "x"\n[[capacity]]\nteam = "Zuid"\nfrom = "2025-W01"\nto = "2025-W10"\nfte = 1\n',
     "helemaal vóór de planperiode"),
])
def test_bad_scenario_files_exit_2_in_dutch(tmp_path, capsys, text, words):
    code, out, err = run(capsys, "--scenario", scenario_file(tmp_path, text), "--json")
    assert code == 2 and out == ""
    assert err.startswith("stuurploeg plan: scenario ")
    assert words in err, err
    assert "Traceback" not in err


def test_missing_file_and_two_scenarios_of_one_name(tmp_path, capsys, files):
    code, _, err = run(capsys, "--scenario", str(tmp_path / "nergens.toml"))
    assert code == 2 and "nergens.toml: het scenariobestand bestaat niet." in err
    same = scenario_file(tmp_path, KRIMP, "krimp2.toml")
    code, _, err = run(capsys, "--scenario", str(files["krimp.toml"]), "--scenario", same)
    assert code == 2 and "heten allebei 'Krimp Noord'" in err


def test_warnings_about_a_scenario_do_not_stop_the_plan(tmp_path, capsys):
    path = scenario_file(tmp_path, 'name = "x"\n[[case]]\ncase = "MH-1"\naction = "start"\n'
                                   'start = "2027-W30"\n')
    code, out, err = run(capsys, "--scenario", path, "--json")
    assert code == 0, err
    data = json.loads(out)
    assert any("na het einde van de planperiode" in w for w in data["warnings"])
    assert "MH-1" not in [a["case_id"] for a in data["scenarios"][0]["assignments"]]
    code, out, err = run(capsys, "--scenario", path)
    assert code == 0 and "waarschuwing: s.toml, regel 5, [[case]] 1, sleutel start" in err


def test_end_to_end_on_sample_data(capsys, tmp_path, monkeypatch):
    monkeypatch.delitem(sys.modules, "stuurploeg.app.importing")
    root = Path(__file__).resolve().parents[2]
    path = scenario_file(tmp_path, 'name = "Haven erbij"\n[[capacity]]\nteam = "Team Haven"\n'
                                   'from = "2026-W45"\nfte = 3\n')
    code = main(["plan", "--cases", str(root / "sample_data/zakenlijst.xlsx"), "--capacity",
                 str(root / "sample_data/capaciteit.xlsx"), "--start", "2026-W40",
                 "--scenario", path, "--json"])
    out, err = capsys.readouterr()
    assert code == 0, err
    (s,) = json.loads(out)["scenarios"]
    assert s["delta_priority"] >= 0 and s["newly_in"]
