"""The controller's slow steps as plain functions that run in a worker thread.

Each takes a :class:`TaskState` (progress, cancel) and returns plain values the controller
then shows on the GUI thread. The app layer is imported inside them: it brings numpy,
sqlite and the store, which the first window does not need (start-up time), and the
import cost then lands in the worker, not on the GUI thread.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from stuurploeg.domain.model import CapacityData, Case
from stuurploeg.domain.progress import TaskState
from stuurploeg.domain.weeks import IsoWeek
from stuurploeg.gui.controller.state import LayoutPreview, Proposal, WorkspaceContents
from stuurploeg.gui.ranking_rows import (
    PreparedRows,
    build_rows,
    decision_labels,
    ranking_columns,
)

if TYPE_CHECKING:
    from stuurploeg.app.export import ExportResult
    from stuurploeg.app.importing import CheckReport
    from stuurploeg.app.planning import PlanResult
    from stuurploeg.app.workspace import ImportResult, Workspace
    from stuurploeg.domain.scoring import PositionOverride, Ranking, WeightProfile

translate = QCoreApplication.translate


def read_contents(ws: Workspace) -> WorkspaceContents:
    """Cases, capacity, overrides, decisions and profiles as stored, in one consistent read."""
    from stuurploeg.app.workspace_plans import position_overrides, to_weight_profile

    with ws.consistent_read():
        record = ws.plan()
        return WorkspaceContents(
            cases=tuple(ws.cases()),
            capacity=ws.capacity(),
            overrides=tuple(position_overrides(ws)),
            decisions=tuple(ws.decisions()),
            profiles=tuple(to_weight_profile(r) for r in ws.profiles()),
            last_weighting=(
                to_weight_profile(record.profile)
                if record is not None and record.profile is not None
                else None
            ),
        )


def open_workspace(path: Path, state: TaskState) -> tuple[Workspace, WorkspaceContents]:
    """Open ``path`` (lock, integrity check, migration; the backup of the opening follows
    in a worker once it is shown) and read what it holds."""
    from stuurploeg.app.workspace import open_workspace as open_ws

    state.report(0.1, translate("Workspace", "Opening %1…").replace("%1", path.name))
    ws = open_ws(path, defer_backup=True)  # the controller backs up once it is shown
    return ws, _read_or_close(ws, state)


def create_workspace(path: Path, state: TaskState) -> tuple[Workspace, WorkspaceContents]:
    """A new, empty workspace at ``path``."""
    from stuurploeg.app.workspace import create_workspace as create_ws

    ws = create_ws(path)
    return ws, _read_or_close(ws, state)


def create_sample(
    path: Path, cases_file: Path, capacity_file: Path, state: TaskState
) -> tuple[Workspace, WorkspaceContents]:
    """The sample workspace made from the sample workbooks (first start)."""
    from stuurploeg.app.workspace import create_workspace as create_ws
    from stuurploeg.app.workspace_import import import_files

    state.report(0.1, translate("Workspace", "Making the sample workspace…"))
    path.parent.mkdir(parents=True, exist_ok=True)
    ws = create_ws(path)
    try:
        import_files(ws, cases_path=cases_file, capacity_path=capacity_file, state=state)
    except BaseException:
        ws.discard()  # nothing of the user's is in it yet: no half-made sample is left
        raise
    return ws, _read_or_close(ws, state)


def _read_or_close(ws: Workspace, state: TaskState) -> WorkspaceContents:
    """Read ``ws``; on failure or a cancel it is closed again (its lock released)."""
    try:
        contents = read_contents(ws)
        state.check()
    except BaseException:
        ws.close()
        raise
    return contents


@dataclass(frozen=True)
class Shown:
    """What the window shows when a job starts: the job prepares its result against it."""

    cases: tuple[Case, ...]
    capacity: CapacityData | None
    profile: WeightProfile | None
    plan: PlanResult | None  # the plan of the proposal on screen


@dataclass(frozen=True)
class Merged:
    """An import merged into the workspace, and the workspace as it is afterwards.

    ``same``: the cases and capacity read back equal those of ``shown`` (then
    ``contents`` holds the shown objects themselves, so nothing downstream redraws);
    ``prepared``: the Ranglijst's rows of the new cases, ranked with ``shown.profile`` and
    the stored overrides (None when the cases are the same or there is no profile yet).
    """

    result: ImportResult
    contents: WorkspaceContents
    same: bool = False
    prepared: PreparedRows | None = None


def merge_report(
    ws: Workspace,
    report: CheckReport,
    skip_bad_rows: bool,
    state: TaskState,
    shown: Shown | None = None,
) -> Merged:
    """Merge an accepted import (read with the user's mapping) into ``ws``; with ``shown``,
    also what the window does with it (compare, rank, lay out the rows), here and not on
    the GUI thread."""
    from stuurploeg.app.workspace_import import import_checked

    state.report(0.1, translate("Workspace", "Merging %1…").replace("%1", Path(report.file).name))
    kind = "capacity" if report.kind == "capacity" else "cases"
    result = import_checked(ws, **{kind: report}, skip_bad_rows=skip_bad_rows)
    contents = read_contents(ws)
    if shown is None:
        return Merged(result, contents)
    from dataclasses import replace

    same_cases = contents.cases == shown.cases
    if same_cases:
        contents = replace(contents, cases=shown.cases)
    if shown.capacity is not None and contents.capacity == shown.capacity:
        contents = replace(contents, capacity=shown.capacity)
    if same_cases and contents.capacity is shown.capacity:
        return Merged(result, contents, same=True)
    if shown.profile is None or not contents.cases:
        return Merged(result, contents)
    from stuurploeg.domain.scoring import rank_cases

    state.check()
    ranking = rank_cases(contents.cases, shown.profile, contents.overrides)
    plan = shown.plan
    previous: dict[str, int] = {}
    rows = build_rows(
        contents.cases, ranking, None if plan is None else plan.assignments,
        () if plan is None else plan.unplanned, decision_labels(contents.decisions), previous,
    )  # fmt: skip
    return Merged(result, contents, prepared=PreparedRows(contents.cases, ranking, previous,
                                                          plan, rows=rows))  # fmt: skip


def export(ws: Workspace, out: Path, meeting: date | None, state: TaskState) -> ExportResult:
    from stuurploeg.app.export import export_decision_log

    return export_decision_log(ws, out, meeting, state=state)


class WorkingPlanSlot:
    """Which stored plan the next automatic plan replaces, shared by the plan workers.

    Plans are stored in the worker that made them; the lock makes each store replace the
    one stored just before it, whichever worker finishes first.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._plan_id: int | None = None

    def store(self, save: Callable[[int | None], int], *, keep: bool) -> int:
        """``save(replaces) -> new id``; ``keep``: the next plan must not replace this one."""
        with self._lock:
            plan_id = save(self._plan_id)
            self._plan_id = None if keep else plan_id
            return plan_id

    def forget(self) -> None:
        with self._lock:
            self._plan_id = None


@dataclass(frozen=True)
class PlanRequest:
    """What to plan: a copy of the controller's state when the plan was asked for."""

    cases: tuple[Case, ...]
    capacity: CapacityData
    profile: WeightProfile
    overrides: tuple[PositionOverride, ...]
    planner: str = "rank"
    time_limit: float = 5.0
    weeks: int = 26  # the planning horizon, as ``stuurploeg plan`` has it
    requested: bool = False
    #: the ranks before the last change (the Ranglijst's ↑/↓), for the rows made with it
    previous_ranks: Mapping[str, int] = field(default_factory=dict, compare=False)


def make_proposal(
    request: PlanRequest,
    ws: Workspace | None,
    slot: WorkingPlanSlot,
    state: TaskState,
) -> Proposal:
    """Plan, and store the plan in ``ws`` at once with the weights it used, so that a
    decision taken while it is on screen refers to a plan that can be shown later.

    A plan made automatically after a change replaces the previous automatic one unless
    a decision may refer to it: dragging a slider does not pile up plans. A plan the
    user asked for is always kept.
    """
    from stuurploeg.app.planning import PLANNER_LABELS, make_plan
    from stuurploeg.app.replan import ReplanBasis, replan_basis
    from stuurploeg.app.workspace_plans import plan_record, save_working_plan

    start = IsoWeek.current()
    # Decisions of finalised meetings are fixed; the last vastgesteld plan is kept.
    basis = (ReplanBasis(request.cases) if ws is None
             else replan_basis(ws, start, request.cases))
    result = make_plan(
        list(basis.cases), request.capacity, profile=request.profile,
        overrides=request.overrides, planner=request.planner, weeks=request.weeks,
        time_limit=request.time_limit, state=state, start=start, fixed=basis.fixed,
        previous=basis.previous,
    )  # fmt: skip
    plan_id = None
    if ws is not None and not state.cancelled:
        # The name the export shows: the planner in Dutch, as on screen ("Optimaal 2026-W49").
        label = PLANNER_LABELS.get(result.planner, result.planner)
        record = plan_record(result, f"{label} {result.start}")
        if request.requested:
            plan_id = slot.store(lambda _old: ws.save_plan(record), keep=True)
        else:
            plan_id = slot.store(lambda old: save_working_plan(ws, record, old), keep=False)
    return Proposal(result, datetime.now().astimezone(), plan_id, request.requested)


def make_proposal_and_rows(
    request: PlanRequest,
    ws: Workspace | None,
    slot: WorkingPlanSlot,
    state: TaskState,
    rows: list[PreparedRows],
) -> Proposal:
    """:func:`make_proposal`, and (appended to ``rows``) what the new plan and its ranking
    rewrite in the Ranglijst's rows of ``request.cases``: the GUI thread then only swaps
    them in. The job's result stays the proposal (the plan dialog listens to it too)."""
    proposal = make_proposal(request, ws, slot, state)
    # The decision form's proposal for a selected case needs this module; imported here,
    # the first selection after a plan does not pay for it on the GUI thread.
    import stuurploeg.app.decisions  # noqa: F401

    state.check()
    result = proposal.result
    ranking: Ranking = result.ranking
    columns = ranking_columns(request.cases, ranking, result.assignments, result.unplanned,
                              request.previous_ranks)  # fmt: skip
    rows.append(PreparedRows(request.cases, ranking, request.previous_ranks, result,
                             columns=columns))  # fmt: skip
    return proposal


def detect_layout(
    path: Path, kind: str | None, sheet: str | None, rows: int, state: TaskState
) -> LayoutPreview:
    """The import's own guess of sheet, header and mapping, plus the raw rows to show.

    Without a recognised header the chosen (or first) sheet is still shown, so that the
    user can map its columns by hand.
    """
    from stuurploeg.app.importing import check_file, preview

    report = check_file(path, kind, sheet=sheet, state=state)
    shown = report.sheet or sheet or (report.sheets[0] if report.sheets else None)
    raw = preview(path, shown, rows) if shown else []
    return LayoutPreview(report, [list(r) for r in raw], shown)


def check_workbook(
    path: Path, kind: str, sheet: str | None, mapping: dict[str, str], state: TaskState
) -> CheckReport:
    from stuurploeg.app.importing import check_file

    return check_file(path, kind, sheet=sheet, mapping=mapping or None, state=state)


def preview_rows(path: Path, sheet: str, rows: int) -> Sequence[Sequence[object]]:
    from stuurploeg.app.importing import preview

    return preview(path, sheet, rows)
