"""The besluitenlijst workbook: Besluiten, Ranglijst, Planning, Capaciteit, Weging.

Everything comes from the workspace as stored: the decisions with their snapshots, the
newest stored plan (what the meeting saw), the cases and the capacity. Writing goes
through :mod:`stuurploeg.io.excel_out`, which keeps text from ever becoming a formula and
replaces the target atomically.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from stuurploeg.app.export_scenarios import scenario_sheets
from stuurploeg.app.planning import PLANNER_LABELS
from stuurploeg.app.replan import last_meeting_plan, moved_since
from stuurploeg.app.workspace import Workspace, now
from stuurploeg.domain.criteria_text import CRITERION_LABELS as DOMAIN_CRITERION_LABELS
from stuurploeg.domain.decisions import KIND_LABELS, Decision
from stuurploeg.domain.model import CRITERIA, SPECIALISMS, CaseStatus, Criterion, DecisionKind
from stuurploeg.domain.planning import build_grid
from stuurploeg.domain.progress import TaskState
from stuurploeg.domain.weeks import IsoWeek, week_range
from stuurploeg.io.excel_out import Column, ExportError, Kind, Sheet, WorkbookWriter
from stuurploeg.io.plan_export import MOVED_HEADER
from stuurploeg.io.planning_sheets import stored_plan_board
from stuurploeg.store.planning_repo import PlanRecord

# Sheet headers: the domain's criterion names, capitalised.
CRITERION_LABELS: dict[Criterion, str] = {
    c: label[:1].upper() + label[1:] for c, label in DOMAIN_CRITERION_LABELS.items()
}
DEFAULT_HORIZON = 26
_COMPUTED = "berekend bij de export (geen planning opgeslagen)"


@dataclass
class ExportResult:
    path: Path
    head_hash: str
    entries: int  # final entries in the whole log
    decisions: int  # rows on the Besluiten sheet
    warnings: list[str] = field(default_factory=list)
    chain_problem: str | None = None  # Dutch; set when the log's hash chain does not verify

    @property
    def chain_ok(self) -> bool:
        return self.chain_problem is None


def export_decision_log(
    ws: Workspace,
    out: Path | str,
    meeting: date | None = None,
    *,
    state: TaskState | None = None,
    retries: int = 5,
    retry_delay: float = 0.2,
) -> ExportResult:
    """Write the besluitenlijst of ``meeting`` (all meetings when None) to ``out``.

    Raises :class:`~stuurploeg.io.excel_out.ExportError` (Dutch) when the file cannot be
    written; the previous file at ``out`` is then untouched.
    """
    state = state or TaskState()
    out = Path(out)
    if meeting is not None and ws.meeting(meeting) is None:
        raise ExportError(
            f"Er is geen vergadering op {meeting:%d-%m-%Y} in {ws.path.name}. "
            "Controleer de datum."
        )
    # One snapshot of the workspace for every sheet; the file is written afterwards.
    with ws.consistent_read():
        seq, head = ws.head()
        # The printed head is only worth something when the chain behind it verifies.
        problem = ws.log_evidence().chain_problem
        decisions = ws.decisions(meeting)
        plan = ws.plan()
        if plan is None and ws.cases() and ws.capacity().teams:
            # Nothing stored: show the rank-order proposal as it stands now, labelled as such.
            from stuurploeg.app.planning import PlanError
            from stuurploeg.app.workspace_plans import compute_plan, plan_record

            state.report(0.05, "Voorstel berekenen")
            start = IsoWeek.from_date(meeting) if meeting else None
            try:
                plan = plan_record(compute_plan(ws, start=start), _COMPUTED)
            except PlanError:
                plan = None
        state.report(0.1, "Besluiten")
        writer = WorkbookWriter()
        writer.add_sheet(_decisions_sheet(ws, meeting, decisions, seq, head, problem))
        state.check()
        state.report(0.3, "Ranglijst")
        names = {c.case_id: c for c in ws.cases(include_gone=True)}
        writer.add_sheet(_ranking_sheet(ws, plan, names))
        state.report(0.5, "Planning")
        writer.add_sheet(_planning_sheet(plan, names, _moved(ws, plan)))
        writer.add_sheet(stored_plan_board(plan, ws.cases()))
        state.report(0.6, "Capaciteit")
        writer.add_sheet(_capacity_sheet(ws, plan))
        state.report(0.7, "Weging")
        writer.add_sheet(_weights_sheet(plan, decisions))
        state.check()
        if plan is not None:
            state.report(0.75, "Scenario's")
            for sheet in scenario_sheets(ws, plan.start_week, plan.weeks):
                writer.add_sheet(sheet)
    state.report(0.8, "Opslaan")
    report = writer.save(out, retries=retries, delay=retry_delay)
    state.report(1.0, "Klaar")
    warnings = list(report.warnings)
    if problem is not None:
        warnings.insert(0, _chain_warning(ws, problem))
    return ExportResult(out, head, seq, len(decisions), warnings, problem)


def _chain_warning(ws: Workspace, problem: str) -> str:
    return (
        f"Het besluitenlog van {ws.path.name} klopt niet: {problem} De kophash in de export "
        "is daarom niet betrouwbaar. Vergelijk met een eerdere export of reservekopie en meld "
        "dit bij de functioneel beheerder."
    )


# -- sheets ---------------------------------------------------------------------------


def _decisions_sheet(
    ws: Workspace, meeting: date | None, decisions: Sequence[Decision], seq: int, head: str,
    chain_problem: str | None = None,
) -> Sheet:
    block: list[tuple[str, Any]] = []
    if meeting is not None:
        m = ws.meeting(meeting)
        assert m is not None
        block.append(("Vergadering", meeting))
        block.append((
            "Status",
            f"vastgesteld op {_naive(m.finalised_at):%d-%m-%Y %H:%M} door {m.finalised_by}"
            if m.finalised_at else "concept: nog niet vastgesteld",
        ))
    else:
        block.append(("Vergaderingen", "alle"))
    block += [
        ("Werkruimte", ws.path.name),
        ("Keten", "in orde" if chain_problem is None else f"NIET in orde — {chain_problem}"),
        ("Kophash besluitenlog", head),
        ("Vastgestelde besluiten in het log", seq),
        ("Geëxporteerd op", _naive(now())),
    ]
    columns = [
        Column("Nr.", Kind.INT), Column("Vergadering", Kind.DATE), Column("Status"),
        Column("Zaak"), Column("Naam"), Column("Besluit"), Column("Team"),
        Column("Startweek", Kind.WEEK), Column("fte", Kind.NUMBER),
        Column("Extra weken", Kind.INT), Column("Geparkeerd tot", Kind.DATE),
        Column("Overgedragen aan"), Column("Toelichting overdracht", wrap=True),
        Column("Motivering", width=50, wrap=True), Column("Besloten door"),
        Column("Slachtoffers informeren", Kind.BOOL), Column("Corrigeert nr.", Kind.INT),
        Column("Score", Kind.NUMBER), Column("Rang", Kind.INT), Column("Profiel"),
        Column("Voorstel team"), Column("Voorstel startweek", Kind.WEEK),
        Column("Voorstel fte", Kind.NUMBER), Column("Vastgelegd op", Kind.DATETIME),
        Column("Vastgesteld op", Kind.DATETIME), Column("Hash"),
    ]
    rows = []
    for d in decisions:
        s = d.snapshot
        until: Any = d.until_date
        if until is None and d.until_next_meeting:
            until = "volgende vergadering"
        rows.append([
            d.seq, d.meeting_date, "vastgesteld" if d.final else "concept", d.case_id,
            d.case_name, KIND_LABELS[d.kind], d.team, _week(d.start_week), d.fte,
            d.extra_weeks, until, d.hand_over_to.value if d.hand_over_to else None,
            d.hand_over_detail, d.motivation, d.decided_by, d.inform_victims, d.corrects_seq,
            s.score, s.rank,
            f"{s.profile_name} v{s.profile_version}" if s.profile_name else None,
            s.proposal_team, _week(s.proposal_start), s.proposal_fte, _naive(d.created_at),
            _naive(d.finalised_at), d.entry_hash,
        ])
    return Sheet("Besluiten", columns, rows, title_block=block,
                 heading="Besluitenlijst stuurploeg mensenhandel")


def _ranking_sheet(ws: Workspace, plan: PlanRecord | None, cases: dict) -> Sheet:
    overrides = {o.case_id: o for o in ws.overrides()}
    columns = [
        Column("Rang", Kind.INT), Column("Zaak"), Column("Naam"), Column("Score", Kind.NUMBER),
        Column("Voorrangsregel", Kind.BOOL), Column("Onvolledig gescoord", Kind.BOOL),
        Column("Uitbuitingsvorm"), Column("Status"), Column("fte", Kind.NUMBER),
        Column("Weken", Kind.INT), *(Column(CRITERION_LABELS[c], Kind.INT) for c in CRITERIA),
        Column("Handmatige plaats", Kind.INT), Column("Motivering plaats", wrap=True),
    ]
    rows: list[list[Any]] = []
    for r in plan.ranking if plan else ():
        case = cases.get(r.case_id)
        o = overrides.get(r.case_id)
        rows.append([
            r.rank, r.case_id, case.name if case else None, r.score, r.priority_rule,
            r.incomplete, case.exploitation if case else None, case.status if case else None,
            case.fte if case else None, case.weeks if case else None,
            *((case.criteria.get(c) if case else None) for c in CRITERIA),
            o.position if o else None, o.motivation if o else None,
        ])
    return Sheet("Ranglijst", columns, rows, title_block=_plan_block(plan))


def _planning_sheet(plan: PlanRecord | None, cases: dict,
                    moved: dict[str, str] | None = None) -> Sheet:
    """``moved``: case_id -> where the last meeting's plan had it, for the cases this plan
    placed elsewhere (a column only when there is such a plan)."""
    columns = [
        Column("Zaak"), Column("Naam"), Column("Team"), Column("Startweek", Kind.WEEK),
        Column("Laatste week", Kind.WEEK), Column("Weken", Kind.INT), Column("fte", Kind.NUMBER),
        Column("Niet ingepland: reden", width=60, wrap=True),
    ]
    if moved is not None:
        columns.append(Column(MOVED_HEADER, width=30))
    extra = (lambda cid: [moved.get(cid)]) if moved is not None else (lambda cid: [])
    rows: list[list[Any]] = []
    if plan:
        for a in plan.assignments:
            case = cases.get(a.case_id)
            rows.append([a.case_id, case.name if case else None, a.team, str(a.start_week),
                         str(a.start_week + (a.weeks - 1)), a.weeks, a.fte, None,
                         *extra(a.case_id)])
        for case_id, reason in plan.unplanned:
            case = cases.get(case_id)
            rows.append([case_id, case.name if case else None, None, None, None,
                         case.weeks if case else None, case.fte if case else None, reason,
                         *extra(case_id)])
    return Sheet("Planning", columns, rows, title_block=_plan_block(plan))


def _moved(ws: Workspace, plan: PlanRecord | None) -> dict[str, str] | None:
    """Where the last meeting's plan had each case ``plan`` moved; None without one."""
    previous = last_meeting_plan(ws, plan) if plan is not None else None
    if plan is None or previous is None:
        return None
    taken = {d.case_id for d in ws.final_entries() if d.kind is DecisionKind.TAKE_UP}
    return moved_since(previous, plan, taken)


