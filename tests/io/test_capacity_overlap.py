"""Specialisms overlap in real teams; one team's problem is reported once, not per row."""

from stuurploeg.domain.model import Specialism
from stuurploeg.domain.weeks import IsoWeek
from stuurploeg.io.excel_in import check_job
from tests.io.helpers import write_xlsx

REF = IsoWeek(2026, 48)


def check(path):
    return check_job(str(path), "capacity", None, None, REF)


def test_specialists_adding_up_to_more_than_the_bezetting_are_accepted(tmp_path):
    teams = [["Team", "Bezetting", "Inzetbaarheid", "Digitaal", "Tactisch", "Financieel"],
             ["Team Noord", 6, 0.7, 4, 4, 1], ["Team Zuid", 8, 0.7, 2, "", ""]]
    report = check(write_xlsx(tmp_path / "c.xlsx", {"Teams": teams}))
    assert report.usable, [i.describe() for i in report.errors]
    north = report.capacity.teams[0]
    assert north.specialist_fte == {Specialism.DIGITAL: 4, Specialism.TACTICAL: 4,
                                    Specialism.FINANCIAL: 1}
    (warning,) = [w for w in report.warnings if "Team Noord" in w.message]
    assert warning.row == 2 and "overlap" in warning.message and "9" in warning.message


def test_one_specialism_above_the_bezetting_is_still_an_error(tmp_path):
    teams = [["Team", "Bezetting", "Inzetbaarheid", "Digitaal"], ["Team Noord", 4, 0.7, 5]]
    report = check(write_xlsx(tmp_path / "c.xlsx", {"Teams": teams}))
    (err,) = report.errors
    assert err.row == 2 and "Digitaal" in err.message and "Team Noord" in err.message


def test_a_refused_team_does_not_cascade_into_errors_per_availability_row(tmp_path):
    teams = [["Team", "Bezetting", "Inzetbaarheid", "Digitaal"],
             ["Team Noord", 10, 0.7, ""], ["Team Oost", "", 0.7, ""], ["Team West", 4, 0.7, 9]]
    avail = [["Team", "Week", "Beschikbaar"],
             *([t, f"2026-W{w}", 3] for t in ("Team Noord", "Team Oost", "Team West")
               for w in (48, 49, 50))]
    report = check(write_xlsx(tmp_path / "c.xlsx", {"Teams": teams, "Beschikbaarheid": avail}))
    assert [e.sheet for e in report.errors] == ["Teams", "Teams"]  # Oost and West, once each
    later = [w for w in report.warnings if w.sheet == "Beschikbaarheid"]
    assert len(later) == 2 and {w.value for w in later} == {"Team Oost", "Team West"}
    assert all("blad Teams" in w.message for w in later)
    assert set(report.capacity.availability) == {("Team Noord", IsoWeek(2026, w))
                                                 for w in (48, 49, 50)}


def test_an_unknown_team_on_the_availability_sheet_is_still_an_error(tmp_path):
    teams = [["Team", "Bezetting", "Inzetbaarheid"], ["Team Noord", 10, 0.7]]
    avail = [["Team", "2026-W48"], ["Team Noord", 5], ["Team Nooord", 5]]
    report = check(write_xlsx(tmp_path / "c.xlsx", {"Teams": teams, "Beschikbaarheid": avail}))
    (err,) = report.errors
    assert err.row == 3 and "staat niet op blad Teams" in err.message
