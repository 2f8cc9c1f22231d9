"""One decision per case per meeting: refused with a message naming the first, replaced only
explicitly (a draft), enforced by the database too, and kept (reported) in old files."""

import sqlite3
from datetime import date, datetime

import pytest

from stuurploeg.app.decisions import (
    DecisionError,
    DuplicateDecision,
    correct_decision,
    decision_id_for_seq,
    finalise_meeting,
    record_decision,
    replace_draft,
    update_draft,
    verify_workspace,
)
from stuurploeg.app.workspace import open_workspace
from stuurploeg.domain.decisions import GENESIS_HASH, Decision, compute_hash
from stuurploeg.domain.model import DecisionKind
from stuurploeg.domain.weeks import IsoWeek
from stuurploeg.store import schema
from stuurploeg.store.connection import connect

DAY = date(2026, 10, 1)
NEXT = date(2026, 10, 29)
OFFICER = "mr. A. de Vries"


WEEK41 = IsoWeek(2026, 41)


def _take_up(case="MH-2026-001", team="Team Noord", week=WEEK41, **kw):
    return Decision(case, DecisionKind.TAKE_UP, OFFICER, team=team, start_week=week, fte=2.0,
                    **kw)


def _park(case="MH-2026-001", motivation="wacht op de rechtshulp", **kw):
    return Decision(case, DecisionKind.PARK, "mr. B. Jansen", until_next_meeting=True,
                    motivation=motivation, **kw)


def test_a_second_decision_is_refused_naming_the_first(ws):
    first = record_decision(ws, _take_up(), DAY)
    with pytest.raises(DuplicateDecision) as info:
        record_decision(ws, _park(), DAY)
    err = info.value
    assert err.existing.id == first.id and err.field == "case_id"
    msg = str(err)
    for part in ("MH-2026-001", "01-10-2026", "oppakken", "Team Noord", "2026-W41", OFFICER,
                 "concept"):
        assert part in msg, part
    assert [d.id for d in ws.decisions(DAY)] == [first.id]
    # Another meeting is another decision.
    assert record_decision(ws, _park(), NEXT).meeting_date == NEXT


def test_a_draft_is_replaced_only_explicitly(ws):
    first = record_decision(ws, _take_up(), DAY)
    replaced = replace_draft(ws, _park(), DAY)
    (only,) = ws.decisions(DAY)
    assert only.id == replaced.id
    assert only.kind is DecisionKind.PARK and only.decided_by == "mr. B. Jansen"
    assert only.team is None and only.created_at >= first.created_at
    # Replacing where there is nothing simply records.
    assert replace_draft(ws, _park("MH-2026-002"), DAY).case_id == "MH-2026-002"


def test_a_final_decision_is_never_replaced_only_corrected(ws):
    record_decision(ws, _take_up(), DAY)
    finalise_meeting(ws, DAY, OFFICER)
    with pytest.raises(DecisionError, match="al vastgesteld"):
        replace_draft(ws, _park(), DAY)
    old = decision_id_for_seq(ws, 1)
    fix = correct_decision(ws, old, _park(motivation="Tikfout: parkeren was besloten."), NEXT)
    # The correction is the case's decision in that meeting: a second one is refused.
    with pytest.raises(DuplicateDecision, match="concept"):
        record_decision(ws, _take_up(motivation="toch"), NEXT)
    assert [d.id for d in ws.decisions(NEXT)] == [fix.id]


def test_a_draft_cannot_be_moved_onto_a_case_already_decided(ws):
    record_decision(ws, _take_up(), DAY)
    other = record_decision(ws, _park("MH-2026-002"), DAY)
    with pytest.raises(DuplicateDecision, match="MH-2026-001"):
        update_draft(ws, other.id, _park("MH-2026-001"))
    assert ws.decision(other.id).case_id == "MH-2026-002"


def test_the_database_refuses_a_second_decision_whoever_writes(ws, ws_path):
    record_decision(ws, _take_up(), DAY)
    second = record_decision(ws, _park("MH-2026-002"), DAY)
    ws.close()
    conn = sqlite3.connect(ws_path, isolation_level=None)
    with pytest.raises(sqlite3.DatabaseError, match="al een besluit"):
        conn.execute("INSERT INTO decisions (meeting_id, case_id, kind, decided_by, "
                     "inform_victims, created_at) VALUES (1, 'MH-2026-001', 'close', 'x', 1, "
                     "'2026-10-01')")
    with pytest.raises(sqlite3.DatabaseError, match="al een besluit"):
        conn.execute("UPDATE decisions SET case_id = 'MH-2026-001' WHERE id = ?", (second.id,))
    conn.close()


