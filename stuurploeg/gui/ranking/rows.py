"""The Ranglijst's data as columns of numpy arrays, built from the controller's state.

Pure presentation: it copies fields out of the cases, the ranking, the proposal and the
decisions into arrays the table model can sort and filter at numpy speed. It computes
nothing of its own (no scores, no plan).

numpy (and the planning helpers, which bring it) are imported inside the functions that
need them: the first window shows before any rows exist (start-up time).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from stuurploeg.domain.model import CRITERIA, Case

if TYPE_CHECKING:
    import numpy as np

    from stuurploeg.domain.planning import Assignment, Unplanned
    from stuurploeg.domain.scoring import Ranking

IN_PLAN_UNKNOWN, OUT_OF_PLAN, IN_PLAN = -1, 0, 1


@dataclass
class RankingRows:
    """One row per case; every array has the same length ``n``."""

    case_id: np.ndarray  # object (str)
    name: np.ndarray  # object (str)
    exploitation: np.ndarray  # object (str, "" when unknown)
    status: np.ndarray  # object (str)
    team: np.ndarray  # object: planned or running team, "" when none
    plan: np.ndarray  # object: "Team A 2026-W41–2026-W52" or the reason it does not fit
    plan_reason: np.ndarray  # object: full reason for tooltips, "" when planned
    decision: np.ndarray  # object: decision so far, "" when none
    rank: np.ndarray  # float, NaN when not ranked (not a candidate)
    movement: np.ndarray  # float: previous rank - rank (positive = moved up), NaN
    score: np.ndarray  # float 0..100, NaN when unscored
    criteria: np.ndarray  # float (n, 6), NaN when not scored
    fte: np.ndarray  # float, NaN
    weeks: np.ndarray  # float, NaN
    specialist: np.ndarray  # float: specialist fte summed, NaN when none
    in_plan: np.ndarray  # int8: IN_PLAN / OUT_OF_PLAN / IN_PLAN_UNKNOWN
    priority: np.ndarray  # bool
    incomplete: np.ndarray  # bool
    fragile: np.ndarray  # bool
    search_text: list[str] = field(default_factory=list)  # lower-cased id + name

    def __len__(self) -> int:
        return len(self.case_id)

    @classmethod
    def empty(cls) -> RankingRows:
        return build_rows([])


def _obj(values: Iterable[object]) -> np.ndarray:
    import numpy as np

    items = list(values)
    arr = np.empty(len(items), dtype=object)
    arr[:] = items
    return arr


def _f(value: float | None) -> float:
    return float("nan") if value is None else float(value)


def _proposal_text(a: Assignment) -> str:
    """``Team Haven · 2026-W41 · 3,5``: team, start week and fte, what the meeting decides
    on (the duration is in the tooltip and the case detail); no translated unit needed."""
    fte = f"{a.fte:.1f}".replace(".", ",")
    return f"{a.team} · {a.start_week} · {fte}"


def build_rows(
    cases: Sequence[Case],
    ranking: Ranking | None = None,
    assignments: Sequence[Assignment] | None = None,
    unplanned: Sequence[Unplanned] = (),
    decisions: Mapping[str, str] | None = None,
    previous_ranks: Mapping[str, int] | None = None,
) -> RankingRows:
    """Lay out the cases with their ranking, proposal and decisions as arrays.

    ``assignments`` None: there is no plan yet (the plan column stays empty); a case in
    neither ``assignments`` nor ``unplanned`` is then out of the plan (not a candidate).
    ``decisions`` maps a case id to a short text.
    """
    import numpy as np

    from stuurploeg.domain.planning.reasons import reason_summary

    n = len(cases)
    entries = {e.case_id: e for e in ranking.entries} if ranking is not None else {}
    assigned = {a.case_id: a for a in assignments or ()}
    not_placed = {u.case_id: u for u in unplanned}
    decisions = decisions or {}
    previous_ranks = previous_ranks or {}

    rank = np.full(n, np.nan)
    movement = np.full(n, np.nan)
    score = np.full(n, np.nan)
    criteria = np.full((n, len(CRITERIA)), np.nan)
    fte = np.full(n, np.nan)
    weeks = np.full(n, np.nan)
    specialist = np.full(n, np.nan)
    in_plan = np.full(n, IN_PLAN_UNKNOWN, dtype=np.int8)
    priority = np.zeros(n, dtype=bool)
    incomplete = np.zeros(n, dtype=bool)
    fragile = np.zeros(n, dtype=bool)
    teams: list[str] = []
    plan_texts: list[str] = []
    reasons: list[str] = []

    for i, case in enumerate(cases):
        for j, criterion in enumerate(CRITERIA):
            value = case.criteria.get(criterion)
            if value is not None:
                criteria[i, j] = value
        fte[i] = _f(case.fte)
        weeks[i] = _f(case.weeks)
        if case.specialist_fte:
            specialist[i] = float(sum(case.specialist_fte.values()))
        entry = entries.get(case.case_id)
        if entry is not None:
            rank[i] = entry.rank
            score[i] = _f(entry.score)
            priority[i] = entry.priority_rule
            incomplete[i] = entry.incomplete
            fragile[i] = entry.fragile
            before = previous_ranks.get(case.case_id)
            if before is not None:
                movement[i] = before - entry.rank
        team = case.team or ""
        text, reason = "", ""
        a = assigned.get(case.case_id)
        if a is not None:
            team = a.team
            in_plan[i] = IN_PLAN
            text = _proposal_text(a)
        elif case.case_id in not_placed:
            in_plan[i] = OUT_OF_PLAN
            reason = not_placed[case.case_id].reason
            text = reason_summary(reason)  # the whole reason is the tooltip
        elif assignments is not None:
            in_plan[i] = OUT_OF_PLAN
        teams.append(team)
        plan_texts.append(text)
        reasons.append(reason)

    return RankingRows(
        case_id=_obj(c.case_id for c in cases),
        name=_obj(c.name for c in cases),
        exploitation=_obj(str(c.exploitation) if c.exploitation else "" for c in cases),
        status=_obj(str(c.status) for c in cases),
        team=_obj(teams),
        plan=_obj(plan_texts),
        plan_reason=_obj(reasons),
        decision=_obj(decisions.get(c.case_id, "") for c in cases),
        rank=rank,
        movement=movement,
        score=score,
        criteria=criteria,
        fte=fte,
        weeks=weeks,
        specialist=specialist,
        in_plan=in_plan,
        priority=priority,
        incomplete=incomplete,
        fragile=fragile,
        search_text=[f"{c.case_id} {c.name}".casefold() for c in cases],
    )
