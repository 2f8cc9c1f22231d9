"""A plan under construction: what is left per team, kind and week, and what is placed."""

from __future__ import annotations

import numpy as np

from stuurploeg.domain.planning.candidates import Candidate
from stuurploeg.domain.planning.grid import CapacityGrid
from stuurploeg.domain.planning.types import TOLERANCE


class PlanState:
    def __init__(self, grid: CapacityGrid) -> None:
        self.grid = grid
        self.remaining = grid.remaining()
        self.placed: dict[str, tuple[int, int]] = {}  # case_id -> (team index, start index)
        self.fixed: set[str] = set()

    def copy(self) -> PlanState:
        other = PlanState.__new__(PlanState)
        other.grid = self.grid
        other.remaining = self.remaining.copy()
        other.placed = dict(self.placed)
        other.fixed = set(self.fixed)
        return other

    def feasible_starts(self, cand: Candidate, ti: int, first: int | None = None,
                        last: int | None = None) -> np.ndarray:
        """Start indices in ``first..last`` (default: the candidate's window) where it fits."""
        lo = cand.first if first is None else first
        hi = min(cand.last if last is None else last, self.remaining.shape[2] - cand.duration)
        if hi < lo or cand.duration <= 0:
            return np.empty(0, dtype=np.int64)
        kinds = cand.demand > 0
        rem = self.remaining[ti][kinds]
        bad = ~(rem >= cand.demand[kinds, None] - TOLERANCE).all(axis=0)
        cs = np.concatenate(([0], np.cumsum(bad)))
        starts = np.arange(lo, hi + 1)
        return starts[cs[starts + cand.duration] == cs[starts]]

    def fits(self, cand: Candidate, ti: int, s: int) -> bool:
        if s < 0 or s + cand.duration > self.remaining.shape[2]:
            return False
        window = self.remaining[ti, :, s : s + cand.duration]
        return bool((window >= cand.demand[:, None] - TOLERANCE).all())

    def first_fit(self, cand: Candidate) -> tuple[int, int] | None:
        """Earliest start on an allowed team; ties: most free total fte over its weeks,
        then the team listed first."""
        best: tuple[int, float, int] | None = None  # (start, -free, team order)
        for order, ti in enumerate(cand.teams):
            starts = self.feasible_starts(cand, ti)
            if starts.size == 0:
                continue
            s = int(starts[0])
            free = float(self.remaining[ti, 0, s : s + cand.duration].sum())
            key = (s, -round(free, 9), order)
            if best is None or key < best:
                best = key
        if best is None:
            return None
        return cand.teams[best[2]], best[0]

    def place(self, cand: Candidate, ti: int, s: int, *, fixed: bool = False) -> None:
        self.remaining[ti, :, s : s + cand.duration] -= cand.demand[:, None]
        self.placed[cand.case_id] = (ti, s)
        if fixed:
            self.fixed.add(cand.case_id)

    def remove(self, cand: Candidate) -> None:
        ti, s = self.placed.pop(cand.case_id)
        self.remaining[ti, :, s : s + cand.duration] += cand.demand[:, None]
        self.fixed.discard(cand.case_id)

    def total_priority(self, candidates: dict[str, Candidate]) -> float:
        return float(sum(candidates[cid].score for cid in self.placed))
