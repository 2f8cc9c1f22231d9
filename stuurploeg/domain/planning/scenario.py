"""Applying a scenario's case changes around the planners, and describing a scenario.

The capacity deltas are applied by the capacity grid; the case changes are applied here,
as pre- and post-processing of what every planner does, so that the planners themselves
need to know nothing about scenarios:
- *start*: the case's earliest start becomes the scenario's week (the later of the two);
- *out*: the case stays in the ranking but is no candidate: it gets a problem (the reason
  it is unplanned, :data:`EXCLUDED_REASON`), which every planner skips;
- *in*: the rank planner places these first, right after the officer's fixed placements
  (:func:`rank_plan_forced`); an optimiser must keep every one the rank planner could
  place. One that does not fit stays unplanned with its capacity reason and a warning —
  it is never squeezed in over capacity.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace

from stuurploeg.domain.model import Case
from stuurploeg.domain.planning import format as fmt
from stuurploeg.domain.planning.candidates import Candidate
from stuurploeg.domain.planning.dutch import signed
from stuurploeg.domain.planning.greedy import fill_in_order, place_fixed, planning_order, rank_plan
from stuurploeg.domain.planning.grid import CapacityGrid
from stuurploeg.domain.planning.reasons import reason_summary
from stuurploeg.domain.planning.state import PlanState
from stuurploeg.domain.planning.types import (
    KIND_TOTAL,
    Assignment,
    CapacityDelta,
    CaseAction,
    FixedPlacement,
    Scenario,
    Unplanned,
)

EXCLUDED_REASON = "Uitgesloten in het scenario."


@dataclass(frozen=True)
class ScenarioCases:
    """What the planners must do differently for a scenario's case changes."""

    forced_in: frozenset[str] = frozenset()
    excluded: Mapping[str, str] = field(default_factory=dict)  # case_id -> reason

    def exclude(self, candidates: Sequence[Candidate]) -> list[Candidate]:
        """The candidates, with the excluded ones turned into never-plannable ones."""
        if not self.excluded:
            return list(candidates)
        return [
            replace(c, problem=self.excluded[c.case_id]) if c.case_id in self.excluded else c
            for c in candidates
        ]

    def rank_plan(
        self, grid: CapacityGrid, candidates: Sequence[Candidate],
        fixed: Iterable[FixedPlacement] = (),
    ) -> tuple[PlanState, dict[str, str]]:
        return rank_plan_forced(grid, candidates, fixed, self.forced_in)

    def mandatory(self, placed: Iterable[str]) -> set[str]:
        """The forced-in cases among ``placed`` (what the rank plan could place): an
        optimiser must keep them, and can, because the rank plan shows they fit."""
        return {cid for cid in placed if cid in self.forced_in}

    def warnings(self, scenario: Scenario | None, unplanned: Iterable[Unplanned]) -> list[str]:
        """One warning per forced-in case that stays out, with why."""
        if not self.forced_in or scenario is None:
            return []
        return [
            f"Scenario {scenario.name}: zaak {u.case_id} moet erin, maar past niet binnen de "
            f"capaciteit: {reason_summary(u.reason)}"
            for u in unplanned
            if u.case_id in self.forced_in
        ]


NO_CASE_CHANGES = ScenarioCases()


def apply_case_changes(
    cases: Sequence[Case], scenario: Scenario | None
) -> tuple[list[Case], ScenarioCases]:
    """The cases as the scenario sees them, and what the planners must do for it.

    Changes about a case that is no candidate (running, closed, unknown) are ignored here;
    :mod:`stuurploeg.app.scenario_check` reports them before planning.
    """
    if scenario is None or not scenario.cases:
        return list(cases), NO_CASE_CHANGES
    starts = scenario.starts
    out = []
    candidates = set()
    for c in cases:
        if c.status.is_candidate:
            candidates.add(c.case_id)
            week = starts.get(c.case_id)
            if week is not None and (c.earliest_start is None or c.earliest_start < week):
                c = replace(c, earliest_start=week)
        out.append(c)
    excluded = {cid: EXCLUDED_REASON for cid in sorted(scenario.forced_out & candidates)}
    forced = frozenset(cid for cid in scenario.forced_in & candidates if cid not in excluded)
    return out, ScenarioCases(forced, excluded)


