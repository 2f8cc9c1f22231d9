"""Fictional cases and ranking-like objects for GUI tests (no app layer needed)."""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from stuurploeg.domain.model import CRITERIA, Case, CaseStatus, Exploitation, Specialism
from stuurploeg.domain.weeks import IsoWeek


def make_cases(n: int, seed: int = 1) -> list[Case]:
    rnd = random.Random(seed)
    statuses = list(CaseStatus)
    forms = list(Exploitation)
    out = []
    for i in range(n):
        status = rnd.choice(statuses)
        out.append(
            Case(
                case_id=f"MH-{i:05d}",
                name=f"Onderzoek {rnd.choice(['Aster', 'Berk', 'Ceder', 'Duin', 'Eik'])} {i}",
                status=status,
                exploitation=rnd.choice(forms),
                criteria={c: (rnd.randint(1, 5) if rnd.random() > 0.1 else None) for c in CRITERIA},
                fte=round(rnd.uniform(0.5, 6), 1),
                weeks=rnd.randint(4, 30),
                specialist_fte={Specialism.DIGITAL: 0.5} if rnd.random() < 0.3 else {},
                team=rnd.choice(["Team Noord", "Team Zuid"])
                if status == CaseStatus.RUNNING
                else None,
                start_week=IsoWeek(2026, 10) if status == CaseStatus.RUNNING else None,
                position=i,
            )
        )
    return out


@dataclass
class Entry:
    rank: int
    case_id: str
    score: float | None
    priority_rule: bool = False
    incomplete: bool = False
    fragile: bool = False
    contributions: dict = field(default_factory=dict)


@dataclass
class Ranking:
    entries: list[Entry]


@dataclass
class Assignment:
    case_id: str
    team: str
    start_week: IsoWeek
    weeks: int
    fte: float = 1.0


@dataclass
class Unplanned:
    case_id: str
    reason: str


@dataclass
class Plan:
    assignments: list[Assignment]
    unplanned: list[Unplanned]


def fake_ranking(cases: list[Case], seed: int = 2) -> Ranking:
    """Arbitrary ranks and scores: these tests check the table, not the scoring."""
    rnd = random.Random(seed)
    candidates = [c for c in cases if c.status.is_candidate]
    rnd.shuffle(candidates)
    return Ranking(
        [
            Entry(
                rank=i + 1,
                case_id=c.case_id,
                score=None if rnd.random() < 0.05 else round(rnd.uniform(0, 100), 1),
                priority_rule=rnd.random() < 0.1,
                incomplete=rnd.random() < 0.2,
                fragile=rnd.random() < 0.1,
            )
            for i, c in enumerate(candidates)
        ]
    )


def fake_plan(ranking: Ranking) -> Plan:
    a, u = [], []
    for e in ranking.entries:
        if e.rank % 3:
            a.append(Assignment(e.case_id, "Team Noord", IsoWeek(2026, 50), 6))
        else:
            u.append(Unplanned(e.case_id, "Team Noord: 1,5 fte tekort in 2026-W51"))
    return Plan(a, u)
