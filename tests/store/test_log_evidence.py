"""The decision log's own evidence: missing rules are found and remembered, nothing is added
to a log that fails verification, and a cut-off or re-hashed log is found against the head
this computer saw last (kept in the user's data folder, never in the workspace)."""

import json
import sqlite3
from dataclasses import replace
from datetime import date

import pytest
from openpyxl import load_workbook

from stuurploeg.app.decisions import (
    DecisionError,
    finalise_meeting,
    record_decision,
    verify_workspace,
)
from stuurploeg.app.export import export_decision_log
from stuurploeg.app.workspace import open_workspace, restore_backup
from stuurploeg.cli import main
from stuurploeg.domain.decisions import GENESIS_HASH, Decision, compute_hash
from stuurploeg.domain.model import DecisionKind
from stuurploeg.store import decisions_repo, schema
from tests.store.test_triggers import DAY, _log, _tamper

LATER = date(2026, 11, 5)


def _raw(path):
    conn = sqlite3.connect(path, isolation_level=None)
    conn.row_factory = sqlite3.Row
    return conn


def _forge(path, *statements):
    """A careful forger: past the triggers, change, re-hash the whole chain, fix the
    recorded head, put the triggers back. The file then verifies by itself."""
    conn = _raw(path)
    triggers = conn.execute("SELECT name, sql FROM sqlite_master WHERE type='trigger'").fetchall()
    for t in triggers:
        conn.execute(f"DROP TRIGGER {t['name']}")
    for s in statements:
        conn.execute(s)
    prev = GENESIS_HASH
    for entry in decisions_repo.final_entries(conn):
        digest = compute_hash(prev, replace(entry, prev_hash=prev))
        conn.execute("UPDATE decisions SET prev_hash = ?, entry_hash = ? WHERE id = ?",
                     (prev, digest, entry.id))
        prev = digest
    seq = conn.execute("SELECT COALESCE(MAX(seq), 0) FROM decisions").fetchone()[0]
    conn.execute("UPDATE meta SET value = ? WHERE key = 'chain_head'",
                 (json.dumps({"seq": seq, "hash": prev}),))
    for t in triggers:
        conn.execute(t["sql"])
    conn.close()


def _decline(case, motivation="geen capaciteit"):
    return Decision(case, DecisionKind.DECLINE, "mr. A. de Vries", motivation=motivation)


# -- the rules (triggers) --------------------------------------------------------------


def test_every_trigger_of_the_migrations_is_expected():
    scripts = "\n".join(schema.MIGRATIONS)
    count = scripts.upper().count("CREATE TRIGGER")
    expected = schema.expected_triggers()
    assert len(expected) == count
    assert "decisions_finalise_appends" in expected


def test_a_dropped_finalise_rule_is_found(ws, ws_path):
    _log(ws)
    ws.close()
    conn = _raw(ws_path)
    conn.execute("DROP TRIGGER decisions_finalise_appends")
    conn.close()
    report = verify_workspace(ws_path)
    assert not report.ok and any("decisions_finalise_appends" in p for p in report.problems)


def test_a_missing_rule_is_evidence_kept_after_it_is_put_back(ws, ws_path, tmp_path, capsys):
    _log(ws)
    ws.close()
    conn = _raw(ws_path)
    conn.execute("DROP TRIGGER decisions_final_no_update")
    conn.close()
    with open_workspace(ws_path) as opened:  # puts the rule back, and records that it did
        assert any("hersteld" in w for w in opened.warnings)
    assert schema.missing_triggers(_raw(ws_path)) == []
    report = verify_workspace(ws_path)
    assert not report.ok
    (found,) = [p for p in report.problems if "decisions_final_no_update" in p]
    assert "hersteld" in found
    assert main(["verify", str(ws_path)]) == 1
    assert "decisions_final_no_update" in capsys.readouterr().err
    with open_workspace(ws_path) as again:  # and keeps saying so
        assert any("decisions_final_no_update" in w for w in again.warnings)
        out = export_decision_log(again, tmp_path / "lijst.xlsx")
    block = {r[0].value: r[1].value for r in load_workbook(out.path)["Besluiten"].iter_rows(
        max_row=9) if r[0].value}
    assert block["Keten"].startswith("NIET in orde")
    # The evidence cannot be removed by the app's own rules.
    conn = _raw(ws_path)
    with pytest.raises(sqlite3.DatabaseError):
        conn.execute("DELETE FROM log_events")
    conn.close()