def rank_plan_forced(
    grid: CapacityGrid,
    candidates: Sequence[Candidate],
    fixed: Iterable[FixedPlacement] = (),
    forced_in: Iterable[str] = (),
) -> tuple[PlanState, dict[str, str]]:
    """The rank-order plan with the forced-in cases placed first (after the fixed
    placements), each at its earliest fit; then the rest as :func:`rank_plan` does."""
    forced = set(forced_in)
    if not forced:
        return rank_plan(grid, candidates, fixed)
    state = PlanState(grid)
    failed = place_fixed(state, candidates, fixed)
    order = [c for c in planning_order(candidates) if c.case_id not in failed]
    fill_in_order(state, [c for c in order if c.case_id in forced])
    fill_in_order(state, order)
    return state, failed


def scenario_violations(
    assignments: Iterable[Assignment], scenario: Scenario | None
) -> list[str]:
    """The scenario's case rules a finished plan breaks (an independent check): an
    excluded case planned, or a case started before the scenario's week (unless fixed)."""
    if scenario is None:
        return []
    out_ids, starts = scenario.forced_out, scenario.starts
    problems = []
    for a in assignments:
        if a.case_id in out_ids:
            problems.append(f"zaak {a.case_id}: uitgesloten in het scenario maar ingepland")
        week = starts.get(a.case_id)
        if week is not None and a.start_week < week and not a.fixed:
            problems.append(f"zaak {a.case_id}: start {a.start_week}, vóór {week}")
    return problems


# -- describing ----------------------------------------------------------------------


def describe_delta(d: CapacityDelta, of: str | None = None) -> str:
    """``"team Zuid: +2 fte digitaal, 2026-W45 t/m 2027-W10"``.

    ``of``: the specialism of a total delta that comes with its specialism delta (one
    change "of one specialism", see :func:`~stuurploeg.domain.planning.types.capacity_change`).
    """
    span = f"{d.from_week} t/m {d.to_week}" if d.to_week else f"vanaf {d.from_week}"
    amount = f"{signed(d.fte, 2).rstrip('0').rstrip(',')} fte"
    if of:
        what = f"{amount} {of}"
    elif d.kind == KIND_TOTAL:
        what = amount
    else:
        what = f"{amount} alleen {fmt.kind(d.kind)} (totaal ongewijzigd)"
    return f"{fmt.team(d.team)}: {what}, {span}"


def describe_changes(scenario: Scenario) -> list[str]:
    """Every change of ``scenario`` as one Dutch line, in the order given."""
    lines = []
    deltas = list(scenario.deltas)
    i = 0
    while i < len(deltas):
        d = deltas[i]
        nxt = deltas[i + 1] if i + 1 < len(deltas) else None
        if (
            d.kind == KIND_TOTAL and nxt is not None and nxt.kind != KIND_TOTAL
            and (nxt.team, nxt.from_week, nxt.to_week, nxt.fte)
            == (d.team, d.from_week, d.to_week, d.fte)
        ):
            lines.append(describe_delta(d, of=nxt.kind))
            i += 2
            continue
        lines.append(describe_delta(d))
        i += 1
    for c in scenario.cases:
        if c.action is CaseAction.IN:
            lines.append(f"zaak {c.case_id}: moet erin")
        elif c.action is CaseAction.OUT:
            lines.append(f"zaak {c.case_id}: uitgesloten")
        else:
            lines.append(f"zaak {c.case_id}: start niet vóór {c.start}")
    if scenario.profile is not None:
        lines.append(f"weging: {scenario.profile.name} (versie {scenario.profile.version})")
    return lines
