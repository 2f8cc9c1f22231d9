"""A small fictional plan for the planning picture: a roomy team, a tight team that is
overloaded by running cases in two weeks, and two candidates (shared by app and GUI tests)."""

from __future__ import annotations

from stuurploeg.domain.model import CRITERIA, CapacityData, Case, CaseStatus, Team
from stuurploeg.domain.weeks import IsoWeek

ROOMY, TIGHT = "MH Noord", "MH Zuid"


def planboard_cases(start: IsoWeek) -> list[Case]:
    """Two candidates (3 and 1,5 fte, 4 weeks) and two running cases on the tight team:
    1,5 fte for 10 weeks, and 1 fte in weeks 3–4 (2,5 of 2 fte: 0,5 too much)."""
    scores = {c: 3 for c in CRITERIA}
    return [
        Case("MH-2026-0001", "Onderzoek Aster", CaseStatus.NEW, fte=3.0, weeks=4,
             criteria={c: 5 for c in CRITERIA}, position=0),
        Case("MH-2026-0002", "Onderzoek Berk", CaseStatus.NEW, fte=1.5, weeks=4,
             criteria=scores, position=1),
        Case("MH-2026-0003", "Onderzoek Ceder", CaseStatus.RUNNING, fte=1.5, weeks=10,
             team=TIGHT, start_week=start, criteria=scores, position=2),
        Case("MH-2026-0004", "Onderzoek Duin", CaseStatus.RUNNING, fte=1.0, weeks=2,
             team=TIGHT, start_week=start + 3, criteria=scores, position=3),
    ]  # fmt: skip


def planboard_capacity() -> CapacityData:
    return CapacityData(
        (
            Team(ROOMY, staffed_fte=10.0, deployability=1.0, formation_fte=10.0, position=0),
            Team(TIGHT, staffed_fte=2.0, deployability=1.0, formation_fte=2.0, position=1),
        )
    )
