"""What-if placements and the planning picture's data: the controller's part for the
Gantt and the load map.

A what-if placement is a case the user dragged to another team or start week. It is
checked at once against capacity (the planners' own check, ``app.placement``); when it
fits, the proposal on screen becomes the planner's plan with that case fixed there and
everything else where it was. That plan is marked as a what-if everywhere it is shown
(``placements`` is not empty) and is what a decision taken now records, because it is on
screen. Each placement can be undone; a new plan from the planner gets the placements
again, each checked anew (one that no longer fits is dropped, with a message saying so).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Signal

from stuurploeg.domain.weeks import IsoWeek
from stuurploeg.gui.controller.core import WorkspaceController
from stuurploeg.gui.controller.state import ActionRefused, Proposal

if TYPE_CHECKING:
    from stuurploeg.app.placement import PlacementCheck, PlacementContext
    from stuurploeg.app.planboard import Bar, Load
    from stuurploeg.app.planning import PlanResult

translate = QCoreApplication.translate


@dataclass(frozen=True)
class WhatIfPlacement:
    """``case_id`` moved by hand from ``from_team``/``from_week`` to ``team``/``start_week``."""

    case_id: str
    team: str
    start_week: IsoWeek
    from_team: str
    from_week: IsoWeek


class PlacementController(QObject):
    """Owned by the window beside the :class:`WorkspaceController` it works through."""

    changed = Signal()  # what-if placements added, undone or dropped

    def __init__(self, controller: WorkspaceController) -> None:
        super().__init__(controller)
        self.controller = controller
        self._placements: tuple[WhatIfPlacement, ...] = ()
        self._base: Proposal | None = None  # the planner's proposal the placements go on
        self._shown: Proposal | None = None  # the proposal with them, as it is on screen
        self._context: PlacementContext | None = None  # for ``_shown`` (or the base)
        self._bars: tuple[Bar, ...] | None = None
        controller.proposal_changed.connect(self._proposal_changed)
        controller.cases_changed.connect(self._forget_bars)

    # -- state ------------------------------------------------------------------------------
    @property
    def placements(self) -> tuple[WhatIfPlacement, ...]:
        return self._placements

    def placement(self, case_id: str) -> WhatIfPlacement | None:
        return next((p for p in self._placements if p.case_id == case_id), None)

    @property
    def plan(self) -> PlanResult | None:
        proposal = self.controller.proposal
        return None if proposal is None else proposal.result

    def bars(self) -> tuple[Bar, ...]:
        """A bar per running case in the plan's weeks and per placement of the plan."""
        plan = self.plan
        if plan is None:
            return ()
        if self._bars is None:
            from stuurploeg.app.planboard import plan_bars

            self._bars = plan_bars(plan, self.controller.cases)
        return self._bars

    def load(self, kind: str) -> Load | None:
        """Used over available per team and week of ``kind`` (``totaal`` or a specialism)."""
        plan = self.plan
        if plan is None or kind not in plan.kinds:
            return None
        from stuurploeg.app.planboard import plan_load

        return plan_load(plan, kind)

    def cases_in(self, team: int, week: int, kind: str) -> list[Bar]:
        """The cases on ``team`` (index) in week index ``week`` that use some of ``kind``."""
        plan = self.plan
        if plan is None or kind not in plan.kinds:
            return []
        from stuurploeg.app.planboard import cases_in_cell

        return cases_in_cell(self.bars(), plan.kinds, team, week, kind)

    # -- actions ----------------------------------------------------------------------------
    def check(self, case_id: str, team: str, start_week: IsoWeek) -> PlacementCheck:
        """Would ``case_id`` fit on ``team`` from ``start_week``? (milliseconds: at once)"""
        context = self._ready()
        return context.check(case_id, team, start_week)

    def place(self, case_id: str, team: str, start_week: IsoWeek) -> WhatIfPlacement:
        """Fix ``case_id`` on ``team`` from ``start_week`` in the proposal on screen; raises
        :class:`ActionRefused` with the binding team-week-fte when it does not fit."""
        from stuurploeg.app.placement import PlacementError

        context = self._ready()
        proposal = self.controller.proposal
        assert proposal is not None  # _ready checked it
        before = proposal.assignment(case_id)
        try:
            moved, new_context = context.apply(case_id, team, start_week)
        except PlacementError as exc:
            raise ActionRefused([str(exc)]) from exc
        previous = self.placement(case_id)
        placement = WhatIfPlacement(
            case_id, _moved_team(moved, case_id), start_week,
            previous.from_team if previous else (before.team if before else team),
            previous.from_week if previous else (before.start_week if before else start_week),
        )  # fmt: skip
        if not self._placements:  # the first one goes on the planner's proposal
            self._base = proposal
        kept = tuple(p for p in self._placements if p.case_id != case_id)
        self._placements = (*kept, placement)
        self._show(moved, new_context)
        self.controller.message.emit(
            translate("Placement", "What-if: %1 placed on %2 from %3.")
            .replace("%1", case_id).replace("%2", placement.team).replace("%3", str(start_week))
        )  # fmt: skip
        return placement

    def unplace(self, case_id: str) -> None:
        """Undo the what-if placement of ``case_id`` (the others stay)."""
        if self.placement(case_id) is None:
            return
        self._placements = tuple(p for p in self._placements if p.case_id != case_id)
        self._reapply()

    def clear(self) -> None:
        """Back to the planner's proposal: every what-if placement undone."""
        if not self._placements:
            return
        self._placements = ()
        self._reapply()

    # -- internals --------------------------------------------------------------------------
    def _ready(self) -> PlacementContext:
        proposal = self.controller.proposal
        capacity = self.controller.capacity
        if proposal is None or capacity is None:
            raise ActionRefused([translate("Placement", "There is no plan yet to move cases in.")])
        if self._context is None or self._context.result is not proposal.result:
            from stuurploeg.app.placement import PlacementContext, PlacementError

            try:
                self._context = PlacementContext(proposal.result, self.controller.cases, capacity)
            except PlacementError as exc:
                raise ActionRefused([str(exc)]) from exc
        return self._context

    def _show(self, result: PlanResult, context: PlacementContext | None) -> None:
        base = self._base
        assert base is not None
        # Not stored: the what-if plan is the planner's (stored) plan with cases moved by
        # hand, and a decision keeps its own snapshot of it.
        # An outdated base stays marked so with the placements on it.
        self._shown = Proposal(result, base.made_at, None, base.requested, base.outdated_by)
        self._context = context
        self._bars = None
        # The controller's own step for a new proposal (this module is part of it).
        self.controller._show_proposal(self._shown)
        self.changed.emit()

    def _reapply(self) -> None:
        """The base proposal with the placements on it again, each checked anew."""
        from stuurploeg.app.placement import PlacementContext, PlacementError

        base, capacity = self._base, self.controller.capacity
        if base is None or capacity is None:
            self._placements = ()
            self.changed.emit()
            return
        dropped: list[str] = []
        result = base.result
        try:
            context: PlacementContext | None = PlacementContext(result, self.controller.cases,
                                                                capacity)  # fmt: skip
        except PlacementError:
            context = None
        kept: list[WhatIfPlacement] = []
        for p in self._placements:
            if context is None:
                dropped.append(p.case_id)
                continue
            try:
                result, context = context.apply(p.case_id, p.team, p.start_week)
                kept.append(p)
            except PlacementError as exc:
                dropped.append(f"{p.case_id}: {exc}")
        self._placements = tuple(kept)
        if not kept:
            self._base = None
            self._shown = None
            self._context = None
            self._bars = None
            self.controller._show_proposal(base)
            self.changed.emit()
        else:
            self._show(result, context)
        if dropped:
            self.controller.warning.emit(
                translate("Placement", "These what-if placements no longer fit and were dropped:")
                + "\n"
                + "\n".join(dropped)
            )

    def _proposal_changed(self) -> None:
        self._bars = None
        proposal = self.controller.proposal
        if proposal is None:
            self._base = self._shown = self._context = None
            if self._placements:
                self._placements = ()
                self.changed.emit()
            return
        if proposal is self._shown or proposal is self._base:
            return
        # A new plan from the planner: the placements go on it again.
        self._base = proposal
        if self._placements:
            self._reapply()

    def _forget_bars(self) -> None:
        self._bars = None
        self._context = None


def _moved_team(result: PlanResult, case_id: str) -> str:
    return next(a.team for a in result.assignments if a.case_id == case_id)


__all__ = ["PlacementController", "WhatIfPlacement"]
