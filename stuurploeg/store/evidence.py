"""What the workspace itself can show about its decision log: is it as the app wrote it?

Collected on open, before a decision is recorded or a list finalised, in the export's title
block and by ``verify``. Every finding is a Dutch sentence that names the entry and says
what was seen; docs/decision-log.md says what these checks can and cannot prove.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from stuurploeg.domain.decisions import ChainReport, Decision, verify_chain
from stuurploeg.store import decisions_repo, known_heads, schema
from stuurploeg.store.known_heads import KnownHead

TRIGGERS_RESTORED = "regels-hersteld"


@dataclass(frozen=True)
class LogEvidence:
    chain: ChainReport
    # Every finding, one Dutch sentence each (what verify reports); the first one is
    # what the export's title block and the refusals quote.
    problems: list[str] = field(default_factory=list)
    missing_triggers: tuple[str, ...] = ()
    missing_text: str | None = None  # the sentence of ``problems`` about missing triggers

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def chain_problem(self) -> str | None:
        return self.problems[0] if self.problems else None


def collect(conn: sqlite3.Connection, expected_head: str | None = None, *,
            path: Path | None = None) -> LogEvidence:
    entries = decisions_repo.final_entries(conn)
    chain = verify_chain(entries)
    problems: list[str] = []
    if chain.problem is not None:
        problems.append(chain.problem.describe())
    else:
        mismatch = decisions_repo.head_mismatch(conn)
        if mismatch is not None:
            problems.append(mismatch[0].upper() + mismatch[1:])
    missing = tuple(schema.missing_triggers(conn))
    missing_text = None
    if missing:
        missing_text = (
            f"De regels die het besluitenlog beschermen ontbreken ({', '.join(missing)}): "
            "het bestand is buiten Stuurploeg gewijzigd. Open de werkruimte in Stuurploeg "
            "om ze te herstellen, en vergelijk met een eerdere export of reservekopie."
        )
        problems.append(missing_text)
    problems += [_describe_event(e) for e in log_events(conn)]
    known = None
    if path is None or not _is_backup_copy(path):
        known = known_heads.load(workspace_id(conn))
        finding = compare_known_head(known, entries)
        if finding:
            problems.append(finding)
    after: list[tuple[int, datetime | None, str]] = []
    if known is not None:
        after.append((known.seq, _time(known.meeting_finalised_at), "op deze computer"))
    if expected_head:
        hashes = {e.entry_hash: e for e in entries}
        head_entry = hashes.get(expected_head.lower())
        if head_entry is None:
            problems.append(
                f"De opgegeven kophash {expected_head[:16]}… komt niet voor in de keten: "
                "de besluitenlijst is ingekort of vervangen."
            )
        elif head_entry.seq is not None:
            after.append((head_entry.seq, head_entry.meeting_finalised_at, "bij de opgegeven "
                          "kophash"))
    problems += claimed_meeting_findings(entries, after)
    return LogEvidence(chain, problems, missing, missing_text)


def workspace_id(conn: sqlite3.Connection) -> str | None:
    try:
        row = conn.execute("SELECT value FROM meta WHERE key = 'workspace_id'").fetchone()
    except sqlite3.OperationalError:
        return None
    return str(row[0]) if row else None


# -- what opening found, kept in the file ----------------------------------------------


@dataclass(frozen=True)
class LogEvent:
    at: str
    kind: str
    detail: str


def log_events(conn: sqlite3.Connection) -> list[LogEvent]:
    try:
        rows = conn.execute("SELECT at, kind, detail FROM log_events ORDER BY id").fetchall()
    except sqlite3.OperationalError:  # a workspace before the table existed
        return []
    return [LogEvent(r[0], r[1], r[2]) for r in rows]


def record_event(conn: sqlite3.Connection, kind: str, detail: str, at: datetime) -> None:
    """Keep a finding in the file (caller's transaction); the rows cannot be changed."""
    conn.execute("INSERT INTO log_events (at, kind, detail) VALUES (?, ?, ?)",
                 (at.isoformat(), kind, detail))


def _describe_event(e: LogEvent) -> str:
    when = _time(e.at)
    shown = f"{when:%d-%m-%Y %H:%M}" if when else e.at
    if e.kind == TRIGGERS_RESTORED:
        return (f"Bij het openen op {shown} misten regels die het besluitenlog beschermen "
                f"({e.detail}); Stuurploeg heeft ze toen hersteld. Het bestand is buiten "
                "Stuurploeg gewijzigd: vergelijk met een eerdere export of reservekopie.")
    return f"Bevinding van {shown}: {e.detail}"


# -- the last head this computer saw ---------------------------------------------------


def compare_known_head(known: KnownHead | None, entries: Sequence[Decision]) -> str | None:
    if known is None:
        return None
    by_seq = {e.seq: e for e in entries}
    last = max(by_seq, default=0) or 0
    seen = f"nr. {known.seq} (kophash {known.hash[:16]}…, gezien op {known.seen_text})"
    if last < known.seq:
        return (f"Op deze computer was {seen} het laatste vastgestelde besluit van deze "
                f"werkruimte, maar het besluitenlog eindigt nu bij nr. {last}: er zijn "
                "besluiten verwijderd, of dit is een oudere kopie. Een oudere kopie zet u "
                "alleen terug met 'stuurploeg restore'.")
    entry = by_seq.get(known.seq)
    if entry is None or entry.entry_hash != known.hash:
        return (f"Besluit nr. {known.seq} heeft niet meer de kophash die deze computer eerder "
                f"zag ({seen}): het besluitenlog is herschreven en opnieuw gehasht, of dit is "
                "een andere kopie van de werkruimte.")
    return None


def remember_head(conn: sqlite3.Connection, name: str, now: datetime,
                  restored: bool = False) -> str | None:
    """Keep the log's current head in the data folder; a Dutch warning if that fails.
    ``restored``: a backup was put back on purpose, so even an empty log is now expected."""
    seq, digest = decisions_repo.chain_head(conn)
    if seq <= 0:
        if restored:
            known_heads.forget(workspace_id(conn))
        return None
    row = conn.execute(
        "SELECT m.finalised_at FROM decisions d JOIN meetings m ON m.id = d.meeting_id "
        "WHERE d.seq = ?", (seq,)).fetchone()
    head = KnownHead(seq, digest, row[0] if row else None, name, now.isoformat())
    return known_heads.save(workspace_id(conn), head)


def _is_backup_copy(path: Path) -> bool:
    """A backup is expected to be older than the head this computer saw last."""
    return path.parent.name.endswith(("-backups", ".backups"))


# -- entries that claim a meeting already finalised ------------------------------------


def claimed_meeting_findings(
    entries: Sequence[Decision], after: Sequence[tuple[int, datetime | None, str]] = ()
) -> list[str]:
    """Final entries whose meeting was already vastgesteld when they were added.

    Finalising stamps a meeting and all its entries with one time and appends them as one
    run, meetings in the order they were finalised. An entry stamped otherwise, or out of
    that order, or after a head seen earlier while claiming a meeting finalised by then,
    was added to a closed meeting.
    """
    found: list[str] = []
    previous: datetime | None = None
    for e in sorted(entries, key=lambda x: x.seq or 0):
        closed = e.meeting_finalised_at
        reason = None
        if closed is None:
            reason = "die niet is vastgesteld"
        elif e.finalised_at is not None and _naive(e.finalised_at) != _naive(closed):
            reason = f"die al vastgesteld was op {_shown(closed)} (dit besluit op " \
                     f"{_shown(e.finalised_at)})"
        elif e.created_at is not None and _naive(e.created_at) > _naive(closed):
            reason = f"die al vastgesteld was op {_shown(closed)}, vóór dit besluit werd " \
                     "vastgelegd"
        elif previous is not None and _naive(closed) < _naive(previous):
            reason = f"die al vastgesteld was op {_shown(closed)}, vóór de vergadering van " \
                     "het besluit ervoor"
        else:
            for seq, head_closed, where in after:
                if (e.seq or 0) > seq and head_closed is not None and \
                        _naive(closed) <= _naive(head_closed):
                    reason = (f"die al vastgesteld was op {_shown(closed)}, toen nr. {seq} het "
                              f"laatste besluit was ({where})")
                    break
        if reason is not None:
            day = f"{e.meeting_date:%d-%m-%Y}" if isinstance(e.meeting_date, date) else "?"
            found.append(f"Besluit nr. {e.seq} (zaak {e.case_id}) staat in de vergadering van "
                         f"{day}, {reason}: het is er later aan toegevoegd.")
        if closed is not None and (previous is None or _naive(closed) > _naive(previous)):
            previous = closed
    return found


def _time(text: str | None) -> datetime | None:
    if not text:
        return None
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        return None


def _naive(t: datetime) -> datetime:
    return t.astimezone().replace(tzinfo=None) if t.tzinfo else t


def _shown(t: datetime) -> str:
    return f"{_naive(t):%d-%m-%Y %H:%M}"


# -- doubles from before the one-decision-per-case rule ---------------------------------


def duplicate_lines(decisions: Sequence[Decision]) -> list[str]:
    """Dutch lines for cases with more than one decision in one meeting. Workspaces made
    before the rule was enforced may hold them: they are kept, and shown."""
    by_key: dict[tuple[date | None, str], list[Decision]] = {}
    for d in decisions:
        by_key.setdefault((d.meeting_date, d.case_id), []).append(d)
    lines = []
    for (day, case_id), found in by_key.items():
        if len(found) > 1:
            names = ", ".join(
                f"{d.label} ({f'nr. {d.seq}' if d.final else 'concept'})" for d in found)
            when = f"{day:%d-%m-%Y}" if day else "?"
            lines.append(f"zaak {case_id} heeft {len(found)} besluiten in de vergadering van "
                         f"{when}: {names}")
    return lines


def duplicate_warning(decisions: Sequence[Decision], name: str) -> str | None:
    lines = duplicate_lines(decisions)
    if not lines:
        return None
    return (
        f"In {name} staan zaken met meer dan één besluit in één vergadering ("
        + "; ".join(lines) + "). Ze zijn vastgelegd voordat Stuurploeg één besluit per zaak "
        "per vergadering afdwong en blijven bewaard. Een dubbel concept verwijdert of "
        "vervangt u vóór het vaststellen; geldt van een vastgesteld dubbel besluit maar één, "
        "leg dan een correctie vast."
    )
