"""Small random planning instances for property tests."""

from __future__ import annotations

from hypothesis import strategies as st

from stuurploeg.domain.model import (
    CRITERIA,
    CapacityData,
    Case,
    CaseStatus,
    Specialism,
    Team,
)
from stuurploeg.domain.weeks import IsoWeek

STARTS = (IsoWeek(2026, 40), IsoWeek(2026, 50), IsoWeek(2027, 2))
FTES = (0.5, 1.0, 1.5, 2.0, 3.0, 1 / 3)


@st.composite
def instances(draw, max_cases: int = 8, max_teams: int = 3):
    start = draw(st.sampled_from(STARTS))
    horizon = draw(st.integers(3, 10))
    n_teams = draw(st.integers(1, max_teams))
    teams = []
    for i in range(n_teams):
        staffed = draw(st.sampled_from((0.0, 1.0, 2.0, 3.0, 4.0, 6.0)))
        dep = draw(st.sampled_from((1.0, 0.8, 0.75)))
        digital = draw(st.sampled_from((0.0, 0.0, 1.0, 2.0)))
        teams.append(
            Team(f"T{i}", staffed, dep, specialist_fte={Specialism.DIGITAL: digital}, position=i)
        )
    availability = {}
    for _ in range(draw(st.integers(0, 4))):
        t = draw(st.integers(0, n_teams - 1))
        w = draw(st.integers(-2, horizon + 2))
        availability[(f"T{t}", start + w)] = draw(st.sampled_from((0.0, 1.0, 2.5, 5.0)))
    cases = []
    n_cand = draw(st.integers(0, max_cases))
    for i in range(n_cand):
        crit = {c: draw(st.sampled_from((None, 1, 2, 3, 4, 5, 5))) for c in CRITERIA}
        fte = draw(st.sampled_from(FTES))
        spec = {}
        if draw(st.booleans()) and draw(st.booleans()):
            spec[Specialism.DIGITAL] = min(fte, 0.5)
        team = f"T{draw(st.integers(0, n_teams - 1))}" if draw(st.integers(0, 4)) == 0 else None
        earliest = latest = None
        if draw(st.integers(0, 3)) == 0:
            earliest = start + draw(st.integers(-3, horizon))
        if draw(st.integers(0, 3)) == 0:
            latest = start + draw(st.integers(-1, horizon + 2))
        cases.append(
            Case(
                f"Z{i}",
                f"zaak {i}",
                draw(st.sampled_from((CaseStatus.NEW, CaseStatus.PARKED))),
                criteria=crit,
                fte=fte,
                weeks=draw(st.integers(1, 6)),
                specialist_fte=spec,
                team=team,
                earliest_start=earliest,
                latest_start=latest,
                ongoing=draw(st.booleans()),
                minors=draw(st.sampled_from((0, 0, 0, 1))),
                position=i,
            )
        )
    for j in range(draw(st.integers(0, 3))):
        cases.append(
            Case(
                f"L{j}",
                f"lopend {j}",
                CaseStatus.RUNNING,
                fte=draw(st.sampled_from(FTES)),
                weeks=draw(st.integers(1, 8)),
                team=f"T{draw(st.integers(0, n_teams - 1))}",
                start_week=start + draw(st.integers(-6, horizon)),
                specialist_fte={Specialism.DIGITAL: draw(st.sampled_from((0.0, 0.5)))},
                position=100 + j,
            )
        )
    draw(st.randoms()).shuffle(cases)
    return cases, CapacityData(tuple(teams), availability), start, horizon
