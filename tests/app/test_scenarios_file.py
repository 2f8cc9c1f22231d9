"""Scenario files: the format of docs/scenarios.md, and a Dutch problem for every mistake
naming its line, entry and key; checks against the data (teams, cases, weeks)."""

from __future__ import annotations

import pytest

from stuurploeg.app.scenario_check import check_scenario, with_team_names
from stuurploeg.app.scenario_file import ScenarioFileError, load_scenario_file, parse_scenario
from stuurploeg.domain.model import CRITERIA, CapacityData, Case, CaseStatus, Criterion, Team
from stuurploeg.domain.planning import CaseAction, CaseChange, Scenario
from stuurploeg.domain.planning.types import CapacityDelta
from stuurploeg.domain.weeks import IsoWeek

EXAMPLE = '''\
name = "Extra digitaal Zuid"
profile = "profiel-om.toml"        # optional, a weight profile file
[[capacity]]
team = "MH Zuid"
from = "2026-W45"
to = "2027-W10"                    # optional: to the end of the horizon
fte = 2.0                          # added (negative: removed)
specialism = "digitaal"            # optional
[[case]]
case = "MH-2026-0012"
action = "in"                      # in, out, or start
[[case]]
case = "MH-2026-0013"
action = "start"
start = "2026-W48"                 # with action = "start": no earlier than this week
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

CASES = [
    Case("MH-2026-0012", "Lotus", CaseStatus.NEW, fte=2.0, weeks=4,
         criteria=dict.fromkeys(CRITERIA, 3)),
    Case("MH-2026-0013", "Iris", CaseStatus.PARKED, fte=1.0, weeks=4,
         criteria=dict.fromkeys(CRITERIA, 3)),
    Case("MH-2026-0001", "Loopt", CaseStatus.RUNNING, fte=1.0, weeks=4, team="MH Zuid",
         start_week=IsoWeek(2026, 40)),
]
CAPACITY = CapacityData((Team("MH Noord", 5.0), Team("MH Zuid", 5.0)))
START = IsoWeek(2026, 44)


@pytest.fixture
def folder(tmp_path):
    (tmp_path / "profiel-om.toml").write_text(PROFILE, encoding="utf-8")
    return tmp_path


def write(folder, text, name="scenario.toml"):
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def problems(folder, text):
    with pytest.raises(ScenarioFileError) as info:
        load_scenario_file(write(folder, text))
    return info.value.problems


def only(folder, text):
    (p,) = problems(folder, text)
    return p


def test_the_issue_example(folder):
    f = load_scenario_file(write(folder, EXAMPLE))
    s = f.scenario
    assert s.name == "Extra digitaal Zuid"
    assert s.profile.name == "OM" and s.profile.weight(Criterion.SEVERITY) == 40
    assert s.deltas == (
        CapacityDelta("MH Zuid", IsoWeek(2026, 45), IsoWeek(2027, 10), 2.0, "totaal"),
        CapacityDelta("MH Zuid", IsoWeek(2026, 45), IsoWeek(2027, 10), 2.0, "digitaal"),
    )
    assert s.cases == (CaseChange("MH-2026-0012", CaseAction.IN),
                       CaseChange("MH-2026-0013", CaseAction.START, IsoWeek(2026, 48)))
    assert f.delta_entries == (1, 1) and f.case_entries == (1, 2)
    assert check_scenario(s, CASES, CAPACITY, start=START, weeks=26, file=f) == []


def test_optional_parts_and_toml_dates(folder):
    f = load_scenario_file(write(folder, '''
