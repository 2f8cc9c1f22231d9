"""What the meeting layout reads beside the controller's state: each team's load with the
take-ups the meeting has decided so far, and the next case still to decide.

Pure functions over the controller's typed state (the plan on screen and the meeting's
decisions), so the capacity strip follows every recorded draft without a new plan.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from stuurploeg.domain.decisions import Decision
from stuurploeg.domain.model import Case, DecisionKind
from stuurploeg.gui.controller.state import Proposal

TOTAL_KIND = "totaal"  # the planner's capacity kind for a team's whole fte
_EPS = 1e-6  # fte noise, as the planner's tolerance


@dataclass(frozen=True)
class TeamLoad:
    """One team over the plan's horizon: in its busiest week (most used beyond what is
    available), ``used`` fte of ``available``; ``overloaded_weeks`` weeks above it.
    ``decided`` is the fte of the meeting's take-ups on the team (their peak week)."""

    team: str
    used: float
    available: float
    overloaded_weeks: int
    decided: float

    @property
    def overloaded(self) -> bool:
        return self.overloaded_weeks > 0


def team_loads(
    proposal: Proposal | None,
    decisions: Sequence[Decision],
    cases: Mapping[str, Case],
) -> tuple[TeamLoad, ...]:
    """Running work plus the take-ups in ``decisions`` (drafts and final), per team, on
    the capacity of the plan on screen; empty without a plan."""
    if proposal is None:
        return ()
    import numpy as np  # only once there is a plan: the first window shows before numpy

    plan = proposal.result
    kinds = list(plan.kinds)
    k = kinds.index(TOTAL_KIND) if TOTAL_KIND in kinds else 0
    available = np.asarray(plan.available[:, k, :], dtype=float)
    running = np.asarray(plan.running[:, k, :], dtype=float)
    decided = np.zeros_like(running)
    index = {team.casefold(): i for i, team in enumerate(plan.teams)}
    first = plan.week_list[0] if plan.week_list else None
    for d in decisions:
        if d.kind is not DecisionKind.TAKE_UP or not d.team or d.start_week is None:
            continue
        t = index.get(d.team.strip().casefold())
        if t is None or first is None:
            continue
        case = cases.get(d.case_id)
        weeks = max(int(case.weeks or 1), 1) if case is not None else 1
        start = d.start_week - first
        lo, hi = max(start, 0), min(start + weeks, decided.shape[1])
        if lo < hi:
            decided[t, lo:hi] += float(d.fte or 0.0)
    used = running + decided
    out = []
    for t, team in enumerate(plan.teams):
        if used.shape[1] == 0:
            out.append(TeamLoad(team, 0.0, 0.0, 0, 0.0))
            continue
        busiest = int(np.argmax(used[t] - available[t]))
        over = int(np.count_nonzero(used[t] > available[t] + _EPS))
        out.append(
            TeamLoad(team, float(used[t, busiest]), float(available[t, busiest]), over,
                     float(decided[t].max()))
        )  # fmt: skip
    return tuple(out)


def next_undecided(order: Sequence[str], after: str, decided: set[str]) -> str | None:
    """The first case in ``order`` after ``after`` not in ``decided``, wrapping round to
    the top; None when every case is decided."""
    if not order:
        return None
    start = order.index(after) + 1 if after in order else 0
    for case_id in (*order[start:], *order[:start]):
        if case_id not in decided and case_id != after:
            return case_id
    return None
