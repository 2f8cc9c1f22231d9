"""Why a candidate is not in the plan, in Dutch, naming the binding constraint.

Every reason starts with one short, self-contained sentence (the binding constraint at the
team that comes closest), so a table column can show just that (:func:`reason_summary`);
the details (the start week that comes closest, what is needed and free, the other teams)
follow in further sentences, for a tooltip or the export.
"""

from __future__ import annotations

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

from stuurploeg.domain.planning import format as fmt
from stuurploeg.domain.planning.candidates import Candidate
from stuurploeg.domain.planning.state import PlanState, signature
from stuurploeg.domain.planning.types import KINDS, TOLERANCE

_MAX_TEAMS_NAMED = 3


def reason_summary(reason: str) -> str:
    """The first sentence of a reason (all of it when it has one sentence)."""
    head, sep, _ = reason.partition(". ")
    return head + "." if sep else reason


def unplanned_reason(state: PlanState, cand: Candidate) -> str:
    """The reason ``cand`` does not fit in what ``state`` leaves free.

    Per allowed team the start week where it comes closest (smallest largest shortfall).
    First sentence: the best team, by how much it falls short, of what (total or a
    specialism) and in which weeks. Then the details and up to two more teams.
    """
    if cand.problem is not None:
        return cand.problem
    key = ("reason", signature(cand))
    reason = state.derived.get(key)
    if reason is None:
        reason = state.derived[key] = _reason(state, cand)
    return reason


def _reason(state: PlanState, cand: Candidate) -> str:
    grid = state.grid
    last = min(cand.last, state.remaining.shape[2] - cand.duration)
    starts = np.arange(cand.first, last + 1)
    per_team = []
    if starts.size:
        # every team and start week at once: (T, K, starts, D) shortfalls
        teams = list(cand.teams)
        windows = sliding_window_view(state.remaining[teams], cand.duration, axis=2)
        shorts = cand.demand[None, :, None, None] - windows[:, :, starts]
        shorts[:, cand.demand <= 0] = -np.inf
        for t, worsts in enumerate(shorts.max(axis=(1, 3)).tolist()):
            best = None
            for j, worst in enumerate(worsts):
                if best is None or worst < best[0] - 1e-9:
                    best = (worst, j)
            if best is not None:
                j = best[1]
                per_team.append((best[0], teams[t], int(starts[j]), shorts[t, :, j, :]))
    if not per_team:
        return "Geen startweek binnen de planperiode en het startvenster van de zaak."
    per_team.sort(key=lambda t: (t[0], cand.teams.index(t[1])))
    if per_team[0][0] <= TOLERANCE:
        return (
            "Past in de vrije capaciteit, maar de planner heeft de zaak niet gekozen. "
            "Plan opnieuw of zet de zaak vast."
        )
    window_text = (
        f"startweken {grid.week(cand.first)} t/m {grid.week(int(starts[-1]))}"
        if len(starts) > 1
        else f"startweek {grid.week(cand.first)}"
    )
    _, ti, s, short = per_team[0]
    shortage = _Shortage(state, cand, ti, s, short)
    sentences = [
        f"Past niet bij {fmt.team(grid.teams[ti])}: {shortage.what} tekort in "
        f"{shortage.span}.",
        f"Dat is het kleinste tekort over de {window_text}: bij start {grid.week(s)} "
        f"({shortage.detail}).",
    ]
    others = [_Shortage(state, cand, t, st, sh) for _, t, st, sh in per_team[1:]]
    for other in others[: _MAX_TEAMS_NAMED - 1]:
        sentences.append(
            f"Bij {fmt.team(grid.teams[other.team])}: {other.what} tekort in {other.span} "
            f"bij start {grid.week(other.start)} ({other.detail})."
        )
    more = len(others) - (_MAX_TEAMS_NAMED - 1)
    if more > 0:
        sentences.append(
            f"Bij {more} ander{'' if more == 1 else 'e'} team{'' if more == 1 else 's'} "
            "is het tekort groter."
        )
    return " ".join(sentences)


class _Shortage:
    """The binding kind of one team at one start week, as text pieces."""

    def __init__(self, state: PlanState, cand: Candidate, ti: int, s: int,
                 short: np.ndarray) -> None:
        grid = state.grid
        k = int(short.max(axis=1).argmax())
        weeks_short = np.nonzero(short[k] > TOLERANCE)[0]
        first_w = grid.week(s + int(weeks_short[0]))
        last_w = grid.week(s + int(weeks_short[-1]))
        free = float(state.remaining[ti, k, s : s + cand.duration].min())
        self.team = ti
        self.start = s
        self.what = f"{fmt.fte(float(short[k].max()))} fte {fmt.kind(KINDS[k])}"
        self.span = str(first_w) if first_w == last_w else f"{first_w} t/m {last_w}"
        self.detail = (
            f"nodig {fmt.fte(float(cand.demand[k]))} fte, vrij {fmt.fte(max(free, 0.0))}"
        )
