import os
from datetime import date, datetime

import pytest
from openpyxl import load_workbook

from stuurploeg.app.decisions import finalise_meeting, record_decision
from stuurploeg.app.export import export_decision_log
from stuurploeg.domain.decisions import Decision
from stuurploeg.domain.model import DecisionKind, HandOverTarget
from stuurploeg.domain.weeks import IsoWeek
from stuurploeg.io.excel_out import ExportError
from stuurploeg.store.planning_repo import AssignmentRow, PlanRecord, ProfileRecord, RankingRow

DAY = date(2026, 10, 1)
INJECTED = ["=HYPERLINK(\"http://x\",\"klik\")", "+31 6 1234", "-2+3", "@SUM(A1:A2)",
            "\tinspringen", "\rregel", "=1+1"]


@pytest.fixture
def logged(ws):
    ws.save_plan(PlanRecord(
        "voorstel", "rank", IsoWeek(2026, 40), 26,
        ranking=[RankingRow(i, f"MH-2026-{i:03d}", 90.0 - i) for i in range(1, 9)],
        assignments=[AssignmentRow("MH-2026-001", "Team Noord", IsoWeek(2026, 52), 4, 2.0)],
        unplanned=[("MH-2026-002", "=geen ruimte bij Team Zuid")],
        profile=ProfileRecord("Standaard", 1, {c: 10.0 for c in
                              ("severity", "urgency", "information")}),
        total_priority=89.0,
    ))
    for i, text in enumerate(INJECTED, start=1):
        record_decision(ws, Decision(f"MH-2026-{i:03d}", DecisionKind.DECLINE, "officier",
                                     motivation=text), DAY)
    record_decision(ws, Decision("MH-2026-010", DecisionKind.HAND_OVER, "officier",
                                 hand_over_to=HandOverTarget.KMAR, motivation="KMar",
                                 hand_over_detail="-grens"), DAY)
    finalise_meeting(ws, DAY, "officier")
    record_decision(ws, Decision("MH-2026-011", DecisionKind.PARK, "officier",
                                 until_date=date(2027, 1, 8), motivation="wacht"),
                    date(2026, 11, 5))
    return ws


def _cells(book_or_sheet):
    sheets = getattr(book_or_sheet, "worksheets", [book_or_sheet])
    for sheet in sheets:
        for row in sheet.iter_rows():
            yield from row


@pytest.mark.slow
def test_export_reopened_no_formulas_texts_round_trip_dates_are_dates(logged, tmp_path):
    out = tmp_path / "besluitenlijst.xlsx"
    result = export_decision_log(logged, out, DAY)
    assert result.entries == 8 and result.decisions == 8
    assert result.head_hash == logged.head()[1]
    wb = load_workbook(out)
    assert wb.sheetnames == ["Besluiten", "Ranglijst", "Planning", "Planbord", "Capaciteit",
                             "Weging"]
    assert not any(c.data_type == "f" for c in _cells(wb))
    assert not any(isinstance(c.value, str) and c.data_type != "s" and c.value.startswith("=")
                   for c in _cells(wb))
    values = [c.value for c in _cells(wb["Besluiten"])]
    assert not any(isinstance(v, str) and v.startswith("'") for v in values)
    # openpyxl does not undo the format's _xHHHH_ escapes on reading; Excel and calamine
    # (our own reader) do, and must give back exactly the text that was recorded.
    from python_calamine import CalamineWorkbook

    exact = [v for row in CalamineWorkbook.from_path(str(out)).get_sheet_by_name("Besluiten")
             .to_python() for v in row]
    for text in INJECTED:
        assert text in exact, repr(text)
    assert "-grens" in values
    assert "=geen ruimte bij Team Zuid" in [c.value for c in _cells(wb["Planning"])]
    # title block: meeting date and the head hash
    block = {r[0].value: r[1].value for r in wb["Besluiten"].iter_rows(max_col=2)
             if r[0].value}
    assert block["Kophash besluitenlog"] == result.head_hash
    assert isinstance(block["Vergadering"], datetime) and block["Vergadering"].date() == DAY
    assert block["Status"].startswith("vastgesteld op")
    # real types in the table
    ws = wb["Besluiten"]
    header_row = next(r[0].row for r in ws.iter_rows() if r[0].value == "Nr.")
    headers = [c.value for c in ws[header_row]]
    first = [c.value for c in ws[header_row + 1]]
    row = dict(zip(headers, first, strict=True))
    assert row["Nr."] == 1 and isinstance(row["Vergadering"], datetime)
    assert isinstance(row["Vastgelegd op"], datetime) and row["Besluit"] == "niet oppakken"
    assert row["Slachtoffers informeren"] == "nee"
    assert ws.freeze_panes == f"A{header_row + 1}"
    assert ws.auto_filter.ref.startswith(f"A{header_row}:")
    cap = wb["Capaciteit"]
    assert any(isinstance(c.value, datetime) for c in _cells(cap))  # Maandag is a date
    assert any(c.value == 0.71 for c in _cells(cap))  # inzetbaarheid as a number
    weging = [c.value for c in _cells(wb["Weging"])]
    assert "Ernst" in weging and "Standaard" in weging


