from datetime import date

import pytest

from stuurploeg.app.decisions import (
    DecisionError,
    correct_decision,
    delete_draft,
    finalise_meeting,
    record_decision,
    snapshot_for,
    update_draft,
    verify_workspace,
)
from stuurploeg.domain.decisions import Decision, Snapshot
from stuurploeg.domain.model import DecisionKind, HandOverTarget
from stuurploeg.domain.weeks import IsoWeek
from stuurploeg.store.planning_repo import AssignmentRow, PlanRecord, ProfileRecord, RankingRow

DAY = date(2026, 10, 1)
NEXT = date(2026, 10, 29)
OFFICER = "mr. A. de Vries"


WEEK41 = IsoWeek(2026, 41)


def _take_up(case="MH-2026-001", team="Team Noord", week=WEEK41, fte=2.0, **kw):
    return Decision(case, DecisionKind.TAKE_UP, OFFICER, team=team, start_week=week, fte=fte, **kw)


def _store_plan(ws):
    profile = ProfileRecord("Standaard", 2, {"severity": 25.0, "urgency": 20.0})
    plan = PlanRecord(
        "voorstel", "rank", IsoWeek(2026, 40), 26,
        ranking=[RankingRow(1, "MH-2026-001", 81.25), RankingRow(2, "MH-2026-002", 60.0,
                                                                 incomplete=True)],
        assignments=[AssignmentRow("MH-2026-001", "Team Noord", IsoWeek(2026, 41), 9, 2.0)],
        unplanned=[("MH-2026-002", "Team Zuid: 1,5 fte tekort in 2026-W41")],
        profile=profile, total_priority=81.25, gap=0.0,
    )
    return ws.save_plan(plan)


def test_snapshot_is_taken_from_the_newest_plan(ws):
    _store_plan(ws)
    d = record_decision(ws, _take_up(), DAY)
    assert d.snapshot == Snapshot(81.25, 1, "Standaard", 2, {"severity": 25.0, "urgency": 20.0},
                                  "Team Noord", IsoWeek(2026, 41), 2.0)
    assert d.case_name == "Onderzoek Zeester 1"
    assert d.inform_victims is True and d.state == "draft" and d.meeting_date == DAY
    assert snapshot_for(ws, "MH-2026-002").proposal_team is None


def test_motivation_required_when_departing_from_the_proposal(ws):
    _store_plan(ws)
    with pytest.raises(DecisionError, match="wijkt af van het voorstel"):
        record_decision(ws, _take_up(team="Team Zuid"), DAY)
    with pytest.raises(DecisionError, match="wijkt af"):
        record_decision(ws, Decision("MH-2026-001", DecisionKind.PARK, OFFICER,
                                     until_next_meeting=True), DAY)
    with pytest.raises(DecisionError, match="wijkt af"):  # not proposed, taken up anyway
        record_decision(ws, _take_up("MH-2026-002"), DAY)
    ok = record_decision(ws, _take_up(team="Team Zuid", motivation="Noord is vol."), DAY)
    assert ok.motivation == "Noord is vol."


@pytest.mark.parametrize("kind", [DecisionKind.DECLINE, DecisionKind.HAND_OVER,
                                  DecisionKind.CLOSE])
@pytest.mark.slow
def test_motivation_always_required_for(ws, kind):
    extra = {"hand_over_to": HandOverTarget.LABOUR_INSPECTORATE} if kind is \
        DecisionKind.HAND_OVER else {}
    with pytest.raises(DecisionError, match="motivering is verplicht"):
        record_decision(ws, Decision("MH-2026-003", kind, OFFICER, motivation="  ", **extra), DAY)


@pytest.mark.parametrize(
    ("decision", "fragment"),
    [
        (Decision("MH-2026-001", DecisionKind.TAKE_UP, OFFICER), "kies het team"),
        (Decision("MH-2026-001", DecisionKind.EXPAND, OFFICER), "extra weken"),
        (Decision("MH-2026-001", DecisionKind.PARK, OFFICER), "tot welke datum"),
        (Decision("MH-2026-001", DecisionKind.PARK, OFFICER, until_date=date(2026, 9, 1)),
         "na de vergaderdatum"),
        (Decision("MH-2026-001", DecisionKind.HAND_OVER, OFFICER, motivation="m"), "aan wie"),
        (Decision("MH-2026-001", DecisionKind.CLOSE, " ", motivation="m"), "wie het besluit"),
        (Decision("MH-2099-999", DecisionKind.CLOSE, OFFICER, motivation="m"), "niet in de"),
    ],
)
@pytest.mark.slow
def test_incomplete_decisions_are_refused_with_what_to_do(ws, decision, fragment):
    with pytest.raises(DecisionError, match=fragment):
        record_decision(ws, decision, DAY)
    assert ws.decisions() == []


