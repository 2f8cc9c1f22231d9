"""Use case: what a re-plan must respect from the meetings so far.

Two things come from the workspace:

- **decisions taken** in finalised meetings. Oppakken fixes the case on the decided
  team and start week with the decided fte (a case that has already started by the first
  week of the plan counts as running); doorrechercheren extends a running case by the
  decided weeks and fte, unless a case list imported after that meeting already holds it.
- **the last vastgesteld plan**: the newest stored plan made before the last meeting was
  finalised, which is what that meeting saw. The re-plan keeps its cases where they were
  (``domain.planning.previous``), except the cases that meeting decided otherwise about.

The case list in the workspace is never changed: the decisions are applied to a copy for
planning only.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime

from stuurploeg.app.workspace import Workspace
from stuurploeg.domain.decisions import Decision
from stuurploeg.domain.model import Case, CaseStatus, DecisionKind
from stuurploeg.domain.planning import FixedPlacement
from stuurploeg.domain.planning.format import fte as fte_text
from stuurploeg.domain.planning.previous import PreviousPlacement
from stuurploeg.domain.weeks import IsoWeek
from stuurploeg.store.planning_repo import PlanRecord

# Kinds after which a meeting wants the case *not* kept at its proposed spot.
_NOT_KEPT = frozenset({DecisionKind.PARK, DecisionKind.DECLINE, DecisionKind.HAND_OVER,
                       DecisionKind.CLOSE})


@dataclass(frozen=True)
class ReplanBasis:
    """What :func:`~stuurploeg.app.planning.make_plan` gets for a re-plan."""

    cases: tuple[Case, ...]  # the case list with the decisions applied
    fixed: tuple[FixedPlacement, ...] = ()
    previous: tuple[PreviousPlacement, ...] = ()
    meeting: date | None = None  # the last finalised meeting
    plan_id: int | None = None  # the last vastgesteld plan
    plan_name: str | None = None
    notes: tuple[str, ...] = ()  # Dutch: each decision applied, one line each

    @property
    def empty(self) -> bool:
        return not self.fixed and not self.previous and not self.notes


def apply_decisions(
    cases: Sequence[Case],
    decisions: Iterable[Decision],
    start: IsoWeek,
    *,
    cases_imported_at: datetime | None = None,
) -> tuple[list[Case], list[FixedPlacement], list[str]]:
    """The case list as planning must see it after the final ``decisions`` (the latest one
    per case counts), the fixed placements they make, and one Dutch note per decision
    applied. ``cases_imported_at``: when the case list was last imported."""
    latest: dict[str, Decision] = {}
    for d in decisions:
        if not d.final:
            continue
        held = latest.get(d.case_id)
        if held is None or (d.seq or 0) >= (held.seq or 0):
            latest[d.case_id] = d
    out: list[Case] = []
    fixed: list[FixedPlacement] = []
    notes: list[str] = []
    for case in cases:
        d = latest.get(case.case_id)
        if d is not None and d.kind is DecisionKind.TAKE_UP and case.status.is_candidate:
            case = _taken_up(case, d, start, fixed, notes)
        elif d is not None and d.kind is DecisionKind.EXPAND and \
                case.status is CaseStatus.RUNNING and not _listed_since(d, cases_imported_at):
            case = _expanded(case, d, notes)
        out.append(case)
    return out, fixed, notes


def _taken_up(case: Case, d: Decision, start: IsoWeek, fixed: list[FixedPlacement],
              notes: list[str]) -> Case:
    if not d.team or d.start_week is None:
        return case
    fte = d.fte if d.fte is not None and d.fte > 0 else case.fte
    specialist = {s: min(v, fte or 0.0) for s, v in case.specialist_fte.items()}
    case = replace(case, fte=fte, specialist_fte=specialist)
    when = _meeting_text(d)
    if d.start_week < start and case.weeks:
        notes.append(f"Zaak {case.case_id}: opgepakt {when}, {d.team} sinds {d.start_week}, "
                     f"{fte_text(fte or 0.0)} fte; telt als lopende zaak.")
        return replace(case, status=CaseStatus.RUNNING, team=d.team, start_week=d.start_week)
    fixed.append(FixedPlacement(case.case_id, d.team, d.start_week))
    notes.append(f"Zaak {case.case_id}: opgepakt {when}; vastgezet op {d.team} vanaf "
                 f"{d.start_week}, {fte_text(fte or 0.0)} fte.")
    return case


def _expanded(case: Case, d: Decision, notes: list[str]) -> Case:
    weeks = (case.weeks or 0) + (d.extra_weeks or 0) if d.extra_weeks else case.weeks
    fte = d.fte if d.fte is not None and d.fte > 0 else case.fte
    parts = []
    if d.extra_weeks:
        parts.append(f"{d.extra_weeks} weken langer")
    if d.fte is not None:
        parts.append(f"{fte_text(fte or 0.0)} fte")
    notes.append(f"Zaak {case.case_id}: doorrechercheren {_meeting_text(d)}: "
                 f"{', '.join(parts)}.")
    return replace(case, weeks=weeks, fte=fte)


def _listed_since(d: Decision, imported_at: datetime | None) -> bool:
    """Was the case list imported after ``d``'s meeting was finalised (so it holds it)?"""
    done = d.meeting_finalised_at or d.finalised_at
    return imported_at is not None and done is not None and _aware(imported_at) > _aware(done)