name = "  Krimp   Noord "
description = "Twee collega's met verlof"
[[capacity]]
team = "mh noord"
from = 2026-11-02
fte = -2
'''))
    s = f.scenario
    assert s.name == "Krimp Noord" and s.description == "Twee collega's met verlof"
    assert s.profile is None and s.cases == ()
    assert s.deltas == (CapacityDelta("mh noord", IsoWeek(2026, 45), None, -2.0),)
    assert with_team_names(s, CAPACITY).deltas[0].team == "MH Noord"
    assert check_scenario(s, CASES, CAPACITY, start=START, weeks=26, file=f) == []


def test_syntax_error_names_line_and_column(folder):
    p = only(folder, 'name = "x"\n[[capacity]]\nteam = MH Zuid\n')
    assert (p.line, p.column) == (3, 8)
    assert p.describe().startswith("scenario.toml, regel 3, kolom 8: ongeldige waarde")
    p = only(folder, 'name = "x\n')
    assert p.line == 1 and "aanhalingsteken" in p.message


@pytest.mark.parametrize(("text", "line", "entry", "key", "words"), [
    ('[[capacity]]\nteam = "MH Zuid"\nfrom = "2026-W45"\nfte = 1.0\n',
     None, None, "name", "naam van het scenario ontbreekt"),
    ('name = 3\n', 1, None, "name", "niet-lege tekst"),
    ('name = "x"\nnaam = "y"\n', 2, None, "naam", "bedoelt u 'name'"),
    ('name = "x"\n[[capacity]]\nteam = "MH Zuid"\nfrom = "2026-W45"\n',
     2, "[[capacity]] 1", "fte", "ontbreekt"),
    ('name = "x"\n[[capacity]]\nteam = "MH Zuid"\nfrom = "2026-W45"\nfte = "2,5"\n',
     5, "[[capacity]] 1", "fte", "fte = 2.5"),
    ('name = "x"\n[[capacity]]\nteam = "MH Zuid"\nfrom = "2026-W45"\nfte = true\n',
     5, "[[capacity]] 1", "fte", "waarheidswaarde"),
    ('name = "x"\n[[capacity]]\nteam = "MH Zuid"\nfrom = "2026-W45"\nfte = 0\n',
     5, "[[capacity]] 1", "fte", "verandert niets"),
    ('name = "x"\n[[capacity]]\nteam = 7\nfrom = "2026-W45"\nfte = 1\n',
     3, "[[capacity]] 1", "team", "het getal 7"),
    ('name = "x"\n[[capacity]]\nteam = "MH Zuid"\nfrom = "2026-W54"\nfte = 1\n',
     4, "[[capacity]] 1", "from", "geen geldige ISO-week"),
    ('name = "x"\n[[capacity]]\nteam = "MH Zuid"\nfrom = "week 45"\nfte = 1\n',
     4, "[[capacity]] 1", "from", "geen geldige ISO-week"),
    ('name = "x"\n[[capacity]]\nteam = "MH Zuid"\nfrom = "2026-W45"\nto = "2026-W40"\n'
     'fte = 1\n', 5, "[[capacity]] 1", "to", "ligt vóór de eerste week"),
    ('name = "x"\n[[capacity]]\nteam = "MH Zuid"\nfrom = "2026-W45"\nfte = 1\n'
     'specialism = "forensisch"\n', 6, "[[capacity]] 1", "specialism", "kies uit digitaal"),
    ('name = "x"\n[[capacity]]\nteam = "MH Zuid"\nvan = "2026-W45"\nfrom = "2026-W45"\n'
     'fte = 1\n', 4, "[[capacity]] 1", "van", "bedoelt u 'from'"),
    ('name = "x"\n[capacity]\nteam = "MH Zuid"\n', 2, None, "capacity", "dubbele haken"),
    ('name = "x"\n[[case]]\ncase = "MH-2026-0012"\naction = "weg"\n',
     4, "[[case]] 1", "action", 'bedoelt u "out"'),
    ('name = "x"\n[[case]]\ncase = "MH-2026-0012"\naction = "later maar"\n',
     4, "[[case]] 1", "action", 'kies "in"'),
    ('name = "x"\n[[case]]\ncase = "MH-2026-0012"\n', 2, "[[case]] 1", "action", "ontbreekt"),
    ('name = "x"\n[[case]]\ncase = "MH-2026-0012"\naction = "start"\n',
     2, "[[case]] 1", "start", 'action = "start" hoort de week'),
    ('name = "x"\n[[case]]\ncase = "MH-2026-0012"\naction = "in"\nstart = "2026-W48"\n',
     5, "[[case]] 1", "start", "tweede [[case]]"),
    ('name = "x"\n[[case]]\ncase = "A"\naction = "in"\n[[case]]\ncase = "A"\naction = "out"\n',
     7, "[[case]] 2", "action", "spreekt [[case]] 1 tegen"),
    ('name = "x"\n[[case]]\ncase = "A"\naction = "in"\n[[case]]\ncase = "A"\naction = "in"\n',
     6, "[[case]] 2", "case", "staat al in [[case]] 1"),
    ('name = "x"\nprofile = "geen.toml"\n', 2, None, "profile", "bestaat niet"),
    ('name = "x"\nprofile = "scenario.toml"\n', 2, None, "profile", "niet bruikbaar"),
])
def test_every_mistake_names_line_entry_and_key(folder, text, line, entry, key, words):
    p = only(folder, text)
    assert (p.line, p.entry, p.key) == (line, entry, key), p.describe()
    assert words in p.message, p.describe()
    assert p.describe().startswith("scenario.toml")


def test_every_problem_is_reported_in_line_order(folder):
    ps = problems(folder, '[[case]]\ncase = "A"\naction = "x"\n[[capacity]]\nteam = ""\n'
                          'from = "2026-W45"\nfte = 1\n')
    assert [(p.line, p.key) for p in ps] == [(None, "name"), (3, "action"), (5, "team")]


def test_in_and_start_on_one_case_go_together(folder):
    f = load_scenario_file(write(folder, 'name = "x"\n[[case]]\ncase = "A"\naction = "in"\n'
                                         '[[case]]\ncase = "A"\naction = "start"\n'
                                         'start = "2026-W50"\n'))
    assert [c.action for c in f.scenario.cases] == [CaseAction.IN, CaseAction.START]


def test_hostile_files(folder):
    (folder / "bin.toml").write_bytes(b"\xff\xfe\x00name")
    (folder / "big.toml").write_text("#" * (2 * 1024 * 1024), encoding="utf-8")
    for target, words in ((folder / "nope.toml", "bestaat niet"), (folder, "een map"),
                          (folder / "bin.toml", "UTF-8"), (folder / "big.toml", "te groot")):
        with pytest.raises(ScenarioFileError, match=words):
            load_scenario_file(target)
    deep = "name = " + "[" * 5000 + "]" * 5000 + "\n"
    with pytest.raises(ScenarioFileError, match="te diep genest"):
        parse_scenario(deep)
    write(folder, deep, "diep.toml")
    p = only(folder, 'name = "x"\nprofile = "diep.toml"\n')
    assert (p.key, p.line) == ("profile", 2) and "te diep genest" in p.message


def test_multiline_strings_do_not_confuse_the_lines(folder):
    p = only(folder, 'name = "x"\ndescription = """\nfte = 3\n[[capacity]]\n"""\n'
                     '[[capacity]]\nteam = "MH Zuid"\nfrom = "2026-W45"\nfte = "x"\n')
    assert (p.line, p.entry, p.key) == (9, "[[capacity]] 1", "fte")


# -- against the data ---------------------------------------------------------------


def check(folder, text, start=START, weeks=26):
    f = load_scenario_file(write(folder, text))
    return check_scenario(f.scenario, CASES, CAPACITY, start=start, weeks=weeks, file=f)


def test_unknown_team_names_the_known_ones_and_a_close_match(folder):
    (p,) = check(folder, 'name = "x"\n[[capacity]]\nteam = "MH Zud"\nfrom = "2026-W45"\n'
                         'fte = 1\nspecialism = "digitaal"\n')
    assert (p.line, p.entry, p.key, p.severity) == (3, "[[capacity]] 1", "team", "error")
    assert "onbekend team 'MH Zud' (bedoelt u 'MH Zuid'?)" in p.message
    assert "bekende teams: MH Noord, MH Zuid" in p.message


def test_unknown_and_non_candidate_cases(folder):
    ps = check(folder, 'name = "x"\n[[case]]\ncase = "MH-2026-012"\naction = "in"\n'
                       '[[case]]\ncase = "MH-2026-0001"\naction = "out"\n')
    assert [(p.line, p.entry, p.key) for p in ps] == [(3, "[[case]] 1", "case"),
                                                       (6, "[[case]] 2", "case")]
    assert "onbekende zaak 'MH-2026-012' (bedoelt u 'MH-2026-0012'?)" in ps[0].message
    assert "loopt al" in ps[1].message


def test_weeks_outside_the_plan_period(folder):
    ps = check(folder, 'name = "x"\n[[capacity]]\nteam = "MH Zuid"\nfrom = "2026-W01"\n'
                       'to = "2026-W10"\nfte = 1\n[[capacity]]\nteam = "MH Zuid"\n'
                       'from = "2028-W01"\nfte = 1\n[[case]]\ncase = "MH-2026-0013"\n'
                       'action = "start"\nstart = "2028-W02"\n')
    assert [(p.severity, p.line, p.key) for p in ps] == [
        ("error", 5, "to"), ("warning", 9, "from"), ("warning", 14, "start")]
    assert "helemaal vóór de planperiode" in ps[0].message


def test_a_scenario_made_in_the_gui_names_its_changes_by_number():
    s = Scenario("GUI", (CapacityDelta("Elders", START, None, 1.0),),
                 (CaseChange("MH-2026-0012", CaseAction.IN),
                  CaseChange("MH-2026-0012", CaseAction.OUT)))
    ps = check_scenario(s, CASES, CAPACITY, start=START, weeks=26)
    assert [(p.source, p.entry) for p in ps] == [("scenario GUI", "capaciteitswijziging 1"),
                                                 ("scenario GUI", "zaakwijziging 2")]
    assert ps[1].describe() == ('scenario GUI, zaakwijziging 2, sleutel action: zaak '
                                'MH-2026-0012: "out" gaat niet samen met wijziging 1 ("in").')
    (empty,) = check_scenario(Scenario("Leeg"), CASES, CAPACITY, start=START, weeks=26)
    assert empty.severity == "warning" and "verandert niets" in empty.message


def test_the_examples_in_the_docs_parse(tmp_path):
    import re
    from pathlib import Path

    doc = (Path(__file__).resolve().parents[2] / "docs" / "scenarios.md").read_text("utf-8")
    blocks = re.findall(r"```toml\n(.*?)```", doc, flags=re.S)
    assert len(blocks) == 2
    (tmp_path / "profielen").mkdir()
    for rel in ("profiel-om.toml", "profielen/om-2026.toml"):
        (tmp_path / rel).write_text(PROFILE, encoding="utf-8")
    first = load_scenario_file(write(tmp_path, blocks[0], "a.toml")).scenario
    assert first.name == "Extra digitaal Zuid" and first.description
    dutch = load_scenario_file(write(tmp_path, blocks[1], "b.toml")).scenario
    assert [c.action for c in dutch.cases] == [CaseAction.START, CaseAction.IN, CaseAction.OUT]
    assert len(dutch.deltas) == 3 and dutch.profile.name == "OM"
