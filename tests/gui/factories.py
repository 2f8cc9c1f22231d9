"""Fictional cases and teams for GUI tests, ranked and planned by the real code."""

from __future__ import annotations

import random

from stuurploeg.domain.model import (
    CRITERIA,
    CapacityData,
    Case,
    CaseStatus,
    Exploitation,
    Specialism,
    Team,
)
from stuurploeg.domain.scoring import STANDARD_PROFILE, Ranking, WeightProfile, rank_cases
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


def make_capacity() -> CapacityData:
    """The two teams ``make_cases`` uses, with room for some of the candidates."""
    return CapacityData(
        (
            Team("Team Noord", staffed_fte=14.0, deployability=0.7, formation_fte=16.0,
                 specialist_fte={Specialism.DIGITAL: 2.0}, position=0),
            Team("Team Zuid", staffed_fte=10.0, deployability=0.7, formation_fte=12.0,
                 specialist_fte={Specialism.DIGITAL: 1.0}, position=1),
        )
    )  # fmt: skip


def real_ranking(cases: list[Case]) -> Ranking:
    """The real ranking of ``cases`` with the standard weights."""
    return rank_cases(cases, STANDARD_PROFILE)


def real_plan(cases: list[Case], capacity: CapacityData | None = None,
              profile: WeightProfile = STANDARD_PROFILE):  # fmt: skip
    """The real rank-order plan of ``cases`` on ``capacity`` (default: ``make_capacity``)."""
    from stuurploeg.app.planning import make_plan

    return make_plan(cases, capacity or make_capacity(), profile=profile,
                     start=IsoWeek(2026, 40))  # fmt: skip


def assert_same_rows(a, b) -> None:  # type: ignore[no-untyped-def]
    """Two RankingRows hold the same values, column by column (NaN equals NaN)."""
    import dataclasses

    import numpy as np

    for f in dataclasses.fields(a):
        x, y = getattr(a, f.name), getattr(b, f.name)
        if isinstance(x, np.ndarray) and x.dtype.kind == "f":
            np.testing.assert_array_equal(x, y, err_msg=f.name)  # NaN equals NaN here
        else:
            assert list(x) == list(y), f.name

