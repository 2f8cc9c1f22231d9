"""Fictional cases and teams built in Python for the store and decision tests."""

from __future__ import annotations

from stuurploeg.domain.model import (
    CapacityData,
    Case,
    CaseStatus,
    Criterion,
    Exploitation,
    Specialism,
    Team,
)
from stuurploeg.domain.weeks import IsoWeek
from stuurploeg.store.cases_repo import ImportSource


def make_case(i: int, **changes) -> Case:
    fields = dict(
        case_id=f"MH-2026-{i:03d}",
        name=f"Onderzoek Zeester {i}",
        status=CaseStatus.NEW,
        exploitation=Exploitation.LABOUR if i % 2 else Exploitation.SEXUAL,
        victims=i % 7,
        minors=i % 2,
        suspects=1 + i % 3,
        ongoing=bool(i % 3),
        criteria={c: (1 + (i + k) % 5) for k, c in enumerate(Criterion)},
        fte=1.5 + (i % 4) * 0.5,
        weeks=8 + i % 10,
        specialist_fte={Specialism.DIGITAL: 0.5} if i % 3 == 0 else {},
        earliest_start=IsoWeek(2026, 40) if i % 5 == 0 else None,
        position=i,
    )
    fields.update(changes)
    return Case(**fields)


def make_cases(n: int) -> list[Case]:
    return [make_case(i) for i in range(1, n + 1)]


def make_capacity() -> CapacityData:
    teams = (
        Team("Team Noord", staffed_fte=12.0, deployability=0.71, formation_fte=14.0,
             specialist_fte={Specialism.DIGITAL: 2.0}, certified=6, position=0),
        Team("Team Zuid", staffed_fte=9.5, deployability=0.68, formation_fte=11.0,
             specialist_fte={Specialism.FINANCIAL: 1.0}, certified=4, position=1),
    )
    availability = {("Team Noord", IsoWeek(2026, 52)): 4.0, ("Team Zuid", IsoWeek(2026, 53)): 3.0}
    return CapacityData(teams, availability)


def source(kind: str = "cases", rows: int = 0, name: str = "zakenlijst.xlsx") -> ImportSource:
    mapping = {"case_id": "Zaaknummer", "name": "Onderzoeksnaam"} if kind == "cases" else {
        "team": "Team", "staffed_fte": "Bezetting"}
    return ImportSource(kind, name, "ab" * 32, rows, mapping, "Zaken", 3)
