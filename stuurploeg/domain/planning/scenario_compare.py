"""A scenario plan side by side with the base plan: priority, cases in and out, load.

Works on anything shaped like ``app.planning.PlanResult`` (:class:`PlanView`), so the
comparison, the CLI text, the JSON and the workbook sheet all come from one place.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

import numpy as np

from stuurploeg.domain.planning.dutch import number, percent, signed
from stuurploeg.domain.planning.reasons import reason_summary
from stuurploeg.domain.planning.scenario import EXCLUDED_REASON, describe_changes
from stuurploeg.domain.planning.types import Assignment, Overbooking, Scenario, Unplanned
from stuurploeg.domain.scoring import Ranking, WeightProfile
from stuurploeg.domain.weeks import IsoWeek

_MAX_MOVED_LINES = 10


class PlanView(Protocol):
    """What a comparison needs of a plan (``app.planning.PlanResult`` has all of it)."""

    planner: str
    profile: WeightProfile
    ranking: Ranking
    assignments: Sequence[Assignment]
    unplanned: Sequence[Unplanned]
    overbooked: Sequence[Overbooking]
    total_priority: float
    teams: Sequence[str]
    available: np.ndarray
    running: np.ndarray
    planned: np.ndarray
    scenario: Scenario | None
    warnings: Sequence[str]


@dataclass(frozen=True)
class CaseIn:
    """Planned in the scenario, not in the base."""

    case_id: str
    name: str | None
    score: float  # the base weights' score
    team: str
    start_week: IsoWeek
    forced: bool  # the scenario says it must be in


@dataclass(frozen=True)
class CaseOut:
    """Planned in the base, not in the scenario, with the scenario plan's reason."""

    case_id: str
    name: str | None
    score: float
    reason: str
    team: str  # where the base plan had it
    start_week: IsoWeek

    @property
    def excluded(self) -> bool:
        return self.reason == EXCLUDED_REASON

    @property
    def summary(self) -> str:
        return reason_summary(self.reason)


@dataclass(frozen=True)
class CaseMoved:
    """In both plans, on another team or start week."""

    case_id: str
    name: str | None
    base_team: str
    base_start: IsoWeek
    team: str
    start_week: IsoWeek


@dataclass(frozen=True)
class TeamLoad:
    """One team over the horizon: fte-weeks available and used, utilisation, and the
    weeks in which running cases alone need more than the team has."""

    team: str
    base_available: float
    scenario_available: float
    base_used: float
    scenario_used: float
    base_overloaded: int
    scenario_overloaded: int

    @property
    def base_utilisation(self) -> float:
        return self.base_used / self.base_available if self.base_available > 0 else 0.0

    @property
    def scenario_utilisation(self) -> float:
        return (self.scenario_used / self.scenario_available
                if self.scenario_available > 0 else 0.0)


@dataclass(frozen=True)
class ScenarioComparison:
    """The scenario plan against the base plan.

    ``delta_priority`` compares like with like: the scenario plan's cases valued with the
    *base* plan's weights, minus the base total. ``scenario_total`` is the scenario plan's
    own total (in its own weights, which differ when the scenario has another profile).
    """

    name: str
    changes: tuple[str, ...]  # Dutch, one per change
    base_profile: str
    scenario_profile: str
    base_total: float
    scenario_total: float
    scenario_total_base_weights: float
    base_planned: int
    scenario_planned: int
    newly_in: tuple[CaseIn, ...]
    newly_out: tuple[CaseOut, ...]
    moved: tuple[CaseMoved, ...]
    teams: tuple[TeamLoad, ...]
    base_overloaded: tuple[tuple[str, IsoWeek], ...]  # team-weeks, any kind
    scenario_overloaded: tuple[tuple[str, IsoWeek], ...]
    warnings: tuple[str, ...]

    @property
    def delta_priority(self) -> float:
        return self.scenario_total_base_weights - self.base_total

    @property
    def other_profile(self) -> bool:
        return self.base_profile != self.scenario_profile

    def lines(self) -> list[str]:
        """A readable Dutch comparison, for the CLI and a tooltip."""
        out = [f"Scenario {self.name} vergeleken met de basis:"]
        out.append("  Wijzigingen: " + ("; ".join(self.changes) or "geen"))
        weights = f" (weging {self.base_profile})" if self.other_profile else ""
        out.append(
            f"  Totale prioriteit{weights}: {number(self.base_total)} → "
            f"{number(self.scenario_total_base_weights)} ({signed(self.delta_priority)})"
        )
        if self.other_profile:
            out.append(f"  In de eigen weging van het scenario ({self.scenario_profile}): "
                       f"{number(self.scenario_total)}")
        out.append(f"  Ingepland: {self.base_planned} → {self.scenario_planned} zaken")
        out.append(f"  Nieuw ingepland ({len(self.newly_in)})" + (":" if self.newly_in else ""))
        for c in self.newly_in:
            forced = ", moest erin" if c.forced else ""
            out.append(f"    {c.case_id}{_name(c.name)}: {c.team} vanaf {c.start_week} "
                       f"(score {number(c.score)}{forced})")
        out.append(f"  Niet meer ingepland ({len(self.newly_out)})"
                   + (":" if self.newly_out else ""))
        for c in self.newly_out:
            out.append(f"    {c.case_id}{_name(c.name)} (score {number(c.score)}): {c.summary}")
        if self.moved:
            out.append(f"  Verschoven ({len(self.moved)}):")
            for m in self.moved[:_MAX_MOVED_LINES]:
                out.append(f"    {m.case_id}{_name(m.name)}: {m.base_team} {m.base_start} → "
                           f"{m.team} {m.start_week}")
            if len(self.moved) > _MAX_MOVED_LINES:
                out.append(f"    … en nog {len(self.moved) - _MAX_MOVED_LINES}")
        out.append("  Benutting per team (basis → scenario):")
        width = max((len(t.team) for t in self.teams), default=0)
        for t in self.teams:
            over = ""
            if t.base_overloaded or t.scenario_overloaded:
                over = f", overboekte weken {t.base_overloaded} → {t.scenario_overloaded}"
            out.append(f"    {t.team:<{width}}  {percent(t.base_utilisation)} → "
                       f"{percent(t.scenario_utilisation)}{over}")
        out.append(f"  Overboekte team-weken: {len(self.base_overloaded)} → "
                   f"{len(self.scenario_overloaded)}")
        out += [f"  waarschuwing: {w}" for w in self.warnings]
        return out

    def to_json(self) -> dict[str, Any]:
        """The comparison's own keys; the CLI adds them to the scenario plan's JSON."""
        return {
            "name": self.name,
            "changes": list(self.changes),
            "newly_in": [c.case_id for c in self.newly_in],
            "newly_out": [{"case_id": c.case_id, "reason": c.reason} for c in self.newly_out],
            "moved": [m.case_id for m in self.moved],
            "delta_priority": round(self.delta_priority, 4),
            "total_priority_base_weights": round(self.scenario_total_base_weights, 4),
            "utilisation": {
                t.team: {"base": round(t.base_utilisation, 4),
                         "scenario": round(t.scenario_utilisation, 4)}
                for t in self.teams
            },
            "overloaded_team_weeks": {"base": len(self.base_overloaded),
                                      "scenario": len(self.scenario_overloaded)},
        }


