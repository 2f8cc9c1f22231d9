"""A plan under construction: what is left per team, kind and week, and what is placed."""

from __future__ import annotations

from typing import Any

import numpy as np

from stuurploeg.domain.planning.candidates import Candidate
from stuurploeg.domain.planning.grid import CapacityGrid
from stuurploeg.domain.planning.types import TOLERANCE


def signature(cand: Candidate) -> tuple[Any, ...]:
    """What decides where a candidate fits: two candidates with the same signature fit
    (and fail) at the same places. Case lists repeat these a lot (halves of fte, whole
    weeks, the same few teams), which is what the caches below live on."""
    return (cand.demand.tobytes(), cand.duration, cand.teams, cand.first, cand.last)


class PlanState:
    """What is left and what is placed.

    Caches make the rank plan of a long list cheap, and all are exact:
    - ``_no_fit``: signatures that found no fit. Placing only ever lowers what is left, so
      a signature that does not fit keeps not fitting until a case is removed.
    - ``_fails``: the same knowledge one step further. A candidate that needs at least as
      much of every kind, for at least as many weeks, on no other teams and in no other
      start weeks than one that did not fit, does not fit either: at every start week it
      could take, the week and kind that stopped the other stop it too. Once a plan is
      full, this settles most of a long list with one small array test per case.
    - ``derived``: anything computed from the current state (the reasons why a case does
      not fit); cleared on every change.
    """

    def __init__(self, grid: CapacityGrid) -> None:
        self.grid = grid
        self.remaining = grid.remaining()
        self.placed: dict[str, tuple[int, int]] = {}  # case_id -> (team index, start index)
        self.fixed: set[str] = set()
        self._no_fit: set[tuple[Any, ...]] = set()
        self._fails = _Failures(self.remaining.shape[0], self.remaining.shape[1])
        self.derived: dict[Any, Any] = {}

    def copy(self) -> PlanState:
        other = PlanState.__new__(PlanState)
        other.grid = self.grid
        other.remaining = self.remaining.copy()
        other.placed = dict(self.placed)
        other.fixed = set(self.fixed)
        other._no_fit = set(self._no_fit)
        other._fails = self._fails.copy()
        other.derived = {}
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
        then the team listed first.

        All allowed teams and start weeks are tested in one numpy pass (a long list has
        thousands of candidates and the plan is made again for every weight change).
        """
        key = signature(cand)
        if key in self._no_fit:
            return None
        lo = cand.first
        hi = min(cand.last, self.remaining.shape[2] - cand.duration)
        if hi < lo or cand.duration <= 0 or not cand.teams:
            self._no_fit.add(key)
            return None
        row = self.grid.memo.get(key)
        if row is None:  # the same candidate comes back in every pass of the fragility check
            row = self.grid.memo[key] = self._fails.row(cand, hi)
        if self._fails.implies(row):
            self._no_fit.add(key)
            return None
        kinds = cand.demand > 0
        teams = list(cand.teams)
        rem = self.remaining[teams][:, kinds, :]  # (T, k, L)
        bad = ~(rem >= cand.demand[kinds, None] - TOLERANCE).all(axis=1)  # (T, L)
        cs = np.zeros((len(teams), bad.shape[1] + 1), dtype=np.int64)
        np.cumsum(bad, axis=1, out=cs[:, 1:])
        starts = np.arange(lo, hi + 1)
        ok = cs[:, starts + cand.duration] == cs[:, starts]  # (T, S)
        has = ok.any(axis=1)
        if not has.any():
            self._no_fit.add(key)
            self._fails.add(row)
            return None
        first = ok.argmax(axis=1)
        best: tuple[int, float, int] | None = None  # (start, -free, team order)
        for order in np.flatnonzero(has):
            ti, s = teams[order], int(starts[first[order]])
            free = float(self.remaining[ti, 0, s : s + cand.duration].sum())
            candidate_key = (s, -round(free, 9), int(order))
            if best is None or candidate_key < best:
                best = candidate_key
        assert best is not None
        return cand.teams[best[2]], best[0]

    def place(self, cand: Candidate, ti: int, s: int, *, fixed: bool = False) -> None:
        self.remaining[ti, :, s : s + cand.duration] -= cand.demand[:, None]
        self.placed[cand.case_id] = (ti, s)
        if fixed:
            self.fixed.add(cand.case_id)
        self.derived.clear()

    def remove(self, cand: Candidate) -> None:
        ti, s = self.placed.pop(cand.case_id)
        self.remaining[ti, :, s : s + cand.duration] += cand.demand[:, None]
        self.fixed.discard(cand.case_id)
        self._no_fit.clear()  # more is free now
        self._fails.clear()
        self.derived.clear()

    def total_priority(self, candidates: dict[str, Candidate]) -> float:
        return float(sum(candidates[cid].score for cid in self.placed))


class _Failures:
    """Candidates that found no fit, one row each: demand per kind, weeks, first start,
    minus the last start, and per team -1 where it was allowed. Record ``r`` implies that
    a candidate with row ``v`` fails when ``r <= v`` in every column. Only records no
    other record implies are kept."""

    def __init__(self, n_teams: int, n_kinds: int) -> None:
        self.n_teams, self.n_kinds = n_teams, n_kinds
        self.rows = np.empty((0, n_kinds + 3 + n_teams))

    def copy(self) -> _Failures:
        other = _Failures(self.n_teams, self.n_kinds)
        other.rows = self.rows  # never changed in place: sharing is safe
        return other

    def clear(self) -> None:
        self.rows = self.rows[:0]

    def row(self, cand: Candidate, hi: int) -> np.ndarray:
        """The record of ``cand`` (``hi``: its last start within the grid)."""
        row = np.zeros(self.rows.shape[1])
        k = self.n_kinds
        row[:k] = cand.demand
        row[k : k + 3] = (cand.duration, cand.first, -hi)
        row[[k + 3 + t for t in cand.teams]] = -1.0  # fewer teams: a larger row
        return row

    def implies(self, row: np.ndarray) -> bool:
        """A recorded failure that needs no more than ``row`` in every respect."""
        if not len(self.rows):
            return False
        return bool((self.rows <= row).all(axis=1).any())

    def add(self, row: np.ndarray) -> None:
        keep = ~(self.rows >= row).all(axis=1)  # drop the records this one implies
        self.rows = np.vstack((self.rows[keep], row))
