"""The plain data a plan is made of: placements, reasons, overbooked weeks, scenarios."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from stuurploeg.domain.model import SPECIALISMS, Specialism
from stuurploeg.domain.weeks import IsoWeek

KIND_TOTAL = "totaal"
# Capacity kinds, in array order: the team total, then each specialism.
KINDS: tuple[str, ...] = (KIND_TOTAL, *(s.value for s in SPECIALISMS))

# A plan may use capacity up to this much beyond what is free (float noise only).
TOLERANCE = 1e-6


@dataclass(frozen=True)
class Assignment:
    """Candidate ``case_id`` runs on ``team`` from ``start_week`` for ``weeks`` weeks."""

    case_id: str
    team: str
    start_week: IsoWeek
    weeks: int
    fte: float
    specialist_fte: Mapping[Specialism, float] = field(default_factory=dict)
    fixed: bool = False


@dataclass(frozen=True)
class FixedPlacement:
    """An officer fixed a case on a team and start week; planners place these first."""

    case_id: str
    team: str
    start_week: IsoWeek


@dataclass(frozen=True)
class Unplanned:
    case_id: str
    reason: str


@dataclass(frozen=True)
class Overbooking:
    """Running cases alone need ``fte`` more than ``team`` has of ``kind`` in ``week``."""

    team: str
    week: IsoWeek
    kind: str
    fte: float


@dataclass(frozen=True)
class CapacityDelta:
    """Scenario change: ``fte`` more (or less) for ``team`` from ``from_week`` to ``to_week``.

    ``to_week`` None: to the end of the plan; ``kind``: the total or a specialism name.
    """

    team: str
    from_week: IsoWeek
    to_week: IsoWeek | None
    fte: float
    kind: str = KIND_TOTAL


@dataclass(frozen=True)
class Scenario:
    name: str
    deltas: tuple[CapacityDelta, ...] = ()
