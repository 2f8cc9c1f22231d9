"""Recording, finalising, correcting and verifying decisions: shared by GUI and CLI.

Every call commits at once. One decision per case per meeting: a second is refused with
:class:`DuplicateDecision` naming the first, unless the caller explicitly replaces a draft
(:func:`replace_draft`). Final decisions cannot be changed (the database refuses it); a
mistake is corrected with :func:`correct_decision`, a new entry that names the old one.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from stuurploeg.app.workspace import Workspace, open_workspace
from stuurploeg.domain.decisions import ChainReport, Decision, Snapshot, validate_fields
from stuurploeg.domain.model import Case, CaseStatus, DecisionKind
from stuurploeg.store.errors import DecisionExists, MeetingFinalised, StoreError
from stuurploeg.store.planning_repo import PlanRecord


class DecisionError(StoreError):
    """The decision is incomplete or not allowed; ``problems`` lists each reason (Dutch)."""

    def __init__(self, problems: list[str], field: str | None = None) -> None:
        self.problems = problems
        self.field = field  # the Decision field at fault, for a form to show it next to
        super().__init__(" ".join(problems))


class DuplicateDecision(DecisionError):
    """The meeting already holds a decision about this case; ``existing`` is that one.

    Shown next to the case field; a draft can be replaced explicitly with
    :func:`replace_draft`, a final decision only changes by :func:`correct_decision`.
    """

    def __init__(self, existing: Decision) -> None:
        self.existing = existing
        super().__init__([describe_existing(existing)], field="case_id")


def describe_existing(d: Decision) -> str:
    """The Dutch refusal naming the decision already recorded for the case."""
    day = f"{d.meeting_date:%d-%m-%Y}" if d.meeting_date else "deze vergadering"
    detail = []
    if d.team:
        detail.append(d.team)
    if d.start_week is not None:
        detail.append(str(d.start_week))
    what = d.label + (f" ({', '.join(detail)})" if detail else "")
    state = f"vastgesteld als nr. {d.seq}" if d.final else "concept"
    if d.final:
        todo = ("Een vastgesteld besluit verandert alleen door een correctie in een "
                "volgende vergadering.")
    else:
        todo = ("Wijzig dat concept, of vervang het bewust (in de CLI met --replace; "
                "het oude concept verdwijnt dan).")
    return (
        f"Over zaak {d.case_id} is in de vergadering van {day} al besloten: {what}, door "
        f"{d.decided_by}, {state}. Per vergadering geldt één besluit per zaak. {todo}"
    )


def snapshot_for(ws: Workspace, case_id: str, plan: PlanRecord | None = None) -> Snapshot:
    """Score, rank, profile and proposal of ``case_id`` in ``plan`` (default: newest plan)."""
    plan = plan if plan is not None else ws.plan()
    if plan is None:
        return Snapshot()
    row = next((r for r in plan.ranking if r.case_id == case_id), None)
    assignment = next((a for a in plan.assignments if a.case_id == case_id), None)
    prof = plan.profile
    return Snapshot(
        score=row.score if row else None,
        rank=row.rank if row else None,
        profile_name=prof.name if prof else None,
        profile_version=prof.version if prof else None,
        profile_weights=dict(prof.weights) if prof else {},
        proposal_team=assignment.team if assignment else None,
        proposal_start=assignment.start_week if assignment else None,
        proposal_fte=assignment.fte if assignment else None,
    )


def _prepare(ws: Workspace, decision: Decision, day: date) -> Decision:
    case = ws.case(decision.case_id)
    if case is None:
        raise DecisionError(
            [f"Zaak {decision.case_id} staat niet in de werkruimte. Controleer het zaaknummer "
             "of importeer eerst de zakenlijst."]
        )
    snap = decision.snapshot
    if snap == Snapshot():
        snap = snapshot_for(ws, decision.case_id)
    d = replace(decision.resolved(), meeting_date=day, case_name=case.name,
                snapshot=_plain(snap), fte=_float(decision.fte))
    problems = validate_fields(d)
    if d.kind is DecisionKind.TAKE_UP and d.team:
        known = [t.team for t in ws.capacity().teams]
        # Case-insensitive, as the import and the planner match team names.
        if d.team.strip().casefold() not in {k.strip().casefold() for k in known}:
            choice = (f"Kies een van: {', '.join(known)}." if known
                      else "Importeer eerst het capaciteitsoverzicht.")
            problems.append((
                "team",
                f"Oppakken: team {d.team} staat niet in het capaciteitsoverzicht van de "
                f"werkruimte. {choice}",
            ))
    if problems:
        # The first field at fault: where a form puts the message and the cursor.
        raise DecisionError([m for _f, m in problems], field=problems[0][0])
    return d


def prefill_from_proposal(
    ws: Workspace, decision: Decision, snapshot: Snapshot | None = None
) -> Decision:
    """A take-up with no team, start week or fte given takes them from the plan proposal:
    that in ``snapshot`` (the plan the officer is looking at), else the newest stored one."""
    if decision.kind is not DecisionKind.TAKE_UP:
        return decision
    snap = snapshot if snapshot is not None else snapshot_for(ws, decision.case_id)
    return _as_proposed(decision, snap)


def proposed_decision(case: Case, snapshot: Snapshot, decided_by: str = "") -> Decision:
    """What a decision form starts from: take up as proposed when the proposal places the
    case, investigate further when it is running, else park. The meeting changes it."""
    if snapshot.proposed:
        kind = DecisionKind.TAKE_UP
    elif case.status is CaseStatus.RUNNING:
        kind = DecisionKind.EXPAND
    else:
        kind = DecisionKind.PARK
    fte = case.fte if kind is DecisionKind.EXPAND and case.fte else None
    draft = Decision(case.case_id, kind, decided_by, case_name=case.name, fte=fte)
    return _as_proposed(draft, snapshot) if kind is DecisionKind.TAKE_UP else draft


def _as_proposed(decision: Decision, snap: Snapshot) -> Decision:
    if not snap.proposed:
        return decision
    return replace(
        decision,
        team=decision.team or snap.proposal_team,
        start_week=decision.start_week or snap.proposal_start,
        fte=decision.fte if decision.fte is not None else snap.proposal_fte,
    )


def _float(v: float | None) -> float | None:
    return None if v is None else float(v)


def _plain(s: Snapshot) -> Snapshot:
    """Plain Python numbers (numpy scalars from the planner do not go into SQLite)."""
    return replace(
        s,
        score=_float(s.score),
        rank=None if s.rank is None else int(s.rank),
        profile_version=None if s.profile_version is None else int(s.profile_version),
        profile_weights={str(k): float(v) for k, v in s.profile_weights.items()},
        proposal_fte=_float(s.proposal_fte),
    )


def record_decision(
    ws: Workspace, decision: Decision, day: date | None = None, *, replace: bool = False
) -> Decision:
    """Record a draft decision in the meeting of ``day`` (default: the decision's
    ``meeting_date``, else today). Without a snapshot, the newest stored plan's is taken.

    A second decision about the same case in the same meeting raises
    :class:`DuplicateDecision`; with ``replace`` a draft already there is replaced in the
    same transaction (a final one never is).
    """
    day = day or decision.meeting_date or date.today()
    _refuse_on_a_broken_log(ws, "Een besluit vastleggen")
    d = _prepare(ws, decision, day)
    if d.corrects_id is not None:
        _check_correctable(ws, d)
    try:
        return ws.add_draft(day, d, replace=replace)
    except MeetingFinalised:
        raise DecisionError([_closed(day)]) from None
    except DecisionExists as exc:
        raise DuplicateDecision(exc.existing) from None


def replace_draft(ws: Workspace, decision: Decision, day: date | None = None) -> Decision:
    """Record ``decision`` in place of the draft about the same case in the meeting of
    ``day`` (after the user confirmed it); like :func:`record_decision` when there is none."""
    return record_decision(ws, decision, day, replace=True)


def update_draft(ws: Workspace, decision_id: int, decision: Decision) -> Decision:
    """Change a draft (only drafts can change)."""
    old = _get(ws, decision_id)
    if old.final:
        raise DecisionError([_final_msg(old)])
    assert old.meeting_date is not None
    d = _prepare(ws, replace(decision, corrects_id=decision.corrects_id or old.corrects_id),
                 old.meeting_date)
    if d.corrects_id is not None:
        _check_correctable(ws, d, own_id=decision_id)
    try:
        return ws.change_draft(decision_id, d)
    except DecisionExists as exc:
        raise DuplicateDecision(exc.existing) from None


def delete_draft(ws: Workspace, decision_id: int) -> None:
    old = _get(ws, decision_id)
    if old.final:
        raise DecisionError([_final_msg(old)])
    ws.remove_draft(decision_id)


def finalise_meeting(ws: Workspace, day: date, by: str) -> list[Decision]:
    """Vaststellen: the meeting's drafts become final entries of the chain."""
    if not by.strip():
        raise DecisionError(["Vul in wie de besluitenlijst vaststelt."])
    _refuse_on_a_broken_log(ws, "De besluitenlijst vaststellen")
    meeting = ws.meeting(day)
    if meeting is None:
        raise DecisionError([f"Er is geen vergadering op {day:%d-%m-%Y}. Controleer de datum."])
    if meeting.finalised:
        raise DecisionError([_closed(day)])
    drafts = [d for d in ws.decisions(day) if not d.final]
    if not drafts:
        raise DecisionError(
            [f"De vergadering van {day:%d-%m-%Y} heeft geen conceptbesluiten om vast te stellen."]
        )
    doubles = ws.duplicate_findings(day)
    if doubles:
        raise DecisionError([
            f"De besluitenlijst van {day:%d-%m-%Y} kan niet worden vastgesteld: "
            + "; ".join(doubles) + ". Verwijder per zaak de concepten die niet gelden."
        ])
    try:
        return ws.finalise(day, by.strip())
    except MeetingFinalised:
        raise DecisionError([_closed(day)]) from None


