"""Decisions of the stuurploeg and the hash chain that makes their log tamper-evident.

Pure Python: what a decision holds, which fields each kind needs, when a motivation is
required, and how an entry's hash is computed. Storage and the database-side rules live
in ``stuurploeg.store``.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from typing import Any

from stuurploeg.domain.model import DecisionKind, HandOverTarget
from stuurploeg.domain.weeks import IsoWeek

GENESIS_HASH = "0" * 64
# What an entry's hash covers. 1: the entry alone (logs written before schema v6).
# 2: also when and by whom its meeting's list was finalised. Each entry stores its format,
# so old chains keep verifying and new entries get the wider cover.
HASH_FORMAT = 2

KIND_LABELS: dict[DecisionKind, str] = {
    DecisionKind.TAKE_UP: "oppakken",
    DecisionKind.EXPAND: "doorrechercheren",
    DecisionKind.PARK: "parkeren",
    DecisionKind.DECLINE: "niet oppakken",
    DecisionKind.HAND_OVER: "overdragen",
    DecisionKind.CLOSE: "afsluiten",
}
# Kinds that always need a motivation; the others only when departing from
# the plan proposal.
MOTIVATION_ALWAYS = frozenset({DecisionKind.DECLINE, DecisionKind.HAND_OVER, DecisionKind.CLOSE})


def default_inform_victims(kind: DecisionKind) -> bool:
    """The Aanwijzing mensenhandel asks that victims hear when an investigation starts or
    ends; that is the default, the officer can change it per decision."""
    return kind in (DecisionKind.TAKE_UP, DecisionKind.CLOSE, DecisionKind.HAND_OVER)


@dataclass(frozen=True)
class Snapshot:
    """What the meeting saw for the case when deciding: plain values only."""

    score: float | None = None
    rank: int | None = None
    profile_name: str | None = None
    profile_version: int | None = None
    profile_weights: Mapping[str, float] = field(default_factory=dict)
    proposal_team: str | None = None
    proposal_start: IsoWeek | None = None
    proposal_fte: float | None = None

    @property
    def from_plan(self) -> bool:
        """False when no plan was available: then there is no proposal to depart from."""
        return self.rank is not None or self.profile_name is not None or self.proposed

    @property
    def proposed(self) -> bool:
        """True when the plan proposal placed the case."""
        return self.proposal_team is not None


@dataclass(frozen=True)
class Decision:
    """One entry of the decision log: a draft until its meeting's list is finalised."""

    case_id: str
    kind: DecisionKind
    decided_by: str
    meeting_date: date | None = None
    case_name: str | None = None
    team: str | None = None
    start_week: IsoWeek | None = None
    fte: float | None = None
    extra_weeks: int | None = None
    until_date: date | None = None
    until_next_meeting: bool = False
    hand_over_to: HandOverTarget | None = None
    hand_over_detail: str | None = None
    motivation: str | None = None
    inform_victims: bool | None = None  # None: the default of the kind
    corrects_id: int | None = None
    snapshot: Snapshot = field(default_factory=Snapshot)
    # Filled in by the store:
    id: int | None = None
    created_at: datetime | None = None
    state: str = "draft"
    seq: int | None = None
    corrects_seq: int | None = None
    finalised_at: datetime | None = None
    prev_hash: str | None = None
    entry_hash: str | None = None
    hash_format: int = 1
    meeting_finalised_at: datetime | None = None
    meeting_finalised_by: str | None = None

    @property
    def final(self) -> bool:
        return self.state == "final"

    @property
    def label(self) -> str:
        return KIND_LABELS[self.kind]

    def resolved(self) -> Decision:
        """With ``inform_victims`` made explicit and the name of who decided trimmed."""
        inform = self.inform_victims
        if inform is None:
            inform = default_inform_victims(self.kind)
        # Kept exactly as typed (a blank one counts as none): user text is never altered.
        motivation = self.motivation if (self.motivation or "").strip() else None
        return replace(
            self, inform_victims=inform, motivation=motivation, decided_by=self.decided_by.strip()
        )


def describe_proposal(snap: Snapshot) -> str:
    """The plan's proposal for the case, in Dutch, for messages and forms."""
    if not snap.proposed:
        return "het voorstel plant deze zaak niet in"
    fte = "" if snap.proposal_fte is None else f", {snap.proposal_fte:g} fte".replace(".", ",")
    start = f" vanaf {snap.proposal_start}" if snap.proposal_start else ""
    return f"voorstel: {snap.proposal_team}{start}{fte}"