def _v6_workspace_with_doubles(path):
    """A workspace written before the rule: two final decisions about MH-2 in a finalised
    meeting, and two drafts about MH-1 in an open one."""
    conn = connect(path)
    schema.initialise(conn, upto=6)
    conn.execute("INSERT INTO cases (case_id, name, status, position) VALUES "
                 "('MH-1', 'Een', 'nieuw', 0), ('MH-2', 'Twee', 'nieuw', 1)")
    conn.execute("INSERT INTO meetings (id, meeting_date) VALUES (1, '2026-03-02'), "
                 "(2, '2026-04-06')")
    created, final = "2026-03-02T10:00:00+01:00", "2026-03-02T12:00:00+01:00"
    prev = GENESIS_HASH
    for seq, kind in ((1, "decline"), (2, "close")):
        entry = Decision("MH-2", DecisionKind(kind), "OvJ", meeting_date=date(2026, 3, 2),
                         case_name="Twee", motivation="m", inform_victims=False,
                         created_at=datetime.fromisoformat(created), seq=seq,
                         finalised_at=datetime.fromisoformat(final))
        digest = compute_hash(prev, entry)
        conn.execute("INSERT INTO decisions (id, meeting_id, case_id, case_name, kind, "
                     "motivation, decided_by, inform_victims, created_at) VALUES "
                     "(?, 1, 'MH-2', 'Twee', ?, 'm', 'OvJ', 0, ?)", (seq, kind, created))
        conn.execute("UPDATE decisions SET state = 'final', seq = ?, finalised_at = ?, "
                     "prev_hash = ?, entry_hash = ? WHERE id = ?",
                     (seq, final, prev, digest, seq))
        prev = digest
    conn.execute("UPDATE meetings SET finalised_at = ?, finalised_by = 'OvJ' WHERE id = 1",
                 (final,))
    for _ in range(2):
        conn.execute("INSERT INTO decisions (meeting_id, case_id, case_name, kind, motivation, "
                     "decided_by, inform_victims, until_next_meeting, created_at) VALUES "
                     "(2, 'MH-1', 'Een', 'park', 'm', 'OvJ', 0, 1, ?)", (created,))
    conn.close()


def test_doubles_in_an_older_workspace_are_kept_and_reported(tmp_path):
    path = tmp_path / "oud.stuurploeg"
    _v6_workspace_with_doubles(path)
    with open_workspace(path) as ws:
        assert schema.schema_version(ws.conn) == schema.SCHEMA_VERSION
        assert len(ws.decisions()) == 4  # nothing lost in the migration
        (found,) = [w for w in ws.warnings if "één besluit per zaak" in w]
        assert "zaak MH-2 heeft 2 besluiten" in found and "nr. 1" in found and "nr. 2" in found
        assert "zaak MH-1 heeft 2 besluiten" in found and "02-03-2026" in found
        day = date(2026, 4, 6)
        with pytest.raises(DecisionError, match="zaak MH-1 heeft 2 besluiten"):
            finalise_meeting(ws, day, OFFICER)
        # Replacing resolves the double in the open meeting; the final ones stay as they are.
        replace_draft(ws, Decision("MH-1", DecisionKind.DECLINE, OFFICER, motivation="geen"),
                      day)
        assert [d.kind for d in ws.decisions(day)] == [DecisionKind.DECLINE]
        assert len(finalise_meeting(ws, day, OFFICER)) == 1
    report = verify_workspace(path)
    assert report.ok, report.problems
    assert report.chain.entries == 3


def test_finalising_a_meeting_with_doubles_is_refused_naming_them(ws):
    record_decision(ws, _take_up(), DAY)
    # As an older version of the app could leave it (see the migration test above).
    ws.conn.execute("DROP TRIGGER IF EXISTS decisions_one_per_case")
    ws.conn.execute(
        "INSERT INTO decisions (meeting_id, case_id, case_name, kind, decided_by, motivation, "
        "inform_victims, until_next_meeting, created_at) SELECT meeting_id, case_id, case_name, "
        "'park', 'x', 'm', 0, 1, created_at FROM decisions")
    if "decisions_one_per_case" in schema.expected_triggers():
        schema.restore_triggers(ws.conn, ["decisions_one_per_case"])
    with pytest.raises(DecisionError, match="zaak MH-2026-001 heeft 2 besluiten"):
        finalise_meeting(ws, DAY, OFFICER)
    assert ws.head()[0] == 0