def _refuse_on_a_broken_log(ws: Workspace, what: str) -> None:
    """Appending to a log that fails verification would bury the evidence under new
    entries that look as good as the old ones."""
    problems = ws.log_problems()
    if problems:
        raise DecisionError([
            f"{what} kan niet: het besluitenlog van {ws.path.name} klopt niet "
            f"({problems[0].rstrip('.')}). Zet met 'stuurploeg restore {ws.path.name}' een "
            "reservekopie terug die 'stuurploeg verify' doorstaat, of meld dit bij de "
            "functioneel beheerder; tot dan worden er geen besluiten aan toegevoegd."
        ])


def correct_decision(
    ws: Workspace, old_id: int, correction: Decision, day: date | None = None
) -> Decision:
    """Record a new draft that corrects the final decision ``old_id``.

    It goes into the (open) meeting of ``day`` and needs a motivation.
    """
    old = _get(ws, old_id)
    if correction.case_id != old.case_id:
        raise DecisionError(
            [f"Een correctie hoort bij dezelfde zaak ({old.case_id}), niet bij "
             f"{correction.case_id}."]
        )
    return record_decision(ws, replace(correction, corrects_id=old_id), day)


def decision_id_for_seq(ws: Workspace, seq: int) -> int:
    """The id of the final entry with number ``seq`` (the Nr. users see on the
    besluitenlijst); ids are internal and never shown."""
    found = ws.id_for_seq(seq)
    if found is None:
        head = ws.head()[0]
        raise DecisionError(
            [f"Er is geen vastgesteld besluit nr. {seq} (het log telt er {head}). Kijk het "
             "nummer na in de kolom 'Nr.' van de besluitenlijst."]
        )
    return found