# -- nothing is added to a log that fails verification ----------------------------------


def test_decide_and_finalise_are_refused_on_a_tampered_log(ws, ws_path, capsys):
    _log(ws)
    record_decision(ws, _decline("MH-2026-008"), LATER)
    ws.close()
    _tamper(ws_path, "UPDATE decisions SET motivation = 'verzonnen' WHERE seq = 2")
    with open_workspace(ws_path) as opened:
        with pytest.raises(DecisionError) as info:
            record_decision(opened, _decline("MH-2026-009"), LATER)
        msg = str(info.value)
        assert "besluit nr. 2" in msg and "reservekopie" in msg
        assert "functioneel beheerder" in msg
        with pytest.raises(DecisionError, match="vaststellen kan niet"):
            finalise_meeting(opened, LATER, "mr. A. de Vries")
        assert opened.head()[0] == 4 and len(opened.decisions(LATER)) == 1
    code = main(["decide", str(ws_path), "--case", "MH-2026-009", "--kind", "decline",
                 "--motivation", "x", "--by", "x", "--meeting", "2026-11-05"])
    err = capsys.readouterr().err
    assert code == 1 and "reservekopie" in err and "Traceback" not in err
    assert main(["finalise", str(ws_path), "--meeting", "2026-11-05", "--by", "x"]) == 1


# -- the last known head, outside the workspace ----------------------------------------


def _two_meetings(ws):
    _log(ws)  # nr. 1-4 on DAY
    record_decision(ws, _decline("MH-2026-008"), LATER)
    finalise_meeting(ws, LATER, "mr. A. de Vries")  # nr. 5


def test_the_last_known_head_lives_in_the_data_folder_keyed_by_the_workspace_id(
        ws, ws_path, tmp_path):
    _two_meetings(ws)
    wid = ws.workspace_id()
    ws.close()
    from stuurploeg.store.userdata import data_folder

    kept = data_folder() / "besluitenlog" / f"{wid}.json"
    data = json.loads(kept.read_text())
    assert data["seq"] == 5 and len(data["hash"]) == 64
    assert "MH-2026" not in kept.read_text()  # no case data outside the workspace


@pytest.mark.slow
def test_a_removed_last_meeting_with_its_head_fixed_up_is_found(ws, ws_path, capsys):
    _two_meetings(ws)
    ws.close()
    _forge(ws_path, "DELETE FROM decisions WHERE seq = 5",
           "DELETE FROM meetings WHERE meeting_date = '2026-11-05'")
    report = verify_workspace(ws_path)
    assert report.chain.ok  # the chain alone verifies
    assert not report.ok and any("nr. 5" in p and "verwijderd" in p for p in report.problems)
    with open_workspace(ws_path) as opened:
        assert any("nr. 5" in w for w in opened.warnings)
        with pytest.raises(DecisionError, match="vastleggen kan niet"):
            record_decision(opened, _decline("MH-2026-009"), date(2026, 12, 3))
    assert main(["verify", str(ws_path)]) == 1


def test_a_rehashed_log_is_found(ws, ws_path):
    _two_meetings(ws)
    ws.close()
    _forge(ws_path, "UPDATE decisions SET motivation = 'verzonnen' WHERE seq = 1")
    report = verify_workspace(ws_path)
    assert report.chain.ok
    assert not report.ok and any("herschreven" in p for p in report.problems)


