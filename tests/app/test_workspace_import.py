import pytest

from stuurploeg.app.workspace_import import ImportRefused, import_checked
from stuurploeg.io.report import CheckReport, Issue
from tests.store.factories import make_cases


def _report(tmp_path, cases, errors=()):
    f = tmp_path / "zakenlijst.xlsx"
    f.write_bytes(b"fictief")
    r = CheckReport(file=str(f), kind="cases", sheet="Zaken", header_row=4, rows=len(cases),
                    mapping={"case_id": "Zaaknummer"}, cases=cases)
    for e in errors:
        r.add(e)
    return r


def test_a_list_without_usable_rows_never_marks_everything_gone(ws, tmp_path):
    with pytest.raises(ImportRefused, match="geen bruikbare rijen"):
        import_checked(ws, cases=_report(tmp_path, []))
    assert len(ws.cases()) == 12 and ws.gone_case_ids() == []


def test_errors_need_consent_and_are_then_reported(ws, tmp_path):
    bad = Issue("Zaken", 9, "Status", "onbekend", "Status 'onbekend' is geen bekende status.",
                "error")
    report = _report(tmp_path, make_cases(11), [bad])
    with pytest.raises(ImportRefused, match="rij 9"):
        import_checked(ws, cases=report)
    assert ws.gone_case_ids() == []
    result = import_checked(ws, cases=report, skip_bad_rows=True)
    # MH-2026-012 may be the skipped row 9: it stays as it was, and the user is told so.
    assert result.cases.gone == [] and result.cases.kept == ["MH-2026-012"]
    assert "MH-2026-012" not in ws.gone_case_ids()
    assert any("overgeslagen, ongewijzigd (MH-2026-012)" in w for w in result.warnings)
    assert any("overgeslagen" in w for w in result.warnings)
    (last,) = [i for i in ws.imports() if i.kind == "cases"][-1:]
    assert last.sheet == "Zaken" and last.header_row == 4 and last.rows == 11


def test_nothing_given_is_refused(ws):
    with pytest.raises(ImportRefused):
        import_checked(ws)


def test_import_api_also_reachable_from_app_workspace():
    from stuurploeg.app import workspace, workspace_import
    from stuurploeg.app.workspace import PlanRecord, ProfileRecord, import_files  # noqa: F401

    assert import_files is workspace_import.import_files
    assert workspace.ImportRefused is workspace_import.ImportRefused
    with pytest.raises(AttributeError):
        workspace.no_such_thing  # noqa: B018


def test_skipping_bad_rows_never_marks_the_skipped_case_gone(ws, tmp_path):
    before = ws.case("MH-2026-005")
    cases = [c for c in make_cases(12) if c.case_id != "MH-2026-005"]
    bad = Issue("Zaken", 9, "fte", "veel", "Benodigde fte voor zaak MH-2026-005 is geen getal.",
                "error")
    result = import_checked(ws, cases=_report(tmp_path, cases, [bad]), skip_bad_rows=True)
    assert result.cases.gone == [] and result.cases.kept == ["MH-2026-005"]
    assert ws.case("MH-2026-005") == before and ws.gone_case_ids() == []
    # Without errors the same list does mark it gone.
    result = import_checked(ws, cases=_report(tmp_path, cases))
    assert result.cases.gone == ["MH-2026-005"]