def _aware(t: datetime) -> datetime:
    return t if t.tzinfo is not None else t.astimezone()


def _meeting_text(d: Decision) -> str:
    return f"op {d.meeting_date:%d-%m-%Y}" if d.meeting_date else "eerder"


def replan_basis(
    ws: Workspace, start: IsoWeek, cases: Sequence[Case] | None = None
) -> ReplanBasis:
    """The decisions and the last vastgesteld plan of ``ws`` for a plan from ``start``.

    ``cases``: the case list to plan (default: the workspace's), e.g. a new list that is
    not imported yet.
    """
    # Plain reads, no consistent_read(): callers such as the export already hold one.
    listed = list(ws.cases() if cases is None else cases)
    decisions = ws.final_entries()
    meetings = [m for m in ws.meetings() if m.finalised]
    plans = ws.plans()
    imports = [i for i in ws.imports() if i.kind == "cases"]
    imported_at = max((i.imported_at for i in imports), key=_aware, default=None)
    last = max(meetings, key=lambda m: _aware(m.finalised_at), default=None)
    record = None
    if last is not None:
        seen = [(pid, name, t) for pid, name, t in plans
                if _aware(t) <= _aware(last.finalised_at)]
        if seen:
            pid = max(seen, key=lambda p: (_aware(p[2]), p[0]))[0]
            record = ws.plan(pid)
    planned, fixed, notes = apply_decisions(listed, decisions, start,
                                            cases_imported_at=imported_at)
    previous: list[PreviousPlacement] = []
    if record is not None and last is not None:
        decided_otherwise = {d.case_id for d in decisions
                             if d.meeting_date == last.meeting_date and d.kind in _NOT_KEPT}
        previous = [PreviousPlacement(a.case_id, a.team, a.start_week, a.fte)
                    for a in record.assignments if a.case_id not in decided_otherwise]
    return ReplanBasis(
        cases=tuple(planned),
        fixed=tuple(fixed),
        previous=tuple(previous),
        meeting=None if last is None else last.meeting_date,
        plan_id=None if record is None else record.id,
        plan_name=None if record is None else record.name,
        notes=tuple(notes),
    )


def last_meeting_plan(ws: Workspace, plan: PlanRecord) -> PlanRecord | None:
    """The plan the last meeting finalised before ``plan`` was made had seen (the newest
    stored plan made before that meeting was finalised); None when there is none or it
    is ``plan`` itself."""
    if plan.created_at is None:
        return None
    made = _aware(plan.created_at)
    done = [m for m in ws.meetings()
            if m.finalised_at is not None and _aware(m.finalised_at) <= made]
    if not done:
        return None
    last = max(_aware(m.finalised_at) for m in done if m.finalised_at is not None)
    seen = [(pid, t) for pid, _, t in ws.plans() if _aware(t) <= last]
    if not seen:
        return None
    pid = max(seen, key=lambda p: (_aware(p[1]), p[0]))[0]
    return None if pid == plan.id else ws.plan(pid)


def moved_since(previous: PlanRecord, plan: PlanRecord,
                decided: Iterable[str] = ()) -> dict[str, str]:
    """case_id -> "van <team> <week>" for each case ``previous`` placed that ``plan``
    places elsewhere or not at all, except the ``decided`` ones (a decision put them)."""
    now = {a.case_id: (a.team, a.start_week) for a in plan.assignments}
    skip = set(decided)
    out = {}
    for a in previous.assignments:
        if a.case_id in skip or now.get(a.case_id) == (a.team, a.start_week):
            continue
        out[a.case_id] = f"van {a.team} {a.start_week}"
    return out
