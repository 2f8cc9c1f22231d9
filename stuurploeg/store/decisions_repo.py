"""Meetings and the decision log in the workspace.

Drafts are ordinary rows; finalising a meeting appends its drafts to the hash chain (next
``seq``, previous hash, own hash) and closes the meeting, all in the caller's transaction.
The triggers of schema v3 refuse any change to a final entry, whoever writes the file.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, replace
from datetime import date, datetime

from stuurploeg.domain.decisions import (
    GENESIS_HASH,
    HASH_FORMAT,
    Decision,
    Snapshot,
    compute_hash,
)
from stuurploeg.domain.model import DecisionKind, HandOverTarget
from stuurploeg.domain.weeks import IsoWeek
from stuurploeg.store.errors import StoreError


@dataclass(frozen=True)
class Meeting:
    id: int
    meeting_date: date
    title: str | None
    finalised_at: datetime | None
    finalised_by: str | None

    @property
    def finalised(self) -> bool:
        return self.finalised_at is not None


_MEETING_COLS = "id, meeting_date, title, finalised_at, finalised_by"


def _meeting(row: sqlite3.Row) -> Meeting:
    return Meeting(
        row["id"], date.fromisoformat(row["meeting_date"]), row["title"],
        datetime.fromisoformat(row["finalised_at"]) if row["finalised_at"] else None,
        row["finalised_by"],
    )


def get_meeting(conn: sqlite3.Connection, day: date) -> Meeting | None:
    row = conn.execute(
        f"SELECT {_MEETING_COLS} FROM meetings WHERE meeting_date = ?", (day.isoformat(),)
    ).fetchone()
    return _meeting(row) if row else None


def ensure_meeting(conn: sqlite3.Connection, day: date, title: str | None = None) -> Meeting:
    conn.execute(
        "INSERT INTO meetings (meeting_date, title) VALUES (?, ?) "
        "ON CONFLICT(meeting_date) DO NOTHING",
        (day.isoformat(), title),
    )
    meeting = get_meeting(conn, day)
    assert meeting is not None
    return meeting


def list_meetings(conn: sqlite3.Connection) -> list[Meeting]:
    return [
        _meeting(r)
        for r in conn.execute(f"SELECT {_MEETING_COLS} FROM meetings ORDER BY meeting_date")
    ]


# -- decisions ------------------------------------------------------------------------

_SELECT = (
    "SELECT d.*, m.meeting_date AS meeting_date, c.seq AS corrects_seq, "
    "m.finalised_at AS meeting_finalised_at, m.finalised_by AS meeting_finalised_by "
    "FROM decisions d JOIN meetings m ON m.id = d.meeting_id "
    "LEFT JOIN decisions c ON c.id = d.corrects_id"
)


def row_to_decision(row: sqlite3.Row) -> Decision:
    snap = Snapshot(
        score=row["snap_score"],
        rank=row["snap_rank"],
        profile_name=row["snap_profile_name"],
        profile_version=row["snap_profile_version"],
        profile_weights=json.loads(row["snap_profile_weights"] or "{}"),
        proposal_team=row["snap_proposal_team"],
        proposal_start=IsoWeek.parse(row["snap_proposal_start"])
        if row["snap_proposal_start"] else None,
        proposal_fte=row["snap_proposal_fte"],
    )
    return Decision(
        case_id=row["case_id"],
        kind=DecisionKind(row["kind"]),
        decided_by=row["decided_by"],
        meeting_date=date.fromisoformat(row["meeting_date"]),
        case_name=row["case_name"],
        team=row["team"],
        start_week=IsoWeek.parse(row["start_week"]) if row["start_week"] else None,
        fte=row["fte"],
        extra_weeks=row["extra_weeks"],
        until_date=date.fromisoformat(row["until_date"]) if row["until_date"] else None,
        until_next_meeting=bool(row["until_next_meeting"]),
        hand_over_to=HandOverTarget(row["hand_over_to"]) if row["hand_over_to"] else None,
        hand_over_detail=row["hand_over_detail"],
        motivation=row["motivation"],
        inform_victims=bool(row["inform_victims"]),
        corrects_id=row["corrects_id"],
        snapshot=snap,
        id=row["id"],
        created_at=datetime.fromisoformat(row["created_at"]),
        state=row["state"],
        seq=row["seq"],
        corrects_seq=row["corrects_seq"],
        finalised_at=datetime.fromisoformat(row["finalised_at"]) if row["finalised_at"] else None,
        prev_hash=row["prev_hash"],
        entry_hash=row["entry_hash"],
        hash_format=row["hash_format"],
        meeting_finalised_at=datetime.fromisoformat(row["meeting_finalised_at"])
        if row["meeting_finalised_at"] else None,
        meeting_finalised_by=row["meeting_finalised_by"],
    )


def _content_values(d: Decision) -> dict[str, object]:
    s = d.snapshot
    return {
        "case_id": d.case_id,
        "case_name": d.case_name,
        "kind": d.kind.value,
        "team": d.team,
        "start_week": str(d.start_week) if d.start_week else None,
        "fte": d.fte,
        "extra_weeks": d.extra_weeks,
        "until_date": d.until_date.isoformat() if d.until_date else None,
        "until_next_meeting": int(d.until_next_meeting),
        "hand_over_to": d.hand_over_to.value if d.hand_over_to else None,
        "hand_over_detail": d.hand_over_detail,
        "motivation": d.motivation,
        "decided_by": d.decided_by,
        "inform_victims": int(bool(d.inform_victims)),
        "corrects_id": d.corrects_id,
        "snap_score": s.score,
        "snap_rank": s.rank,
        "snap_profile_name": s.profile_name,
        "snap_profile_version": s.profile_version,
        "snap_profile_weights": json.dumps(dict(s.profile_weights), sort_keys=True)
        if s.profile_weights else None,
        "snap_proposal_team": s.proposal_team,
        "snap_proposal_start": str(s.proposal_start) if s.proposal_start else None,
        "snap_proposal_fte": s.proposal_fte,
    }


def insert_draft(conn: sqlite3.Connection, meeting: Meeting, d: Decision, now: datetime) -> int:
    values = {"meeting_id": meeting.id, **_content_values(d), "created_at": now.isoformat()}
    cur = conn.execute(
        f"INSERT INTO decisions ({', '.join(values)}) VALUES ({', '.join('?' * len(values))})",
        tuple(values.values()),
    )
    return int(cur.lastrowid)


def update_draft(conn: sqlite3.Connection, decision_id: int, d: Decision) -> None:
    values = _content_values(d)
    conn.execute(
        f"UPDATE decisions SET {', '.join(f'{k} = ?' for k in values)} "
        "WHERE id = ? AND state = 'draft'",
        (*values.values(), decision_id),
    )


def delete_draft(conn: sqlite3.Connection, decision_id: int) -> bool:
    cur = conn.execute("DELETE FROM decisions WHERE id = ? AND state = 'draft'", (decision_id,))
    return bool(cur.rowcount)


def get_decision(conn: sqlite3.Connection, decision_id: int) -> Decision | None:
    row = conn.execute(f"{_SELECT} WHERE d.id = ?", (decision_id,)).fetchone()
    return row_to_decision(row) if row else None


def list_decisions(conn: sqlite3.Connection, meeting: Meeting | None = None) -> list[Decision]:
    """Decisions of one meeting (or all), final ones in chain order, then drafts."""
    where, args = ("WHERE d.meeting_id = ?", (meeting.id,)) if meeting else ("", ())
    rows = conn.execute(
        f"{_SELECT} {where} ORDER BY m.meeting_date, d.seq IS NULL, d.seq, d.id", args
    )
    return [row_to_decision(r) for r in rows]


def final_entries(conn: sqlite3.Connection) -> list[Decision]:
    rows = conn.execute(f"{_SELECT} WHERE d.state = 'final' ORDER BY d.seq")
    return [row_to_decision(r) for r in rows]


def id_for_seq(conn: sqlite3.Connection, seq: int) -> int | None:
    """The id of final entry ``seq`` (the Nr. on the besluitenlijst), None if there is none."""
    row = conn.execute(
        "SELECT id FROM decisions WHERE seq = ? AND state = 'final'", (seq,)
    ).fetchone()
    return int(row[0]) if row else None


def chain_head(conn: sqlite3.Connection) -> tuple[int, str]:
    """(last seq, its hash); (0, genesis) for an empty log."""
    row = conn.execute(
        "SELECT seq, entry_hash FROM decisions WHERE seq IS NOT NULL ORDER BY seq DESC LIMIT 1"
    ).fetchone()
    return (row[0], row[1]) if row else (0, GENESIS_HASH)


def finalise_meeting(
    conn: sqlite3.Connection, meeting: Meeting, by: str, now: datetime
) -> list[Decision]:
    """Append the meeting's drafts to the chain and close the meeting (caller's txn).

    Refuses when the chain no longer ends where the workspace recorded it: appending would
    overwrite the recorded head and so hide entries deleted from the end of the log.
    """
    mismatch = head_mismatch(conn)
    if mismatch is not None:
        raise StoreError(
            f"De besluitenlijst kan niet worden vastgesteld: {mismatch} Zet een reservekopie "
            "terug ('stuurploeg restore') of meld dit bij de functioneel beheerder."
        )
    seq, prev = chain_head(conn)
    done = []
    drafts = conn.execute(
        f"{_SELECT} WHERE d.meeting_id = ? AND d.state = 'draft' ORDER BY d.id", (meeting.id,)
    ).fetchall()
    for row in drafts:
        seq += 1
        # Read the corrected entry's seq now, not with the drafts: an earlier row of this
        # loop may just have received its seq, and the hash must match what is read back.
        corrects_seq = None
        if row["corrects_id"] is not None:
            ref = conn.execute(
                "SELECT seq FROM decisions WHERE id = ?", (row["corrects_id"],)
            ).fetchone()
            corrects_seq = ref[0] if ref else None
        entry = replace(row_to_decision(row), seq=seq, finalised_at=now, state="final",
                        prev_hash=prev, corrects_seq=corrects_seq, hash_format=HASH_FORMAT,
                        meeting_finalised_at=now, meeting_finalised_by=by)
        # Hash what will be read back: the stored text round-trips these values exactly.
        digest = compute_hash(prev, entry)
        conn.execute(
            "UPDATE decisions SET state = 'final', seq = ?, finalised_at = ?, prev_hash = ?, "
            "entry_hash = ?, hash_format = ? WHERE id = ?",
            (seq, now.isoformat(), prev, digest, HASH_FORMAT, entry.id),
        )
        done.append(replace(entry, entry_hash=digest))
        prev = digest
    conn.execute(
        "UPDATE meetings SET finalised_at = ?, finalised_by = ? WHERE id = ?",
        (now.isoformat(), by, meeting.id),
    )
    conn.execute(
        "INSERT INTO meta (key, value) VALUES ('chain_head', ?) "
        "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        (json.dumps({"seq": seq, "hash": prev}),),
    )
    return done


def recorded_head(conn: sqlite3.Connection) -> tuple[int, str] | None:
    row = conn.execute("SELECT value FROM meta WHERE key = 'chain_head'").fetchone()
    if not row:
        return None
    data = json.loads(row[0])
    return int(data["seq"]), str(data["hash"])


def head_mismatch(conn: sqlite3.Connection) -> str | None:
    """Dutch finding when the chain's last entry is not the head recorded at the last
    finalise (entries removed from the end leave a chain that verifies by itself)."""
    recorded = recorded_head(conn)
    if recorded is None:
        return None
    actual = chain_head(conn)
    if recorded == actual:
        return None
    if actual[0] < recorded[0]:
        return (
            f"de keten eindigt bij besluit nr. {actual[0]}, maar de werkruimte had nr. "
            f"{recorded[0]} als laatste vastgelegd: er zijn besluiten verwijderd."
        )
    return (
        f"de keten eindigt bij besluit nr. {actual[0]}, maar de werkruimte had nr. "
        f"{recorded[0]} (met een andere hash) als laatste vastgelegd: het einde van de "
        "keten is buiten Stuurploeg gewijzigd."
    )


def decisions_for_case(conn: sqlite3.Connection, day: date, case_id: str) -> list[Decision]:
    """Decisions about ``case_id`` in the meeting of ``day``, oldest first."""
    rows = conn.execute(
        f"{_SELECT} WHERE m.meeting_date = ? AND d.case_id = ? ORDER BY d.id",
        (day.isoformat(), case_id),
    )
    return [row_to_decision(r) for r in rows]
