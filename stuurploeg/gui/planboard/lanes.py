"""Where each bar of the Gantt goes: per team a band of lanes, bars packed so none overlap.

Pure Python: the layout is tested without Qt and reused by the hit test of the view.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from stuurploeg.domain.planning.board import RUNNING, Bar

#: empty space between two teams' bands, in lanes
BAND_GAP = 0.8


@dataclass(frozen=True)
class Band:
    team: int
    top: float
    bottom: float  # top + lanes

    @property
    def middle(self) -> float:
        return (self.top + self.bottom) / 2


@dataclass(frozen=True)
class Layout:
    lanes: tuple[float, ...]  # per bar (same order as the bars), the top of its lane
    bands: tuple[Band, ...]  # one per team, in team order

    @property
    def height(self) -> float:
        return self.bands[-1].bottom if self.bands else 0.0

    def band_at(self, y: float) -> Band | None:
        """The band at height ``y``; in a gap or beyond the ends, the nearest one."""
        if not self.bands:
            return None
        return min(self.bands, key=lambda b: 0.0 if b.top <= y < b.bottom
                   else min(abs(y - b.top), abs(y - b.bottom)))  # fmt: skip


def lay_out(bars: Sequence[Bar], teams: int) -> Layout:
    """Running cases first, then by start week; each bar in the first lane of its team
    that is free from its first week on (every team gets at least one lane)."""
    order = sorted(range(len(bars)), key=lambda i: (bars[i].team, bars[i].kind != RUNNING,
                                                    bars[i].start, bars[i].case_id))  # fmt: skip
    lane_of = [0] * len(bars)
    ends: list[list[int]] = [[] for _ in range(teams)]
    for i in order:
        b = bars[i]
        team_ends = ends[b.team]
        lane = next((n for n, end in enumerate(team_ends) if end <= b.start), len(team_ends))
        if lane == len(team_ends):
            team_ends.append(b.end)
        else:
            team_ends[lane] = b.end
        lane_of[i] = lane
    bands, top = [], 0.0
    for t in range(teams):
        n = max(len(ends[t]), 1)
        bands.append(Band(t, top, top + n))
        top += n + BAND_GAP
    return Layout(tuple(bands[b.team].top + lane_of[i] for i, b in enumerate(bars)), tuple(bands))
