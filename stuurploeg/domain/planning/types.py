"""The plain data a plan is made of: placements, reasons, overbooked weeks, scenarios."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum

from stuurploeg.domain.model import SPECIALISMS, Specialism
from stuurploeg.domain.scoring import WeightProfile
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


def capacity_change(
    team: str,
    from_week: IsoWeek,
    to_week: IsoWeek | None,
    fte: float,
    specialism: Specialism | None = None,
) -> tuple[CapacityDelta, ...]:
    """The deltas of "``fte`` more for ``team``", optionally "of ``specialism``".

    A team's specialist fte are part of its fte (as a case's are part of its fte), so two
    extra digital specialists are also two extra fte in total: a specialism change is a
    delta of the total and one of that specialism, both of ``fte``.
    """
    total = CapacityDelta(team, from_week, to_week, fte, KIND_TOTAL)
    if specialism is None:
        return (total,)
    return (total, CapacityDelta(team, from_week, to_week, fte, Specialism(specialism).value))


class CaseAction(StrEnum):
    """What a scenario does with one candidate case."""

    IN = "in"  # must be planned when it fits (placed before the rest)
    OUT = "out"  # not a candidate in this scenario
    START = "start"  # starts no earlier than ``CaseChange.start``


@dataclass(frozen=True)
class CaseChange:
    case_id: str
    action: CaseAction
    start: IsoWeek | None = None  # with ``CaseAction.START`` only

    def __post_init__(self) -> None:
        if (self.action is CaseAction.START) != (self.start is not None):
            raise ValueError("a start week belongs with the action 'start', and only there")


@dataclass(frozen=True)
class Scenario:
    """A named what-if: capacity deltas, case changes and optionally another profile.

    ``profile`` None: the base plan's weights.
    """

    name: str
    deltas: tuple[CapacityDelta, ...] = ()
    cases: tuple[CaseChange, ...] = ()
    profile: WeightProfile | None = None
    description: str = ""

    @property
    def forced_in(self) -> frozenset[str]:
        return frozenset(c.case_id for c in self.cases if c.action is CaseAction.IN)

    @property
    def forced_out(self) -> frozenset[str]:
        return frozenset(c.case_id for c in self.cases if c.action is CaseAction.OUT)

    @property
    def starts(self) -> dict[str, IsoWeek]:
        """case_id -> the week it may start at the earliest (the latest one given wins)."""
        out: dict[str, IsoWeek] = {}
        for c in self.cases:
            if c.action is CaseAction.START and c.start is not None:
                out[c.case_id] = max(out.get(c.case_id, c.start), c.start)
        return out
