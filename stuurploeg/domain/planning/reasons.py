"""Why a candidate is not in the plan, in Dutch, naming the binding constraint."""

from __future__ import annotations

import numpy as np

from stuurploeg.domain.planning import format as fmt
from stuurploeg.domain.planning.candidates import Candidate
from stuurploeg.domain.planning.state import PlanState
from stuurploeg.domain.planning.types import KINDS, TOLERANCE

_MAX_TEAMS_NAMED = 3


def unplanned_reason(state: PlanState, cand: Candidate) -> str:
    """The reason ``cand`` does not fit in what ``state`` leaves free.

    Per allowed team the start week where it comes closest (smallest largest shortfall);
    the message names that team, the kind that falls short, by how much and in which weeks.
    """
    if cand.problem is not None:
        return cand.problem
    grid = state.grid
    last = min(cand.last, state.remaining.shape[2] - cand.duration)
    starts = np.arange(cand.first, last + 1)
    per_team = []
    for ti in cand.teams:
        best = None
        for s in starts:
            window = state.remaining[ti, :, s : s + cand.duration]
            short = cand.demand[:, None] - window  # (K, D)
            short[cand.demand <= 0] = -np.inf
            worst = float(short.max())
            if best is None or worst < best[0] - 1e-9:
                best = (worst, int(s), short)
        if best is not None:
            per_team.append((best[0], ti, best[1], best[2]))
    if not per_team:
        return "Geen startweek binnen de planperiode en het startvenster van de zaak."
    per_team.sort(key=lambda t: (t[0], cand.teams.index(t[1])))
    if per_team[0][0] <= TOLERANCE:
        return (
            "Past in de vrije capaciteit maar is door de planner niet gekozen; plan opnieuw "
            "of zet de zaak vast."
        )
    parts = [_team_part(state, cand, ti, s, short) for _, ti, s, short in per_team]
    window_text = (
        f"startweken {grid.week(cand.first)} t/m {grid.week(int(starts[-1]))}"
        if len(starts) > 1
        else f"startweek {grid.week(cand.first)}"
    )
    more = len(parts) - _MAX_TEAMS_NAMED
    text = "Past niet (" + window_text + "): " + "; ".join(parts[:_MAX_TEAMS_NAMED])
    if more > 0:
        text += f"; bij {more} andere team(s) is het tekort groter"
    return text + "."


def _team_part(state: PlanState, cand: Candidate, ti: int, s: int, short: np.ndarray) -> str:
    grid = state.grid
    k = int(short.max(axis=1).argmax())
    weeks_short = np.nonzero(short[k] > TOLERANCE)[0]
    first_w, last_w = grid.week(s + int(weeks_short[0])), grid.week(s + int(weeks_short[-1]))
    span = str(first_w) if first_w == last_w else f"{first_w} t/m {last_w}"
    free = float(state.remaining[ti, k, s : s + cand.duration].min())
    return (
        f"{fmt.team(grid.teams[ti])}: {fmt.fte(float(short[k].max()))} fte {KINDS[k]} tekort "
        f"in {span} bij start {grid.week(s)} (nodig {fmt.fte(float(cand.demand[k]))}, "
        f"vrij {fmt.fte(max(free, 0.0))})"
    )
