"""What the window currently shows: the open workspace's cases, ranking, plan, decisions.

One ``Session`` per main window. Widgets read from it and listen to its signals; they never
compute scores, plans or SQL themselves — the session asks the ``stuurploeg.app`` layer and
passes the result on. Keeping this apart from the window stops it becoming a god class.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from stuurploeg.domain.model import CapacityData, Case


def layer_available(module: str) -> bool:
    """True when an app-layer module exists (layers land one by one on main)."""
    try:
        return importlib.util.find_spec(module) is not None
    except ModuleNotFoundError:
        return False


class Session(QObject):
    cases_changed = Signal()  # a new set of cases/capacity (import, open)
    ranking_changed = Signal()  # ranking and/or plan recomputed
    decisions_changed = Signal()
    current_case_changed = Signal(str)  # "" when nothing is selected
    workspace_changed = Signal()
    profile_changed = Signal()
    plan_running = Signal(bool)
    message = Signal(str)  # short status-bar text (already translated)

    #: wait this long after the last weight change before re-planning (rank planner)
    REPLAN_DELAY_MS = 250

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.cases: list[Case] = []
        self.capacity: CapacityData | None = None
        self.ranking: Any | None = None
        self.plan: Any | None = None
        self.previous_ranks: dict[str, int] = {}
        self.decisions: dict[str, str] = {}
        self.workspace: Any | None = None
        self.workspace_path: Path | None = None
        self.source_files: list[Path] = []
        self.profile: Any | None = None  # WeightProfile (planning layer)
        self.preferred_profile: str | None = None  # the last one used (from the settings)
        self.overrides: list[Any] = []  # PositionOverride (planning layer)
        self.previous_plan: Any | None = None
        self._working_plan_id: int | None = None  # the last plan stored after a change
        self._current = ""
        self._plan_job: Any | None = None
        self._replan = QTimer(self)
        self._replan.setSingleShot(True)
        self._replan.setInterval(self.REPLAN_DELAY_MS)
        self._replan.timeout.connect(self.quick_plan)

    # -- data ----------------------------------------------------------------------------
    def set_cases(
        self,
        cases: Sequence[Case],
        capacity: CapacityData | None = None,
        *,
        source: Path | None = None,
    ) -> None:
        self.cases = list(cases)
        if capacity is not None:
            self.capacity = capacity
        if source is not None:
            self.source_files.append(source)
        self.ranking = None
        self.plan = None
        self.previous_ranks = {}
        self.cases_changed.emit()
        if self._current and self.case(self._current) is None:
            self.set_current_case("")
        self.rerank(remember=False)

    def set_capacity(self, capacity: CapacityData) -> None:
        self.capacity = capacity
        self.cases_changed.emit()
        self.rerank(remember=False)

    def set_ranking(self, ranking: Any | None, plan: Any | None = None) -> None:
        """A new ranking and/or plan from the app layer."""
        self.ranking = ranking
        if plan is not None:
            if self.plan is not None and self.plan is not plan:
                self.previous_plan = self.plan
            self.plan = plan
        self.ranking_changed.emit()

    # -- workspace (stuurploeg.app.workspace) -------------------------------------------
    def attach_workspace(self, ws: Any) -> None:
        self.workspace = ws
        self.workspace_path = Path(ws.path)
        self.source_files = []
        self.previous_plan = None
        self._working_plan_id = None
        self.workspace_changed.emit()
        self.reload_from_workspace()

    def detach_workspace(self) -> None:
        self.workspace = None
        self.profile = None  # the next workspace has its own profiles
        self.workspace_path = None
        self.workspace_changed.emit()

    def reload_from_workspace(self) -> None:
        """Cases, capacity, overrides and decisions as stored; then rank and plan again."""
        ws = self.workspace
        if ws is None:
            return
        from stuurploeg.app.workspace_plans import position_overrides

        self.overrides = position_overrides(ws)
        self.refresh_decisions(emit=False)
        self.set_cases(ws.cases(), ws.capacity())

    def refresh_decisions(self, *, emit: bool = True) -> None:
        """The decision column: each case's latest decision (draft or final)."""
        shown: dict[str, str] = {}
        if self.workspace is not None:
            for d in self.workspace.decisions():
                state = "✓" if d.final else "…"
                shown[d.case_id] = f"{d.label} {state}"
        self.decisions = shown
        if emit:
            self.decisions_changed.emit()

    # -- ranking and planning (stuurploeg.domain.scoring / stuurploeg.app.planning) ------
    @staticmethod
    def can_rank() -> bool:
        return layer_available("stuurploeg.domain.scoring")

    @staticmethod
    def can_plan() -> bool:
        return layer_available("stuurploeg.app.planning")

    def ensure_profile(self) -> Any | None:
        if self.profile is None and self.can_rank():
            from stuurploeg.domain.scoring import STANDARD_PROFILE

            stored = {p.name: p for p in self.stored_profiles()}
            self.profile = stored.get(self.preferred_profile or "", STANDARD_PROFILE)
            self.profile_changed.emit()
        return self.profile

    def set_profile(self, profile: Any) -> None:
        """New weights: re-rank at once (milliseconds), re-plan shortly after."""
        self.profile = profile
        self.profile_changed.emit()
        self.rerank(remember=True)

    def stored_profiles(self) -> list[Any]:
        """Profiles kept in the open workspace, as WeightProfile."""
        if self.workspace is None:
            return []
        from stuurploeg.app.workspace_plans import to_weight_profile

        return [to_weight_profile(r) for r in self.workspace.profiles()]

    def save_profile(self, name: str) -> Any | None:
        """Store the current weights under ``name`` (in the workspace when one is open)."""
        from stuurploeg.domain.scoring import WeightProfile

        profile = WeightProfile(name, dict(self.profile.weights), 1)
        if self.workspace is not None:
            from stuurploeg.app.workspace_plans import save_weight_profile

            profile = save_weight_profile(self.workspace, profile)
        self.profile = profile
        self.profile_changed.emit()
        return self.profile

    def set_overrides(self, overrides: Sequence[Any]) -> None:
        self.overrides = list(overrides)
        self.rerank(remember=True)

    def rerank(self, *, remember: bool) -> None:
        """Rank the cases with the current profile; ``remember`` keeps the old ranks for ↑/↓."""
        if not self.cases or self.ensure_profile() is None:
            return
        from stuurploeg.domain.scoring import rank_cases

        if remember and self.ranking is not None:
            self.previous_ranks = {e.case_id: e.rank for e in self.ranking.entries}
        ranking = rank_cases(self.cases, self.profile, self.overrides)
        self.set_ranking(ranking)
        if self.capacity is not None and self.can_plan():
            self._replan.start()

    def plan_kwargs(self) -> dict[str, Any]:
        return {"profile": self.profile, "overrides": tuple(self.overrides)}

    def quick_plan(self) -> None:
        """The rank-order plan (fast) in a worker, after weights or overrides changed."""
        self.run_plan("rank", time_limit=5.0, working=True)

    def run_plan(
        self, planner: str, *, time_limit: float, working: bool = False, **extra: Any
    ) -> Any:
        """Start ``make_plan`` in a worker; returns the Job (progress, cancel)."""
        from stuurploeg.gui.errors import user_message
        from stuurploeg.gui.workers import start_job

        if self.capacity is None or not self.cases:
            return None
        if self._plan_job is not None and self._plan_job.running:
            self._plan_job.cancel()
        cases, capacity = list(self.cases), self.capacity
        kwargs = {**self.plan_kwargs(), **extra}

        def work(state: Any) -> Any:
            from stuurploeg.app.planning import make_plan

            return make_plan(
                cases, capacity, planner=planner, time_limit=time_limit, state=state, **kwargs
            )

        job = start_job(
            work, on_result=lambda plan: self._plan_done(plan, working=working), parent=self
        )
        job.failed.connect(lambda exc: self.message.emit(user_message(exc)))
        job.finished.connect(lambda: self.plan_running.emit(False))
        self._plan_job = job
        self.plan_running.emit(True)
        return job

    def _plan_done(self, plan: Any, *, working: bool = False) -> None:
        self.set_ranking(plan.ranking, plan)
        if self.workspace is None:
            return
        from stuurploeg.app.workspace_plans import plan_record, save_working_plan

        # Stored at once (with the weights it used) so that decisions snapshot the proposal
        # they were taken against. A plan made automatically after a change replaces the
        # previous automatic one unless a decision may refer to it: dragging a slider does
        # not pile up plans. A plan the user asked for is always kept.
        record = plan_record(plan, f"{plan.planner} {plan.start}")
        if working:
            self._working_plan_id = save_working_plan(
                self.workspace, record, self._working_plan_id
            )
        else:
            self.workspace.save_plan(record)
            self._working_plan_id = None

    def set_decisions(self, decisions: dict[str, str]) -> None:
        self.decisions = dict(decisions)
        self.decisions_changed.emit()

    def case(self, case_id: str) -> Case | None:
        return next((c for c in self.cases if c.case_id == case_id), None)

    # -- selection -----------------------------------------------------------------------
    @property
    def current_case_id(self) -> str:
        return self._current

    def set_current_case(self, case_id: str) -> None:
        if case_id != self._current:
            self._current = case_id
            self.current_case_changed.emit(case_id)
