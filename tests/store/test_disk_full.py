from datetime import date

import pytest

from stuurploeg.app.decisions import finalise_meeting, record_decision, verify_workspace
from stuurploeg.domain.decisions import Decision
from stuurploeg.domain.model import DecisionKind
from stuurploeg.store.errors import DiskFullError


def test_disk_full_during_a_write_is_a_clear_error_and_loses_nothing(ws, ws_path):
    day = date(2026, 10, 1)
    first = record_decision(ws, Decision("MH-2026-001", DecisionKind.DECLINE, "officier",
                                         motivation="Te weinig informatie."), day)
    finalise_meeting(ws, day, "officier")
    ws.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    pages = ws.conn.execute("PRAGMA page_count").fetchone()[0]
    ws.conn.execute(f"PRAGMA max_page_count = {pages}")
    huge = "Uitgebreide motivering. " * 20_000  # ~480 kB: needs new pages
    with pytest.raises(DiskFullError) as info:
        record_decision(ws, Decision("MH-2026-002", DecisionKind.DECLINE, "officier",
                                     motivation=huge), date(2026, 11, 1))
    msg = str(info.value)
    assert "schijf is vol" in msg and "ruimte" in msg and "intact" in msg
    assert not ws.conn.in_transaction
    assert [d.id for d in ws.decisions()] == [first.id]
    assert ws.meeting(date(2026, 11, 1)) is None  # the whole transaction was rolled back
    assert ws.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"

    ws.conn.execute("PRAGMA max_page_count = 1073741823")
    second = record_decision(ws, Decision("MH-2026-002", DecisionKind.DECLINE, "officier",
                                          motivation=huge), date(2026, 11, 1))
    assert ws.decision(second.id).motivation == huge
    ws.close()
    assert verify_workspace(ws_path).ok
