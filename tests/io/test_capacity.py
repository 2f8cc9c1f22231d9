import pytest

from stuurploeg.domain.model import Specialism
from stuurploeg.domain.weeks import IsoWeek
from stuurploeg.io.excel_in import check_job
from tests.io.helpers import write_xlsx

REF = IsoWeek(2026, 48)
TEAMS = [["Teamnaam", "Eenheid", "Formatie (fte)", "Bezetting", "Inzetbaar %", "Digitaal",
          "Financieel (fte)", "Gecertificeerd"],
         ["Team A", "Eenheid X", 12, "10,5", "71%", 1, 0.5, 6],
         ["Team B", "", 8, 8, 0.64, "", "", ""],
         ["Team C", "", 9, 9, 78, "", "", ""]]


def check(path, kind=None):
    return check_job(str(path), kind, None, None, REF)


def only(issues, text):
    found = [i for i in issues if text in i.message]
    assert found, [i.message for i in issues]
    return found[0]


def test_teams_and_conventions(tmp_path):
    report = check(write_xlsx(tmp_path / "c.xlsx", {"Teams": TEAMS}))
    assert report.usable, report.errors
    assert (report.kind, report.sheet, report.rows) == ("capacity", "Teams", 3)
    a, b, c = report.capacity.teams
    assert (a.team, a.unit, a.formation_fte, a.staffed_fte, a.certified) == (
        "Team A", "Eenheid X", 12, 10.5, 6)
    assert a.deployability == pytest.approx(0.71)
    assert b.deployability == pytest.approx(0.64) and c.deployability == pytest.approx(0.78)
    assert a.specialist_fte == {Specialism.DIGITAL: 1, Specialism.FINANCIAL: 0.5}
    assert [t.position for t in report.capacity.teams] == [0, 1, 2]
    assert report.capacity.availability == {}


def test_capaciteit_sheet_name_and_default_deployability(tmp_path):
    rows = [["Team", "Bezetting (fte)"], ["Team A", 10], ["Totaal", 10]]
    report = check(write_xlsx(tmp_path / "c.xlsx", {"Capaciteit": rows}), kind="capacity")
    assert report.usable and report.rows == 1
    assert only(report.warnings, "Totaalrij").row == 3
    team = report.capacity.teams[0]
    assert team.deployability == 1.0
    assert only(report.warnings, "100% aangenomen").row == 2


def test_totals_row_and_team_errors(tmp_path):
    rows = [*TEAMS[:3], ["Team A", "", 3, 3, "70%", "", "", ""], ["", "", "", "", "", "", "", ""],
            ["", "Totaal", 20, 18.5, "", "", "", ""], ["Team D", "", "", "", "120%", "", "", ""],
            ["Team E", "", 4, 4, "70%", 5, "", ""]]
    report = check(write_xlsx(tmp_path / "c.xlsx", {"Teams": rows}))
    assert not report.usable
    dup = only(report.errors, "komt twee keer voor")
    assert "rij 2" in dup.message and "rij 4" in dup.message and dup.column == "Teamnaam"
    assert only(report.warnings, "Totaalrij").row == 6
    assert only(report.errors, "tussen 0% en 100%").column == "Inzetbaar %"
    assert only(report.errors, "Bezetting (fte) ontbreekt").row == 7
    assert only(report.errors, "specialisten van team Team E").row == 8
    assert [t.team for t in report.capacity.teams] == ["Team B"]


def test_availability_wide_with_yearless_weeks(tmp_path):
    avail = [["Beschikbaarheid per week"], ["Team", "wk 52", "wk 53", "wk 1", "2027-W02"],
             ["Team A", 5, "4,5", "", 7], ["Team B", 3, 3, 3, 3]]
    report = check(write_xlsx(tmp_path / "c.xlsx", {"Teams": TEAMS, "Beschikbaarheid": avail}))
    assert report.usable, report.errors
    av = report.capacity.availability
    assert av[("Team A", IsoWeek(2026, 52))] == 5
    assert av[("Team A", IsoWeek(2026, 53))] == 4.5
    assert ("Team A", IsoWeek(2027, 1)) not in av  # blank: no override
    assert av[("Team B", IsoWeek(2027, 1))] == 3
    assert len(av) == 7


def test_availability_long_and_errors(tmp_path):
    avail = [["Team", "Week", "Beschikbaar"], ["Team A", "2026-W52", 4], ["team b", "2026-W52", 2],
             ["Team Z", "2026-W52", 1], ["Team A", "2026-W52", 3], ["Team A", "later", 3],
             ["Team A", "2027-W01", -1]]
    report = check(write_xlsx(tmp_path / "c.xlsx", {"Teams": TEAMS, "Beschikbaarheid": avail}))
    av = report.capacity.availability
    assert av == {("Team A", IsoWeek(2026, 52)): 4, ("Team B", IsoWeek(2026, 52)): 2}
    assert only(report.errors, "staat niet op blad Teams").row == 4
    assert "rij 2 en rij 5" in only(report.errors, "twee keer").message
    assert only(report.errors, "geen week").row == 6
    assert only(report.errors, "negatief").row == 7
    assert all(e.sheet == "Beschikbaarheid" for e in report.errors)


