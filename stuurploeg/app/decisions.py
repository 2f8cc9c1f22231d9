"""Recording, finalising, correcting and verifying decisions: shared by GUI and CLI.

Every call commits at once. Final decisions cannot be changed (the database refuses it);
a mistake is corrected with :func:`correct_decision`, a new entry that names the old one.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from stuurploeg.app.workspace import Workspace, now, open_workspace
from stuurploeg.domain.decisions import (
    ChainReport,
    Decision,
    Snapshot,
    validate,
    verify_chain,
)
from stuurploeg.domain.model import Case, CaseStatus, DecisionKind
from stuurploeg.store import decisions_repo, schema
from stuurploeg.store.errors import StoreError
from stuurploeg.store.integrity import integrity_problems
from stuurploeg.store.planning_repo import PlanRecord


class DecisionError(StoreError):
    """The decision is incomplete or not allowed; ``problems`` lists each reason (Dutch)."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__(" ".join(problems))


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
    problems = validate(d)
    if d.kind is DecisionKind.TAKE_UP and d.team:
        known = [t.team for t in ws.capacity().teams]
        # Case-insensitive, as the import and the planner match team names.
        if d.team.strip().casefold() not in {k.strip().casefold() for k in known}:
            choice = (f"Kies een van: {', '.join(known)}." if known
                      else "Importeer eerst het capaciteitsoverzicht.")
            problems.append(
                f"Oppakken: team {d.team} staat niet in het capaciteitsoverzicht van de "
                f"werkruimte. {choice}"
            )
    if problems:
        raise DecisionError(problems)
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


def record_decision(ws: Workspace, decision: Decision, day: date | None = None) -> Decision:
    """Record a draft decision in the meeting of ``day`` (default: the decision's
    ``meeting_date``, else today). Without a snapshot, the newest stored plan's is taken."""
    day = day or decision.meeting_date or date.today()
    d = _prepare(ws, decision, day)
    if d.corrects_id is not None:
        _check_correctable(ws, d)
    with ws.writing(f"Vastleggen van het besluit over zaak {d.case_id}") as c:
        meeting = decisions_repo.ensure_meeting(c, day)
        if meeting.finalised:
            raise DecisionError([_closed(day)])
        new_id = decisions_repo.insert_draft(c, meeting, d, now())
    stored = ws.decision(new_id)
    assert stored is not None
    return stored


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
    with ws.writing(f"Wijzigen van het besluit over zaak {d.case_id}") as c:
        decisions_repo.update_draft(c, decision_id, d)
    return _get(ws, decision_id)


def delete_draft(ws: Workspace, decision_id: int) -> None:
    old = _get(ws, decision_id)
    if old.final:
        raise DecisionError([_final_msg(old)])
    with ws.writing(f"Verwijderen van het conceptbesluit over zaak {old.case_id}") as c:
        decisions_repo.delete_draft(c, decision_id)


def finalise_meeting(ws: Workspace, day: date, by: str) -> list[Decision]:
    """Vaststellen: the meeting's drafts become final entries of the chain."""
    if not by.strip():
        raise DecisionError(["Vul in wie de besluitenlijst vaststelt."])
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
    with ws.writing(f"Vaststellen van de besluitenlijst van {day:%d-%m-%Y}") as c:
        return decisions_repo.finalise_meeting(c, meeting, by.strip(), now())


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
    with ws.reading() as c:
        found = decisions_repo.id_for_seq(c, seq)
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
    with open_workspace(path, readonly=True) as ws, ws.reading() as c:
        report.integrity = integrity_problems(c)
        for p in report.integrity:
            report.problems.append(f"Integriteitscontrole: {p}")
        entries = decisions_repo.final_entries(c)
        report.chain = verify_chain(entries)
        missing = schema.missing_triggers(c)
        if report.chain.problem is not None:
            report.problems.append(report.chain.problem.describe())
        else:
            mismatch = decisions_repo.head_mismatch(c)
            if mismatch is not None:
                report.problems.append(mismatch[0].upper() + mismatch[1:])
        if missing:
            report.problems.append(
                f"De regels die het besluitenlog beschermen ontbreken ({', '.join(missing)}): "
                "het bestand is buiten Stuurploeg gewijzigd. Open de werkruimte in Stuurploeg "
                "om ze te herstellen, en vergelijk met een eerdere export of reservekopie."
            )
        if expected_head:
            hashes = {e.entry_hash for e in entries}
            if expected_head.lower() not in hashes:
                report.problems.append(
                    f"De opgegeven kophash {expected_head[:16]}… komt niet voor in de keten: "
                    "de besluitenlijst is ingekort of vervangen."
                )
    return report
