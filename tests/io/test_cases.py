"""Case list reading, in-process (the sandbox is tested in test_hostile / tests/app)."""

from datetime import date, datetime

import pytest

from stuurploeg.domain.model import CaseStatus, Criterion, Exploitation, Specialism
from stuurploeg.domain.weeks import IsoWeek
from stuurploeg.io.excel_in import check_job
from tests.io.helpers import CASE_HEADER, case_rows, write_xlsx

REF = IsoWeek(2026, 48)


def check(path, kind=None, sheet=None, mapping=None):
    return check_job(str(path), kind, sheet, mapping, REF)


def only(issues, text):
    found = [i for i in issues if text in i.message]
    assert found, [i.message for i in issues]
    return found[0]


def test_header_below_title_rows_and_blank_rows_skipped(tmp_path):
    rows = [["Zakenlijst AVIM"], ["peildatum 25-11-2026"], [], *case_rows(2), [], [], [],
            ["Z-9", "Laatste", "nieuw", 1, 4]]
    report = check(write_xlsx(tmp_path / "z.xlsx", {"Blad1": rows}))
    assert report.usable, report.errors
    assert (report.kind, report.sheet, report.header_row, report.rows) == ("cases", "Blad1", 4, 3)
    # Only what was assumed for the optional columns this minimal list lacks.
    (absent,) = report.warnings
    assert absent.row == 4 and absent.message.startswith("Geen kolom voor Ernst")
    assert [c.case_id for c in report.cases] == ["Z-1", "Z-2", "Z-9"]
    assert [c.position for c in report.cases] == [0, 1, 2]


def test_all_fields_and_dutch_conventions(tmp_path):
    header = ["Registratienummer", "Onderzoek", "Type uitbuiting", "Fase", "Slachtoffers",
              "Minderjarigen", "Verdachten", "Internationaal", "Geweld", "Actuele uitbuiting",
              "Ernst", "Urgentie", "Informatiepositie", "Haalbaarheid", "Doorrechercheren",
              "Impact", "FTE", "Weken", "Digitaal", "Financieel", "Tactisch", "Intelligence",
              "Team", "Startweek", "Vroegste start", "Uiterste start", "Eenheid", "Bron",
              "Opmerkingen", "BSN slachtoffer"]
    row = ["Z-1", "Onderzoek Eik", "Seksuele uitbuiting", "Lopend", "3", "ja", 2.0, "x", "nee",
           "J", 5, "4", 3, "", 2, 1, "2,5", "20", "0,5", 0.5, "", "0.25", "Team A", "wk 40",
           "01-12-2026", "2027-W05", "Eenheid X", "KMar", "let op", "123456789"]
    report = check(write_xlsx(tmp_path / "z.xlsx", {"Zaken": [header, row]}), kind="cases")
    assert report.usable, report.errors
    case = report.cases[0]
    assert case.status is CaseStatus.RUNNING
    assert case.exploitation is Exploitation.SEXUAL
    assert (case.victims, case.minors, case.suspects) == (3, 1, 2)
    assert (case.international, case.violence, case.ongoing) == (True, False, True)
    assert case.criteria == {Criterion.SEVERITY: 5, Criterion.URGENCY: 4,
                             Criterion.INFORMATION: 3, Criterion.PROSPECTS: None,
                             Criterion.EXPANSION: 2, Criterion.IMPACT: 1}
    assert (case.fte, case.weeks) == (2.5, 20)
    assert case.specialist_fte == {Specialism.DIGITAL: 0.5, Specialism.FINANCIAL: 0.5,
                                   Specialism.INTELLIGENCE: 0.25}
    assert (case.team, case.start_week) == ("Team A", IsoWeek(2026, 40))
    assert (case.earliest_start, case.latest_start) == (IsoWeek(2026, 49), IsoWeek(2027, 5))
    assert (case.unit, case.source, case.notes) == ("Eenheid X", "KMar", "let op")
    # personal data that maps to no field is listed and not kept anywhere
    assert report.unused_columns == ["BSN slachtoffer"]
    assert "123456789" not in repr(report.cases)
    guessed = only(report.warnings, "zonder jaar")
    assert (guessed.row, guessed.column, guessed.value) == (2, "Startweek", "wk 40")


