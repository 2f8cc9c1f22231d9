"""The decision-log rules hold in the database itself, and tampering is found by verify."""

import sqlite3
from datetime import date

import pytest

from stuurploeg.app.decisions import finalise_meeting, record_decision, verify_workspace
from stuurploeg.domain.decisions import Decision
from stuurploeg.domain.model import DecisionKind, HandOverTarget
from stuurploeg.domain.weeks import IsoWeek

DAY = date(2026, 10, 1)


def _log(ws, day=DAY, n=3):
    ids = []
    for i in range(1, n + 1):
        ids.append(record_decision(ws, Decision(
            f"MH-2026-{i:03d}", DecisionKind.TAKE_UP, "mr. A. de Vries", team="Team Noord",
            start_week=IsoWeek(2026, 40 + i), fte=1.0 + i), day).id)
    ids.append(record_decision(ws, Decision(
        "MH-2026-010", DecisionKind.HAND_OVER, "mr. A. de Vries",
        hand_over_to=HandOverTarget.KMAR, motivation="Grensoverschrijdend; KMar neemt over."),
        day).id)
    finalise_meeting(ws, day, "mr. A. de Vries")
    return ids


def _raw(path):
    conn = sqlite3.connect(path, isolation_level=None)
    return conn


@pytest.mark.parametrize("sql", [
    "UPDATE decisions SET motivation = 'anders' WHERE id = {id}",
    "UPDATE decisions SET state = 'draft' WHERE id = {id}",
    "DELETE FROM decisions WHERE id = {id}",
    "UPDATE meetings SET meeting_date = '2026-10-02'",
    "DELETE FROM meetings",
    "INSERT INTO decisions (meeting_id, case_id, kind, decided_by, inform_victims, created_at)"
    " VALUES (1, 'MH-2026-005', 'close', 'x', 1, '2026-10-01')",
    "INSERT INTO decisions (meeting_id, case_id, kind, decided_by, inform_victims, created_at,"
    " state, seq, entry_hash) VALUES (1, 'MH-2026-005', 'close', 'x', 1, '2026-10-01', 'final',"
    " 99, 'ab')",
])
@pytest.mark.slow
def test_database_refuses_changes_to_final_entries(ws, ws_path, sql):
    ids = _log(ws)
    ws.close()
    conn = _raw(ws_path)
    with pytest.raises(sqlite3.DatabaseError):
        conn.execute(sql.format(id=ids[1]))
    conn.close()
    assert verify_workspace(ws_path).ok


def test_finalising_out_of_chain_order_is_refused(ws, ws_path):
    _log(ws)
    d = record_decision(ws, Decision("MH-2026-007", DecisionKind.PARK, "x", until_next_meeting=True,
                                     motivation="wacht op informatie"), date(2026, 11, 1))
    ws.close()
    conn = _raw(ws_path)
    with pytest.raises(sqlite3.DatabaseError, match="keten"):
        conn.execute("UPDATE decisions SET state='final', seq=9, finalised_at='x', "
                     "prev_hash='00', entry_hash='ff' WHERE id = ?", (d.id,))
    conn.close()


def _tamper(path, *statements):
    """Change the file as a careful forger would: past the triggers, then put them back."""
    conn = _raw(path)
    triggers = conn.execute("SELECT name, sql FROM sqlite_master WHERE type='trigger'").fetchall()
    for n, _ in triggers:
        conn.execute(f"DROP TRIGGER {n}")
    for s in statements:
        conn.execute(s)
    for _, sql in triggers:
        conn.execute(sql)
    conn.close()


def test_missing_triggers_are_reported_by_verify_and_restored_on_open(ws, ws_path):
    from stuurploeg.app.workspace import open_workspace

    _log(ws)
    ws.close()
    conn = _raw(ws_path)
    conn.execute("DROP TRIGGER decisions_final_no_update")
    conn.execute("DROP TRIGGER meetings_final_no_delete")
    conn.close()
    report = verify_workspace(ws_path)
    assert not report.ok and report.chain.ok
    assert "decisions_final_no_update" in report.problems[0]
    assert "meetings_final_no_delete" in report.problems[0]
    with open_workspace(ws_path, readonly=True) as ro:
        assert any("ontbraken 2 regel(s)" in w for w in ro.warnings)
    with open_workspace(ws_path) as opened:
        (found,) = [w for w in opened.warnings if "ontbraken" in w]
        assert "hersteld" in found
    # Put back, but not forgotten: verify keeps reporting that they were missing.
    again = verify_workspace(ws_path)
    assert not again.ok and again.chain.ok
    assert "decisions_final_no_update" in again.problems[0] and "hersteld" in again.problems[0]
    conn = _raw(ws_path)
    with pytest.raises(sqlite3.DatabaseError):
        conn.execute("UPDATE decisions SET motivation = 'anders' WHERE seq = 1")
    conn.close()