def _capacity_sheet(ws: Workspace, plan: PlanRecord | None) -> Sheet:
    """Per team and week: available, used by running cases, planned, and what is left —
    computed with the planner's own capacity grid, so the figures match the plan."""
    capacity = ws.capacity()
    start = plan.start_week if plan else IsoWeek.current()
    horizon = plan.weeks if plan else DEFAULT_HORIZON
    weeks = week_range(start, horizon)
    running_cases = [c for c in ws.cases() if c.status is CaseStatus.RUNNING]
    grid = build_grid(capacity, start, horizon, running_cases=running_cases) if \
        capacity.teams else None
    planned: dict[tuple[str, IsoWeek], float] = {}
    for a in plan.assignments if plan else ():
        for w in week_range(a.start_week, a.weeks):
            planned[(a.team, w)] = planned.get((a.team, w), 0.0) + a.fte
    columns = [
        Column("Team"), Column("Week", Kind.WEEK), Column("Maandag", Kind.DATE),
        Column("Bezetting (fte)", Kind.NUMBER), Column("Inzetbaarheid", Kind.PERCENT),
        Column("Beschikbaar (fte)", Kind.NUMBER), Column("Lopende zaken (fte)", Kind.NUMBER),
        Column("Ingepland (fte)", Kind.NUMBER), Column("Ruimte (fte)", Kind.NUMBER),
        *(Column(f"{s.value.capitalize()} (fte)", Kind.NUMBER) for s in SPECIALISMS),
    ]
    rows = []
    for ti, team in enumerate(capacity.teams):
        for wi, w in enumerate(weeks):
            assert grid is not None
            available = float(grid.available[ti, 0, wi])
            used = float(grid.running[ti, 0, wi])
            plan_fte = planned.get((team.team, w), 0.0)
            rows.append([
                team.team, str(w), w.monday(), team.staffed_fte, team.deployability,
                round(available, 6), round(used, 6), round(plan_fte, 6),
                round(available - used - plan_fte, 6),
                *(round(float(grid.available[ti, si, wi]), 6) if s in team.specialist_fte
                  else None for si, s in enumerate(SPECIALISMS, start=1)),
            ])
    block: list[tuple[str, Any]] = [("Horizon", f"{weeks[0]} t/m {weeks[-1]}")]
    if grid is not None and grid.overbooked:
        block.append(("Overboekt door lopende zaken",
                      "; ".join(f"{o.team} {o.week} ({o.kind}, {o.fte:.1f} fte)"
                                for o in grid.overbooked[:20])))
    return Sheet("Capaciteit", columns, rows, title_block=block)


