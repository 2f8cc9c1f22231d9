from datetime import date, datetime, time, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from stuurploeg.domain.weeks import IsoWeek
from stuurploeg.io.values import (
    ValueProblem,
    nearest_week,
    parse_bool,
    parse_date,
    parse_fraction,
    parse_int,
    parse_number,
    parse_text,
    parse_week,
    show,
)

REF = IsoWeek(2026, 48)


@pytest.mark.parametrize(("raw", "expected"), [
    (1.5, 1.5), (2, 2.0), ("1,5", 1.5), ("1.5", 1.5), (" 2 ", 2.0), ("1.234,5", 1234.5),
    ("1,234.5", 1234.5), ("1.234.567", 1234567.0), ("0,75 fte", 0.75), ("-3", -3.0),
    ("1\u00a0000", 1000.0), ("", None), ("-", None), ("n.v.t.", None), (None, None),
])
def test_number(raw, expected):
    assert parse_number(raw) == expected


@pytest.mark.parametrize("raw", ["abc", "1,5,x", True, date(2026, 1, 1), "1..2", float("inf")])
def test_number_rejects(raw):
    with pytest.raises(ValueProblem):
        parse_number(raw)


def test_int():
    assert parse_int("3") == 3
    assert parse_int(3.0) == 3
    assert parse_int("") is None
    with pytest.raises(ValueProblem, match="heel getal"):
        parse_int("2,5")


@pytest.mark.parametrize(("raw", "expected"), [
    ("75%", 0.75), ("75 %", 0.75), (75, 0.75), ("75", 0.75), (0.75, 0.75), ("0,75", 0.75),
    ("0.75", 0.75), (1, 1.0), ("100%", 1.0), ("71,5%", 0.715), ("", None), (None, None),
])
def test_fraction(raw, expected):
    assert parse_fraction(raw) == pytest.approx(expected) if expected is not None else \
        parse_fraction(raw) is None


@pytest.mark.parametrize("raw", ["150%", 250, "-5%", "veel", "%"])
def test_fraction_rejects(raw):
    with pytest.raises(ValueProblem):
        parse_fraction(raw)


@pytest.mark.parametrize(("raw", "expected"), [
    ("ja", True), ("Ja", True), ("J", True), ("x", True), ("X", True), ("yes", True),
    ("true", True), ("WAAR", True), ("1", True), (1, True), (True, True), (1.0, True),
    ("nee", False), ("N", False), ("no", False), ("false", False), ("0", False), (0, False),
    (False, False), ("", None), (None, None), ("  ", None),
])
def test_bool(raw, expected):
    assert parse_bool(raw) is expected


@pytest.mark.parametrize("raw", ["misschien", 2, 0.5])
def test_bool_rejects(raw):
    with pytest.raises(ValueProblem):
        parse_bool(raw)


@pytest.mark.parametrize(("raw", "expected"), [
    ("05-01-2026", date(2026, 1, 5)), ("5-1-2026", date(2026, 1, 5)),
    ("05/01/2026", date(2026, 1, 5)), ("05.01.2026", date(2026, 1, 5)),
    ("2026-01-05", date(2026, 1, 5)), ("2026-01-05 00:00:00", date(2026, 1, 5)),
    (datetime(2026, 1, 5, 13, 0), date(2026, 1, 5)), (date(2026, 1, 5), date(2026, 1, 5)),
    (46027, date(2026, 1, 5)), ("", None),
])
def test_date(raw, expected):
    assert parse_date(raw) == expected


@pytest.mark.parametrize("raw", ["31-02-2026", "morgen", time(10, 0), timedelta(days=1), 12])
def test_date_rejects(raw):
    with pytest.raises(ValueProblem):
        parse_date(raw)


@pytest.mark.parametrize(("raw", "expected", "guessed"), [
    ("2026-W05", IsoWeek(2026, 5), False), ("2026W5", IsoWeek(2026, 5), False),
    ("2026 wk 5", IsoWeek(2026, 5), False), ("2026-W53", IsoWeek(2026, 53), False),
    ("wk 5 2027", IsoWeek(2027, 5), False), ("week 5-2027", IsoWeek(2027, 5), False),
    ("5/2027", IsoWeek(2027, 5), False),
    ("wk 40", IsoWeek(2026, 40), True), ("week 5", IsoWeek(2027, 5), True),
    ("W2", IsoWeek(2027, 2), True), (44, IsoWeek(2026, 44), True),
    (date(2026, 12, 31), IsoWeek(2026, 53), False), ("31-12-2026", IsoWeek(2026, 53), False),
    (datetime(2027, 1, 4), IsoWeek(2027, 1), False), ("", None, False),
])
def test_week(raw, expected, guessed):
    assert parse_week(raw, REF) == (expected, guessed)