def departs_from_proposal(d: Decision) -> bool:
    """Does the decision differ from what the plan proposed for this case?"""
    snap = d.snapshot
    if not snap.from_plan:
        return False
    if d.kind is DecisionKind.TAKE_UP:
        if not snap.proposed:
            return True
        return (
            d.team != snap.proposal_team
            or d.start_week != snap.proposal_start
            or (snap.proposal_fte is not None and d.fte is not None
                and abs(d.fte - snap.proposal_fte) > 1e-9)
        )
    # Anything but taking up a case that the proposal placed departs from it.
    return snap.proposed and d.kind in (DecisionKind.PARK, DecisionKind.DECLINE,
                                        DecisionKind.HAND_OVER, DecisionKind.CLOSE)


def validate(d: Decision) -> list[str]:
    """Dutch messages for everything missing or wrong; empty when the decision is complete."""
    return [message for _field, message in validate_fields(d)]


def validate_fields(d: Decision) -> list[tuple[str | None, str]]:
    """As :func:`validate`, each message with the :class:`Decision` field it is about
    (None when it is about no single field), so a form can show it next to that field."""
    errors: list[tuple[str | None, str]] = []
    if not d.case_id.strip():
        errors.append(("case_id", "Kies de zaak waarover besloten wordt."))
    if not d.decided_by.strip():
        errors.append(
            ("decided_by", "Vul in wie het besluit neemt (bijvoorbeeld de mensenhandelofficier).")
        )
    kind = d.kind
    if kind is DecisionKind.TAKE_UP:
        if not d.team:
            errors.append(("team", "Oppakken: kies het team dat de zaak oppakt."))
        if d.start_week is None:
            errors.append(("start_week", "Oppakken: vul de startweek in (JJJJ-Www)."))
        if not _positive(d.fte):
            errors.append(("fte", "Oppakken: vul het aantal fte in (een getal groter dan 0)."))
    elif kind is DecisionKind.EXPAND:
        if d.extra_weeks is None and d.fte is None:
            errors.append(
                ("extra_weeks", "Doorrechercheren: vul het aantal extra weken en/of de fte in.")
            )
        if d.extra_weeks is not None and d.extra_weeks <= 0:
            errors.append(
                ("extra_weeks", "Doorrechercheren: het aantal extra weken moet groter dan 0 zijn.")
            )
        if d.fte is not None and not _positive(d.fte):
            errors.append(
                ("fte", "Doorrechercheren: het aantal fte moet een getal groter dan 0 zijn.")
            )
    elif kind is DecisionKind.PARK:
        if d.until_date is None and not d.until_next_meeting:
            errors.append(
                ("until_date", "Parkeren: kies tot welke datum, of tot de volgende vergadering.")
            )
        if (d.until_date is not None and d.meeting_date is not None
                and d.until_date <= d.meeting_date):
            errors.append(("until_date", "Parkeren: de einddatum moet na de vergaderdatum liggen."))
    elif kind is DecisionKind.HAND_OVER and d.hand_over_to is None:
        errors.append((
            "hand_over_to",
            "Overdragen: kies aan wie (" + ", ".join(t.value for t in HandOverTarget) + ").",
        ))
    if d.fte is not None and kind not in (DecisionKind.TAKE_UP, DecisionKind.EXPAND):
        errors.append(("fte", f"{KIND_LABELS[kind].capitalize()}: fte hoort niet bij dit besluit."))
    for name, label in _FIELD_LABELS.items():
        value = getattr(d, name)
        if value not in (None, False, "") and kind not in _FIELD_KINDS[name]:
            errors.append((
                name,
                f"{KIND_LABELS[kind].capitalize()}: {label} hoort niet bij dit besluit. "
                "Laat het leeg, of kies het soort besluit waar het bij hoort.",
            ))
    if not (d.motivation or "").strip():
        if kind in MOTIVATION_ALWAYS:
            errors.append(
                ("motivation", f"{KIND_LABELS[kind].capitalize()}: een motivering is verplicht.")
            )
        elif departs_from_proposal(d):
            errors.append((
                "motivation",
                "Dit besluit wijkt af van het voorstel van de planning "
                f"({describe_proposal(d.snapshot)}): geef een motivering, of volg het voorstel.",
            ))
        elif d.corrects_id is not None:
            errors.append(
                ("motivation", "Een correctie heeft een motivering nodig: wat was er onjuist?")
            )
    return errors


_FIELD_LABELS = {
    "team": "team", "start_week": "startweek", "extra_weeks": "extra weken",
    "until_date": "geparkeerd tot", "until_next_meeting": "tot de volgende vergadering",
    "hand_over_to": "overdragen aan", "hand_over_detail": "toelichting overdracht",
}
_FIELD_KINDS = {
    "team": {DecisionKind.TAKE_UP}, "start_week": {DecisionKind.TAKE_UP},
    "extra_weeks": {DecisionKind.EXPAND},
    "until_date": {DecisionKind.PARK}, "until_next_meeting": {DecisionKind.PARK},
    "hand_over_to": {DecisionKind.HAND_OVER}, "hand_over_detail": {DecisionKind.HAND_OVER},
}