def test_unreadable_availability_is_a_warning(tmp_path):
    avail = [["Iets", "anders"], [1, 2]]
    report = check(write_xlsx(tmp_path / "c.xlsx", {"Teams": TEAMS, "Beschikbaarheid": avail}))
    assert report.usable
    assert only(report.warnings, "niet gelezen").sheet == "Beschikbaarheid"


def test_detects_kind(tmp_path):
    both = write_xlsx(tmp_path / "c.xlsx", {"Blad1": TEAMS})
    assert check(both).kind == "capacity"
    assert not check(both, kind="cases").usable


def test_guessed_years_in_availability_are_warned(tmp_path):
    wide = [["Team", "wk 52", "wk 1"], ["Team A", 5, 4]]
    report = check(write_xlsx(tmp_path / "w.xlsx", {"Teams": TEAMS, "Beschikbaarheid": wide}))
    assert report.usable, report.errors
    w = only(report.warnings, "zonder jaar")
    assert (w.sheet, w.row, w.column) == ("Beschikbaarheid", 1, "wk 52")
    assert "2026-W52" in w.message and "1 andere" in w.message
    long = [["Team", "Week", "Beschikbaar"], ["Team A", "2026-W50", 4], ["Team A", "wk 2", 3],
            ["Team B", "wk 3", 2]]
    report = check(write_xlsx(tmp_path / "l.xlsx", {"Teams": TEAMS, "Beschikbaarheid": long}))
    assert report.usable, report.errors
    assert report.capacity.availability[("Team A", IsoWeek(2027, 2))] == 3
    w = only(report.warnings, "zonder jaar")
    assert (w.sheet, w.row, w.column, w.value) == ("Beschikbaarheid", 3, "Week", "wk 2")
    assert "2027-W02" in w.message and "1 andere" in w.message
    dated = [["Team", "2026-W50"], ["Team A", 5]]
    report = check(write_xlsx(tmp_path / "d.xlsx", {"Teams": TEAMS, "Beschikbaarheid": dated}))
    assert not [w for w in report.warnings if "zonder jaar" in w.message]


def test_deployability_in_fte_is_derived_from_the_bezetting(tmp_path):
    rows = [["Team", "Bezetting", "Inzetbaar (fte)"], ["Team A", 16, "11,4"], ["Team B", 8, 9],
            ["Team C", 10, 2]]
    report = check(write_xlsx(tmp_path / "c.xlsx", {"Teams": rows}))
    a, c = report.capacity.teams
    assert (a.team, c.team) == ("Team A", "Team C")
    assert a.deployability == pytest.approx(11.4 / 16)
    w = only(report.warnings, "berekend uit de kolom in fte")
    assert (w.sheet, w.row, w.column) == ("Teams", 2, "Inzetbaar (fte)")
    assert "71%" in w.message
    assert only(report.errors, "meer dan de bezetting").row == 3
    assert only(report.warnings, "maar 20%").row == 4


def test_low_deployability_percentage_is_warned(tmp_path):
    rows = [["Team", "Bezetting", "Inzetbaarheid"], ["Team A", 10, "71%"], ["Team B", 10, 0.2]]
    report = check(write_xlsx(tmp_path / "c.xlsx", {"Teams": rows}))
    assert report.usable, report.errors
    w = only(report.warnings, "maar 20%")
    assert (w.row, w.column) == (3, "Inzetbaarheid")
    assert not [x for x in report.warnings if "maar" in x.message and x.row == 2]


@pytest.mark.parametrize("avail", [
    [["Team", "2026-W50", "2026-W51"], ["Team A", 5, 4], ["Totaal", 5, 4]],
    [["Team", "Week", "Beschikbaar"], ["Team A", "2026-W50", 4], ["Totaal:", "2026-W50", 4]],
    [["Team", "2026-W50", "Opmerking"], ["Team A", 5, ""], ["", 5, "Som"]],
])
def test_totals_row_in_availability_is_skipped_with_a_warning(tmp_path, avail):
    report = check(write_xlsx(tmp_path / "c.xlsx", {"Teams": TEAMS, "Beschikbaarheid": avail}))
    assert report.usable, report.errors
    assert report.capacity.availability[("Team A", IsoWeek(2026, 50))] in (4, 5)
    w = only(report.warnings, "Totaalrij overgeslagen")
    assert (w.sheet, w.row) == ("Beschikbaarheid", 3)
    assert not report.errors


@pytest.mark.parametrize("header", ["Beschikbaarheid", "Beschikbaarheid (fte)"])
def test_long_availability_with_a_beschikbaarheid_column(tmp_path, header):
    avail = [["Team", "Week", header], ["Team A", "2026-W50", "4,5"], ["Team B", "2026-W51", 2]]
    report = check(write_xlsx(tmp_path / "c.xlsx", {"Teams": TEAMS, "Beschikbaarheid": avail}))
    assert report.usable, report.errors
    assert report.capacity.availability == {("Team A", IsoWeek(2026, 50)): 4.5,
                                             ("Team B", IsoWeek(2026, 51)): 2}
    assert not [w for w in report.warnings if "niet gelezen" in w.message]