def test_a_restored_backup_is_no_false_alarm(ws, ws_path):
    _log(ws)
    backup = ws.backup_now()
    record_decision(ws, _decline("MH-2026-008"), LATER)
    finalise_meeting(ws, LATER, "mr. A. de Vries")
    ws.close()
    restore_backup(ws_path, backup)
    report = verify_workspace(ws_path)
    assert report.ok, report.problems
    with open_workspace(ws_path) as opened:
        assert not any("besluitenlog" in w for w in opened.warnings)
        assert verify_workspace(backup).ok  # a backup is expected to be older


@pytest.mark.slow
def test_another_computer_without_a_known_head_trusts_the_file_alone(ws, ws_path, tmp_path,
                                                                       monkeypatch):
    _two_meetings(ws)
    ws.close()
    _forge(ws_path, "DELETE FROM decisions WHERE seq = 5",
           "DELETE FROM meetings WHERE meeting_date = '2026-11-05'")
    monkeypatch.setenv("STUURPLOEG_DATA_DIR", str(tmp_path / "elders"))
    assert verify_workspace(ws_path).ok  # what the docs say the log cannot prove alone


# -- entries that claim a meeting already finalised ------------------------------------


def _append_forged(path, meeting_date, finalised_at):
    """Add a final entry to the end of the chain, claiming an existing meeting."""
    conn = _raw(path)
    mid = conn.execute("SELECT id FROM meetings WHERE meeting_date = ?",
                       (meeting_date,)).fetchone()[0]
    conn.close()
    _forge(path,
           "INSERT INTO decisions (meeting_id, case_id, case_name, kind, decided_by, motivation,"
           " inform_victims, created_at, state, seq, finalised_at, hash_format) VALUES "
           f"({mid}, 'MH-2026-011', 'Onderzoek Zeester 11', 'decline', 'mr. A. de Vries', "
           f"'ingevoegd', 0, '{finalised_at}', 'final', 6, '{finalised_at}', 2)")


@pytest.mark.slow
def test_an_entry_claiming_an_earlier_finalised_meeting_is_flagged(ws, ws_path, tmp_path,
                                                                   monkeypatch):
    _two_meetings(ws)
    first = ws.meeting(DAY)
    ws.close()
    _append_forged(ws_path, DAY.isoformat(), first.finalised_at.isoformat())
    monkeypatch.setenv("STUURPLOEG_DATA_DIR", str(tmp_path / "elders"))  # even without a head
    report = verify_workspace(ws_path)
    assert report.chain.ok
    (found,) = [p for p in report.problems if "al vastgesteld" in p]
    assert "nr. 6" in found and "01-10-2026" in found


@pytest.mark.slow
def test_an_entry_added_to_the_last_meeting_after_it_was_finalised_is_flagged(ws, ws_path):
    _two_meetings(ws)
    last = ws.meeting(LATER)
    ws.close()
    _append_forged(ws_path, LATER.isoformat(), last.finalised_at.isoformat())
    report = verify_workspace(ws_path)
    assert report.chain.ok
    assert any("nr. 6" in p and "al vastgesteld" in p for p in report.problems)


@pytest.mark.slow
def test_verify_with_head_flags_entries_after_it_that_claim_an_earlier_meeting(ws, ws_path,
                                                                               tmp_path,
                                                                               monkeypatch):
    _two_meetings(ws)
    head = ws.head()[1]
    last = ws.meeting(LATER)
    ws.close()
    _append_forged(ws_path, LATER.isoformat(), last.finalised_at.isoformat())
    monkeypatch.setenv("STUURPLOEG_DATA_DIR", str(tmp_path / "elders"))
    report = verify_workspace(ws_path, expected_head=head)
    assert any("nr. 6" in p and "al vastgesteld" in p for p in report.problems)


def test_docs_say_what_the_log_can_and_cannot_prove():
    from pathlib import Path

    text = (Path(__file__).parents[2] / "docs" / "decision-log.md").read_text(encoding="utf-8")
    assert "Wat het log bewijst" in text and "Wat het log niet bewijst" in text
    assert "decision-log.md" in (Path(__file__).parents[2] / "docs" / "architecture.md"
                                 ).read_text(encoding="utf-8")
