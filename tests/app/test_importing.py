"""The import use case through the real sandboxed reader, on the sample data and more."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from stuurploeg.app.importing import (
    CheckReport,
    ReadRefused,
    check_file,
    field_labels,
    guess_mapping,
    list_sheets,
    preview,
)
from stuurploeg.domain.model import CaseStatus
from stuurploeg.domain.progress import Cancelled, TaskState
from stuurploeg.domain.weeks import IsoWeek
from tests.io.helpers import case_rows, write_xlsx

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "sample_data"
NOW = IsoWeek(2026, 48)


@pytest.mark.slow
def test_sample_case_list():
    report = check_file(SAMPLES / "zakenlijst.xlsx", reference=NOW)
    assert isinstance(report, CheckReport)
    assert report.usable and report.warnings == [] and report.unused_columns == []
    assert (report.kind, report.sheet, report.header_row) == ("cases", "Zaken", 4)
    assert report.sheets == ["Zaken", "Toelichting"]
    statuses = [c.status for c in report.cases]
    assert 55 <= len(statuses) <= 65
    assert statuses.count(CaseStatus.RUNNING) >= 10
    assert statuses.count(CaseStatus.PARKED) >= 3 and statuses.count(CaseStatus.CLOSED) >= 3
    for case in report.cases:
        if case.status is CaseStatus.RUNNING:
            assert case.team and case.start_week < NOW
            assert case.start_week + case.weeks > NOW  # still running this week
    assert any(c.specialist_fte for c in report.cases)
    assert len({c.exploitation for c in report.cases}) >= 4


def test_sample_capacity_is_tight_but_not_hopeless():
    cases = check_file(SAMPLES / "zakenlijst.xlsx", reference=NOW).cases
    report = check_file(SAMPLES / "capaciteit.xlsx", reference=NOW)
    assert report.usable and report.kind == "capacity" and 4 <= report.rows <= 6
    cap = report.capacity
    assert all(0.64 <= t.deployability <= 0.78 for t in cap.teams)
    assert all(t.specialist_fte for t in cap.teams)
    teams = {t.team for t in cap.teams}
    assert {c.team for c in cases if c.team} <= teams
    for week in (IsoWeek(2026, 52), IsoWeek(2026, 53), IsoWeek(2027, 30)):
        for team in cap.teams:
            assert cap.availability[(team.team, week)] < team.base_fte
    horizon = [NOW + i for i in range(26)]
    supply = sum(cap.availability.get((t.team, w), t.base_fte) for t in cap.teams
                 for w in horizon)
    running = sum(c.fte * max(0, min((c.start_week + c.weeks) - NOW, 26))
                  for c in cases if c.status is CaseStatus.RUNNING)
    demand = sum(c.fte * min(c.weeks, 26) for c in cases if c.status.is_candidate)
    left = supply - running
    assert 0.3 * demand < left < 0.8 * demand


def test_committed_samples_are_the_generators_output(tmp_path):
    spec = importlib.util.spec_from_file_location("make_samples", SAMPLES / "make_samples.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.main(tmp_path)
    for name in ("zakenlijst.xlsx", "capaciteit.xlsx"):
        assert (tmp_path / name).read_bytes() == (SAMPLES / name).read_bytes(), name


def test_progress_and_cancel(tmp_path):
    path = write_xlsx(tmp_path / "z.xlsx", {"Zaken": case_rows(3)})
    seen: list[tuple[float, str]] = []
    report = check_file(path, state=TaskState(lambda f, m: seen.append((f, m))))
    assert report.usable
    assert seen and seen[-1][0] == 1.0
    state = TaskState()
    state.cancel()
    with pytest.raises(Cancelled):
        check_file(path, state=state)


def test_refused_file_gives_report_not_exception(tmp_path):
    path = tmp_path / "x.xlsx"
    path.write_bytes(b"not a workbook at all")
    report = check_file(path, "cases")
    assert not report.usable and report.kind == "cases"
    assert report.to_json()["errors"][0]["row"] is None


def test_wizard_helpers(tmp_path):
    path = write_xlsx(tmp_path / "z.xlsx", {"Uitleg": [["tekst"]], "Zaken": case_rows(2),
                                            "Oud": case_rows(1)}, hidden=("Oud",))
    assert list_sheets(path) == ["Uitleg", "Zaken"]
    rows = preview(path, "Zaken", 2)
    assert rows == [case_rows(2)[0], ["Z-1", "Onderzoek 1", "nieuw", 2, 10]]
    headers = rows[0]
    mapping = guess_mapping(headers, "cases")
    assert mapping == {"case_id": "Zaak ID", "name": "Naam", "status": "Status",
                       "fte": "Benodigde fte", "weeks": "Doorlooptijd (weken)"}
    assert ("case_id", "Zaak-ID") in field_labels("cases")
    with pytest.raises(ReadRefused, match="bestaat niet"):
        preview(path, "Oud", 5)
    bad = tmp_path / "x.xlsx"
    bad.write_text("a;b\n1;2\n")
    with pytest.raises(ReadRefused, match="tekstbestand"):
        list_sheets(bad)


def test_mapping_override_through_sandbox(tmp_path):
    path = write_xlsx(tmp_path / "z.xlsx", {"Lijst": [["Code", "Omschrijving", "Inzet", "Duur"],
                                                      ["A-1", "Eik", 1, 5]]})
    mapping = {"case_id": "Code", "name": "Omschrijving", "fte": "Inzet", "weeks": "Duur"}
    report = check_file(path, "cases", sheet="Lijst", mapping=mapping)
    assert report.usable, report.errors
    assert report.mapping == mapping


def test_wrong_kind_argument(tmp_path):
    with pytest.raises(ValueError):
        check_file(tmp_path / "x.xlsx", "zaken")