def _weights_sheet(plan: PlanRecord | None, decisions: Iterable[Decision]) -> Sheet:
    """Every weight profile the plan and the decisions' snapshots used."""
    profiles: dict[tuple[str, int | None], dict[str, float]] = {}
    if plan and plan.profile:
        profiles[(plan.profile.name, plan.profile.version)] = dict(plan.profile.weights)
    for d in decisions:
        s = d.snapshot
        if s.profile_name:
            profiles.setdefault((s.profile_name, s.profile_version), dict(s.profile_weights))
    columns = [Column("Profiel"), Column("Versie", Kind.INT), Column("Criterium"),
               Column("Gewicht", Kind.NUMBER), Column("Aandeel", Kind.PERCENT)]
    rows = []
    for (name, version), weights in profiles.items():
        total = sum(float(v) for v in weights.values()) or 1.0
        for c in CRITERIA:
            if c.value in weights:
                w = float(weights[c.value])
                rows.append([name, version, CRITERION_LABELS[c], w, w / total])
    return Sheet("Weging", columns, rows)


def _plan_block(plan: PlanRecord | None) -> list[tuple[str, Any]]:
    if plan is None:
        return [("Planning", "geen planning opgeslagen in de werkruimte")]
    block: list[tuple[str, Any]] = [
        ("Planning", plan.name),
        ("Gemaakt op", _naive(plan.created_at)),
        ("Planner", PLANNER_LABELS.get(plan.planner, plan.planner)),
        ("Horizon", f"{plan.start_week} t/m {plan.start_week + (plan.weeks - 1)}"),
    ]
    if plan.profile:
        block.append(("Wegingsprofiel", f"{plan.profile.name} v{plan.profile.version}"))
    if plan.total_priority is not None:
        block.append(("Totale prioriteit", plan.total_priority))
    return block


def _week(w: IsoWeek | None) -> str | None:
    return str(w) if w is not None else None


def _naive(t: datetime | None) -> datetime | None:
    """Excel has no time zones: local wall-clock time."""
    if t is None:
        return None
    return t.astimezone().replace(tzinfo=None) if t.tzinfo else t
