"""The plan workbook (``stuurploeg plan --out``): Ranglijst, Planning, Planbord,
Capaciteit, Niet ingepland, Weging and, with scenarios, Scenario's and Scenariozaken,
written through :class:`WorkbookWriter`.

The Planbord and scenario sheets come from :mod:`stuurploeg.io.planning_sheets`, which
the besluitenlijst uses too.

Takes the plan's parts as plain data, so that io does not depend on the app layer.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Protocol

import numpy as np

from stuurploeg.domain.criteria_text import CRITERION_LABELS
from stuurploeg.domain.model import CRITERIA, SPECIALISMS, Case
from stuurploeg.domain.planning import KINDS, TOLERANCE, Assignment, Overbooking, Unplanned
from stuurploeg.domain.planning.scenario_compare import ScenarioComparison
from stuurploeg.domain.scoring import Ranking, WeightProfile
from stuurploeg.domain.weeks import IsoWeek
from stuurploeg.io.excel_out import Column, Kind, Sheet, WorkbookWriter, WriteReport
from stuurploeg.io.planning_sheets import (
    planning_board_sheet,
    scenario_cases_sheet,
    scenario_comparison_sheet,
)

# As the app names them in Plan maken, so that an export reads as the screen did.
PLANNER_LABELS = {"rank": "Rangorde", "fill": "Rangorde + opvullen", "optimal": "Optimaal"}


class PlanLike(Protocol):
    """What the workbook needs of a plan (``app.planning.PlanResult`` has all of it)."""

    start: IsoWeek
    weeks: int
    planner: str
    profile: WeightProfile
    ranking: Ranking
    assignments: Sequence[Assignment]
    unplanned: Sequence[Unplanned]
    overbooked: Sequence[Overbooking]
    total_priority: float
    gap: float | None
    teams: Sequence[str]
    kinds: Sequence[str]
    week_list: Sequence[IsoWeek]
    available: np.ndarray
    running: np.ndarray
    planned: np.ndarray
    status: str
    cancelled: bool


def write_plan_workbook(
    plan: PlanLike, cases: Iterable[Case], target: Path | str, *, sources: Mapping[str, str] = {},
    comparisons: Sequence[ScenarioComparison] = (),
) -> WriteReport:
    """Write the plan workbook atomically; raises ``ExportError`` with a Dutch message.

    ``comparisons``: scenarios compared with ``plan``; they add the scenario sheets."""
    cases = list(cases)
    by_id = {c.case_id: c for c in cases}
    placed = {a.case_id: a for a in plan.assignments}
    writer = WorkbookWriter()
    writer.add_sheet(_ranking_sheet(plan, by_id, placed))
    writer.add_sheet(_planning_sheet(plan, by_id))
    writer.add_sheet(planning_board_sheet(
        plan.assignments, cases, plan.start, plan.weeks, teams=plan.teams,
        available={t: plan.available[i, 0] for i, t in enumerate(plan.teams)}))
    writer.add_sheet(_capacity_sheet(plan))
    writer.add_sheet(_unplanned_sheet(plan, by_id))
    writer.add_sheet(_weights_sheet(plan, sources))
    if comparisons:
        writer.add_sheet(scenario_comparison_sheet(plan, comparisons))
        writer.add_sheet(scenario_cases_sheet(comparisons))
    return writer.save(target)


def _ranking_sheet(plan: PlanLike, by_id: dict[str, Case], placed: dict[str, Assignment]):
    cols = [
        Column("Rang", Kind.INT),
        Column("Zaak", Kind.TEXT),
        Column("Naam", Kind.TEXT, width=30),
        Column("Score", Kind.NUMBER),
        *(Column(CRITERION_LABELS[c].capitalize(), Kind.INT) for c in CRITERIA),
        Column("Prioriteitsregel", Kind.BOOL),
        Column("Onvolledig gescoord", Kind.BOOL),
        Column("Gevoelig voor weging", Kind.BOOL),
        Column("Ingepland", Kind.BOOL),
        Column("Team", Kind.TEXT),
        Column("Startweek", Kind.WEEK),
        Column("Handmatig verplaatst", Kind.TEXT, width=40, wrap=True),
    ]
    rows = []
    for e in plan.ranking.entries:
        case = by_id.get(e.case_id)
        a = placed.get(e.case_id)
        rows.append([
            e.rank,
            e.case_id,
            case.name if case else None,
            None if e.score is None else round(e.score, 2),
            *((case.criteria.get(c) if case else None) for c in CRITERIA),
            e.priority_rule,
            e.incomplete,
            e.fragile,
            a is not None,
            a.team if a else None,
            str(a.start_week) if a else None,
            (f"naar positie {e.override.position}: {e.override.motivation}" if e.override
             else None),
        ])
    return Sheet("Ranglijst", cols, rows)


def _planning_sheet(plan: PlanLike, by_id: dict[str, Case]):
    cols = [
        Column("Zaak", Kind.TEXT),
        Column("Naam", Kind.TEXT, width=30),
        Column("Team", Kind.TEXT),
        Column("Startweek", Kind.WEEK),
        Column("Maandag startweek", Kind.DATE),
        Column("Laatste week", Kind.WEEK),
        Column("Weken", Kind.INT),
        Column("fte", Kind.NUMBER),
        *(Column(f"{s.value.capitalize()} (fte)", Kind.NUMBER) for s in SPECIALISMS),
        Column("Score", Kind.NUMBER),
        Column("Vastgezet", Kind.BOOL),
    ]
    moved = _moves(plan)
    if moved is not None:
        cols.append(Column(MOVED_HEADER, Kind.TEXT, width=60, wrap=True))
    scores = {e.case_id: e.score for e in plan.ranking.entries}
    rows = []
    for a in plan.assignments:
        case = by_id.get(a.case_id)
        score = scores.get(a.case_id)
        rows.append([
            a.case_id,
            case.name if case else None,
            a.team,
            str(a.start_week),
            a.start_week.monday(),
            str(a.start_week + (a.weeks - 1)),
            a.weeks,
            a.fte,
            *(a.specialist_fte.get(s) for s in SPECIALISMS),
            None if score is None else round(score, 2),
            a.fixed,
            *(() if moved is None else (_move_text(moved.get(a.case_id)),)),
        ])
    return Sheet("Planning", cols, rows)


MOVED_HEADER = "Verschoven t.o.v. vorige vergadering"


def _moves(plan: PlanLike) -> dict[str, object] | None:
    """case_id -> its move (``domain.planning.previous.Move``), or None when the plan was
    not made against a previous plan (then the sheets have no column for it)."""
    if not getattr(plan, "replan", False):
        return None
    return {m.case_id: m for m in getattr(plan, "moved", ())}


def _move_text(move: object | None) -> str | None:
    if move is None:
        return None
    return f"van {move.from_team} {move.from_week}: {move.reason}"  # type: ignore[attr-defined]


def _capacity_sheet(plan: PlanLike):
    cols = [
        Column("Team", Kind.TEXT),
        Column("Week", Kind.WEEK),
        Column("Soort", Kind.TEXT),
        Column("Beschikbaar (fte)", Kind.NUMBER),
        Column("Lopend (fte)", Kind.NUMBER),
        Column("Ingepland (fte)", Kind.NUMBER),
        Column("Vrij (fte)", Kind.NUMBER),
        Column("Benutting", Kind.PERCENT),
        Column("Overboekt", Kind.BOOL),
    ]
    rows = []
    for ti, team in enumerate(plan.teams):
        for k, kind in enumerate(plan.kinds):
            avail, run, planned = plan.available[ti, k], plan.running[ti, k], plan.planned[ti, k]
            if k and not avail.any() and not run.any():
                continue
            for w, week in enumerate(plan.week_list):
                used = float(run[w] + planned[w])
                a = float(avail[w])
                rows.append([
                    team, str(week), kind, round(a, 4), round(float(run[w]), 4),
                    round(float(planned[w]), 4), round(a - used, 4),
                    round(used / a, 4) if a > 0 else None,
                    float(run[w]) > a + TOLERANCE,
                ])
    return Sheet("Capaciteit", cols, rows)


def _unplanned_sheet(plan: PlanLike, by_id: dict[str, Case]):
    cols = [
        Column("Rang", Kind.INT),
        Column("Zaak", Kind.TEXT),
        Column("Naam", Kind.TEXT, width=30),
        Column("Score", Kind.NUMBER),
        Column("Reden", Kind.TEXT, width=90, wrap=True),
    ]
    moved = _moves(plan)
    if moved is not None:
        cols.append(Column(MOVED_HEADER, Kind.TEXT, width=60, wrap=True))
    ranks = {e.case_id: e for e in plan.ranking.entries}
    rows = []
    for u in plan.unplanned:
        e = ranks.get(u.case_id)
        case = by_id.get(u.case_id)
        rows.append([
            e.rank if e else None,
            u.case_id,
            case.name if case else None,
            None if e is None or e.score is None else round(e.score, 2),
            u.reason,
            *(() if moved is None else (_move_text(moved.get(u.case_id)),)),
        ])
    return Sheet("Niet ingepland", cols, rows)


def _weights_sheet(plan: PlanLike, sources: Mapping[str, str]):
    total_w = sum(plan.profile.weight(c) for c in CRITERIA) or 1.0
    block: list[tuple[str, object]] = [
        ("Profiel", plan.profile.name),
        ("Versie", plan.profile.version),
        ("Planner", PLANNER_LABELS.get(plan.planner, plan.planner)),
        ("Status", plan.status + (" (geannuleerd)" if plan.cancelled else "")),
        ("Eerste week", str(plan.start)),
        ("Aantal weken", plan.weeks),
        ("Totale prioriteit", round(plan.total_priority, 2)),
        ("Bewezen marge tot optimum", plan.gap),
        ("Ingepland", len(plan.assignments)),
        ("Niet ingepland", len(plan.unplanned)),
        ("Overboekte team-weken", len({(o.team, o.week) for o in plan.overbooked})),
        *sources.items(),
    ]
    cols = [
        Column("Criterium", Kind.TEXT),
        Column("Gewicht", Kind.NUMBER),
        Column("Aandeel", Kind.PERCENT),
    ]
    rows = [
        [CRITERION_LABELS[c], plan.profile.weight(c), plan.profile.weight(c) / total_w]
        for c in CRITERIA
    ]
    return Sheet("Weging", cols, rows, title_block=block, heading="Weging en planinstellingen")


__all__ = ["KINDS", "write_plan_workbook"]
