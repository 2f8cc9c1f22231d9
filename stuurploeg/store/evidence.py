"""What the workspace itself can show about its decision log: is it as the app wrote it?

Collected on open, before a decision is recorded or a list finalised, in the export's title
block and by ``verify``. Every finding is a Dutch sentence that names the entry and says
what was seen; docs/decision-log.md says what these checks can and cannot prove.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from stuurploeg.domain.decisions import ChainReport, Decision, verify_chain
from stuurploeg.store import decisions_repo, schema


@dataclass(frozen=True)
class LogEvidence:
    chain: ChainReport
    # The first thing wrong with the chain or its recorded head (Dutch), or None.
    chain_problem: str | None = None
    missing_triggers: tuple[str, ...] = ()
    # Every finding, one Dutch sentence each: what verify reports.
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def collect(conn: sqlite3.Connection, expected_head: str | None = None) -> LogEvidence:
    entries = decisions_repo.final_entries(conn)
    chain = verify_chain(entries)
    problems: list[str] = []
    chain_problem = None
    if chain.problem is not None:
        chain_problem = f"{chain.problem.describe()}."
        problems.append(chain.problem.describe())
    else:
        mismatch = decisions_repo.head_mismatch(conn)
        if mismatch is not None:
            chain_problem = mismatch
            problems.append(mismatch[0].upper() + mismatch[1:])
    missing = tuple(schema.missing_triggers(conn))
    if missing:
        problems.append(
            f"De regels die het besluitenlog beschermen ontbreken ({', '.join(missing)}): "
            "het bestand is buiten Stuurploeg gewijzigd. Open de werkruimte in Stuurploeg "
            "om ze te herstellen, en vergelijk met een eerdere export of reservekopie."
        )
    if expected_head:
        hashes = {e.entry_hash for e in entries}
        if expected_head.lower() not in hashes:
            problems.append(
                f"De opgegeven kophash {expected_head[:16]}… komt niet voor in de keten: "
                "de besluitenlijst is ingekort of vervangen."
            )
    return LogEvidence(chain, chain_problem, missing, problems)


def workspace_id(conn: sqlite3.Connection) -> str | None:
    row = conn.execute("SELECT value FROM meta WHERE key = 'workspace_id'").fetchone()
    return str(row[0]) if row else None


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