def test_excel_dates_and_numbers_as_typed_cells(tmp_path):
    rows = [[*CASE_HEADER, "Startweek", "Team", "Uiterste start"],
            ["Z-1", "A", "lopend", 1, 10, datetime(2026, 9, 30), "T", date(2027, 1, 1)],
            [1234, "B", "nieuw", 1.5, 8.0, "", "", 46391]]
    report = check(write_xlsx(tmp_path / "z.xlsx", {"Zaken": rows}))
    assert report.usable, report.errors
    a, b = report.cases
    assert a.start_week == IsoWeek(2026, 40) and a.latest_start == IsoWeek(2026, 53)
    assert b.case_id == "1234" and b.weeks == 8 and b.latest_start == IsoWeek(2027, 1)


def test_totals_row_skipped_with_warning(tmp_path):
    rows = [*case_rows(2), ["", "Totaal", "", 4, 20]]
    report = check(write_xlsx(tmp_path / "z.xlsx", {"Zaken": rows}))
    assert report.usable and report.rows == 2
    warning = only(report.warnings, "Totaalrij")
    assert (warning.sheet, warning.row) == ("Zaken", 4)


def test_duplicates_name_both_rows(tmp_path):
    rows = [*case_rows(3), ["z-2", "Nog eens", "nieuw", 1, 5]]
    report = check(write_xlsx(tmp_path / "z.xlsx", {"Zaken": rows}))
    assert not report.usable
    err = only(report.errors, "komt twee keer voor")
    assert "rij 3" in err.message and "rij 5" in err.message
    assert (err.row, err.column, err.value) == (5, "Zaak ID", "z-2")
    assert [c.case_id for c in report.cases] == ["Z-1", "Z-3"]


@pytest.mark.parametrize(("row", "column", "text"), [
    (["", "Naam", "nieuw", 1, 4], "Zaak ID", "Zaak-ID ontbreekt"),
    (["Z-5", "", "nieuw", 1, 4], "Naam", "Naam ontbreekt"),
    (["Z-5", "N", "bezig?", 1, 4], "Status", "geen bekende status"),
    (["Z-5", "N", "nieuw", "", 4], "Benodigde fte", "Benodigde fte ontbreekt"),
    (["Z-5", "N", "nieuw", "twee", 4], "Benodigde fte", "is geen getal"),
    (["Z-5", "N", "nieuw", 0, 4], "Benodigde fte", "groter dan 0"),
    (["Z-5", "N", "nieuw", 1, ""], "Doorlooptijd (weken)", "Doorlooptijd ontbreekt"),
    (["Z-5", "N", "nieuw", 1, "2,5"], "Doorlooptijd (weken)", "geen heel getal"),
    (["Z-5", "N", "nieuw", 1, -3], "Doorlooptijd (weken)", "minstens 1 week"),
    (["Z-5", "N", "lopend", 1, 4], None, "lopend maar heeft geen team en startweek"),
])
def test_row_errors_carry_row_and_column(tmp_path, row, column, text):
    report = check(write_xlsx(tmp_path / "z.xlsx", {"Zaken": [*case_rows(2), row]}))
    assert not report.usable
    err = only(report.errors, text)
    assert (err.sheet, err.row, err.column) == ("Zaken", 4, column)
    assert err.severity == "error"
    assert report.rows == 2  # the other rows stay usable


def test_specialists_exceeding_fte_and_bad_window(tmp_path):
    header = [*CASE_HEADER, "Digitaal (fte)", "Vroegste start", "Uiterste start"]
    rows = [header, ["Z-1", "A", "nieuw", 1, 4, 1.5, "", ""],
            ["Z-2", "B", "nieuw", 1, 4, "", "2027-W10", "2027-W02"]]
    report = check(write_xlsx(tmp_path / "z.xlsx", {"Zaken": rows}))
    assert only(report.errors, "specialistische fte").row == 2
    err = only(report.errors, "vóór de vroegste start")
    assert (err.row, err.column) == (3, "Uiterste start")


