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

from PySide6.QtCore import QObject, Signal

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
    message = Signal(str)  # short status-bar text (already translated)

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
        self._current = ""

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

    def set_capacity(self, capacity: CapacityData) -> None:
        self.capacity = capacity
        self.cases_changed.emit()

    def set_ranking(self, ranking: Any | None, plan: Any | None = None) -> None:
        """A new ranking/plan from the app layer; remembers the old ranks for ↑/↓."""
        if self.ranking is not None:
            self.previous_ranks = {e.case_id: e.rank for e in self.ranking.entries}
        self.ranking = ranking
        if plan is not None:
            self.plan = plan
        self.ranking_changed.emit()

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
