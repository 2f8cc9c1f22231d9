"""Sheets shared by the plan workbook and the besluitenlijst: the Planbord (who does what
when: weeks as columns, a filled cell with the fte per case and week, grouped by team) and
the scenario comparison (the base plan and each scenario side by side, and the cases each
scenario changes).

Take plain data (duck-typed assignments, domain comparisons), so that io depends on
neither the app layer nor the store.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any, Protocol

from stuurploeg.domain.model import Case, CaseStatus
from stuurploeg.domain.planning.grid import team_key
from stuurploeg.domain.planning.scenario_compare import ScenarioComparison
from stuurploeg.domain.planning.types import TOLERANCE
from stuurploeg.domain.scoring import WeightProfile
from stuurploeg.domain.weeks import IsoWeek, week_range
from stuurploeg.io.excel_out import Column, Kind, Sheet

BOARD_TITLE = "Planbord"
DEFAULT_WEEKS = 26
RUNNING, PLANNED, FIXED = "lopend", "ingepland", "vastgezet"
FILLS = {RUNNING: "D9D9D9", PLANNED: "C6EFCE", FIXED: "F8CBAD"}
OVERLOAD_FILL = "FF9999"
TOTAL_FILL = "DDEBF7"
TOTAL_LABEL, AVAILABLE_LABEL = "Totaal ingezet", "Beschikbaar"
_LEAD = 7  # columns before the weeks
_FTE_FORMAT = "0.0#"


class BarLike(Protocol):
    """A placement (``domain.planning.Assignment`` or a stored plan's row)."""

    case_id: str
    team: str
    start_week: IsoWeek
    weeks: int
    fte: float


class StoredPlanLike(Protocol):
    """What the Planbord needs of a stored plan (``store.planning_repo.PlanRecord``)."""

    start_week: IsoWeek
    weeks: int
    assignments: Sequence[Any]


def planning_board_sheet(
    assignments: Iterable[BarLike],
    cases: Iterable[Case],
    start: IsoWeek,
    weeks: int,
    *,
    teams: Sequence[str] | None = None,
    available: Mapping[str, Sequence[float]] | None = None,
    note: str | None = None,
    title: str = BOARD_TITLE,
) -> Sheet:
    """The Planbord: per team its running cases and its planned cases, one row each, with
    the fte in every week the case runs (coloured by kind), then the team's total per week
    and, with ``available`` (team -> total fte per week of the horizon), what it has; a
    total above it is red."""
    week_list = week_range(start, weeks)
    by_id = {c.case_id: c for c in cases}
    bars: list[tuple[str, str, IsoWeek, int, float, str]] = []  # team, id, start, weeks, fte, kind
    for c in by_id.values():
        if (c.status is CaseStatus.RUNNING and c.team and c.start_week and c.weeks
                and c.fte and c.start_week.index + c.weeks > start.index
                and c.start_week.index < start.index + weeks):
            bars.append((c.team, c.case_id, c.start_week, c.weeks, float(c.fte), RUNNING))
    for a in assignments:
        kind = FIXED if getattr(a, "fixed", False) else PLANNED
        bars.append((a.team, a.case_id, a.start_week, int(a.weeks), float(a.fte), kind))
    names = _team_order(teams, [b[0] for b in bars], available)
    order = {k: i for i, k in enumerate(names)}
    rank = {RUNNING: 0, FIXED: 1, PLANNED: 1}
    bars.sort(key=lambda b: (order[team_key(b[0])], rank[b[5]], b[2], b[1]))

    columns = [
        Column("Team", Kind.TEXT), Column("Zaak", Kind.TEXT), Column("Naam", Kind.TEXT, width=24),
        Column("Soort", Kind.TEXT), Column("Startweek", Kind.WEEK), Column("Weken", Kind.INT),
        Column("fte", Kind.NUMBER, number_format=_FTE_FORMAT),
        *(Column(str(w), Kind.NUMBER, width=8.5, number_format=_FTE_FORMAT) for w in week_list),
    ]
    rows: list[list[Any]] = []
    fills: dict[tuple[int, int], str] = {}
    for key, shown in names.items():
        total = [0.0] * weeks
        for _, cid, first, length, fte, kind in (b for b in bars if team_key(b[0]) == key):
            case = by_id.get(cid)
            row: list[Any] = [shown, cid, case.name if case else None, kind, str(first),
                              length, fte]
            for wi, w in enumerate(week_list):
                on = first.index <= w.index < first.index + length
                row.append(fte if on else None)
                if on:
                    total[wi] += fte
                    fills[(len(rows), _LEAD + wi)] = FILLS[kind]
            rows.append(row)
        have = _available_for(available, key)
        ri = len(rows)
        rows.append([shown, None, TOTAL_LABEL, None, None, None, None,
                     *(round(t, 6) if t else None for t in total)])
        for wi, t in enumerate(total):
            over = have is not None and t > float(have[wi]) + TOLERANCE
            fills[(ri, _LEAD + wi)] = OVERLOAD_FILL if over else TOTAL_FILL
        if have is not None:
            rows.append([shown, None, AVAILABLE_LABEL, None, None, None, None,
                         *(round(float(v), 6) for v in have[:weeks])])
    block: list[tuple[str, Any]] = [
        ("Planperiode", f"{week_list[0]} t/m {week_list[-1]}" if week_list else "–"),
        ("Kleuren", "grijs = lopend, groen = ingepland, oranje = vastgezet"
                    + (", rood = meer ingezet dan beschikbaar" if available else "")),
    ]
    if note:
        block.append(("Let op", note))
    return Sheet(title, columns, rows, title_block=block, fills=fills, freeze_columns=3)


def stored_plan_board(plan: StoredPlanLike | None, cases: Iterable[Case]) -> Sheet:
    """The Planbord of a stored plan (the besluitenlijst's); without a plan, the running
    cases over the coming weeks."""
    if plan is None:
        return planning_board_sheet((), cases, IsoWeek.current(), DEFAULT_WEEKS,
                                    note="geen planning opgeslagen: alleen lopende zaken")
    return planning_board_sheet(plan.assignments, cases, plan.start_week, plan.weeks)


def _team_order(teams: Sequence[str] | None, seen: Iterable[str],
                available: Mapping[str, Sequence[float]] | None) -> dict[str, str]:
    """team key -> the name shown, in capacity order, then any other team met."""
    out: dict[str, str] = {}
    for name in [*(teams or ()), *(available or {}), *seen]:
        out.setdefault(team_key(name), name)
    return out


def _available_for(available: Mapping[str, Sequence[float]] | None,
                   key: str) -> Sequence[float] | None:
    if not available:
        return None
    return next((v for k, v in available.items() if team_key(k) == key), None)


# -- scenarios ------------------------------------------------------------------------


class BasePlanLike(Protocol):
    profile: WeightProfile
    total_priority: float
    assignments: Sequence[Any]


def scenario_comparison_sheet(
    base: BasePlanLike, comparisons: Sequence[ScenarioComparison]
) -> Sheet:
    """The base plan and every scenario side by side, one column each."""
    columns = [Column("Kenmerk", Kind.TEXT, width=34), Column("Basis", Kind.NUMBER, width=18),
               *(Column(c.name, Kind.NUMBER, width=40, wrap=True) for c in comparisons)]
    first = comparisons[0] if comparisons else None

    def row(label: str, base_value: Any, values: Iterable[Any]) -> list[Any]:
        return [label, base_value, *values]

    rows = [
        row("Wijzigingen", None, ("\n".join(c.changes) or "geen" for c in comparisons)),
        row("Weging", base.profile.name, (c.scenario_profile for c in comparisons)),
        row("Totale prioriteit (weging basis)", round(base.total_priority, 2),
            (round(c.scenario_total_base_weights, 2) for c in comparisons)),
        row("Verschil in prioriteit", 0.0, (round(c.delta_priority, 2) for c in comparisons)),
        row("Totale prioriteit (eigen weging)", round(base.total_priority, 2),
            (round(c.scenario_total, 2) for c in comparisons)),
        row("Ingepland (zaken)", len(base.assignments),
            (c.scenario_planned for c in comparisons)),
        row("Nieuw ingepland", None, (len(c.newly_in) for c in comparisons)),
        row("Niet meer ingepland", None, (len(c.newly_out) for c in comparisons)),
        row("Verschoven", None, (len(c.moved) for c in comparisons)),
        row("Overboekte team-weken", len(first.base_overloaded) if first else None,
            (len(c.scenario_overloaded) for c in comparisons)),
    ]
    for ti, team in enumerate(first.teams if first else ()):
        rows.append(row(f"Benutting {team.team} (%)", round(100 * team.base_utilisation, 1),
                        (round(100 * c.teams[ti].scenario_utilisation, 1) for c in comparisons)))
    rows.append(row("Waarschuwingen", None,
                    ("\n".join(c.warnings) or None for c in comparisons)))
    return Sheet("Scenario's", columns, rows, freeze_columns=2)


def scenario_cases_sheet(comparisons: Sequence[ScenarioComparison]) -> Sheet:
    """Every case a scenario plans differently from the base, with why it is out."""
    columns = [
        Column("Scenario", Kind.TEXT), Column("Zaak", Kind.TEXT),
        Column("Naam", Kind.TEXT, width=28),
        Column("Verandering", Kind.TEXT), Column("Score (weging basis)", Kind.NUMBER),
        Column("Team basis", Kind.TEXT), Column("Startweek basis", Kind.WEEK),
        Column("Team scenario", Kind.TEXT), Column("Startweek scenario", Kind.WEEK),
        Column("Reden", Kind.TEXT, width=80, wrap=True),
    ]
    rows: list[list[Any]] = []
    for c in comparisons:
        for i in c.newly_in:
            rows.append([c.name, i.case_id, i.name,
                         "nieuw ingepland" + (" (moest erin)" if i.forced else ""),
                         round(i.score, 2), None, None, i.team, str(i.start_week), None])
        for o in c.newly_out:
            rows.append([c.name, o.case_id, o.name, "niet meer ingepland", round(o.score, 2),
                         o.team, str(o.start_week), None, None, o.reason])
        for m in c.moved:
            rows.append([c.name, m.case_id, m.name, "verschoven", None, m.base_team,
                         str(m.base_start), m.team, str(m.start_week), None])
    return Sheet("Scenariozaken", columns, rows)