def test_soft_problems_are_warnings_with_assumption(tmp_path):
    header = [*CASE_HEADER, "Ernst", "Uitbuitingsvorm", "Geweld", "Slachtoffers", "Minderjarigen"]
    rows = [header, ["Z-1", "A", "", 1, 4, 7, "piraterij", "soms", 1, 3]]
    report = check(write_xlsx(tmp_path / "z.xlsx", {"Zaken": rows}))
    assert report.usable, report.errors
    case = report.cases[0]
    assert case.status is CaseStatus.NEW and case.criteria[Criterion.SEVERITY] is None
    assert case.exploitation is None and case.violence is None
    for text in ("'nieuw' aangenomen", "niet gescoord", "uitbuitingsvorm", "ja/nee",
                 "meer minderjarige"):
        assert only(report.warnings, text).row == 2


def test_missing_status_column_warned_once(tmp_path):
    rows = [["Zaak ID", "Naam", "FTE", "Weken"], ["Z-1", "A", 1, 4], ["Z-2", "B", 1, 4]]
    report = check(write_xlsx(tmp_path / "z.xlsx", {"Zaken": rows}))
    assert report.usable and {c.status for c in report.cases} == {CaseStatus.NEW}
    assert len(report.warnings) == 1 and "geen kolom Status" in report.warnings[0].message


def test_closed_cases_need_no_fte(tmp_path):
    rows = [CASE_HEADER, ["Z-1", "A", "afgerond", "", ""]]
    report = check(write_xlsx(tmp_path / "z.xlsx", {"Zaken": rows}))
    assert report.usable and report.cases[0].fte is None


def test_missing_fte_column_reported_once(tmp_path):
    rows = [["Zaak ID", "Naam"], ["Z-1", "A"], ["Z-2", "B"]]
    report = check(write_xlsx(tmp_path / "z.xlsx", {"Zaken": rows}))
    assert not report.usable
    assert len(report.errors) == 2  # fte and weeks, once each
    assert only(report.errors, "De kolom Benodigde fte ontbreekt").row == 1


def test_row_with_only_unused_columns(tmp_path):
    rows = [[*CASE_HEADER, "Vrij"], ["Z-1", "A", "nieuw", 1, 4, ""], ["", "", "", "", "", "x"]]
    report = check(write_xlsx(tmp_path / "z.xlsx", {"Zaken": rows}))
    assert report.usable
    assert only(report.warnings, "niet worden gebruikt").row == 3


def test_sheet_choice_hidden_and_notes_sheets(tmp_path):
    path = write_xlsx(tmp_path / "z.xlsx", {
        "Toelichting": [["Zaak ID", "Naam", "uitleg"], ["Z-0", "voorbeeld", ""]],
        "Geheim": case_rows(5),
        "Overzicht": [["iets anders"]],
        "Zakenlijst": case_rows(2),
    }, hidden=("Geheim",))
    report = check(path)
    assert (report.sheet, report.rows) == ("Zakenlijst", 2)
    assert report.sheets == ["Toelichting", "Overzicht", "Zakenlijst"]


def test_no_header_mentions_hidden_and_empty_sheets(tmp_path):
    path = write_xlsx(tmp_path / "z.xlsx", {"Zaken": case_rows(2), "Leeg": []},
                      hidden=("Zaken",))
    message = check(path).errors[0].message
    assert "Verborgen bladen worden niet gelezen (Zaken)" in message and "Leeg: Leeg." in message


def test_sheet_found_by_header_when_not_named(tmp_path):
    path = write_xlsx(tmp_path / "z.xlsx", {"Voorblad": [["Titel"]], "Data 2026": case_rows(2)})
    report = check(path)
    assert (report.sheet, report.kind) == ("Data 2026", "cases")