@pytest.mark.parametrize(
    ("statements", "seq", "words"),
    [
        (["UPDATE decisions SET motivation = 'verzonnen' WHERE seq = 2"], 2, "inhoud"),
        (["UPDATE decisions SET fte = 0.5 WHERE seq = 3"], 3, "inhoud"),
        (["UPDATE decisions SET snap_score = 99.0 WHERE seq = 1"], 1, "inhoud"),
        (["UPDATE meetings SET meeting_date = '2026-09-30'"], 1, "inhoud"),
        (["UPDATE meetings SET finalised_by = 'iemand anders'"], 1, "inhoud"),
        (["UPDATE meetings SET finalised_at = '2026-10-02T09:00:00+02:00'"], 1, "inhoud"),
        (["DELETE FROM decisions WHERE seq = 2"], 3, "ontbreekt"),
        (["UPDATE decisions SET seq = 10 WHERE seq = 1",
          "UPDATE decisions SET seq = 1 WHERE seq = 2",
          "UPDATE decisions SET seq = 2 WHERE seq = 10"], 1, "vorige"),
    ],
)
@pytest.mark.slow
def test_tampering_is_found_and_names_the_entry(ws, ws_path, statements, seq, words):
    _log(ws)
    ws.close()
    assert verify_workspace(ws_path).ok
    _tamper(ws_path, *statements)
    report = verify_workspace(ws_path)
    assert not report.ok
    assert report.chain.problem.seq == seq
    assert f"besluit nr. {seq}" in report.problems[0]
    assert "zaak MH-2026-" in report.problems[0]
    assert words in report.problems[0]


@pytest.mark.slow
def test_truncated_log_is_found(ws, ws_path):
    _log(ws)
    head = ws.head()[1]
    ws.close()
    _tamper(ws_path, "DELETE FROM decisions WHERE seq = 4")
    report = verify_workspace(ws_path)
    assert not report.ok and "verwijderd" in report.problems[0]
    _tamper(ws_path, "DELETE FROM meta")
    assert verify_workspace(ws_path).ok  # the file alone cannot tell any more …
    assert not verify_workspace(ws_path, expected_head=head).ok  # … the printed head can


@pytest.mark.slow
def test_opening_a_tampered_workspace_warns_at_once(ws, ws_path):
    from stuurploeg.app.workspace import open_workspace

    _log(ws)
    ws.close()
    with open_workspace(ws_path) as clean:
        assert not any("besluitenlog" in w for w in clean.warnings)
    _tamper(ws_path, "UPDATE decisions SET motivation = 'verzonnen' WHERE seq = 2")
    with open_workspace(ws_path) as opened:
        found = [w for w in opened.warnings if "besluitenlog" in w]
    assert len(found) == 1 and "besluit nr. 2" in found[0] and "MH-2026-" in found[0]


@pytest.mark.slow
def test_a_deleted_tail_is_not_hidden_by_the_next_finalise(ws, ws_path):
    from stuurploeg.app.workspace import open_workspace
    from stuurploeg.store.errors import StoreError

    _log(ws)
    later = date(2026, 11, 5)
    record_decision(ws, Decision("MH-2026-008", DecisionKind.PARK, "x", until_next_meeting=True,
                                 motivation="wacht op informatie"), later)
    ws.close()
    _tamper(ws_path, "DELETE FROM decisions WHERE seq = 4")
    with open_workspace(ws_path) as opened:
        found = [w for w in opened.warnings if "besluitenlog" in w]
        assert len(found) == 1 and "verwijderd" in found[0] and "nr. 4" in found[0]
        # Nothing is added to a log that fails verification: no draft, no final entry.
        with pytest.raises(StoreError, match=r"vastleggen kan niet.*verwijderd"):
            record_decision(opened, Decision(
                "MH-2026-007", DecisionKind.PARK, "x", until_next_meeting=True,
                motivation="wacht op informatie"), later)
        with pytest.raises(StoreError, match=r"vaststellen kan niet.*verwijderd"):
            finalise_meeting(opened, later, "mr. A. de Vries")
        assert opened.head()[0] == 3  # nothing was appended
    report = verify_workspace(ws_path)
    assert not report.ok and "verwijderd" in report.problems[0]
