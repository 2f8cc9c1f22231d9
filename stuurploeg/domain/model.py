"""The domain's nouns: cases, teams and availability, with the glossary's enums.

Plain frozen dataclasses, no behaviour beyond what the data itself implies, so that the
io, store, app and gui layers can all pass them around without surprises.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from stuurploeg.domain.weeks import IsoWeek


class Exploitation(StrEnum):
    """Uitbuitingsvorm. Values are the Dutch words stored and shown."""

    SEXUAL = "seksueel"
    LABOUR = "arbeid"
    CRIMINAL = "crimineel"
    ORGAN = "orgaanhandel"
    OTHER = "overig"


class CaseStatus(StrEnum):
    NEW = "nieuw"
    RUNNING = "lopend"
    PARKED = "geparkeerd"
    CLOSED = "afgerond"

    @property
    def is_candidate(self) -> bool:
        """Candidates for a plan: nieuw and geparkeerd."""
        return self in (CaseStatus.NEW, CaseStatus.PARKED)


class Specialism(StrEnum):
    DIGITAL = "digitaal"
    FINANCIAL = "financieel"
    TACTICAL = "tactisch"
    INTELLIGENCE = "intelligence"


class Criterion(StrEnum):
    """The six ranking criteria, in their fixed display order."""

    SEVERITY = "severity"
    URGENCY = "urgency"
    INFORMATION = "information"
    PROSPECTS = "prospects"
    EXPANSION = "expansion"
    IMPACT = "impact"


CRITERIA: tuple[Criterion, ...] = tuple(Criterion)
SPECIALISMS: tuple[Specialism, ...] = tuple(Specialism)


class DecisionKind(StrEnum):
    TAKE_UP = "take-up"  # oppakken
    EXPAND = "expand"  # doorrechercheren
    PARK = "park"  # parkeren
    DECLINE = "decline"  # niet oppakken
    HAND_OVER = "hand-over"  # overdragen
    CLOSE = "close"  # afsluiten


class HandOverTarget(StrEnum):
    OTHER_UNIT = "andere eenheid"
    NATIONAL_UNIT = "Landelijke Eenheid"
    KMAR = "KMar"
    LABOUR_INSPECTORATE = "Arbeidsinspectie"
    ADMINISTRATIVE = "bestuurlijke aanpak"


@dataclass(frozen=True, slots=True)
class Case:
    """One row of the case list (zakenlijst), after validation.

    ``criteria`` maps every criterion to 1–5 or ``None`` (not scored); ``specialist_fte``
    is the part of ``fte`` that must come from each specialism. ``position`` is the
    0-based order in the case list, the last tie-breaker of the ranking.
    """

    case_id: str
    name: str
    status: CaseStatus
    exploitation: Exploitation | None = None
    victims: int | None = None
    minors: int | None = None
    suspects: int | None = None
    international: bool | None = None
    violence: bool | None = None
    ongoing: bool | None = None
    criteria: dict[Criterion, int | None] = field(default_factory=dict)
    fte: float | None = None
    weeks: int | None = None
    specialist_fte: dict[Specialism, float] = field(default_factory=dict)
    team: str | None = None
    start_week: IsoWeek | None = None
    earliest_start: IsoWeek | None = None
    latest_start: IsoWeek | None = None
    unit: str | None = None
    source: str | None = None
    notes: str | None = None
    position: int = 0

    def criterion(self, c: Criterion) -> int | None:
        return self.criteria.get(c)


@dataclass(frozen=True, slots=True)
class Team:
    """One row of the capacity sheet. Base weekly capacity = staffed × deployability."""

    team: str
    staffed_fte: float
    deployability: float = 1.0
    formation_fte: float | None = None
    unit: str | None = None
    specialist_fte: dict[Specialism, float] = field(default_factory=dict)
    certified: int | None = None
    position: int = 0

    @property
    def base_fte(self) -> float:
        return self.staffed_fte * self.deployability

    def base_specialist_fte(self, s: Specialism) -> float:
        return self.specialist_fte.get(s, 0.0) * self.deployability


@dataclass(frozen=True, slots=True)
class CapacityData:
    """Teams plus the Beschikbaarheid overrides: available total fte per (team, week)."""

    teams: tuple[Team, ...]
    availability: dict[tuple[str, IsoWeek], float] = field(default_factory=dict)

    def team(self, name: str) -> Team | None:
        return next((t for t in self.teams if t.team == name), None)
