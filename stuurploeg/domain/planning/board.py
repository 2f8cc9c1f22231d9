"""The planning picture's plain values: a bar per case on a team over the weeks, the load
per team and week of one kind, and which bars are in one team-week.

Made from a plan by ``stuurploeg.app.planboard``; drawn by the GUI's Gantt and load map,
which compute no capacity themselves.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from stuurploeg.domain.planning.types import TOLERANCE

RUNNING = "running"
PLANNED = "planned"
FIXED = "fixed"  # planned on a spot someone fixed (a decision or a what-if placement)


@dataclass(frozen=True)
class Bar:
    """One case on one team: weeks ``start`` .. ``start + weeks - 1`` counted from the
    plan's first week (a running case may have started before it: ``start`` < 0)."""

    case_id: str
    name: str
    team: int  # index in ``PlanResult.teams``
    start: int
    weeks: int
    fte: float
    kind: str  # RUNNING, PLANNED or FIXED
    demand: tuple[float, ...]  # fte per capacity kind, in ``PlanResult.kinds`` order

    @property
    def end(self) -> int:
        """The first week index after the bar."""
        return self.start + self.weeks


@dataclass(frozen=True)
class Load:
    """Per team and week of one kind: what is used (running + planned) and available."""

    kind: str
    used: np.ndarray  # (teams, weeks)
    available: np.ndarray  # (teams, weeks)

    @property
    def ratio(self) -> np.ndarray:
        """used / available; a week with nothing available and nothing used is 0, with
        something used but nothing available infinite."""
        has = self.available > 0
        ratio = self.used / np.where(has, self.available, 1.0)
        return np.where(has, ratio, np.where(self.used > TOLERANCE, np.inf, 0.0))

    @property
    def overload(self) -> np.ndarray:
        """fte used beyond what is available (0 where it fits)."""
        over = self.used - self.available
        return np.where(over > TOLERANCE, over, 0.0)


def cases_in_cell(
    bars: Sequence[Bar], kinds: Sequence[str], team: int, week: int, kind: str
) -> list[Bar]:
    """The bars on ``team`` in week index ``week`` that use some of ``kind``, the ones using
    most first."""
    k = list(kinds).index(kind)
    inside = [
        b for b in bars if b.team == team and b.start <= week < b.end and b.demand[k] > TOLERANCE
    ]
    return sorted(inside, key=lambda b: (-b.demand[k], b.case_id))


__all__ = ["FIXED", "PLANNED", "RUNNING", "Bar", "Load", "cases_in_cell"]