@pytest.mark.slow
def test_export_of_all_meetings_and_of_a_draft_meeting(logged, tmp_path):
    everything = export_decision_log(logged, tmp_path / "alles.xlsx")
    assert everything.decisions == 9
    draft = export_decision_log(logged, tmp_path / "concept.xlsx", date(2026, 11, 5))
    wb = load_workbook(tmp_path / "concept.xlsx")
    values = [c.value for c in _cells(wb["Besluiten"])]
    assert "concept: nog niet vastgesteld" in values and "concept" in values
    assert draft.head_hash in values  # the head hash is printed on every export
    assert any(isinstance(v, datetime) and v.date() == date(2027, 1, 8) for v in values)


def test_unknown_meeting_is_refused(logged, tmp_path):
    with pytest.raises(ExportError, match="geen vergadering"):
        export_decision_log(logged, tmp_path / "x.xlsx", date(2020, 1, 1))


@pytest.mark.slow
def test_locked_target_leaves_the_old_file_byte_identical(logged, tmp_path, monkeypatch):
    out = tmp_path / "besluitenlijst.xlsx"
    export_decision_log(logged, out, DAY)
    before = out.read_bytes()
    calls = []

    def locked(src, dst):
        calls.append(dst)
        raise PermissionError(13, "Permission denied", str(dst))

    monkeypatch.setattr(os, "replace", locked)
    with pytest.raises(ExportError) as info:
        export_decision_log(logged, out, None, retries=2, retry_delay=0.001)
    assert len(calls) == 3  # bounded retry
    assert "in gebruik" in str(info.value) and "niet gewijzigd" in str(info.value)
    monkeypatch.undo()
    assert out.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir() if p.suffix in (".xlsx", ".tmp")) == [
        "besluitenlijst.xlsx"]


@pytest.mark.slow
def test_text_over_excel_limit_is_reported_not_cut_silently(ws, tmp_path):
    long = "Lange motivering. " * 2500  # ~45,000 characters
    record_decision(ws, Decision("MH-2026-001", DecisionKind.DECLINE, "officier",
                                 motivation=long), DAY)
    result = export_decision_log(ws, tmp_path / "lang.xlsx", DAY)
    assert any("ingekort" in w for w in result.warnings)
    assert ws.decisions(DAY)[0].motivation == long  # the workspace keeps all of it


@pytest.mark.slow
def test_characters_excel_cannot_store_are_replaced_and_reported(ws, tmp_path):
    record_decision(ws, Decision("MH-2026-001", DecisionKind.DECLINE, "officier",
                                 motivation="geen\x00bewijs\x07"), DAY)
    result = export_decision_log(ws, tmp_path / "c.xlsx", DAY)
    assert any("Besluiten" in w and "vervangen" in w for w in result.warnings)
    values = [c.value for c in _cells(load_workbook(tmp_path / "c.xlsx")["Besluiten"])]
    assert "geen\ufffdbewijs\ufffd" in values
    assert ws.decisions(DAY)[0].motivation == "geen\x00bewijs\x07"  # the workspace keeps it


def _tamper(path, *statements):
    import sqlite3

    conn = sqlite3.connect(path, isolation_level=None)
    for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type='trigger'").fetchall():
        conn.execute(f"DROP TRIGGER {name}")
    for s in statements:
        conn.execute(s)
    conn.close()


@pytest.mark.slow
def test_export_of_a_tampered_log_says_so_in_result_and_title_block(logged, ws_path, tmp_path):
    from stuurploeg.app.workspace import open_workspace

    clean = export_decision_log(logged, tmp_path / "goed.xlsx", DAY)
    assert clean.chain_ok and not clean.warnings
    logged.close()
    _tamper(ws_path, "UPDATE decisions SET motivation = 'verzonnen' WHERE seq = 2")
    out = tmp_path / "besluitenlijst.xlsx"
    with open_workspace(ws_path, readonly=True) as ws:
        result = export_decision_log(ws, out, DAY)
    assert not result.chain_ok and "besluit nr. 2" in result.chain_problem
    assert "klopt niet" in result.warnings[0] and "niet betrouwbaar" in result.warnings[0]
    block = {r[0].value: r[1].value for r in load_workbook(out)["Besluiten"].iter_rows(max_col=2)
             if r[0].value}
    assert block["Keten"].startswith("NIET in orde — besluit nr. 2")
