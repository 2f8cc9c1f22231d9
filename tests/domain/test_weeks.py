from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from stuurploeg.domain.weeks import IsoWeek, week_range, weeks_in_year


def test_2026_has_53_weeks():
    assert weeks_in_year(2026) == 53
    assert weeks_in_year(2025) == 52
    assert str(IsoWeek(2026, 53) + 1) == "2027-W01"
    assert IsoWeek(2027, 1) - IsoWeek(2026, 52) == 2


def test_horizon_from_2026_w40_crosses_week_53():
    weeks = week_range(IsoWeek(2026, 40), 26)
    assert IsoWeek(2026, 53) in weeks
    assert weeks[-1] == IsoWeek(2027, 12)


def test_parse_and_reject():
    assert IsoWeek.parse("2026-W05") == IsoWeek(2026, 5)
    assert IsoWeek.parse("2026w5") == IsoWeek(2026, 5)
    with pytest.raises(ValueError):
        IsoWeek.parse("2025-W53")
    with pytest.raises(ValueError):
        IsoWeek.parse("week 5")


@given(st.dates(min_value=date(1900, 1, 8), max_value=date(2200, 12, 20)), st.integers(-600, 600))
def test_index_arithmetic_is_consistent(day, n):
    w = IsoWeek.from_date(day)
    assert (w + n).index == w.index + n
    assert (w + n) - w == n
    assert IsoWeek.from_index(w.index) == w
    assert IsoWeek.parse(str(w)) == w
