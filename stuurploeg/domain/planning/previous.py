"""Re-planning that keeps the last meeting's plan: a case stays where it was placed unless
it no longer fits there, or moving it buys priority.

The rule, precisely. Let the *previous spot* of a candidate be its team and start week
in the previous plan. The *keep plan* places the fixed placements; then the cases under
the priority rule (prioriteitsregel), which come first in every plan: each at its
previous spot while that is still possible (allowed team, inside its start window,
enough free capacity), the others at their earliest fit; then the other cases in the
same way, in ranking order. A re-plan differs from the keep plan only by moves that
raise the total priority: a case whose previous spot was possible ends up elsewhere (or
out of the plan) only in a plan whose total priority is strictly higher than the keep
plan's. A case whose previous spot is no longer possible is moved with the reason why.

Pure Python + numpy, on :class:`~stuurploeg.domain.planning.state.PlanState`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from stuurploeg.domain.planning import format as fmt
from stuurploeg.domain.planning.candidates import Candidate
from stuurploeg.domain.planning.dutch import number
from stuurploeg.domain.planning.greedy import fill_in_order, place_fixed, planning_order
from stuurploeg.domain.planning.grid import CapacityGrid
from stuurploeg.domain.planning.state import PlanState
from stuurploeg.domain.planning.types import KINDS, TOLERANCE, FixedPlacement
from stuurploeg.domain.weeks import IsoWeek

# A priority gain below this is float noise, not a reason to move a case.
GAIN_EPSILON = 1e-9
# Per case that does not fit and team, how many start weeks are tried when making room:
# the earliest ones, where the case would start soonest; and how many such tries one
# re-plan makes at most (the most important cases left out come first). Each try costs
# about a millisecond at 300 cases; the budget keeps a re-plan within a fraction of a
# second more than the rank-order plan, and it is a count, not a time, so the same input
# gives the same plan.
_STARTS_TRIED = 3
_TRIES_PER_PLAN = 300

MOVED_LABEL = "verschoven t.o.v. vorige vergadering"


@dataclass(frozen=True)
class PreviousPlacement:
    """Where the previous (vastgesteld) plan placed a case."""

    case_id: str
    team: str
    start_week: IsoWeek
    fte: float | None = None


@dataclass(frozen=True)
class Move:
    """A case the re-plan placed elsewhere than the previous plan did.

    ``to_team``/``to_week`` None: the case is no longer in the plan.
    """

    case_id: str
    from_team: str
    from_week: IsoWeek
    to_team: str | None
    to_week: IsoWeek | None
    reason: str

    @property
    def dropped(self) -> bool:
        return self.to_team is None

    def describe(self) -> str:
        """``"MH Oost 2026-W40 → MH Zuid 2026-W42: <reason>"`` (Dutch)."""
        to = "niet meer ingepland" if self.to_team is None else f"{self.to_team} {self.to_week}"
        return f"{self.from_team} {self.from_week} → {to}: {self.reason}"


@dataclass
class PreviousSpots:
    """The previous placements of the current candidates."""

    spots: dict[str, tuple[int, int]]  # case_id -> (team index, start index)
    origins: dict[str, tuple[str, IsoWeek]]  # case_id -> (team, start week) as planned
    lost: dict[str, str]  # case_id -> why it has no spot at all (its team is gone)


@dataclass
class StablePlan:
    """The re-plan and what it is measured against."""

    state: PlanState
    failed: dict[str, str]  # fixed placements that could not be honoured (as rank_plan)
    keep_total: float  # total priority of the keep plan
    previous: PreviousSpots
    unseated: dict[str, str]  # case_id -> why its previous spot is no longer possible
    because: dict[str, tuple[str, float]]  # case_id -> (case it made room for, gain)

    @property
    def spots(self) -> dict[str, tuple[int, int]]:
        return self.previous.spots


def previous_spots(
    grid: CapacityGrid,
    candidates: Sequence[Candidate],
    previous: Iterable[PreviousPlacement],
    fixed: Iterable[FixedPlacement] = (),
) -> PreviousSpots:
    """Previous spots of the current candidates as grid indices, and the Dutch reason
    for each previous placement that has no spot here (its team no longer exists).

    Cases that are no longer candidates (running now, gone from the list) and cases with
    a fixed placement (a decision replaced the proposal) are left out: the re-plan does
    not move them.
    """
    ids = {c.case_id for c in candidates}
    fixed_ids = {f.case_id for f in fixed}
    out = PreviousSpots({}, {}, {})
    for p in previous:
        if p.case_id not in ids or p.case_id in fixed_ids or p.case_id in out.origins:
            continue
        out.origins[p.case_id] = (p.team, p.start_week)
        ti = grid.team_index(p.team)
        if ti is None:
            name = fmt.team(p.team)
            out.lost[p.case_id] = f"{name[:1].upper()}{name[1:]} staat niet meer in de capaciteit."
        else:
            out.spots[p.case_id] = (ti, grid.index_of(p.start_week))
    return out


def spot_problem(state: PlanState, cand: Candidate, ti: int, s: int) -> str | None:
    """Why ``cand`` cannot be placed at team ``ti``, start ``s`` in ``state`` (Dutch), or
    None when it can."""
    grid = state.grid
    if cand.problem is not None:
        return cand.problem
    if ti not in cand.teams:
        return f"De zaak mag niet meer op {fmt.team(grid.teams[ti])}."
    if s < 0:
        return (f"De vorige startweek {grid.week(s)} ligt vóór het begin van de planperiode "
                f"({grid.start}).")
    if s < cand.first:
        return f"De vorige startweek {grid.week(s)} ligt vóór de vroegste start."
    if s > cand.last:
        return (f"De vorige startweek {grid.week(s)} ligt na de uiterste start of na het "
                "einde van de planperiode.")
    if s + cand.duration > state.remaining.shape[2]:
        return "De doorlooptijd past niet meer in de rekenperiode."
    window = state.remaining[ti, :, s : s + cand.duration]
    short = cand.demand[:, None] - window
    if (short <= TOLERANCE).all():
        return None
    k, w = divmod(int(short.argmax()), short.shape[1])
    return (
        f"Op {fmt.team(grid.teams[ti])} is in {grid.week(s + w)} {fmt.fte(float(short[k, w]))} "
        f"fte {fmt.kind(KINDS[k])} te weinig vrij voor de vorige plek."
    )


def seat_previous(
    state: PlanState, candidates: Sequence[Candidate], spots: Mapping[str, tuple[int, int]]
) -> dict[str, str]:
    """Place each candidate with a previous spot there, in planning order, when it still
    fits; returns case_id -> why not for the others."""
    unseated: dict[str, str] = {}
    for cand in planning_order(candidates):
        spot = spots.get(cand.case_id)
        if spot is None or cand.case_id in state.placed:
            continue
        problem = spot_problem(state, cand, *spot)
        if problem is None:
            state.place(cand, *spot)
        else:
            unseated[cand.case_id] = problem
    return unseated


def keep_plan(
    grid: CapacityGrid,
    candidates: Sequence[Candidate],
    fixed: Iterable[FixedPlacement],
    spots: Mapping[str, tuple[int, int]],
) -> tuple[PlanState, dict[str, str], dict[str, str]]:
    """The keep plan (see the module docstring): state, failed fixed placements, and the
    previous spots that were not possible."""
    state = PlanState(grid)
    failed = place_fixed(state, candidates, fixed)
    rest = [c for c in candidates if c.case_id not in failed]
    first = [c for c in rest if c.priority_rule]
    unseated = seat_previous(state, first, spots)
    fill_in_order(state, first)
    before = set(state.placed)
    later = [c for c in rest if not c.priority_rule]
    cmap = {c.case_id: c for c in candidates}
    for cid, reason in seat_previous(state, later, spots).items():
        unseated[cid] = reason + _priority_note(state, cmap, spots[cid], cid, before)
    fill_in_order(state, later)
    return state, failed, unseated


def _priority_note(state: PlanState, cmap: Mapping[str, Candidate], spot: tuple[int, int],
                   case_id: str, placed: set[str]) -> str:
    """" Zaak X valt onder de prioriteitsregel en gaat voor." when a priority-rule case
    placed before (one of ``placed``) overlaps ``spot`` on its team; else ""."""
    ti, s = spot
    end = s + cmap[case_id].duration
    for cid in sorted(placed, key=lambda c: cmap[c].order):
        c = cmap[cid]
        t, s2 = state.placed[cid]
        if c.priority_rule and cid not in state.fixed and t == ti and s2 < end and \
                s2 + c.duration > s:
            return f" Zaak {cid} valt onder de prioriteitsregel en gaat voor."
    return ""


def stable_rank_plan(
    grid: CapacityGrid,
    candidates: Sequence[Candidate],
    fixed: Iterable[FixedPlacement] = (),
    previous: Iterable[PreviousPlacement] = (),
) -> StablePlan:
    """The rank-order re-plan: the keep plan, then, for each candidate left out in
    planning order, room made by moving previously placed cases when that raises the
    total priority (a moved case goes back to its own spot if it can, else to its
    earliest fit; one left without a place costs its priority), within a fixed number
    of tries."""
    fixed = tuple(fixed)
    prev = previous_spots(grid, candidates, previous, fixed)
    state, failed, unseated = keep_plan(grid, candidates, fixed, prev.spots)
    unseated.update(prev.lost)
    cmap = {c.case_id: c for c in candidates}
    keep_total = state.total_priority(cmap)
    because: dict[str, tuple[str, float]] = {}
    budget = [_TRIES_PER_PLAN]
    for cand in planning_order(candidates):
        if cand.case_id in state.placed or cand.case_id in failed or cand.problem is not None:
            continue
        if cand.score <= GAIN_EPSILON:
            continue  # nothing to gain by placing it
        if budget[0] <= 0:
            break
        trial = _make_room(state, cand, cmap, budget)
        if trial is not None:
            state, shifted, gain = trial
            for cid in shifted:
                because.setdefault(cid, (cand.case_id, gain))
    if because:  # a case taken out may have left room for a smaller one
        fill_in_order(state, [c for c in planning_order(candidates) if c.case_id not in failed])
    return StablePlan(state, failed, keep_total, prev, unseated, because)


def _make_room(
    state: PlanState, cand: Candidate, cmap: Mapping[str, Candidate], budget: list[int]
) -> tuple[PlanState, list[str], float] | None:
    """The best plan (highest gain, then fewest cases shifted) in which ``cand`` is placed
    by moving non-fixed cases off its team, if its gain is positive; the new state, the
    cases whose spot changed and the gain."""
    best: tuple[float, int, PlanState, list[str]] | None = None
    for ti in cand.teams:
        movable = [cid for cid, (t, _) in state.placed.items()
                   if t == ti and cid not in state.fixed]
        if not movable:
            continue
        freeable = state.remaining[ti].copy()
        for cid in movable:
            s0 = state.placed[cid][1]
            freeable[:, s0 : s0 + cmap[cid].duration] += cmap[cid].demand[:, None]
        for s in _starts(freeable, cand, state.remaining.shape[2]):
            if budget[0] <= 0:
                break
            budget[0] -= 1
            floor = GAIN_EPSILON if best is None else best[0]
            trial = _try_spot(state, cand, cmap, ti, s, movable, floor)
            if trial is None:
                continue
            gain, new_state, shifted = trial
            key = (gain, -len(shifted))
            if best is None or key > (best[0], -best[1]):
                best = (gain, len(shifted), new_state, shifted)
    if best is None or best[0] <= GAIN_EPSILON:
        return None
    return best[2], best[3], best[0]


def _starts(freeable: np.ndarray, cand: Candidate, length: int) -> list[int]:
    """The first few starts where ``cand`` would fit if the movable cases were gone."""
    hi = min(cand.last, length - cand.duration)
    out: list[int] = []
    for s in range(cand.first, hi + 1):
        window = freeable[:, s : s + cand.duration]
        if (window >= cand.demand[:, None] - TOLERANCE).all():
            out.append(s)
            if len(out) == _STARTS_TRIED:
                break
    return out


def _try_spot(
    state: PlanState,
    cand: Candidate,
    cmap: Mapping[str, Candidate],
    ti: int,
    s: int,
    movable: list[str],
    floor: float,
) -> tuple[float, PlanState, list[str]] | None:
    """``cand`` at team ``ti``, start ``s``, with the movable cases in its way shifted or
    dropped; None when that cannot gain more than ``floor``."""
    end = s + cand.duration
    trial = state.copy()
    # Least important first: the priority-rule cases and high scores stay put longest.
    overlapping = sorted(
        (cid for cid in movable
         if trial.placed[cid][1] < end and trial.placed[cid][1] + cmap[cid].duration > s),
        key=lambda cid: (cmap[cid].priority_rule, cmap[cid].score, -cmap[cid].order),
    )
    removed: list[Candidate] = []
    for cid in overlapping:
        if trial.fits(cand, ti, s):
            break
        removed.append(cmap[cid])
        trial.remove(cmap[cid])
    if not trial.fits(cand, ti, s):
        return None
    trial.place(cand, ti, s)
    old = {c.case_id: state.placed[c.case_id] for c in removed}
    dropped_score = 0.0
    for c in planning_order(removed):
        if trial.fits(c, *old[c.case_id]):
            trial.place(c, *old[c.case_id])
            continue
        spot = trial.first_fit(c)
        if spot is None:
            if c.priority_rule and not cand.priority_rule:
                return None  # the priority rule comes first in every plan
            dropped_score += c.score
            if cand.score - dropped_score < floor - GAIN_EPSILON:
                return None  # cannot beat what is already found
        else:
            trial.place(c, *spot)
    gain = cand.score - dropped_score
    shifted = [c.case_id for c in removed if trial.placed.get(c.case_id) != old[c.case_id]]
    return gain, trial, shifted


def restore_previous(
    state: PlanState, candidates: Sequence[Candidate], spots: Mapping[str, tuple[int, int]]
) -> None:
    """Put placed cases back on their previous spot where that fits, without changing
    which cases are placed (so the total priority stays the same). For a plan from an
    optimiser that knows nothing of the previous plan."""
    order = [c for c in planning_order(candidates)
             if c.case_id in spots and c.case_id in state.placed and c.case_id not in state.fixed]
    changed = True
    while changed:  # each round puts at least one more case back, so this ends
        changed = False
        for cand in order:
            spot = spots[cand.case_id]
            here = state.placed[cand.case_id]
            if here == spot:
                continue
            state.remove(cand)
            if spot_problem(state, cand, *spot) is None:
                state.place(cand, *spot)
                changed = True
            else:
                state.place(cand, *here)


def moves(
    state: PlanState,
    candidates: Sequence[Candidate],
    previous: PreviousSpots,
    unseated: Mapping[str, str],
    *,
    keep_total: float,
    because: Mapping[str, tuple[str, float]] | None = None,
) -> list[Move]:
    """Every candidate placed elsewhere than its previous spot, in ranking order, with the
    reason: why its spot was no longer possible, or what moving it gained."""
    grid = state.grid
    cmap = {c.case_id: c for c in candidates}
    gain = state.total_priority(cmap) - keep_total
    because = because or {}
    out = []
    for cand in candidates:  # ranking order
        cid = cand.case_id
        origin = previous.origins.get(cid)
        if origin is None:
            continue
        here = state.placed.get(cid)
        if here is not None and here == previous.spots.get(cid):
            continue
        to_team = None if here is None else grid.teams[here[0]]
        to_week = None if here is None else grid.week(here[1])
        if cid in unseated:
            reason = unseated[cid]
        elif cid in because:
            other, step = because[cid]
            what = "Uit het plan" if here is None else "Verplaatst"
            reason = (f"{what} om ruimte te maken voor zaak {other}: dat levert meer "
                      f"prioriteit op ({_plus(step)}).")
        else:
            reason = f"Zo haalt het plan meer prioriteit (totaal {_plus(gain)})."
        out.append(Move(cid, origin[0], origin[1], to_team, to_week, reason))
    return out


def _plus(value: float) -> str:
    return ("+" if value >= 0 else "") + number(value, 1)


__all__ = [
    "MOVED_LABEL",
    "Move",
    "PreviousPlacement",
    "PreviousSpots",
    "StablePlan",
    "keep_plan",
    "moves",
    "previous_spots",
    "restore_previous",
    "seat_previous",
    "spot_problem",
    "stable_rank_plan",
]