def test_kinds_with_their_fields_round_trip(ws):
    kinds = [
        Decision("MH-2026-001", DecisionKind.EXPAND, OFFICER, extra_weeks=6, fte=1.5),
        Decision("MH-2026-002", DecisionKind.PARK, OFFICER, until_date=date(2027, 1, 15)),
        Decision("MH-2026-003", DecisionKind.PARK, OFFICER, until_next_meeting=True),
        Decision("MH-2026-004", DecisionKind.DECLINE, OFFICER, motivation="Geen bewijskansen."),
        Decision("MH-2026-005", DecisionKind.HAND_OVER, OFFICER, motivation="Landelijk netwerk",
                 hand_over_to=HandOverTarget.NATIONAL_UNIT, hand_over_detail="LE/DLR"),
        Decision("MH-2026-006", DecisionKind.CLOSE, OFFICER, motivation="Afgerond",
                 inform_victims=False),
    ]
    for d in kinds:
        record_decision(ws, d, DAY)
    stored = ws.decisions(DAY)
    assert [(d.kind, d.case_id) for d in stored] == [(d.kind, d.case_id) for d in kinds]
    assert stored[0].extra_weeks == 6 and stored[0].fte == 1.5
    assert stored[1].until_date == date(2027, 1, 15)
    assert stored[2].until_next_meeting
    assert stored[4].hand_over_to is HandOverTarget.NATIONAL_UNIT
    assert stored[4].hand_over_detail == "LE/DLR"
    assert stored[4].inform_victims is True and stored[5].inform_victims is False
    assert stored[3].inform_victims is False  # default for niet oppakken


def test_drafts_change_until_finalised_then_never(ws, ws_path):
    d = record_decision(ws, _take_up(), DAY)
    d2 = record_decision(ws, _take_up("MH-2026-002", fte=1.0), DAY)
    changed = update_draft(ws, d.id, _take_up(fte=3.0))
    assert changed.fte == 3.0
    delete_draft(ws, d2.id)
    final = finalise_meeting(ws, DAY, OFFICER)
    assert [x.id for x in final] == [d.id] and final[0].seq == 1
    assert ws.meeting(DAY).finalised and ws.meeting(DAY).finalised_by == OFFICER
    with pytest.raises(DecisionError, match="vastgesteld"):
        update_draft(ws, d.id, _take_up(fte=1.0))
    with pytest.raises(DecisionError, match="vastgesteld"):
        delete_draft(ws, d.id)
    with pytest.raises(DecisionError, match="al vastgesteld"):
        record_decision(ws, _take_up("MH-2026-003"), DAY)
    with pytest.raises(DecisionError, match="al vastgesteld"):
        finalise_meeting(ws, DAY, OFFICER)
    assert ws.decision(d.id).fte == 3.0
    ws.close()
    assert verify_workspace(ws_path).ok


def test_finalise_needs_drafts_and_a_name(ws):
    with pytest.raises(DecisionError, match="geen vergadering"):
        finalise_meeting(ws, DAY, OFFICER)
    ws.open_meeting(DAY)
    with pytest.raises(DecisionError, match="geen conceptbesluiten"):
        finalise_meeting(ws, DAY, OFFICER)
    with pytest.raises(DecisionError, match="wie"):
        finalise_meeting(ws, DAY, " ")


