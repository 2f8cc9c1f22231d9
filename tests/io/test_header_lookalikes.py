"""Headers that only look like a known one are never read as it: bracketed words other
than the contract's units and qualifiers, and letters from other scripts."""

import pytest

from stuurploeg.domain.weeks import IsoWeek
from stuurploeg.io.excel_in import check_job
from stuurploeg.io.fields import match_header
from tests.io.helpers import write_xlsx

REF = IsoWeek(2026, 48)


def check(path, kind=None):
    return check_job(str(path), kind, None, None, REF)


@pytest.mark.parametrize(("header", "kind", "key"), [
    ("Doorlooptijd (weken)", "cases", "weeks"),
    ("Benodigde fte (totaal)", "cases", "fte"),
    ("Slachtoffers (aantal)", "cases", "victims"),
    ("Internationaal (j/n)", "cases", "international"),
    ("Geweld (ja/nee)", "cases", "violence"),
    ("Ernst (1-5)", "cases", "severity"),
    ("Startweek (jjjj-ww)", "cases", "start_week"),
    ("Inzetbaarheid (%)", "capacity", "deployability"),
    ("Inzetbaar (fte)", "capacity", "deployable_fte"),
    ("Bezetting [fte]", "capacity", "staffed_fte"),
])
def test_brackets_may_hold_units_and_qualifiers_the_contract_knows(header, kind, key):
    assert match_header(header, kind) == key


@pytest.mark.parametrize(("header", "kind"), [
    ("Naam (verdachte)", "cases"),
    ("Naam [slachtoffer]", "cases"),
    ("Status (oud)", "cases"),
    ("Team (vorig jaar)", "cases"),
    ("Benodigde fte (vorige planning)", "cases"),
    ("Inzet (uren)", "cases"),
    ("Bezetting (2019)", "capacity"),
])
def test_any_other_word_in_brackets_makes_it_another_column(header, kind):
    assert match_header(header, kind) is None


def test_suspects_names_are_never_stored_as_the_case_name(tmp_path):
    path = write_xlsx(tmp_path / "z.xlsx", {"Zaken": [
        ["Zaak-ID", "Naam (verdachte)", "Onderzoeksnaam", "Status", "Benodigde fte",
         "Doorlooptijd (weken)"],
        ["MH-1", "J. Jansen", "Onderzoek Een", "nieuw", 1, 10],
    ]})
    report = check(path)
    assert report.usable, [i.describe() for i in report.errors]
    (case,) = report.cases
    assert case.name == "Onderzoek Een"
    assert "J. Jansen" not in repr(report.cases)
    assert report.mapping["name"] == "Onderzoeksnaam"
    assert "Naam (verdachte)" in report.unused_columns
    assert not any("Onderzoeksnaam" in w.message for w in report.warnings)


def test_a_lookalike_status_is_reported_by_its_cell_and_never_silently_dropped(tmp_path):
    status = "St\u0430tus"  # Cyrillic a
    path = write_xlsx(tmp_path / "z.xlsx", {"Zaken": [
        ["Zaak-ID", "Naam", "Benodigde fte", "Doorlooptijd", "Team", status, "Startweek"],
        ["MH-1", "Een", 2, 10, "Team Noord", "lopend", "2026-W05"],
    ]})
    report = check(path)
    err = next(i for i in report.errors if i.column == status)
    assert err.row == 1 and err.sheet == "Zaken"
    assert "cel F1" in err.message and "'Status'" in err.message
    assert "Cyrillisch" in err.message
    assert not report.usable


def test_a_lookalike_required_header_is_named_when_no_header_row_is_found(tmp_path):
    path = write_xlsx(tmp_path / "z.xlsx", {"Zaken": [
        ["Zaak-ID", "N\u0430am", "Benodigde fte", "Doorlooptijd"],  # Cyrillic a
        ["MH-1", "Een", 2, 10],
    ]})
    report = check(path, "cases")
    (err,) = report.errors
    assert "cel B1" in err.message and "'Naam'" in err.message and "ander schrift" in err.message


def test_absent_optional_columns_say_what_was_assumed_for_every_row(tmp_path):
    path = write_xlsx(tmp_path / "z.xlsx", {"Zaken": [
        ["Zaak-ID", "Naam", "Benodigde fte", "Doorlooptijd"],
        ["MH-1", "Een", 2, 10], ["MH-2", "Twee", 1, 8],
    ]})
    report = check(path)
    assert report.usable
    text = " ".join(w.message for w in report.warnings)
    assert "geen kolom Status" in text and "alle zaken" in text and "'nieuw'" in text
    assert "Ernst" in text and "niet gescoord" in text
    assert "Slachtoffers" in text and "onbekend" in text
    assert "Uitbuitingsvorm" in text
    assert all(w.row == 1 and w.sheet == "Zaken" for w in report.warnings)
