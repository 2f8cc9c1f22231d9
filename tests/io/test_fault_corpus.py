"""Every hostile workbook of the fault corpus ends in a report that names sheet, row,
column and value — never a crash, never a silently wrong or silently dropped value."""

import pytest

from stuurploeg.app.importing import check_file
from stuurploeg.domain.weeks import IsoWeek
from stuurploeg.io.excel_in import check_job
from tests.fault_corpus import WORKBOOK_FAULTS

REF = IsoWeek(2026, 48)


@pytest.mark.parametrize("fault", WORKBOOK_FAULTS, ids=lambda f: f.name)
def test_fault_is_reported_where_it_is(tmp_path, fault):
    path = tmp_path / f"{fault.name}.xlsx"
    fault.build(path)
    report = check_job(str(path), fault.kind, None, None, REF)
    issues = report.errors + report.warnings
    for want in fault.expect:
        pool = report.errors if want.severity == "error" else report.warnings
        found = [i for i in pool if i.row == want.row and i.column == want.column
                 and all(w in i.message for w in want.words)]
        assert found, (want, [i.describe() for i in issues])
        if want.value is not None:
            assert found[0].value == want.value, found[0].describe()
        assert found[0].sheet  # every finding names its sheet
    for key, header in fault.not_mapped.items():
        assert report.mapping.get(key) != header, report.mapping
        assert header in report.unused_columns


@pytest.mark.slow
def test_the_corpus_goes_through_the_sandboxed_reader_too(tmp_path):
    """The same files through the public entry: no crash, a report for each."""
    for fault in WORKBOOK_FAULTS:
        path = tmp_path / f"{fault.name}.xlsx"
        fault.build(path)
        report = check_file(path, fault.kind, reference=REF)
        assert report.errors or report.warnings, fault.name
        assert not any("onverwachte fout" in i.message for i in report.errors), fault.name