def _check_correctable(ws: Workspace, d: Decision, own_id: int | None = None) -> None:
    """A correction names a final entry about the same case (never a draft, never itself)."""
    assert d.corrects_id is not None
    old = ws.decision(d.corrects_id)
    if old is None or d.corrects_id == own_id:
        raise DecisionError([f"Besluit {d.corrects_id} bestaat niet of is dit besluit zelf. "
                             "Kies een vastgesteld besluit om te corrigeren."])
    if not old.final:
        raise DecisionError(
            ["Een conceptbesluit corrigeert u door het te wijzigen, niet met een correctie."]
        )
    if old.case_id != d.case_id:
        raise DecisionError(
            [f"Een correctie hoort bij dezelfde zaak ({old.case_id}), niet bij {d.case_id}. "
             "Kies het besluit over deze zaak dat u wilt corrigeren."]
        )


def _get(ws: Workspace, decision_id: int) -> Decision:
    d = ws.decision(decision_id)
    if d is None:
        raise DecisionError([f"Besluit {decision_id} bestaat niet."])
    return d


def _final_msg(d: Decision) -> str:
    return (
        f"Het besluit over zaak {d.case_id} (nr. {d.seq}) is vastgesteld en kan niet meer "
        "veranderen. Leg een correctie vast die ernaar verwijst."
    )


def _closed(day: date) -> str:
    return (
        f"De besluitenlijst van {day:%d-%m-%Y} is al vastgesteld. Leg nieuwe besluiten of "
        "correcties vast in een volgende vergadering."
    )


# -- verification ---------------------------------------------------------------------


@dataclass
class VerifyReport:
    path: Path
    integrity: list[str] = field(default_factory=list)
    chain: ChainReport | None = None
    problems: list[str] = field(default_factory=list)  # Dutch, one per finding

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def head_hash(self) -> str | None:
        return self.chain.head_hash if self.chain else None


def verify_workspace(path: Path | str, expected_head: str | None = None) -> VerifyReport:
    """Integrity check plus the recomputed hash chain, without taking the lock.

    ``expected_head`` (a head hash printed on an earlier export) must occur in the chain.
    """
    path = Path(path)
    report = VerifyReport(path)
    with open_workspace(path, readonly=True) as ws:
        report.integrity = ws.integrity_problems()
        for p in report.integrity:
            report.problems.append(f"Integriteitscontrole: {p}")
        found = ws.log_evidence(expected_head)
        report.chain = found.chain
        report.problems += found.problems
    return report