def test_correction_references_the_old_entry(ws, ws_path):
    d = record_decision(ws, _take_up(), DAY)
    finalise_meeting(ws, DAY, OFFICER)
    with pytest.raises(DecisionError, match="motivering"):
        correct_decision(ws, d.id, _take_up(fte=2.5), NEXT)
    with pytest.raises(DecisionError, match="dezelfde zaak"):
        correct_decision(ws, d.id, _take_up("MH-2026-002", motivation="x"), NEXT)
    draft = record_decision(ws, _take_up("MH-2026-002"), NEXT)
    with pytest.raises(DecisionError, match="conceptbesluit"):
        record_decision(ws, _take_up(corrects_id=draft.id, motivation="x"), NEXT)
    c = correct_decision(ws, d.id, _take_up(fte=2.5, motivation="Tikfout: 2,5 fte."), NEXT)
    assert c.corrects_id == d.id
    finalise_meeting(ws, NEXT, OFFICER)
    c = ws.decision(c.id)
    assert c.final and c.corrects_seq == 1 and c.seq == 3
    assert ws.decision(d.id).fte == 2.0  # the old entry stands unchanged
    head = ws.head()
    ws.close()
    report = verify_workspace(ws_path, expected_head=head[1])
    assert report.ok and report.chain.entries == 3 and report.head_hash == head[1]


def test_a_draft_cannot_be_changed_to_correct_a_draft_itself_or_another_case(ws, ws_path):
    a = record_decision(ws, _take_up(), DAY)
    b = record_decision(ws, _take_up(motivation="x"), NEXT)  # one per case per meeting
    with pytest.raises(DecisionError, match="conceptbesluit"):
        update_draft(ws, b.id, _take_up(corrects_id=a.id, motivation="x"))
    with pytest.raises(DecisionError, match="dit besluit zelf"):
        update_draft(ws, b.id, _take_up(corrects_id=b.id, motivation="x"))
    finalise_meeting(ws, DAY, OFFICER)
    other = record_decision(ws, _take_up("MH-2026-002", motivation="y"), NEXT)
    with pytest.raises(DecisionError, match="dezelfde zaak"):
        update_draft(ws, other.id, _take_up("MH-2026-002", corrects_id=a.id, motivation="y"))
    ok = update_draft(ws, b.id, _take_up(corrects_id=a.id, motivation="Tikfout."))
    assert ok.corrects_id == a.id
    ws.close()
    assert verify_workspace(ws_path).ok


def test_finalise_hashes_the_corrected_entrys_seq_as_stored(ws, ws_path):
    # Written past the app check (as another program could): the database refuses it now.
    import sqlite3

    a = record_decision(ws, _take_up(), DAY)
    b = record_decision(ws, _take_up("MH-2026-002", motivation="x"), DAY)
    with pytest.raises(sqlite3.DatabaseError, match="gecorrigeerd"):
        ws.conn.execute("UPDATE decisions SET corrects_id = ? WHERE id = ?", (a.id, b.id))
    with pytest.raises(sqlite3.DatabaseError, match="gecorrigeerd"):
        ws.conn.execute("UPDATE decisions SET corrects_id = ? WHERE id = ?", (b.id, b.id))
    # Even when a file lacks the trigger, the hash covers the seq the entry reads back.
    ws.conn.execute("DROP TRIGGER decisions_correct_final_only_update")
    ws.conn.execute("UPDATE decisions SET corrects_id = ? WHERE id = ?", (a.id, b.id))
    finalise_meeting(ws, DAY, OFFICER)
    assert ws.decision(b.id).corrects_seq == 1
    ws.close()
    report = verify_workspace(ws_path)
    assert report.chain.ok and "decisions_correct_final_only_update" in report.problems[0]


@pytest.mark.parametrize(
    ("decision", "fragment"),
    [
        (_take_up(fte=float("nan")), "getal groter dan 0"),
        (_take_up(fte=float("inf")), "getal groter dan 0"),
        (Decision("MH-2026-001", DecisionKind.EXPAND, OFFICER, fte=float("nan")),
         "getal groter dan 0"),
        (Decision("MH-2026-001", DecisionKind.EXPAND, OFFICER, extra_weeks=4,
                  hand_over_to=HandOverTarget.KMAR), "overdragen aan hoort niet"),
        (Decision("MH-2026-001", DecisionKind.DECLINE, OFFICER, motivation="m",
                  team="Team Noord"), "team hoort niet"),
        (Decision("MH-2026-001", DecisionKind.CLOSE, OFFICER, motivation="m",
                  until_next_meeting=True), "volgende vergadering hoort niet"),
        (_take_up(team="Team Oost", motivation="m"), "Kies een van: Team Noord, Team Zuid"),
    ],
)
@pytest.mark.slow
def test_nonsense_values_and_fields_of_another_kind_are_refused(ws, decision, fragment):
    with pytest.raises(DecisionError, match=fragment):
        record_decision(ws, decision, DAY)
    assert ws.decisions() == []
