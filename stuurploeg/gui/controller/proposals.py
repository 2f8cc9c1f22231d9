"""An honest proposal: which planner made it, when, and whether it still fits its input.

A change of the weights, of a position or of the cases (a re-import) makes the proposal on
screen outdated. It stays on screen, marked, until it is made again with the planner the
officer chose. Only the rank-order planner (milliseconds, the default) plans again by
itself after a change; a plan the officer asked of another planner is never silently
replaced by a rank-order one — the officer may have chosen the optimal plan on purpose.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from stuurploeg.gui.controller.jobs import PlanRequest
from stuurploeg.gui.controller.state import Proposal
from stuurploeg.gui.labels import planner_label

if TYPE_CHECKING:
    from stuurploeg.domain.scoring import WeightProfile

# Why a proposal became outdated (Proposal.outdated_by).
WEIGHTS = "weights"
POSITIONS = "positions"
CASES = "cases"
REASONS = (WEIGHTS, POSITIONS, CASES)

_CONTEXT = "Proposal"
_REASONS = {
    WEIGHTS: QT_TRANSLATE_NOOP("Proposal", "the weights changed"),
    POSITIONS: QT_TRANSLATE_NOOP("Proposal", "a position in the ranking changed"),
    CASES: QT_TRANSLATE_NOOP("Proposal", "the case list or capacity was imported again"),
}

AUTOMATIC_PLANNER = "rank"


@dataclass(frozen=True)
class PlannerChoice:
    """The planner the officer chose in Plan maken (rank order until they choose)."""

    planner: str = AUTOMATIC_PLANNER
    time_limit: float = 30.0
    weeks: int = 26

    @property
    def replans_by_itself(self) -> bool:
        """A change is followed by a new plan of this planner without asking."""
        return self.planner == AUTOMATIC_PLANNER


def replaced_by_itself(proposal: Proposal | None, choice: PlannerChoice) -> bool:
    """After a change, may an automatic rank-order plan take the place of ``proposal``?
    Only of none yet, or of a rank-order one of the base plan (not a scenario's)."""
    if proposal is None:
        return True
    return choice.replans_by_itself and proposal.result.scenario is None


def same_weights(proposal: Proposal, profile: WeightProfile | None) -> bool:
    """``proposal`` was made with these weights (whatever the profile is called now)."""
    return profile is not None and dict(proposal.result.profile.weights) == dict(profile.weights)


def outdated(proposal: Proposal | None, reason: str) -> Proposal | None:
    """``proposal`` marked outdated by ``reason`` (the first reason is kept)."""
    if proposal is None or proposal.outdated:
        return proposal
    return proposal.outdated_for(reason)


translate = QCoreApplication.translate


def made_at_text(when: datetime, now: datetime | None = None) -> str:
    """``om 14:05`` today, else ``op 01-12-2026 om 14:05``."""
    now = now or datetime.now(when.tzinfo)
    clock = when.strftime("%H:%M")
    if when.date() == now.date():
        return translate("Proposal", "at %1").replace("%1", clock)
    text = translate("Proposal", "on %1 at %2")
    return text.replace("%1", when.strftime("%d-%m-%Y")).replace("%2", clock)


def reason_text(reason: str) -> str:
    return translate(_CONTEXT, _REASONS[reason]) if reason in _REASONS else reason


def describe(
    proposal: Proposal | None,
    choice: PlannerChoice | None = None,
    outdated_by: str | None = None,
) -> str:
    """One line for the plan area: who made the proposal and when; when outdated, why and
    with which planner it is to be made again. ``outdated_by``: as if outdated by that
    reason ("" as if current) instead of as it is."""
    if proposal is None:
        return translate("Proposal", "No proposal yet.")
    planner = planner_label(proposal.planner)
    scenario = proposal.result.scenario
    if scenario is not None:
        planner = translate("Proposal", "%1 (scenario %2)").replace("%1", planner).replace(
            "%2", scenario.name
        )
    made = (
        translate("Proposal", "Proposal of the planner %1, made %2.")
        .replace("%1", planner)
        .replace("%2", made_at_text(proposal.made_at))
    )
    reason = proposal.outdated_by if outdated_by is None else outdated_by
    if not reason:
        return made
    again = planner_label((choice or PlannerChoice(proposal.planner)).planner)
    return (
        translate(
            "Proposal",
            "Outdated: %1 after this proposal. %2 Plan again with %3 to bring it up to date.",
        )
        .replace("%1", reason_text(reason))
        .replace("%2", made)
        .replace("%3", again)
    )


def on_arrival(
    proposal: Proposal,
    made_from: PlanRequest,
    now: PlanRequest,
) -> Proposal:
    """A finished plan, marked outdated when the input changed while it was being made
    (``made_from``: what it was asked with; ``now``: the controller's input as it is)."""
    if made_from.cases != now.cases or made_from.capacity != now.capacity:
        return outdated(proposal, CASES) or proposal
    if made_from.profile != now.profile:
        return outdated(proposal, WEIGHTS) or proposal
    if made_from.overrides != now.overrides:
        return outdated(proposal, POSITIONS) or proposal
    return proposal
