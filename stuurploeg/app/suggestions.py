"""Use case: for a case that is not in the plan, the best few places it could go and
what each would push out (cases displaced, priority lost).

Fast enough to run on every selection in a worker (``make bench``: 300 cases, 5 teams,
26 weeks). Build a :class:`SuggestionContext` once per plan and ask it per case, or call
:func:`suggest_for_case` for one question.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from stuurploeg.app.planning import PlanError, PlanResult
from stuurploeg.domain.model import CapacityData, Case, CaseStatus
from stuurploeg.domain.planning import format as fmt
from stuurploeg.domain.planning.candidates import max_duration, prepare_candidates
from stuurploeg.domain.planning.dutch import number
from stuurploeg.domain.planning.grid import build_grid
from stuurploeg.domain.planning.reasons import reason_summary
from stuurploeg.domain.planning.scenario import apply_case_changes
from stuurploeg.domain.planning.state import PlanState
from stuurploeg.domain.planning.suggest import (
    DEFAULT_LIMIT,
    Pushed,
    Suggestion,
    suggest_placements,
)


@dataclass(frozen=True)
class SuggestionResult:
    """The options for one case. ``message``: one Dutch sentence for above the list
    (why there is nothing to suggest, or how many options there are)."""

    case_id: str
    name: str | None
    planned: bool
    reason: str | None  # why it is not in the plan (the plan's reason)
    suggestions: tuple[Suggestion, ...]
    message: str

    def lines(self) -> list[str]:
        return [self.message, *(f"  {i}. {s.text}" for i, s in enumerate(self.suggestions, 1))]


class SuggestionContext:
    """A plan rebuilt as the planner's state, to ask suggestions of repeatedly."""

    def __init__(self, plan: PlanResult, cases: Sequence[Case], capacity: CapacityData) -> None:
        cases, scenario_cases = apply_case_changes(cases, plan.scenario)
        self.plan = plan
        self.names = {c.case_id: c.name for c in cases}
        by_id = {c.case_id: c for c in cases}
        missing = [e.case_id for e in plan.ranking.entries if e.case_id not in by_id]
        if missing:
            raise PlanError(
                f"Het plan hoort niet bij deze zakenlijst (zaak {missing[0]} ontbreekt); "
                "plan opnieuw."
            )
        grid = build_grid(
            capacity, plan.start, plan.weeks,
            running_cases=[c for c in cases if c.status is CaseStatus.RUNNING],
            scenario=plan.scenario, extra_weeks=max(max_duration(cases) - 1, 0),
        )
        cands = scenario_cases.exclude(prepare_candidates(by_id, plan.ranking, grid))
        self.candidates = {c.case_id: c for c in cands}
        self.state = PlanState(grid)
        for a in plan.assignments:
            ti = grid.team_index(a.team)
            cand = self.candidates.get(a.case_id)
            if ti is None or cand is None:
                raise PlanError(f"Het plan hoort niet bij deze capaciteit (team {a.team}); "
                                "plan opnieuw.")
            self.state.place(cand, ti, grid.index_of(a.start_week), fixed=a.fixed)
        self.reasons = {u.case_id: u.reason for u in plan.unplanned}

    def suggest(self, case_id: str, *, limit: int = DEFAULT_LIMIT) -> SuggestionResult:
        name = self.names.get(case_id)
        cand = self.candidates.get(case_id)
        if cand is None:
            return SuggestionResult(case_id, name, False, None, (),
                                    f"Zaak {case_id} is geen kandidaat in dit plan.")
        if case_id in self.state.placed:
            ti, s = self.state.placed[case_id]
            grid = self.state.grid
            return SuggestionResult(
                case_id, name, True, None, (),
                f"Zaak {case_id} is al ingepland: {fmt.team(grid.teams[ti])} vanaf "
                f"{grid.week(s)}.")
        reason = self.reasons.get(case_id)
        if cand.problem is not None:
            return SuggestionResult(case_id, name, False, reason, (),
                                    f"Geen suggesties voor zaak {case_id}: {cand.problem}")
        found = tuple(suggest_placements(self.state, cand, self.candidates, limit=limit,
                                         names=self.names))
        if not found:
            why = f" {reason_summary(reason)}" if reason else ""
            message = (f"Zaak {case_id} past nergens, ook niet door zaken uit het plan te "
                       f"halen: de teams hebben de capaciteit zelf niet.{why}")
        else:
            best = found[0]
            message = (f"Zaak {case_id} (score {number(cand.score)}): {len(found)} "
                       f"mogelijkhe{'id' if len(found) == 1 else 'den'}, de beste kost "
                       f"{number(best.priority_lost)} prioriteit.")
        return SuggestionResult(case_id, name, False, reason, found, message)


def suggest_for_case(
    plan: PlanResult, cases: Sequence[Case], capacity: CapacityData, case_id: str, *,
    limit: int = DEFAULT_LIMIT,
) -> SuggestionResult:
    """The best ``limit`` placements for ``case_id`` in ``plan`` (made from ``cases`` and
    ``capacity``). Raises :class:`PlanError` when the plan does not match them."""
    return SuggestionContext(plan, cases, capacity).suggest(case_id, limit=limit)


__all__ = [
    "Pushed",
    "Suggestion",
    "SuggestionContext",
    "SuggestionResult",
    "suggest_for_case",
]
