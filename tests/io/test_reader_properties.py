"""Whatever the cells hold, the reader reports; it never raises and never drops a row silently."""

from __future__ import annotations

import tempfile
from datetime import date, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from stuurploeg.domain.weeks import IsoWeek
from stuurploeg.io.excel_in import check_job
from tests.io.helpers import write_xlsx

HEADER = ["Zaak ID", "Naam", "Status", "Benodigde fte", "Doorlooptijd (weken)", "Ernst",
          "Internationaal", "Startweek", "Team", "Digitaal (fte)"]

cell = st.one_of(
    st.just(""), st.none(),
    st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=12),
    st.sampled_from(["nieuw", "lopend", "afgerond", "geparkeerd", "ja", "nee", "x", "1,5",
                     "75%", "2026-W05", "wk 3", "31-12-2026", "Totaal", "-", "n.v.t."]),
    st.integers(min_value=-10, max_value=100), st.floats(-10, 100, allow_nan=False),
    st.booleans(), st.dates(min_value=date(2000, 1, 1), max_value=date(2040, 1, 1)).map(
        lambda d: datetime(d.year, d.month, d.day)),
)
rows = st.lists(st.lists(cell, min_size=len(HEADER), max_size=len(HEADER)), max_size=12)


@pytest.mark.slow
@settings(max_examples=40, suppress_health_check=[HealthCheck.too_slow])
@given(rows)
def test_every_row_is_a_case_or_reported(body):
    with tempfile.TemporaryDirectory() as tmp:
        path = write_xlsx(Path(tmp) / "z.xlsx", {"Zaken": [HEADER, *body]})
        report = check_job(str(path), "cases", None, None, IsoWeek(2026, 48))
    assert report.sheet == "Zaken" and report.header_row == 1
    reported_rows = {i.row for i in report.errors + report.warnings}
    case_ids = [c.case_id for c in report.cases]
    assert len(case_ids) == len({c.casefold() for c in case_ids})  # unique
    assert report.rows == len(case_ids)
    assert report.usable == (not report.errors and bool(case_ids))
    used = len(case_ids)
    for excel_row, values in enumerate(body, start=2):
        blank = all(v in ("", None) for v in values)
        if not blank and excel_row not in reported_rows:
            used -= 1  # a silently accepted row must be one of the cases
    assert used >= 0
    for case in report.cases:
        assert case.fte is None or case.fte > 0
        assert all(v is None or 1 <= v <= 5 for v in case.criteria.values())