def test_explicit_sheet_and_missing_sheet(tmp_path):
    path = write_xlsx(tmp_path / "z.xlsx", {"A": case_rows(1), "B": case_rows(3)})
    assert check(path, sheet="B").rows == 3
    report = check(path, sheet="C")
    assert not report.usable and "Blad 'C' bestaat niet" in report.errors[0].message


def test_no_header_explains_nearest_miss(tmp_path):
    path = write_xlsx(tmp_path / "z.xlsx", {"Zaken": [["Zaaknummer", "Omschrijving"], ["Z", "x"]]})
    report = check(path, kind="cases")
    assert not report.usable
    message = report.errors[0].message
    assert "geen kopregel" in message and "ontbreekt: Naam" in message and "Rij 1" in message


def test_mapping_overrides_matching(tmp_path):
    rows = [["Code", "Omschrijving", "Inzet", "Looptijd"], ["Z-1", "A", 2, 6]]
    path = write_xlsx(tmp_path / "z.xlsx", {"Zaken": rows})
    assert not check(path, kind="cases").usable
    mapping = {"case_id": "Code", "name": "Omschrijving", "fte": "Inzet", "weeks": "Looptijd"}
    report = check(path, kind="cases", mapping=mapping)
    assert report.usable, report.errors
    assert report.mapping == mapping and report.cases[0].fte == 2


def test_duplicate_meaning_column_warned_and_unused(tmp_path):
    rows = [[*CASE_HEADER, "Zaaknummer"], ["Z-1", "A", "nieuw", 1, 4, "999"]]
    report = check(write_xlsx(tmp_path / "z.xlsx", {"Zaken": rows}))
    assert report.unused_columns == ["Zaaknummer"]
    assert only(report.warnings, "al gelezen uit kolom 'Zaak ID'").column == "Zaaknummer"


def test_empty_sheet_below_header(tmp_path):
    report = check(write_xlsx(tmp_path / "z.xlsx", {"Zaken": [CASE_HEADER]}))
    assert not report.usable and "geen bruikbare rijen" in report.errors[0].message


def test_json_shape(tmp_path):
    report = check(write_xlsx(tmp_path / "z.xlsx", {"Zaken": [*case_rows(1), ["", "x"]]}))
    data = report.to_json()
    assert list(data) == ["file", "kind", "sheet", "header_row", "rows", "errors", "warnings",
                          "unused_columns"]
    assert list(data["errors"][0]) == ["sheet", "row", "column", "value", "message"]


@pytest.mark.parametrize("row", [
    ["", "Totalrecall", "nieuw", 2, 10],
    ["", "Onderzoek Eik", "", 2, 10, "Totaal"],
    ["", "Totaal", "lopend", 2, 10],
    ["", "Onderzoek Eik", "nieuw", 2, 10, "Total loss of contact"],
])
def test_a_case_without_id_is_an_error_not_a_totals_row(tmp_path, row):
    rows = [[*CASE_HEADER, "Opmerkingen"], *case_rows(1)[1:], row]
    report = check(write_xlsx(tmp_path / "z.xlsx", {"Zaken": rows}))
    assert not report.usable
    err = only(report.errors, "Zaak-ID ontbreekt")
    assert (err.sheet, err.row, err.column) == ("Zaken", 3, "Zaak ID")
    assert not [w for w in report.warnings if "Totaalrij" in w.message]


@pytest.mark.parametrize("row", [
    ["", "Totaal:", "", 4, 20], ["", "", "", 4, 20, "Som"], ["Eindtotaal", "", "", 4, 20],
])
def test_totals_rows_are_still_skipped(tmp_path, row):
    rows = [[*CASE_HEADER, "Opmerkingen"], *case_rows(1)[1:], row]
    report = check(write_xlsx(tmp_path / "z.xlsx", {"Zaken": rows}))
    assert report.usable and report.rows == 1, report.errors
    assert only(report.warnings, "Totaalrij").row == 3
