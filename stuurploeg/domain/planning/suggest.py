"""Where could a case that is not in the plan go, and what would that push out?

For every allowed team and start week of the case, the cheapest set of planned cases to
take off that team in those weeks so that it fits: greedily the cases that free the most
of the shortfall per point of priority, then every one that turns out not to be needed
is put back. The cases taken off are then re-placed where they still fit (they *move*);
the rest are *displaced* (out of the plan). Fixed placements are never touched. Options
are ranked by the priority lost, then the earliest start, then the team order.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np

from stuurploeg.domain.planning import format as fmt
from stuurploeg.domain.planning.candidates import Candidate
from stuurploeg.domain.planning.dutch import number, signed
from stuurploeg.domain.planning.state import PlanState
from stuurploeg.domain.planning.types import TOLERANCE
from stuurploeg.domain.weeks import IsoWeek

DEFAULT_LIMIT = 3
# Only this many of the cheapest options (by the arithmetic estimate) are tried out in full.
_TRIAL_FACTOR = 4


@dataclass(frozen=True)
class Pushed:
    """A planned case that makes room: moved elsewhere, or out of the plan."""

    case_id: str
    score: float
    moved_to: tuple[str, IsoWeek] | None = None  # (team, start week); None: out


@dataclass(frozen=True)
class Suggestion:
    """Place ``case_id`` on ``team`` from ``start_week``; what that costs."""

    case_id: str
    team: str
    start_week: IsoWeek
    weeks: int
    score: float  # what the case earns
    displaced: tuple[Pushed, ...]  # out of the plan
    moved: tuple[Pushed, ...]  # still planned, elsewhere
    text: str  # Dutch, one line

    @property
    def priority_lost(self) -> float:
        return float(sum(p.score for p in self.displaced))

    @property
    def net(self) -> float:
        """Total priority after the change minus before."""
        return self.score - self.priority_lost


def suggest_placements(
    state: PlanState,
    cand: Candidate,
    candidates: Mapping[str, Candidate],
    *,
    limit: int = DEFAULT_LIMIT,
    names: Mapping[str, str] | None = None,
) -> list[Suggestion]:
    """The best ``limit`` (team, start week) options for ``cand`` in the plan ``state``.

    ``candidates``: every placed case's :class:`Candidate` by id. ``state`` is not changed.
    """
    if cand.problem is not None or cand.case_id in state.placed or cand.duration <= 0:
        return []
    grid = state.grid
    last = min(cand.last, grid.horizon - 1, state.remaining.shape[2] - cand.duration)
    estimates: list[tuple[float, int, int, int, tuple[str, ...]]] = []
    seen: set[tuple[int, frozenset[str]]] = set()
    for order, ti in enumerate(cand.teams):
        here = [
            (candidates[cid], s) for cid, (t, s) in state.placed.items()
            if t == ti and cid not in state.fixed
        ]
        for s in range(cand.first, last + 1):
            chosen = _make_room(state, cand, ti, s, here)
            if chosen is None:
                continue
            key = (ti, frozenset(c.case_id for c in chosen))
            if key in seen:  # a later start with the same cost is no better
                continue
            seen.add(key)
            lost = float(sum(c.score for c in chosen))
            estimates.append((lost, s, order, ti, tuple(c.case_id for c in chosen)))
    estimates.sort(key=lambda e: e[:3])
    out = []
    for _, s, order, ti, chosen in estimates[: max(limit, 1) * _TRIAL_FACTOR]:
        sugg = _try(state, cand, ti, s, [candidates[c] for c in chosen], names or {})
        if sugg is not None:
            out.append((sugg.priority_lost, s, order, sugg))
    out.sort(key=lambda t: t[:3])
    return [t[3] for t in out[:limit]]


def _make_room(
    state: PlanState, cand: Candidate, ti: int, s: int, here: list[tuple[Candidate, int]]
) -> list[Candidate] | None:
    """The cases to take off team ``ti`` so that ``cand`` fits from ``s``; None if no set
    of them is enough (the team itself lacks the capacity)."""
    d = cand.duration
    kinds = cand.demand > 0
    short = cand.demand[kinds, None] - state.remaining[ti, kinds, s : s + d]  # (k, d)
    if (short <= TOLERANCE).all():
        return []
    blockers = []
    for b, sb in here:
        lo, hi = max(s, sb), min(s + d, sb + b.duration)
        if lo >= hi:
            continue
        contrib = np.zeros_like(short)
        contrib[:, lo - s : hi - s] = b.demand[kinds, None]
        if contrib.any():
            blockers.append((b, contrib))
    chosen: list[tuple[Candidate, np.ndarray]] = []
    while (short > TOLERANCE).any():
        need = np.maximum(short, 0.0)
        best, best_value = None, 0.0
        for i, (b, contrib) in enumerate(blockers):
            relief = float(np.minimum(contrib, need).sum())
            if relief <= TOLERANCE:
                continue
            value = relief / (b.score + 1e-3)
            if best is None or value > best_value + 1e-12:
                best, best_value = i, value
        if best is None:
            return None
        b, contrib = blockers.pop(best)
        short = short - contrib
        chosen.append((b, contrib))
    # Put back, most valuable first, every case the others already make room for.
    for item in sorted(chosen, key=lambda t: (-t[0].score, t[0].order)):
        if (short + item[1] <= TOLERANCE).all():
            short = short + item[1]
            chosen.remove(item)
    return [b for b, _ in chosen]


def _try(
    state: PlanState, cand: Candidate, ti: int, s: int, chosen: list[Candidate],
    names: Mapping[str, str],
) -> Suggestion | None:
    grid = state.grid
    trial = state.copy()
    for b in chosen:
        trial.remove(b)
    if not trial.fits(cand, ti, s):
        return None
    trial.place(cand, ti, s)
    displaced, moved = [], []
    for b in sorted(chosen, key=lambda c: (-c.score, c.order)):
        spot = trial.first_fit(b)
        if spot is None:
            displaced.append(Pushed(b.case_id, b.score))
        else:
            trial.place(b, *spot)
            moved.append(Pushed(b.case_id, b.score, (grid.teams[spot[0]], grid.week(spot[1]))))
    team, week = grid.teams[ti], grid.week(s)
    return Suggestion(cand.case_id, team, week, cand.duration, cand.score, tuple(displaced),
                      tuple(moved), _text(cand, team, week, displaced, moved, names))


def _text(cand: Candidate, team: str, week: IsoWeek, displaced: list[Pushed],
          moved: list[Pushed], names: Mapping[str, str]) -> str:
    def label(p: Pushed) -> str:
        name = names.get(p.case_id)
        return f"{p.case_id} ({f'{name}, ' if name else ''}score {number(p.score)})"

    head = f"{fmt.team(team)} vanaf {week}"
    if not displaced and not moved:
        return f"{head}: past zonder iets te verschuiven; prioriteit {signed(cand.score)}."
    parts = []
    if displaced:
        parts.append("verdringt " + ", ".join(label(p) for p in displaced))
    if moved:
        parts.append("verschuift " + ", ".join(
            f"{label(p)} naar {fmt.team(p.moved_to[0])} vanaf {p.moved_to[1]}"
            for p in moved if p.moved_to))
    lost = sum(p.score for p in displaced)
    return (f"{head}: {' en '.join(parts)}; prioriteit netto {signed(cand.score - lost)} "
            f"({signed(cand.score)} erbij, {signed(-lost)} eraf).")