def _name(name: str | None) -> str:
    return f" ({name})" if name else ""


def compare_with_base(
    base: PlanView, scenario_plan: PlanView, names: Mapping[str, str] | None = None
) -> ScenarioComparison:
    """Compare ``scenario_plan`` with ``base``; ``names``: case_id -> case name, for texts.

    ``newly_in`` in the scenario plan's ranking order, ``newly_out`` and ``moved`` in the
    base plan's.
    """
    names = names or {}
    scenario = scenario_plan.scenario
    base_scores = {e.case_id: float(e.score or 0.0) for e in base.ranking.entries}
    in_base = {a.case_id: a for a in base.assignments}
    in_scen = {a.case_id: a for a in scenario_plan.assignments}
    reasons = {u.case_id: u.reason for u in scenario_plan.unplanned}
    forced = scenario.forced_in if scenario else frozenset()
    newly_in = tuple(
        CaseIn(a.case_id, names.get(a.case_id), base_scores.get(a.case_id, 0.0), a.team,
               a.start_week, a.case_id in forced)
        for a in scenario_plan.assignments if a.case_id not in in_base
    )
    newly_out = tuple(
        CaseOut(a.case_id, names.get(a.case_id), base_scores.get(a.case_id, 0.0),
                reasons.get(a.case_id, "Geen kandidaat in het scenario."), a.team, a.start_week)
        for a in base.assignments if a.case_id not in in_scen
    )
    moved = tuple(
        CaseMoved(a.case_id, names.get(a.case_id), a.team, a.start_week,
                  in_scen[a.case_id].team, in_scen[a.case_id].start_week)
        for a in base.assignments
        if a.case_id in in_scen
        and (in_scen[a.case_id].team, in_scen[a.case_id].start_week) != (a.team, a.start_week)
    )
    return ScenarioComparison(
        name=scenario.name if scenario else "scenario",
        changes=tuple(describe_changes(scenario)) if scenario else (),
        base_profile=base.profile.name,
        scenario_profile=scenario_plan.profile.name,
        base_total=float(base.total_priority),
        scenario_total=float(scenario_plan.total_priority),
        scenario_total_base_weights=float(sum(base_scores.get(c, 0.0) for c in in_scen)),
        base_planned=len(in_base),
        scenario_planned=len(in_scen),
        newly_in=newly_in,
        newly_out=newly_out,
        moved=moved,
        teams=_team_loads(base, scenario_plan),
        base_overloaded=_overloaded(base),
        scenario_overloaded=_overloaded(scenario_plan),
        warnings=tuple(scenario_plan.warnings),
    )


def _team_loads(base: PlanView, scen: PlanView) -> tuple[TeamLoad, ...]:
    b_over, s_over = _overloaded(base), _overloaded(scen)
    out = []
    for team in base.teams:
        bi, si = list(base.teams).index(team), list(scen.teams).index(team)
        out.append(TeamLoad(
            team,
            float(base.available[bi, 0].sum()), float(scen.available[si, 0].sum()),
            float(base.running[bi, 0].sum() + base.planned[bi, 0].sum()),
            float(scen.running[si, 0].sum() + scen.planned[si, 0].sum()),
            sum(1 for t, _ in b_over if t == team), sum(1 for t, _ in s_over if t == team),
        ))
    return tuple(out)


def _overloaded(plan: PlanView) -> tuple[tuple[str, IsoWeek], ...]:
    seen: dict[tuple[str, IsoWeek], None] = {}
    for o in plan.overbooked:
        seen.setdefault((o.team, o.week), None)
    return tuple(seen)