@pytest.mark.parametrize("raw", ["2027-W53", "wk 60", "volgende week", 0, "1800-W01"])
def test_week_rejects(raw):
    with pytest.raises(ValueProblem):
        parse_week(raw, REF)


def test_text():
    assert parse_text(" Z-1 ") == "Z-1"
    assert parse_text(1234.0) == "1234"
    assert parse_text(12) == "12"
    assert parse_text("") is None
    with pytest.raises(ValueProblem, match="langer"):
        parse_text("x" * 40_000)


def test_show_is_short_and_dutch():
    assert show(0.5) == "0,5"
    assert show(3.0) == "3"
    assert show(date(2026, 1, 5)) == "05-01-2026"
    assert len(show("a" * 1000)) == 80


# -- properties ------------------------------------------------------------------------
@given(st.floats(min_value=-1e9, max_value=1e9, allow_nan=False).map(lambda x: round(x, 4)))
def test_number_decimal_comma_round_trip(x):
    text = f"{x:.4f}".replace(".", ",")
    assert parse_number(text) == pytest.approx(x, abs=1e-9)
    assert parse_number(x) == x


@given(st.integers(min_value=0, max_value=10**9))
def test_number_dutch_thousands(n):
    text = f"{n:,}".replace(",", ".") + ",5"
    assert parse_number(text) == n + 0.5


@given(st.integers(min_value=0, max_value=100))
def test_percent_forms_agree(p):
    as_text = parse_fraction(f"{p}%")
    assert as_text == pytest.approx(p / 100)
    assert parse_fraction(p / 100) == pytest.approx(p / 100)
    if p > 1:
        assert parse_fraction(p) == pytest.approx(p / 100)
        assert parse_fraction(str(p)) == pytest.approx(p / 100)


@given(st.sampled_from(["ja", "j", "x", "yes", "true", "1", "nee", "n", "no", "false", "0"]),
       st.sampled_from([str.upper, str.lower, str.title]), st.sampled_from(["", " ", "  "]))
def test_bool_case_and_space_insensitive(word, case, pad):
    assert parse_bool(pad + case(word) + pad) is (word in ("ja", "j", "x", "yes", "true", "1"))


@given(st.dates(min_value=date(1950, 1, 1), max_value=date(2100, 12, 31)))
def test_date_text_forms(day):
    assert parse_date(day.strftime("%d-%m-%Y")) == day
    assert parse_date(day.isoformat()) == day
    assert parse_date(datetime.combine(day, time(12))) == day
    serial = (day - date(1899, 12, 30)).days
    assert parse_date(serial) == day


@given(st.dates(min_value=date(1950, 1, 1), max_value=date(2100, 12, 31)))
def test_week_of_a_date_and_its_text(day):
    week = IsoWeek.from_date(day)
    assert parse_week(day, REF) == (week, False)
    assert parse_week(str(week), REF) == (week, False)
    assert parse_week(f"wk {week.week} {week.year}", REF) == (week, False)


@given(st.integers(min_value=1, max_value=52),
       st.builds(IsoWeek.from_date, st.dates(min_value=date(1990, 1, 1),
                                             max_value=date(2090, 12, 31))))
def test_yearless_week_is_nearest(week, ref):
    got = nearest_week(week, ref)
    assert got.week == week
    assert abs(got - ref) <= 27


@pytest.mark.parametrize("raw", ["wk 53", "53", 53, "week 53"])
def test_week_53_near_years_without_it_is_a_value_problem(raw):
    ref = IsoWeek(2029, 20)  # 2028, 2029 and 2030 have 52 weeks
    with pytest.raises(ValueProblem, match="bestaat niet in 2028, 2029 of 2030"):
        parse_week(raw, ref)
    assert parse_week(raw, IsoWeek(2026, 50)) == (IsoWeek(2026, 53), True)


def test_week_53_in_a_case_list_is_an_error_with_its_cell(tmp_path):
    from stuurploeg.io.excel_in import check_job
    from tests.io.helpers import CASE_HEADER, write_xlsx

    rows = [[*CASE_HEADER, "Uiterste start"], ["Z-1", "Eik", "nieuw", 2, 10, "wk 53"]]
    report = check_job(str(write_xlsx(tmp_path / "z.xlsx", {"Zaken": rows})), "cases", None,
                       None, IsoWeek(2029, 20))
    err = next(e for e in report.errors if "week 53" in e.message)
    assert (err.sheet, err.row, err.column, err.value) == ("Zaken", 2, "Uiterste start", "wk 53")