def _positive(v: float | None) -> bool:
    """A usable fte: a finite number above 0 (NaN and infinity compare oddly and pass)."""
    return v is not None and math.isfinite(v) and v > 0


# -- the hash chain ------------------------------------------------------------------


def canonical_content(d: Decision) -> str:
    """The entry's content as one deterministic string (what the hash covers)."""
    s = d.snapshot
    doc: dict[str, Any] = {
        "seq": d.seq,
        "meeting_date": _iso(d.meeting_date),
        "case_id": d.case_id,
        "case_name": d.case_name,
        "kind": d.kind.value,
        "team": d.team,
        "start_week": str(d.start_week) if d.start_week else None,
        "fte": d.fte,
        "extra_weeks": d.extra_weeks,
        "until_date": _iso(d.until_date),
        "until_next_meeting": bool(d.until_next_meeting),
        "hand_over_to": d.hand_over_to.value if d.hand_over_to else None,
        "hand_over_detail": d.hand_over_detail,
        "motivation": d.motivation,
        "decided_by": d.decided_by,
        "inform_victims": bool(d.inform_victims),
        "corrects_seq": d.corrects_seq,
        "snapshot": {
            "score": s.score,
            "rank": s.rank,
            "profile_name": s.profile_name,
            "profile_version": s.profile_version,
            "profile_weights": {k: s.profile_weights[k] for k in sorted(s.profile_weights)},
            "proposal_team": s.proposal_team,
            "proposal_start": str(s.proposal_start) if s.proposal_start else None,
            "proposal_fte": s.proposal_fte,
        },
        "created_at": _iso(d.created_at),
        "finalised_at": _iso(d.finalised_at),
    }
    if d.hash_format >= 2:
        doc["hash_format"] = d.hash_format
        doc["meeting_finalised_at"] = _iso(d.meeting_finalised_at)
        doc["meeting_finalised_by"] = d.meeting_finalised_by
    import json  # here: the window that shows decisions does not hash them (start-up)

    return json.dumps(doc, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def compute_hash(prev_hash: str, d: Decision) -> str:
    import hashlib  # here, as json above

    data = (prev_hash + "\n" + canonical_content(d)).encode("utf-8")
    return hashlib.sha256(data).hexdigest()


@dataclass(frozen=True)
class ChainProblem:
    seq: int | None
    decision_id: int | None
    case_id: str | None
    meeting_date: date | None
    message: str  # Dutch

    def describe(self) -> str:
        where = []
        if self.seq is not None:
            where.append(f"besluit nr. {self.seq}")
        if self.decision_id is not None:
            where.append(f"id {self.decision_id}")
        if self.case_id:
            where.append(f"zaak {self.case_id}")
        if self.meeting_date:
            where.append(f"vergadering {self.meeting_date:%d-%m-%Y}")
        return f"{', '.join(where) or 'keten'}: {self.message}"


@dataclass(frozen=True)
class ChainReport:
    entries: int
    head_hash: str
    problem: ChainProblem | None

    @property
    def ok(self) -> bool:
        return self.problem is None


def verify_chain(entries: Iterable[Decision]) -> ChainReport:
    """Recompute the chain of final entries in ``seq`` order; stop at the first bad one."""
    prev, count = GENESIS_HASH, 0
    for expected_seq, d in enumerate(sorted(entries, key=lambda e: e.seq or 0), start=1):
        msg = _entry_problem(d, expected_seq, prev)
        if msg is not None:
            return ChainReport(
                count, prev, ChainProblem(d.seq, d.id, d.case_id, d.meeting_date, msg)
            )
        prev, count = d.entry_hash or "", count + 1
    return ChainReport(count, prev, None)


def _entry_problem(d: Decision, expected_seq: int, prev: str) -> str | None:
    if d.seq != expected_seq:
        if (d.seq or 0) > expected_seq:
            return f"volgnummer {expected_seq} ontbreekt in de keten (een besluit is verwijderd)"
        return f"onverwacht volgnummer {d.seq}"
    if d.prev_hash != prev:
        return "verwijst niet naar het vorige besluit (de volgorde is gewijzigd)"
    if compute_hash(prev, d) != d.entry_hash:
        return "de inhoud komt niet overeen met de vastgelegde hash (gewijzigd)"
    return None


def _iso(value: date | datetime | None) -> str | None:
    return value.isoformat() if value is not None else None
