"""What the controller holds, as typed values the views read (never change).

App-layer types the views need are named here for type checkers only: importing them for
real would load numpy and the store before the first window shows.
"""

from __future__ import annotations

import copy
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from stuurploeg.domain.model import CapacityData, Case

if TYPE_CHECKING:
    from stuurploeg.app.importing import CheckReport, Issue
    from stuurploeg.app.planning import PlanResult
    from stuurploeg.app.workspace import Workspace
    from stuurploeg.domain.decisions import Decision
    from stuurploeg.domain.planning import Assignment, PlanComparison, Unplanned
    from stuurploeg.domain.planning.previous import Move
    from stuurploeg.domain.scoring import PositionOverride, Ranking, WeightProfile
    from stuurploeg.store.cases_repo import MergeReport

__all__ = [
    "ActionRefused",
    "Assignment",
    "CheckReport",
    "Issue",
    "LayoutPreview",
    "MeetingState",
    "MergeSummary",
    "PlanComparison",
    "PlanResult",
    "PositionOverride",
    "Proposal",
    "Ranking",
    "Unplanned",
    "WeightProfile",
    "Workspace",
    "WorkspaceContents",
]


class ActionRefused(Exception):
    """A user action was refused; ``problems`` says why, one Dutch line per reason.

    Nothing was changed. The controller turns the app layer's refusals (an incomplete
    decision, a finalised meeting, a locked workspace …) into this one type.

    ``field``: the :class:`Decision` field at fault (a form shows the message there);
    ``existing``: the decision the meeting already holds about the case, when that is why.
    """

    def __init__(
        self,
        problems: Sequence[str],
        field: str | None = None,
        existing: Decision | None = None,
    ) -> None:
        self.problems = list(problems)
        self.field = field
        self.existing = existing
        super().__init__(" ".join(self.problems))


@dataclass(frozen=True)
class Proposal:
    """A plan as the window shows it: which planner made it, when, and where it is stored.

    ``plan_id`` is the stored plan it is (None without a workspace); a decision taken while
    it is on screen records its snapshot. ``requested``: asked for in Plan maken (always
    kept), not made automatically after a change (replaced by the next one).
    ``outdated_by``: why it no longer fits the weights, positions or cases on screen ("" while
    it does); it stays on screen, marked, until it is made again (controller/proposals.py).
    """

    result: PlanResult
    made_at: datetime
    plan_id: int | None = None
    requested: bool = False
    outdated_by: str = ""
    _assigned: dict[str, Assignment] = field(
        default_factory=dict, init=False, compare=False, repr=False
    )
    _unplanned: dict[str, Unplanned] = field(
        default_factory=dict, init=False, compare=False, repr=False
    )

    def __post_init__(self) -> None:
        self._assigned.update({a.case_id: a for a in self.result.assignments})
        self._unplanned.update({u.case_id: u for u in self.result.unplanned})

    def outdated_for(self, reason: str) -> Proposal:
        """This proposal, marked outdated by ``reason``; it shares the case indexes, which
        ``replace`` would build again (half a millisecond per slider step at 2,000 cases)."""
        marked = copy.copy(self)
        object.__setattr__(marked, "outdated_by", reason)
        return marked

    @property
    def planner(self) -> str:
        """``rank``, ``fill`` or ``optimal``."""
        return self.result.planner

    @property
    def outdated(self) -> bool:
        return bool(self.outdated_by)

    def assignment(self, case_id: str) -> Assignment | None:
        return self._assigned.get(case_id)

    def unplanned(self, case_id: str) -> Unplanned | None:
        return self._unplanned.get(case_id)

    def move(self, case_id: str) -> Move | None:
        """Where the plan moved the case from since the last meeting's plan, and why."""
        return self.result.move_of(case_id)


@dataclass(frozen=True)
class MeetingState:
    """The meeting decisions are recorded in: its day, who decides, what it holds so far."""

    day: date
    decided_by: str = ""
    decisions: tuple[Decision, ...] = ()
    finalised: bool = False

    @property
    def drafts(self) -> tuple[Decision, ...]:
        return tuple(d for d in self.decisions if not d.final)


@dataclass(frozen=True)
class WorkspaceContents:
    """Everything the window shows of a workspace, read in one go (in a worker)."""

    cases: tuple[Case, ...]
    capacity: CapacityData
    overrides: tuple[PositionOverride, ...]
    decisions: tuple[Decision, ...]
    profiles: tuple[WeightProfile, ...]
    last_weighting: WeightProfile | None  # the weights of the newest stored plan


@dataclass(frozen=True)
class MergeSummary:
    """An import merged into the workspace: one line for the status bar, the details."""

    file: Path
    text: str
    details: str
    report: MergeReport


@dataclass(frozen=True)
class LayoutPreview:
    """A workbook as the import wizard first shows it: the import's own guess of sheet,
    header row and mapping, and the raw rows of the sheet shown."""

    report: CheckReport
    rows: list[list[object]]
    sheet: str | None
